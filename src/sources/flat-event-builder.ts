/**
 * Makes the flat projected event objects (`{"@timestamp": …, "source.ip": …}`) fast. Setting ten different
 * dotted keys one by one goes through V8's slow generic property store; an object literal of a fixed shape is
 * made in one step. One literal-making function is compiled per pattern of present fields (a projection has few).
 */
import type { EcsEvent, EcsValue } from '../ecs/index.js';

type MakeEvent = (values: ArrayLike<EcsValue | undefined>) => EcsEvent;

/** Past this many fields the presence pattern no longer fits one integer: objects are built key by key. */
const MAX_FIELDS = 30;
const MAX_SHAPES = 256;

export class FlatEventBuilder {
  private readonly makers = new Map<number, MakeEvent>();
  private readonly literals: boolean;

  constructor(private readonly fields: readonly string[]) {
    // `__proto__` in an object literal sets the prototype instead of making a property.
    this.literals = fields.length <= MAX_FIELDS && !fields.includes('__proto__');
  }

  /** The event holding `values[k]` as field k, for every k whose value is not undefined. */
  build(values: ArrayLike<EcsValue | undefined>): EcsEvent {
    if (!this.literals) return this.buildByKeys(values);
    let mask = 0;
    for (let k = 0; k < this.fields.length; k++) if (values[k] !== undefined) mask |= 1 << k;
    let make = this.makers.get(mask);
    if (make === undefined) {
      if (this.makers.size >= MAX_SHAPES) return this.buildByKeys(values);
      make = this.compile(mask);
      this.makers.set(mask, make);
    }
    return make(values);
  }

  private compile(mask: number): MakeEvent {
    const members: string[] = [];
    for (let k = 0; k < this.fields.length; k++) if ((mask & (1 << k)) !== 0) members.push(`${JSON.stringify(this.fields[k])}: v[${k}]`);
    // The field names are JSON-quoted, so no input can change the code compiled here.
    return new Function('v', `return { ${members.join(', ')} };`) as MakeEvent;
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
