/** Alerts for rules that fire on one event: query, eql (single event) and new_terms. */
import type { EcsEvent } from '../../ecs/index.js';
import { isoTime } from '../../ecs/index.js';
import type { Alert, LoadedRule } from '../types.js';
import { finishAlert } from './alert-base.js';
import { describeEvent, withMeaning } from './describe-event.js';
import { copyEntityFields } from './entity-fields.js';
import { eventReason } from './reason.js';

export interface EventHit {
  event: EcsEvent;
  eventId: string;
  timeMs: number;
  uuid: string;
}

/** Fields beyond the entity groups that an alert of this rule must carry (investigation, grouping, new terms). */
export function ruleExtraFields(rule: LoadedRule): string[] {
  const out = [...rule.investigationFields, ...(rule.suppression?.groupBy ?? [])];
  if (rule.logic.type === 'new_terms' || rule.logic.type === 'threshold') out.push(...rule.logic.fields);
  return out.filter((f) => f !== '@timestamp');
}

export function buildEventAlert(rule: LoadedRule, hit: EventHit, tickMs: number, explanation?: string): Alert {
  const alert: Alert = { '@timestamp': isoTime(tickMs) };
  copyEntityFields(alert, hit.event, ruleExtraFields(rule));
  return finishAlert(alert, rule, {
    uuid: hit.uuid,
    tickMs,
    originalTimeMs: hit.timeMs,
    mappingDoc: hit.event,
    ancestors: [{ id: hit.eventId, type: 'event', depth: 0 }],
    reason: (name, severity) => eventReason(hit.event, name, severity),
    explanation: explanation ?? withMeaning(describeEvent(hit.event), rule.outflow.meaning, rule.name),
  });
}
