/** Dotted-path field access over ECS events that may be nested, flattened, or both. */
import type { EcsEvent, EcsValue } from './event.js';
import { FLAT_PROJECTION, type FlatProjection } from './flat-projection.js';

const pathCache = new Map<string, string[]>();
function splitPath(path: string): string[] {
  let parts = pathCache.get(path);
  if (!parts) {
    parts = path.split('.');
    pathCache.set(path, parts);
  }
  return parts;
}

/**
 * Value at `path`, trying the flat key first, then every split of the path into nested keys
 * (`a.b.c` may be stored as `a.b.c`, `a → b.c`, `a.b → c` or `a → b → c`).
 * Arrays of objects are walked element-wise, like Elasticsearch's field resolution,
 * and the results flattened into one array.
 */
export function getField(event: EcsEvent | EcsValue | undefined, path: string): EcsValue | undefined {
  if (event === null || event === undefined || typeof event !== 'object') return undefined;
  if (!Array.isArray(event)) {
    const flat = (event as Record<string, EcsValue | undefined>)[path];
    if (flat !== undefined) return flat;
    // Projected (flat) events hold every kept field as an own property, undefined when absent: nothing to walk.
    if (path in event) return undefined;
  }
  return walk(event as EcsValue, splitPath(path), 0);
}

/** `getField(event, path)` for one fixed path (see fieldReader). */
export type FieldReader = (event: EcsEvent) => EcsValue | undefined;

const readers = new Map<string, FieldReader>();

/**
 * A function that reads one fixed path exactly as `getField` does, but faster where it runs for every event. In
 * `getField` the property load `event[path]` sees every path and every event shape of the process, so V8 can only
 * do a generic lookup; a reader compiled for its path has a load site of its own, which sees one key and the few
 * shapes of the events it is used on. Readers are shared per path.
 */
export function fieldReader(path: string): FieldReader {
  let reader = readers.get(path);
  if (!reader) {
    // The path is JSON-quoted, so no field name can change the code compiled here.
    const key = JSON.stringify(path);
    const make = new Function('walk', 'parts', `return function read(event) {
      if (event === null || event === undefined || typeof event !== 'object') return undefined;
      if (!Array.isArray(event)) {
        const flat = event[${key}];
        if (flat !== undefined) return flat;
        if (${key} in event) return undefined;
      }
      return walk(event, parts, 0);
    };`) as (w: typeof walk, parts: string[]) => FieldReader;
    reader = make(walk, splitPath(path));
    readers.set(path, reader);
  }
  return reader;
}

/** `hasField(event, path)` for one fixed path, with a reader of its own (see fieldReader). */
export function fieldPresence(path: string): (event: EcsEvent) => boolean {
  const read = fieldReader(path);
  const prefix = path + '.';
  return (event) => presentAt(event, read(event), prefix);
}

function walk(node: EcsValue | undefined, parts: string[], i: number): EcsValue | undefined {
  if (i === parts.length) return node;
  if (node === null || node === undefined || typeof node !== 'object') return undefined;
  if (Array.isArray(node)) {
    const out: EcsValue[] = [];
    for (const el of node) {
      const v = walk(el, parts, i);
      if (v === undefined) continue;
      if (Array.isArray(v)) out.push(...v);
      else out.push(v);
    }
    return out.length ? out : undefined;
  }
  const obj = node as Record<string, EcsValue | undefined>;
  // Longest key first: "a.b" as one key is rarer than nesting, but must win when present.
  let key = parts[i];
  const direct = walk(obj[key], parts, i + 1);
  if (direct !== undefined) return direct;
  for (let j = i + 1; j < parts.length; j++) {
    key += '.' + parts[j];
    const v = obj[key];
    if (v !== undefined) {
      const r = walk(v, parts, j + 1);
      if (r !== undefined) return r;
    }
  }
  return undefined;
}

/** All scalar values at `path` as an array (empty when absent or null). */
export function getValues(event: EcsEvent, path: string): Array<string | number | boolean> {
  return valuesOf(getField(event, path));
}

/** A field value as getValues gives it: its scalar values as an array. */
export function valuesOf(v: EcsValue | undefined): Array<string | number | boolean> {
  if (v === undefined || v === null) return [];
  if (Array.isArray(v)) return v.filter((x): x is string | number | boolean => x !== null && typeof x !== 'object');
  if (typeof v === 'object') return [];
  return [v];
}

/** First scalar value at `path`, as a string (numbers and booleans are stringified), or undefined. */
export function getString(event: EcsEvent, path: string): string | undefined {
  return stringOf(getField(event, path));
}

/** A field value as getString gives it: its first scalar, as a string. */
export function stringOf(v: EcsValue | undefined): string | undefined {
  const s = Array.isArray(v) ? v.find((x) => x !== null && typeof x !== 'object') : v;
  if (s === undefined || s === null || typeof s === 'object') return undefined;
  return String(s);
}

/**
 * First value at `path` as a finite number. Numeric strings are accepted (Elasticsearch coerces them);
 * returns `undefined` when absent and `NaN` when present but not numeric, so callers can count the bad value.
 */
export function getNumber(event: EcsEvent, path: string): number | undefined {
  return numberOf(getField(event, path));
}

/** A field value as getNumber gives it. */
export function numberOf(v: EcsValue | undefined): number | undefined {
  const s = Array.isArray(v) ? v[0] : v;
  if (s === undefined || s === null) return undefined;
  if (typeof s === 'number') return Number.isFinite(s) ? s : NaN;
  if (typeof s === 'string' && s.trim() !== '') {
    const n = Number(s);
    return Number.isFinite(n) ? n : NaN;
  }
  return NaN;
}

/** Sets `path` as nested objects (creating parents), the shape ECS documents are written in. */
export function setField(event: EcsEvent, path: string, value: EcsValue): void {
  const parts = splitPath(path);
  let node = event as Record<string, EcsValue | undefined>;
  for (let i = 0; i < parts.length - 1; i++) {
    const next = node[parts[i]];
    if (next === undefined || next === null || typeof next !== 'object' || Array.isArray(next)) {
      const created: Record<string, EcsValue> = {};
      node[parts[i]] = created;
      node = created;
    } else {
      node = next as Record<string, EcsValue | undefined>;
    }
  }
  node[parts[parts.length - 1]] = value;
}

/**
 * True when the field exists with a non-null value (Elasticsearch's `exists`). An object field such as `destination`
 * exists when any field below it does, also in flat events that only hold dotted leaves (`destination.port`).
 */
export function hasField(event: EcsEvent, path: string): boolean {
  return presentAt(event, getField(event, path), path + '.');
}

/** Whether a field whose value is `v` exists: a non-null value, or (when it has none) a flat key below `prefix`. */
function presentAt(event: EcsEvent, v: EcsValue | undefined, prefix: string): boolean {
  return v === undefined ? hasFlatChild(event, prefix) : isPresentValue(v);
}

function hasFlatChild(event: EcsEvent, prefix: string): boolean {
  const projection = (event as { [FLAT_PROJECTION]?: FlatProjection })[FLAT_PROJECTION];
  if (projection !== undefined) {
    // Only the keys that can be below the prefix (see flat-projection.ts), instead of every key of the event.
    for (const key of projection.keysBelow(prefix)) if (isPresentValue(event[key])) return true;
    return false;
  }
  for (const key in event) if (key.startsWith(prefix) && isPresentValue(event[key])) return true;
  return false;
}

/** A value `exists` counts: not undefined, not null, not an array of only nulls. */
function isPresentValue(v: EcsValue | undefined): boolean {
  return v !== undefined && v !== null && !(Array.isArray(v) && v.every((x) => x === null));
}
