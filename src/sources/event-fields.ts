/** Field edits the reader makes before an event leaves it: removing a bad field, projecting to a flat object. */
import { flatEventBuilderFor } from './flat-event-builder.js';
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

/**
 * The flat object of `paths` (dotted keys) that `getField` reads directly: every path is an own property, undefined
 * when the event has no value there (see flat-event-builder.ts for why absent fields are kept as undefined).
 */
export function projectFlat(event: EcsEvent, paths: readonly string[]): EcsEvent {
  const values: Array<EcsValue | undefined> = new Array(paths.length);
  for (let k = 0; k < paths.length; k++) values[k] = getField(event, paths[k]);
  return flatEventBuilderFor(paths).build(values);
}

/** True when `v` is a number, a numeric string (Elasticsearch coerces those), or an array of only such values. */
export function isNumericValue(v: EcsValue): boolean {
  if (typeof v === 'number') return Number.isFinite(v);
  if (typeof v === 'string') return v.trim() !== '' && Number.isFinite(Number(v));
  if (Array.isArray(v)) return v.every((x) => x === null || isNumericValue(x));
  return false;
}
