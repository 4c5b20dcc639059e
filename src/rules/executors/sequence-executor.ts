/** EQL sequence rules: a state machine fed with every event; a sequence alerts once, in the first run that sees all of it. */
import type { EcsEvent } from '../../ecs/index.js';
import { alertUuid, stableEventId } from '../alerts/ids.js';
import { buildSequenceAlert } from '../alerts/sequence-alert.js';
import type { EventHit } from '../alerts/event-alert.js';
import type { LoadedRule } from '../types.js';
import { exceptionFields, queryWithCategory, withoutExceptions } from './event-matcher.js';
import { SequenceMatcher, type SequenceStep } from './sequence-matcher.js';
import type { Hit, RuleExecutor, RunResult, RunWindow } from './types.js';

export class SequenceExecutor implements RuleExecutor {
  readonly readsEvents = true;
  readonly capsBeforeDedupe = false;
  private readonly matcher: SequenceMatcher;
  private readonly fields: string[] = [];
  private readonly joinFields: string[];
  private lastEventMs = -Infinity;

  constructor(private readonly rule: LoadedRule) {
    const logic = rule.logic;
    if (logic.type !== 'eql' || logic.eql.kind !== 'sequence') throw new Error(`SequenceExecutor cannot run rule ${rule.id}`);
    const seq = logic.eql;
    this.joinFields = seq.by;
    const steps: SequenceStep[] = [];
    for (const step of seq.steps) {
      const compiled = queryWithCategory(step.condition, step.category, logic.categoryField);
      this.fields.push(...compiled.fields, ...step.by);
      const built = { test: withoutExceptions(compiled.test, rule.exceptions), keyFields: [...seq.by, ...step.by] };
      for (let r = 0; r < Math.max(1, step.runs ?? 1); r++) steps.push(built);
    }
    let until: SequenceStep | undefined;
    if (seq.until) {
      const compiled = queryWithCategory(seq.until.condition, seq.until.category, logic.categoryField);
      this.fields.push(...compiled.fields, ...seq.until.by);
      until = { test: compiled.test, keyFields: [...seq.by, ...seq.until.by] };
    }
    this.fields.push(...seq.by, ...exceptionFields(rule.exceptions));
    this.matcher = new SequenceMatcher(steps, seq.maxspanMs, until);
  }

  /** Partial sequences are pruned against the latest event offered, kept or not. */
  observeTime(timeMs: number): void {
    this.lastEventMs = Math.max(this.lastEventMs, timeMs);
  }

  onEvent(event: EcsEvent, timeMs: number): boolean {
    this.observeTime(timeMs);
    return this.matcher.onEvent(event, timeMs);
  }

  run(w: RunWindow): RunResult {
    const hits: Hit[] = [];
    const waiting = [];
    for (const seq of this.matcher.completed) {
      const first = seq.events[0];
      const last = seq.events[seq.events.length - 1];
      if (last.timeMs > w.tickMs) {
        waiting.push(seq);
        continue;
      }
      // A sequence longer than the lookback is never seen whole by any run (as in Elastic): drop it.
      if (first.timeMs < w.startMs) continue;
      const eventHits: EventHit[] = seq.events.map((m) => {
        const eventId = stableEventId(m.event);
        return { event: m.event, eventId, timeMs: m.timeMs, uuid: '' };
      });
      const uuid = alertUuid(this.rule.id, `sequence\u0000${eventHits.map((h) => h.eventId).join('\u0000')}`);
      const joinKeys = this.joinFields.map((f, i): [string, string] => [f, seq.joinValues[i]]);
      hits.push({ uuid, sourceTimeMs: first.timeMs, groupDoc: first.event, build: (tick) => buildSequenceAlert(this.rule, eventHits, joinKeys, uuid, tick) });
    }
    this.matcher.completed = waiting;
    return { hits };
  }

  prune(beforeMs: number): void {
    this.matcher.prune(beforeMs, this.lastEventMs);
  }

  fieldsRead(): string[] {
    return this.fields;
  }

  snapshot(): unknown {
    return { matcher: this.matcher.snapshot(), lastEventMs: Number.isFinite(this.lastEventMs) ? this.lastEventMs : null };
  }

  restore(state: unknown): void {
    const s = (state ?? {}) as { matcher?: unknown; lastEventMs?: number | null };
    this.matcher.restore(s.matcher);
    this.lastEventMs = s.lastEventMs ?? -Infinity;
  }
}
