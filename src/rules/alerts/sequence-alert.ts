/**
 * EQL sequence alerts: one alert per matched sequence. Like Elastic's shell alert it carries the entity fields
 * common to all events; the events themselves are listed (ancestors + `outflow.sequence.events`).
 */
import type { EcsEvent } from '../../ecs/index.js';
import { getString, isoTime, setField } from '../../ecs/index.js';
import { formatSpan } from '../duration.js';
import type { Alert, LoadedRule } from '../types.js';
import { finishAlert } from './alert-base.js';
import { describeEvent, withMeaning } from './describe-event.js';
import { copyEntityFields } from './entity-fields.js';
import { ruleExtraFields, type EventHit } from './event-alert.js';
import { canonicalJson } from './ids.js';
import { eventReason } from './reason.js';

function leaves(obj: unknown, prefix: string, out: Map<string, unknown>): void {
  if (typeof obj === 'object' && obj !== null && !Array.isArray(obj)) {
    for (const [k, v] of Object.entries(obj)) leaves(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out.set(prefix, obj);
  }
}

/** Entity fields whose value is the same in every event of the sequence. */
function commonEntityFields(events: EcsEvent[], extra: string[]): Map<string, unknown> {
  let common: Map<string, unknown> | undefined;
  for (const e of events) {
    const copy: Alert = {};
    copyEntityFields(copy, e, extra);
    const flat = new Map<string, unknown>();
    leaves(copy, '', flat);
    if (!common) {
      common = flat;
      continue;
    }
    for (const [path, v] of common) {
      if (!flat.has(path) || canonicalJson(flat.get(path)) !== canonicalJson(v)) common.delete(path);
    }
  }
  return common ?? new Map();
}

function eventSummary(hit: EventHit): Record<string, unknown> {
  const e = hit.event;
  const pick = (f: string): Record<string, string> => {
    const v = getString(e, f);
    return v === undefined ? {} : { [f]: v };
  };
  return {
    '@timestamp': isoTime(hit.timeMs),
    id: hit.eventId,
    ...pick('event.category'),
    ...pick('event.action'),
    ...pick('host.name'),
    ...pick('user.name'),
    ...pick('process.name'),
    ...pick('process.command_line'),
    ...pick('file.path'),
    ...pick('destination.ip'),
  };
}

export function buildSequenceAlert(rule: LoadedRule, hits: EventHit[], joinKeys: Array<[string, string]>, uuid: string, tickMs: number): Alert {
  const events = hits.map((h) => h.event);
  const alert: Alert = { '@timestamp': isoTime(tickMs) };
  for (const [path, v] of commonEntityFields(events, ruleExtraFields(rule))) setField(alert as EcsEvent, path, v as never);
  const first = hits[0];
  const last = hits[hits.length - 1];
  const keys = joinKeys.map(([f, v]) => `${f} ${v}`).join(', ');
  const steps = hits.map((h) => describeEvent(h.event)).join(' → ');
  const span = formatSpan(last.timeMs - first.timeMs);
  const explanation = withMeaning(`${hits.length} events in sequence${keys ? ` for ${keys}` : ''} within ${span}: ${steps}`, rule.outflow.meaning, rule.name);
  finishAlert(alert, rule, {
    uuid,
    tickMs,
    originalTimeMs: first.timeMs,
    mappingDoc: alert as EcsEvent,
    ancestors: hits.map((h) => ({ id: h.eventId, type: 'event', depth: 0 })),
    reason: (name, severity) => eventReason(alert as EcsEvent, name, severity),
    explanation,
  });
  alert['kibana.alert.group.id'] = uuid;
  alert['outflow.sequence.events'] = hits.map(eventSummary);
  return alert;
}
