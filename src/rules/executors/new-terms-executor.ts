/**
 * new_terms rules: alert the first event in the lookback whose value tuple of `new_terms_fields` did not occur in
 * the history window `[tick + history_window_start, tick + from)`. History is compact: the last time each tuple was
 * seen, filled from events (query filters applied first) as they leave the lookback.
 *
 * A term can only be "new" against a history that exists: when a replay starts, or a live engine is first switched on,
 * every term would be new. So a rule judges terms only once its input covers `min(history window, 7 days)` — the
 * same protection Elastic gets from running new rules over indices that already hold weeks of data.
 */
import type { EcsEvent } from '../../ecs/index.js';
import { alertUuid } from '../alerts/ids.js';
import { buildNewTermsAlert } from '../alerts/new-terms-alert.js';
import type { LoadedRule } from '../types.js';
import { EventBuffer } from './event-buffer.js';
import { exceptionFields, queryWithCategory, withoutExceptions, type EventPredicate } from './event-matcher.js';
import { termTuples, tupleKey } from './term-tuples.js';
import type { Hit, RuleExecutor, RunResult, RunWindow } from './types.js';

/** How much history a new_terms rule needs before it judges terms (capped by the rule's own history window). */
export const NEW_TERMS_MIN_HISTORY_MS = 7 * 86_400_000;

export class NewTermsExecutor implements RuleExecutor {
  readonly readsEvents = true;
  readonly capsBeforeDedupe = false;
  private readonly keep: EventPredicate;
  private readonly fields: string[];
  private readonly termFields: string[];
  private readonly historyMs: number;
  /** Kept events still inside some future lookback. */
  private readonly recent = new EventBuffer();
  /** Tuple key → last time seen, for events already older than the lookback. */
  private history = new Map<string, number>();
  /** Event time of the first event this rule saw: where its history begins. */
  private dataStartMs: number | undefined;

  constructor(private readonly rule: LoadedRule) {
    if (rule.logic.type !== 'new_terms') throw new Error(`NewTermsExecutor cannot run rule ${rule.id}`);
    const compiled = queryWithCategory(rule.logic.query, undefined);
    this.keep = withoutExceptions(compiled.test, rule.exceptions);
    this.termFields = rule.logic.fields;
    this.historyMs = rule.logic.historyWindowMs;
    this.fields = [...compiled.fields, ...this.termFields, ...exceptionFields(rule.exceptions)];
  }

  /** The history starts at the first event offered, kept or not. */
  observeTime(timeMs: number): void {
    if (this.dataStartMs === undefined) this.dataStartMs = timeMs;
  }

  /** Only the first time counts: once it is known, later ones change nothing. */
  timeObserved(): boolean {
    return this.dataStartMs !== undefined;
  }

  onEvent(event: EcsEvent, timeMs: number): boolean {
    this.observeTime(timeMs);
    if (!this.keep(event) || termTuples(event, this.termFields).length === 0) return false;
    this.recent.push(event, timeMs);
    return true;
  }

  /** Moves events older than `beforeMs` into the history. */
  private remember(beforeMs: number): void {
    for (const item of this.recent.dropBefore(beforeMs)) {
      for (const tuple of termTuples(item.event, this.termFields)) {
        const key = tupleKey(tuple);
        this.history.set(key, Math.max(this.history.get(key) ?? -Infinity, item.timeMs));
      }
    }
  }

  run(w: RunWindow): RunResult {
    this.remember(w.startMs);
    const historyStart = w.tickMs - this.historyMs;
    for (const [key, t] of this.history) if (t < historyStart) this.history.delete(key);

    const hits: Hit[] = [];
    const alerted = new Set<string>();
    const judgedFrom = (this.dataStartMs ?? Infinity) + Math.min(this.historyMs, NEW_TERMS_MIN_HISTORY_MS);
    for (const item of this.recent.range(w.startMs, w.tickMs)) {
      if (item.timeMs < judgedFrom) continue;
      for (const tuple of termTuples(item.event, this.termFields)) {
        const key = tupleKey(tuple);
        if (this.history.has(key) || alerted.has(key)) continue;
        alerted.add(key);
        const eventId = EventBuffer.idOf(item);
        const hit = { event: item.event, eventId, timeMs: item.timeMs, uuid: alertUuid(this.rule.id, `${eventId}\u0000${key}`) };
        hits.push({ uuid: hit.uuid, sourceTimeMs: item.timeMs, groupDoc: item.event, build: (tick) => buildNewTermsAlert(this.rule, hit, tuple, tick) });
      }
    }
    return { hits };
  }

  prune(beforeMs: number): void {
    this.remember(beforeMs);
  }

  fieldsRead(): string[] {
    return this.fields;
  }

  snapshot(): unknown {
    return { recent: this.recent.snapshot(), history: [...this.history], dataStartMs: this.dataStartMs ?? null };
  }

  restore(state: unknown): void {
    const s = (state ?? {}) as { recent?: unknown; history?: Array<[string, number]>; dataStartMs?: number | null };
    this.recent.restore(s.recent);
    this.history = new Map(s.history ?? []);
    this.dataStartMs = s.dataStartMs ?? undefined;
  }
}
