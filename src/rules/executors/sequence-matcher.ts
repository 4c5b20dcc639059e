/**
 * EQL sequence state machine, per join key, following Elasticsearch's SequenceMatcher: an event of step s advances
 * the most recent partial sequence of step s-1 for its key and discards the older ones; maxspan is measured from the
 * first event; an `until` event for a key discards that key's partial sequences.
 */
import type { EcsEvent } from '../../ecs/index.js';
import { getString } from '../../ecs/index.js';
import type { EventPredicate } from './event-matcher.js';

export interface SequenceStep {
  test: EventPredicate;
  /** Join fields for this step: sequence-level `by` then the step's own `by`. */
  keyFields: string[];
}

export interface MatchedEvent {
  event: EcsEvent;
  timeMs: number;
}

export interface CompletedSequence {
  joinValues: string[];
  events: MatchedEvent[];
}

interface Partial {
  events: MatchedEvent[];
}

/** Older partial sequences beyond this many per key and step are dropped (bounded memory under floods). */
const MAX_PARTIALS_PER_STAGE = 64;

export class SequenceMatcher {
  /** Join key → partial sequences per stage (index = number of matched steps − 1), oldest first. */
  private partials = new Map<string, Partial[][]>();
  completed: CompletedSequence[] = [];

  constructor(
    private readonly steps: SequenceStep[],
    private readonly maxspanMs: number | undefined,
    private readonly until: SequenceStep | undefined,
  ) {}

  private static keyOf(event: EcsEvent, fields: string[]): string[] | undefined {
    const values: string[] = [];
    for (const f of fields) {
      const v = getString(event, f);
      if (v === undefined) return undefined;
      values.push(v);
    }
    return values;
  }

  /** Feeds one event; true when it matched the `until` query or a step. */
  onEvent(event: EcsEvent, timeMs: number): boolean {
    let used = false;
    if (this.until && this.until.test(event)) {
      used = true;
      const values = SequenceMatcher.keyOf(event, this.until.keyFields);
      if (values) this.partials.delete(JSON.stringify(values));
    }
    // Later steps first, so one event never fills two steps of the same sequence.
    for (let s = this.steps.length - 1; s >= 0; s--) {
      const step = this.steps[s];
      if (!step.test(event)) continue;
      const values = SequenceMatcher.keyOf(event, step.keyFields);
      if (!values) continue;
      used = true;
      this.match(s, values, { event, timeMs });
    }
    return used;
  }

  private stages(key: string): Partial[][] {
    let st = this.partials.get(key);
    if (!st) {
      st = this.steps.map(() => []);
      this.partials.set(key, st);
    }
    return st;
  }

  private match(stage: number, values: string[], hit: MatchedEvent): void {
    const key = JSON.stringify(values);
    let seq: Partial;
    if (stage === 0) {
      seq = { events: [hit] };
    } else {
      const previous = this.partials.get(key)?.[stage - 1];
      if (!previous || previous.length === 0) return;
      const candidate = previous[previous.length - 1];
      previous.length = 0;
      if (this.maxspanMs !== undefined && hit.timeMs - candidate.events[0].timeMs > this.maxspanMs) return;
      seq = { events: [...candidate.events, hit] };
    }
    if (stage === this.steps.length - 1) {
      this.completed.push({ joinValues: values, events: seq.events });
      return;
    }
    const list = this.stages(key)[stage];
    list.push(seq);
    if (list.length > MAX_PARTIALS_PER_STAGE) list.shift();
  }

  /** Drops partial sequences that started before `beforeMs` or can no longer finish within maxspan of `nowMs`. */
  prune(beforeMs: number, nowMs: number): void {
    const limit = this.maxspanMs === undefined ? beforeMs : Math.max(beforeMs, nowMs - this.maxspanMs);
    for (const [key, stages] of this.partials) {
      let empty = true;
      stages.forEach((list, i) => {
        stages[i] = list.filter((p) => p.events[0].timeMs >= limit);
        if (stages[i].length) empty = false;
      });
      if (empty) this.partials.delete(key);
    }
  }

  snapshot(): unknown {
    return { partials: [...this.partials], completed: this.completed };
  }

  restore(state: unknown): void {
    const s = (state ?? {}) as { partials?: Array<[string, Partial[][]]>; completed?: CompletedSequence[] };
    this.partials = new Map(s.partials ?? []);
    this.completed = s.completed ?? [];
  }
}
