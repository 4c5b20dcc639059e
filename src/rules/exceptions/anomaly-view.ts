/**
 * The document exceptions see for an anomaly record (or an ML alert): its own fields plus, under each split and
 * influencer field name, every value the record names there, so `host.name is ws-017` matches a record whose
 * host.name array or host.name influencer values contain ws-017.
 */
import type { EcsEvent, EcsValue } from '../../ecs/index.js';
import { getValues } from '../../ecs/index.js';

const SPLITS = [
  ['by_field_name', 'by_field_value'],
  ['over_field_name', 'over_field_value'],
  ['partition_field_name', 'partition_field_value'],
] as const;

export function anomalyExceptionView(doc: Record<string, unknown>): EcsEvent {
  const view = { ...doc } as EcsEvent;
  const extra = new Map<string, Set<string | number | boolean>>();
  const add = (field: string, vals: unknown[]): void => {
    let set = extra.get(field);
    if (!set) {
      set = new Set(getValues(doc as EcsEvent, field));
      extra.set(field, set);
    }
    for (const v of vals) if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') set.add(v);
  };
  for (const [nameKey, valueKey] of SPLITS) {
    const name = doc[nameKey];
    if (typeof name === 'string' && name !== '' && doc[valueKey] !== undefined) add(name, [doc[valueKey]]);
  }
  const influencers = doc.influencers;
  if (Array.isArray(influencers)) {
    for (const inf of influencers) {
      if (typeof inf !== 'object' || inf === null) continue;
      const { influencer_field_name: name, influencer_field_values: vals } = inf as Record<string, unknown>;
      if (typeof name === 'string' && Array.isArray(vals)) add(name, vals);
    }
  }
  for (const [field, set] of extra) view[field] = [...set] as EcsValue[];
  return view;
}
