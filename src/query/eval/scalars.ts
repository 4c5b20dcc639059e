/** Iterating the scalar values of a field (arrays match when any element does), without allocating. */
import type { EcsValue } from '../../ecs/index.js';

export type FieldScalar = string | number | boolean;

export function someScalar(value: EcsValue | undefined, test: (v: FieldScalar) => boolean): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value !== 'object') return test(value);
  if (Array.isArray(value)) {
    for (const el of value) if (someScalar(el, test)) return true;
  }
  return false;
}

/** First scalar (depth-first), the value EQL scalar functions operate on. */
export function firstScalar(value: EcsValue | undefined): FieldScalar | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (const el of value) {
      const s = firstScalar(el);
      if (s !== null) return s;
    }
  }
  return null;
}

/** A number from a number or a numeric string (Elasticsearch coerces those); undefined otherwise. */
export function toNumber(v: FieldScalar | null | undefined): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string') {
    const c = v.charCodeAt(0);
    // Cheap pre-check: numeric strings start with a digit, sign, dot or space.
    if (!(c >= 48 && c <= 57) && c !== 45 && c !== 43 && c !== 46 && c !== 32) return undefined;
    if (v.trim() === '') return undefined;
    const n = Number(v);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}
