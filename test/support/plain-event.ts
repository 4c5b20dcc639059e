/**
 * A built event's fields as a plain object, for comparing with a literal. Projected events also carry their
 * projection under a symbol (ecs/flat-projection.ts), which JSON and the engine never see but deepStrictEqual does.
 */
import type { EcsEvent } from '../../src/ecs/index.js';

export function plain(event: EcsEvent | undefined): EcsEvent | undefined {
  return event === undefined ? undefined : (Object.fromEntries(Object.entries(event)) as EcsEvent);
}
