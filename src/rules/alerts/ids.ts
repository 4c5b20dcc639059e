/** Deterministic ids: alert uuid = sha256(rule_id + source doc id), so reruns and overlapping lookbacks never duplicate. */
import { createHash } from 'node:crypto';
import type { EcsEvent } from '../../ecs/index.js';
import { getString } from '../../ecs/index.js';

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** JSON with object keys sorted at every level, so equal documents hash equally whatever their key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

/** `event.id` when the source gave one, else a hash of the event's canonical JSON. */
export function stableEventId(event: EcsEvent): string {
  return getString(event, 'event.id') ?? sha256(canonicalJson(event));
}

export function alertUuid(ruleId: string, sourceDocId: string): string {
  return sha256(`${ruleId}\u0000${sourceDocId}`);
}
