/**
 * The influencer values of an event as the detectors tally them: per influencer field, its distinct scalar values as
 * strings. Built for every event of every job, so the common cases (absent, one value) allocate as little as possible.
 */
import { getField, type EcsEvent } from '../ecs/index.js';

export type InfluencerValues = Array<readonly [string, readonly string[]]>;

const NONE: readonly string[] = Object.freeze([]);

function distinctStrings(v: unknown): readonly string[] {
  if (v === undefined || v === null) return NONE;
  if (!Array.isArray(v)) return typeof v === 'object' ? NONE : [String(v)];
  const out: string[] = [];
  for (const x of v) {
    if (x === null || typeof x === 'object') continue;
    const s = String(x);
    if (!out.includes(s)) out.push(s);
  }
  return out;
}

export function influencerValues(event: EcsEvent, fields: readonly string[]): InfluencerValues {
  const out: InfluencerValues = new Array(fields.length);
  for (let i = 0; i < fields.length; i++) out[i] = [fields[i], distinctStrings(getField(event, fields[i]))];
  return out;
}
