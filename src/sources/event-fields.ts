/** Field edits the reader makes before an event leaves it: removing a bad field, projecting to a flat object. */
import { getField, type EcsEvent, type EcsValue } from '../ecs/index.js';

/** Removes `path` where `getField` would find it (flat dotted key or any nesting split). True when something was removed. */
export function removeField(node: EcsEvent, path: string): boolean {
  if (node[path] !== undefined) {
    delete node[path];
    return true;
  }
  let dot = path.indexOf('.');
  while (dot > 0) {
    const child = node[path.slice(0, dot)];
    if (child !== null && typeof child === 'object' && !Array.isArray(child) && removeField(child as EcsEvent, path.slice(dot + 1))) {
      return true;
    }
    dot = path.indexOf('.', dot + 1);
  }
  return false;
}

/** A flat object holding only `paths` (dotted keys) that are present in `event`; `getField` reads it directly. */
export function projectFlat(event: EcsEvent, paths: readonly string[]): EcsEvent {
  const out: EcsEvent = {};
  for (const path of paths) {
    const v = getField(event, path);
    if (v !== undefined) out[path] = v;
  }
  return out;
}

/** True when `v` is a number, a numeric string (Elasticsearch coerces those), or an array of only such values. */
export function isNumericValue(v: EcsValue): boolean {
  if (typeof v === 'number') return Number.isFinite(v);
  if (typeof v === 'string') return v.trim() !== '' && Number.isFinite(Number(v));
  if (Array.isArray(v)) return v.every((x) => x === null || isNumericValue(x));
  return false;
}
