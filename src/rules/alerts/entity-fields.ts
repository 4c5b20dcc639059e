/** Copies the fields of a source event into an alert, as nested objects (flat or nested input). */
import type { EcsEvent, EcsValue } from '../../ecs/index.js';
import { getField, setField } from '../../ecs/index.js';
import type { Alert } from '../types.js';

/** ECS field sets an alert carries from its source event (what analysts and the risk stage look at). */
export const ENTITY_GROUPS = [
  'host', 'user', 'process', 'source', 'destination', 'file', 'cloud', 'dns', 'url', 'network', 'event',
  'user_agent', 'data_stream', 'related',
] as const;

/**
 * Leaf fields of those sets that explanations, reasons and risk read. Selective parsing keeps fields by path, and a
 * bare set name only keeps nested input, so the leaves are listed too for flat (`"host.name"`) input.
 */
export const ENTITY_LEAF_FIELDS = [
  'host.name', 'host.hostname', 'host.id', 'host.ip', 'host.os.type', 'host.os.family', 'host.os.name',
  'user.name', 'user.id', 'user.domain', 'user.email',
  'process.name', 'process.pid', 'process.executable', 'process.command_line', 'process.args', 'process.entity_id',
  'process.parent.name', 'process.parent.executable', 'process.parent.command_line', 'process.parent.pid',
  'source.ip', 'source.port', 'source.address', 'source.domain', 'source.bytes', 'source.geo.country_iso_code',
  'destination.ip', 'destination.port', 'destination.address', 'destination.domain', 'destination.bytes',
  'destination.geo.country_iso_code', 'destination.geo.region_name',
  'file.name', 'file.path', 'file.extension', 'file.size', 'file.directory',
  'cloud.provider', 'cloud.account.id', 'cloud.region', 'cloud.service.name',
  'dns.question.name', 'dns.question.type', 'url.full', 'url.domain', 'url.original',
  'network.protocol', 'network.transport', 'network.direction', 'network.bytes',
  'event.id', 'event.category', 'event.type', 'event.action', 'event.outcome', 'event.provider', 'event.dataset',
  'event.module', 'event.code', 'user_agent.original', 'data_stream.dataset',
] as const;

function isPlainObject(v: unknown): v is Record<string, EcsValue> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function mergeValue(target: EcsEvent, path: string, value: EcsValue | undefined): void {
  if (value === undefined) return;
  if (isPlainObject(value)) {
    for (const [k, v] of Object.entries(value)) mergeValue(target, `${path}.${k}`, v);
    return;
  }
  setField(target, path, structuredClone(value));
}

/**
 * Copies the source event's fields (as Elastic does for event rules, so exceptions added later can still match the
 * stored alert), nested; `@timestamp` is the alert's own and `kibana.*` is never taken from a source. Then the
 * `extraFields` (dotted paths) not already copied.
 */
export function copyEntityFields(alert: Alert, source: EcsEvent, extraFields: readonly string[] = []): void {
  const target = alert as EcsEvent;
  for (const key of Object.keys(source)) {
    if (key === '@timestamp' || key === 'kibana' || key.startsWith('kibana.')) continue;
    mergeValue(target, key, source[key]);
  }
  for (const field of extraFields) {
    if (getField(target, field) !== undefined) continue;
    const v = getField(source, field);
    if (v !== undefined) setField(target, field, structuredClone(v));
  }
}
