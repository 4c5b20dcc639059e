/**
 * machine_learning alerts (Elastic §4.5): the anomaly record's fields merged in, split and influencer fields as
 * nested entity fields (`"host.name": ["x"]` → `host: {name: ["x"]}`), original_time = the anomaly's bucket time.
 */
import type { EcsEvent, EcsValue } from '../../ecs/index.js';
import { isoTime, setField } from '../../ecs/index.js';
import { anomalyExceptionView } from '../exceptions/anomaly-view.js';
import type { Alert, LoadedRule, RecordDoc } from '../types.js';
import { finishAlert } from './alert-base.js';
import { anomalyReason } from './reason.js';

const SPLIT_KEYS = [
  ['by_field_name', 'by_field_value'],
  ['over_field_name', 'over_field_value'],
  ['partition_field_name', 'partition_field_value'],
] as const;

function entityFieldNames(r: RecordDoc): Set<string> {
  const names = new Set<string>();
  for (const [nameKey] of SPLIT_KEYS) if (typeof r[nameKey] === 'string' && r[nameKey] !== '') names.add(r[nameKey] as string);
  for (const inf of r.influencers ?? []) names.add(inf.influencer_field_name);
  return names;
}

function fallbackExplanation(r: RecordDoc): string {
  const splits = SPLIT_KEYS.filter(([n, v]) => r[n] && r[v] !== undefined).map(([n, v]) => `${r[n]} ${r[v]}`);
  const fn = `${r.function ?? 'anomaly'}${r.field_name ? `(${r.field_name})` : ''}`;
  const values = r.actual ? `: actual ${r.actual.join(', ')}${r.typical ? ` vs typical ${r.typical.join(', ')}` : ''}` : '';
  return `${fn}${splits.length ? ` for ${splits.join(', ')}` : ''}${values} (record score ${Math.round(r.record_score)})`;
}

export function buildMlAlert(rule: LoadedRule, record: RecordDoc, uuid: string, tickMs: number): Alert {
  const alert: Alert = { '@timestamp': isoTime(tickMs) };
  const entities = entityFieldNames(record);
  for (const [key, value] of Object.entries(record)) {
    if (key === '_id' || key === 'explanation' || value === undefined) continue;
    if (entities.has(key)) setField(alert as EcsEvent, key, structuredClone(value) as EcsValue);
    else alert[key] = structuredClone(value);
  }
  // A split field the record did not also write top-level still names the entity.
  for (const [nameKey, valueKey] of SPLIT_KEYS) {
    const name = record[nameKey];
    const value = record[valueKey];
    if (typeof name === 'string' && name !== '' && value !== undefined && !(name in record)) setField(alert as EcsEvent, name, [value as EcsValue]);
  }
  const meaning = rule.outflow.meaning ?? rule.name;
  return finishAlert(alert, rule, {
    uuid,
    tickMs,
    originalTimeMs: record.timestamp,
    mappingDoc: anomalyExceptionView(record),
    ancestors: [{ id: record._id, type: 'event', index: '.ml-anomalies-shared', depth: 0 }],
    reason: (name, severity, risk) => anomalyReason(alert as EcsEvent, name, severity, risk, tickMs),
    explanation: `${meaning}: ${record.explanation ?? fallbackExplanation(record)}`,
  });
}
