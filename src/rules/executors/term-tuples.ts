/** Value tuples of several fields in one event (every combination when fields hold arrays), like terms aggregations. */
import type { EcsEvent } from '../../ecs/index.js';
import { getValues } from '../../ecs/index.js';

/** Upper bound of combinations per event, so one event with huge arrays cannot blow up memory. */
const MAX_TUPLES = 100;

/** `[]` when some field is missing (terms aggregations skip such documents); `[[]]` when `fields` is empty. */
export function termTuples(event: EcsEvent, fields: readonly string[]): string[][] {
  let tuples: string[][] = [[]];
  for (const field of fields) {
    const values = [...new Set(getValues(event, field).map(String))];
    if (values.length === 0) return [];
    const next: string[][] = [];
    for (const t of tuples) {
      for (const v of values) {
        if (next.length >= MAX_TUPLES) break;
        next.push([...t, v]);
      }
    }
    tuples = next;
  }
  return tuples;
}

export function tupleKey(tuple: readonly string[]): string {
  return JSON.stringify(tuple);
}
