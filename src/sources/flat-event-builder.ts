/**
 * Makes the flat projected event objects (`{"@timestamp": …, "source.ip": …}`) fast. Every event of a projection gets
 * the same shape: one object literal holding every kept field, `undefined` where the line had none. Setting dotted keys
 * one by one would go through V8's slow generic property store, and one shape for all events keeps the code that reads
 * them monomorphic. `getField` relies on this: a kept field that is absent is an own property holding `undefined`,
 * so a miss is answered without walking nested objects. JSON.stringify leaves the undefined fields out.
 * Each event also carries its FlatProjection (ecs/flat-projection.ts), so that `exists` need not scan its keys.
 */
import { FLAT_PROJECTION, FlatProjection, type EcsEvent, type EcsValue } from '../ecs/index.js';

type MakeEvent = (values: ArrayLike<EcsValue | undefined>) => EcsEvent;

export class FlatEventBuilder {
  private readonly make: MakeEvent;

  constructor(private readonly fields: readonly string[]) {
    // `__proto__` in an object literal sets the prototype instead of making a property: build such events key by key.
    this.make = fields.includes('__proto__') ? (values) => this.buildByKeys(values) : FlatEventBuilder.compile(fields);
  }

  /** The event holding `values[k]` as field k (undefined where the line had no value). */
  build(values: ArrayLike<EcsValue | undefined>): EcsEvent {
    return this.make(values);
  }

  private static compile(fields: readonly string[]): MakeEvent {
    const members = fields.map((f, k) => `${JSON.stringify(f)}: v[${k}]`);
    // The field names are JSON-quoted, so no input can change the code compiled here.
    const make = new Function('mark', 'projection', `return (v) => { const e = { ${members.join(', ')} }; e[mark] = projection; return e; };`);
    return make(FLAT_PROJECTION, new FlatProjection(fields)) as MakeEvent;
  }

  private buildByKeys(values: ArrayLike<EcsValue | undefined>): EcsEvent {
    const event: EcsEvent = {};
    for (let k = 0; k < this.fields.length; k++) {
      const v = values[k];
      if (v !== undefined) event[this.fields[k]] = v;
    }
    return event;
  }
}

const shared = new Map<string, FlatEventBuilder>();

/** The builder for a field list, shared by every read in the thread (its compiled shapes are worth keeping). */
export function flatEventBuilderFor(fields: readonly string[]): FlatEventBuilder {
  const key = JSON.stringify(fields);
  let builder = shared.get(key);
  if (!builder) {
    builder = new FlatEventBuilder(fields);
    if (shared.size >= 64) shared.clear();
    shared.set(key, builder);
  }
  return builder;
}
