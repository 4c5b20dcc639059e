/**
 * Runs one rule on its schedule in event time: ticks at multiples of `interval`, each over `[tick + from, tick]`,
 * then de-duplicates by alert uuid (also across overlapping runs), applies max_signals and suppression.
 */
import type { EcsEvent } from '../../ecs/index.js';
import type { Hit, RuleExecutor, RunWindow } from '../executors/types.js';
import type { Alert, LoadedRule } from '../types.js';
import { AlertSuppressor } from './suppression.js';

export interface RuleStats {
  ruleId: string;
  name: string;
  runs: number;
  alerts: number;
  suppressed: number;
  /** Events the rule could not evaluate (a warning says why). */
  skippedEvents: number;
  warnings: string[];
}

export interface RunnerState {
  ruleId: string;
  nextTickMs: number | null;
  lastTickMs: number | null;
  emitted: Array<[string, number]>;
  runs: number;
  alerts: number;
  suppressed: number;
  skippedEvents: number;
  warnings: string[];
  executor: unknown;
  suppression: unknown;
}

export class RuleRunner {
  nextTickMs: number | undefined;
  lastTickMs: number | undefined;
  /** uuid → source time, for every alert already raised that a later lookback could find again. */
  private emitted = new Map<string, number>();
  private readonly suppressor: AlertSuppressor | undefined;
  private runs = 0;
  private alerts = 0;
  private suppressed = 0;
  private skippedEvents = 0;
  private readonly warnings = new Set<string>();

  constructor(
    readonly rule: LoadedRule,
    readonly executor: RuleExecutor,
    setupWarnings: string[] = [],
  ) {
    this.suppressor = rule.suppression ? new AlertSuppressor(rule.suppression) : undefined;
    for (const w of [...rule.warnings, ...setupWarnings]) this.warnings.add(w);
  }

  /** Hands an event to the executor; an event a predicate cannot evaluate is skipped and reported, never fatal. */
  /** True when the rule kept the event. */
  offer(event: EcsEvent, timeMs: number): boolean {
    try {
      return this.executor.onEvent(event, timeMs);
    } catch (err) {
      this.skippedEvents++;
      this.warnings.add(`events skipped because the rule could not evaluate them: ${err instanceof Error ? err.message : String(err)}`);
      return false;
    }
  }

  /** An event this rule would have been offered but cannot keep, known only by its time (rule-interest.ts). */
  touch(timeMs: number): void {
    this.executor.observeTime?.(timeMs);
  }

  /** Whether `touch` can still change this rule's state (see RuleExecutor.timeObserved). */
  touchMatters(): boolean {
    return this.executor.observeTime !== undefined && !(this.executor.timeObserved?.() ?? false);
  }

  /** First tick: the first multiple of the interval at or after the first input time. */
  start(firstInputMs: number): void {
    if (this.nextTickMs !== undefined) return;
    const i = this.rule.intervalMs;
    this.nextTickMs = Math.ceil(firstInputMs / i) * i;
  }

  /** Runs the scheduled tick and moves to the next one. */
  runScheduled(window: Omit<RunWindow, 'tickMs' | 'startMs'>): Alert[] {
    const tick = this.nextTickMs!;
    this.nextTickMs = tick + this.rule.intervalMs;
    return this.runAt(tick, window);
  }

  runAt(tickMs: number, window: Omit<RunWindow, 'tickMs' | 'startMs'>): Alert[] {
    const startMs = tickMs - this.rule.lookbackMs;
    this.runs++;
    // A plain literal rather than a spread: most of the ~8k ticks per rule a month find nothing, so overhead dominates.
    const result = this.executor.run({ records: window.records, tickMs, startMs });
    if (result.warnings) for (const w of result.warnings) this.warnings.add(w);
    const alerts = result.hits.length === 0 ? this.acceptNone(tickMs) : this.accept(tickMs, result.hits);
    // Any later run looks at or after this run's window start.
    if (this.emitted.size) for (const [uuid, t] of this.emitted) if (t < startMs) this.emitted.delete(uuid);
    this.executor.prune(startMs);
    this.lastTickMs = tickMs;
    return alerts;
  }

  /** A run without hits: only suppression's own clock moves (its groups expire with tick time). */
  private acceptNone(tickMs: number): Alert[] {
    if (!this.suppressor) return [];
    const out = this.suppressor.process(tickMs, []);
    this.alerts += out.created;
    this.suppressed += out.suppressed;
    return out.alerts;
  }

  private accept(tickMs: number, hits: Hit[]): Alert[] {
    const seenThisRun = new Set<string>();
    let fresh = hits.filter((h) => {
      if (this.emitted.has(h.uuid) || seenThisRun.has(h.uuid)) return false;
      seenThisRun.add(h.uuid);
      return true;
    });
    if (!this.executor.capsBeforeDedupe && fresh.length > this.rule.maxSignals) {
      this.warnings.add(`more than max_signals (${this.rule.maxSignals}) alerts in one run; the rest were dropped`);
      fresh = fresh.slice(0, this.rule.maxSignals);
    }
    for (const h of fresh) {
      this.emitted.set(h.uuid, h.sourceTimeMs);
      h.onAccepted?.();
    }

    if (this.suppressor) {
      const out = this.suppressor.process(tickMs, fresh.map((h) => ({ alert: h.build(tickMs), groupDoc: h.groupDoc, sourceTimeMs: h.sourceTimeMs })));
      this.alerts += out.created;
      this.suppressed += out.suppressed;
      return out.alerts;
    }
    const alerts = fresh.map((h) => h.build(tickMs));
    this.alerts += alerts.length;
    return alerts;
  }

  stats(): RuleStats {
    return { ruleId: this.rule.id, name: this.rule.name, runs: this.runs, alerts: this.alerts, suppressed: this.suppressed, skippedEvents: this.skippedEvents, warnings: [...this.warnings] };
  }

  snapshot(): RunnerState {
    return {
      ruleId: this.rule.id,
      nextTickMs: this.nextTickMs ?? null,
      lastTickMs: this.lastTickMs ?? null,
      emitted: [...this.emitted],
      runs: this.runs,
      alerts: this.alerts,
      suppressed: this.suppressed,
      skippedEvents: this.skippedEvents,
      warnings: [...this.warnings],
      executor: this.executor.snapshot(),
      suppression: this.suppressor?.snapshot() ?? null,
    };
  }

  restore(s: RunnerState): void {
    this.nextTickMs = s.nextTickMs ?? undefined;
    this.lastTickMs = s.lastTickMs ?? undefined;
    this.emitted = new Map(s.emitted);
    this.runs = s.runs;
    this.alerts = s.alerts;
    this.suppressed = s.suppressed;
    this.skippedEvents = s.skippedEvents ?? 0;
    for (const w of s.warnings) this.warnings.add(w);
    this.executor.restore(s.executor);
    this.suppressor?.restore(s.suppression);
  }
}
