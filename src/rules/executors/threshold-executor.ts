/**
 * threshold rules: group the kept events of the lookback by `threshold.field`, alert groups whose count reaches
 * `threshold.value` (and whose distinct counts reach `threshold.cardinality`). Like Elastic, events up to the last
 * alerted event of a group are not counted again, so a burst alerts once, not once per overlapping run.
 */
import type { EcsEvent } from '../../ecs/index.js';
import { getValues } from '../../ecs/index.js';
import { alertUuid } from '../alerts/ids.js';
import { buildThresholdAlert, type ThresholdBucket } from '../alerts/threshold-alert.js';
import type { LoadedRule } from '../types.js';
import { exceptionFields, queryWithCategory, withoutExceptions, type EventPredicate } from './event-matcher.js';
import { termTuples, tupleKey } from './term-tuples.js';
import type { Hit, RuleExecutor, RunResult, RunWindow } from './types.js';

/** What is kept of each event: its time, its group keys and the values it adds to the distinct counts. */
interface CountedEvent {
  t: number;
  keys: string[];
  distinct: string[][];
}

export class ThresholdExecutor implements RuleExecutor {
  readonly readsEvents = true;
  readonly capsBeforeDedupe = false;
  private readonly keep: EventPredicate;
  private readonly fields: string[];
  private readonly groupFields: string[];
  private readonly value: number;
  private readonly cardinality: Array<{ field: string; value: number }>;
  private events: CountedEvent[] = [];
  /** Group key → time of the last event counted into an alert. */
  private lastAlerted = new Map<string, number>();

  constructor(private readonly rule: LoadedRule) {
    if (rule.logic.type !== 'threshold') throw new Error(`ThresholdExecutor cannot run rule ${rule.id}`);
    const compiled = queryWithCategory(rule.logic.query, undefined);
    this.keep = withoutExceptions(compiled.test, rule.exceptions);
    this.groupFields = rule.logic.fields;
    this.value = rule.logic.value;
    this.cardinality = rule.logic.cardinality;
    this.fields = [...compiled.fields, ...this.groupFields, ...this.cardinality.map((c) => c.field), ...exceptionFields(rule.exceptions)];
  }

  onEvent(event: EcsEvent, timeMs: number): boolean {
    if (!this.keep(event)) return false;
    const keys = termTuples(event, this.groupFields).map(tupleKey);
    if (keys.length === 0) return false;
    const distinct = this.cardinality.map((c) => getValues(event, c.field).map(String));
    this.events.push({ t: timeMs, keys, distinct });
    return true;
  }

  run(w: RunWindow): RunResult {
    const groups = new Map<string, { count: number; first: number; last: number; distinct: Array<Set<string>> }>();
    for (const e of this.events) {
      if (e.t < w.startMs || e.t > w.tickMs) continue;
      for (const key of e.keys) {
        const after = this.lastAlerted.get(key);
        if (after !== undefined && e.t <= after) continue;
        let g = groups.get(key);
        if (!g) {
          g = { count: 0, first: e.t, last: e.t, distinct: this.cardinality.map(() => new Set<string>()) };
          groups.set(key, g);
        }
        g.count++;
        g.first = Math.min(g.first, e.t);
        g.last = Math.max(g.last, e.t);
        e.distinct.forEach((vals, i) => vals.forEach((v) => g!.distinct[i].add(v)));
      }
    }
    const hits: Hit[] = [];
    for (const [key, g] of [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (g.count < this.value) continue;
      if (this.cardinality.some((c, i) => g.distinct[i].size < c.value)) continue;
      const values = JSON.parse(key) as string[];
      const bucket: ThresholdBucket = {
        terms: this.groupFields.map((field, i) => ({ field, value: values[i] })),
        count: g.count,
        cardinality: this.cardinality.map((c, i) => ({ field: c.field, value: g.distinct[i].size })),
        firstMs: g.first,
        lastMs: g.last,
      };
      const uuid = alertUuid(this.rule.id, `threshold\u0000${key}\u0000${g.last}`);
      const groupDoc: EcsEvent = {};
      for (const t of bucket.terms) groupDoc[t.field] = t.value;
      hits.push({
        uuid,
        sourceTimeMs: g.last,
        groupDoc,
        build: (tick) => buildThresholdAlert(this.rule, bucket, uuid, tick),
        onAccepted: () => this.lastAlerted.set(key, g.last),
      });
    }
    return { hits };
  }

  prune(beforeMs: number): void {
    let i = 0;
    while (i < this.events.length && this.events[i].t < beforeMs) i++;
    if (i > 0) this.events = this.events.slice(i);
    for (const [key, t] of this.lastAlerted) if (t < beforeMs) this.lastAlerted.delete(key);
  }

  fieldsRead(): string[] {
    return this.fields;
  }

  snapshot(): unknown {
    return { events: this.events, lastAlerted: [...this.lastAlerted] };
  }

  restore(state: unknown): void {
    const s = (state ?? {}) as { events?: CountedEvent[]; lastAlerted?: Array<[string, number]> };
    this.events = s.events ?? [];
    this.lastAlerted = new Map(s.lastAlerted ?? []);
  }
}
