/** Threshold alerts: one per group of events whose count (and cardinality) reached the threshold in a run. */
import type { EcsEvent } from '../../ecs/index.js';
import { isoTime, setField } from '../../ecs/index.js';
import { formatQuery } from '../../query/index.js';
import { formatDuration } from '../duration.js';
import type { Alert, LoadedRule } from '../types.js';
import { finishAlert } from './alert-base.js';
import { withMeaning } from './describe-event.js';
import { eventReason } from './reason.js';

export interface ThresholdBucket {
  terms: Array<{ field: string; value: string }>;
  count: number;
  cardinality: Array<{ field: string; value: number }>;
  firstMs: number;
  lastMs: number;
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function buildThresholdAlert(rule: LoadedRule, bucket: ThresholdBucket, uuid: string, tickMs: number): Alert {
  if (rule.logic.type !== 'threshold') throw new Error(`rule ${rule.id} is not a threshold rule`);
  const logic = rule.logic;
  const alert: Alert = { '@timestamp': isoTime(tickMs) };
  for (const t of bucket.terms) setField(alert as EcsEvent, t.field, t.value);
  const who = bucket.terms.length ? bucket.terms.map((t) => t.value).join(' / ') : 'all sources together';
  const query = logic.query.type === 'match_all' ? 'events' : `events matching \`${clip(formatQuery(logic.query), 120)}\``;
  const distinct = bucket.cardinality.map((c) => ` across ${c.value} distinct ${c.field}`).join('');
  const sentence = `${who} made ${bucket.count} ${query}${distinct} in ${formatDuration(rule.lookbackMs)} (threshold ${logic.value})`;
  finishAlert(alert, rule, {
    uuid,
    tickMs,
    originalTimeMs: bucket.lastMs,
    mappingDoc: alert as EcsEvent,
    ancestors: [],
    reason: (name, severity) => eventReason(alert as EcsEvent, name, severity),
    explanation: withMeaning(sentence, rule.outflow.meaning, rule.name),
  });
  alert['kibana.alert.threshold_result'] = {
    terms: bucket.terms,
    count: bucket.count,
    from: isoTime(bucket.firstMs),
    ...(bucket.cardinality.length ? { cardinality: bucket.cardinality } : {}),
  };
  return alert;
}
