/**
 * What a flat projected event (`{"source.ip": …, "destination.port": …}`, see sources/flat-event-builder.ts) knows
 * about its own keys, so that `exists` needs no scan of them.
 *
 * `exists destination` on a flat event asks whether any key below `destination.` holds a value, and `exists
 * process.args` on an event without it asks the same of `process.args.`. Scanning all of an event's keys for that
 * (about 100 with every rule loaded) was the largest single cost of judging events. A projected event carries its
 * projection under a symbol (invisible to JSON, Object.keys and for-in), and the projection lists, per prefix, the
 * keys that can be below it: its own fields, plus those that code adding keys to projected events declares with
 * `declareAddedFlatKeys` (the enricher, datafeed runtime fields).
 */

export const FLAT_PROJECTION: unique symbol = Symbol('outflow.flatProjection');

/** Keys that may be added to projected events after they are built. */
const addedKeys = new Set<string>();
let addedVersion = 0;

/** Declares keys that some code may add to projected events (it must, or `exists` may miss them). */
export function declareAddedFlatKeys(keys: Iterable<string>): void {
  for (const key of keys) {
    if (addedKeys.has(key)) continue;
    addedKeys.add(key);
    addedVersion++;
  }
}

export class FlatProjection {
  /** prefix → the keys starting with it; private (#), so events stay deep-equal whatever was asked of them. */
  readonly #below = new Map<string, readonly string[]>();
  #version = addedVersion;

  constructor(readonly fields: readonly string[]) {}

  /** The keys an event of this projection may have below `prefix` (which ends with a dot). */
  keysBelow(prefix: string): readonly string[] {
    if (this.#version !== addedVersion) {
      this.#below.clear();
      this.#version = addedVersion;
    }
    let keys = this.#below.get(prefix);
    if (keys === undefined) {
      keys = [...new Set([...this.fields, ...addedKeys])].filter((k) => k.startsWith(prefix));
      this.#below.set(prefix, keys);
    }
    return keys;
  }
}
