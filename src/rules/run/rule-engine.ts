/**
 * RuleEngine: every loaded rule on its own event-time schedule. The engine feeds events and anomaly records,
 * advances the watermark, and gets alerts back in time order. State is a value (snapshot/restore).
 */
import type { EcsEvent } from '../../ecs/index.js';
import { ENTITY_GROUPS, ENTITY_LEAF_FIELDS } from '../alerts/entity-fields.js';
import { createExecutor } from '../executors/create-executor.js';
import type { Alert, RecordDoc, RuleLoadReport } from '../types.js';
import { CategoryIndex, offerTerms } from './category-index.js';
import { TickQueue } from './tick-queue.js';
import { RecordStore } from './record-store.js';
import { resolveRuleJobId } from './resolve-job-id.js';
import { RuleRunner, type RuleStats, type RunnerState } from './rule-runner.js';
import { hasTimeEffects } from './rule-interest.js';

export interface RuleEngineOptions {
  /** Ids of the loaded anomaly jobs, to resolve rule job ids (`…_ea`). */
  jobIds: string[];
  now?: never;
}

interface EngineState {
  version: 1;
  firstInputMs: number | null;
  lastInputMs: number | null;
  finished: boolean;
  watermarkMs: number | null;
  records: unknown;
  runners: RunnerState[];
}

export class RuleEngine {
  /**
   * Every event field the rules read: query fields, grouping fields, and the ECS entity fields alerts copy. The bare
   * field-set names (`host`, `process`, …) keep whole nested objects; the common leaves are listed as well.
   */
  readonly fieldsRead: string[];
  private readonly runners: RuleRunner[] = [];
  private readonly eventRunners = new CategoryIndex<RuleRunner>();
  /** Event-reading rules with time-only effects, in load order: the bits of a touch mask (rule-interest.ts). */
  private readonly timeRunners: RuleRunner[] = [];
  /** job id → runners of ML rules reading it (for pruning records by the longest lookback). */
  private readonly jobReaders = new Map<string, RuleRunner[]>();
  private readonly records: RecordStore;
  /** The runners by next tick (undefined: to be built, after runners started). */
  private ticks: TickQueue | undefined;
  private firstInputMs: number | undefined;
  private lastInputMs: number | undefined;
  private finished = false;
  /** Last watermark the engine was advanced to: records arriving now exist from this time on, not from their bucket time. */
  private watermarkMs: number | undefined;
  /** The event being offered, read by `offerCurrent` (one callback for all events instead of a closure per event). */
  private offeredEvent: EcsEvent | undefined;
  private offeredTimeMs = 0;
  private offeredKept = false;
  private readonly offerCurrent = (r: RuleRunner): void => {
    if (r.offer(this.offeredEvent!, this.offeredTimeMs)) this.offeredKept = true;
  };

  constructor(report: RuleLoadReport, opts: RuleEngineOptions) {
    const fields = new Set<string>(['@timestamp', ...ENTITY_GROUPS, ...ENTITY_LEAF_FIELDS]);
    for (const rule of report.loaded) {
      const resolved: string[] = [];
      const setupWarnings: string[] = [];
      if (rule.logic.type === 'machine_learning') {
        for (const requested of rule.logic.jobIds) {
          const id = resolveRuleJobId(requested, opts.jobIds);
          if (id === undefined) setupWarnings.push(`anomaly job ${requested} is not loaded; this rule cannot alert until it is`);
          resolved.push(id ?? requested);
        }
      }
      const runner = new RuleRunner(rule, createExecutor(rule, resolved), setupWarnings);
      this.runners.push(runner);
      if (runner.executor.readsEvents) this.eventRunners.add(runner, offerTerms(rule, hasTimeEffects(rule)));
      if (runner.executor.readsEvents && hasTimeEffects(rule)) this.timeRunners.push(runner);
      for (const job of resolved) {
        const list = this.jobReaders.get(job) ?? [];
        list.push(runner);
        this.jobReaders.set(job, list);
      }
      for (const f of runner.executor.fieldsRead()) fields.add(f);
      for (const f of rule.investigationFields) fields.add(f);
      for (const f of rule.suppression?.groupBy ?? []) fields.add(f);
    }
    this.fieldsRead = [...fields].sort();
    this.records = new RecordStore(new Set(this.jobReaders.keys()));
  }

  /** Starts the schedules at the first input (`startMs`) and tracks the latest input time for finish(). */
  private observe(timeMs: number, startMs = timeMs): void {
    if (this.firstInputMs === undefined) {
      this.firstInputMs = startMs;
      for (const r of this.runners) r.start(startMs);
      this.ticks = undefined;
    }
    if (this.lastInputMs === undefined || timeMs > this.lastInputMs) this.lastInputMs = timeMs;
  }

  /** Every event, in event-time order, after enrichment. */
  /** Feeds one event to the rules that could match it; true when at least one rule kept it. */
  onEvent(event: EcsEvent, timeMs: number): boolean {
    if (!Number.isFinite(timeMs)) return false;
    this.observe(timeMs);
    this.offeredEvent = event;
    this.offeredTimeMs = timeMs;
    this.offeredKept = false;
    this.eventRunners.forEvent(event, this.offerCurrent);
    this.offeredEvent = undefined;
    return this.offeredKept;
  }

  /**
   * An event no rule can keep (rule-interest.ts judged it where it was parsed), by its time and touch mask: what
   * `onEvent` would have done with it — the schedules see its time, the rules of the mask their time-only effects.
   */
  onUnwantedEvent(timeMs: number, touchMask: number): void {
    if (!Number.isFinite(timeMs)) return;
    this.observe(timeMs);
    for (let m = touchMask, i = 0; m !== 0; m >>>= 1, i++) if (m & 1) this.timeRunners[i].touch(timeMs);
  }

  /**
   * Whether touching the rules of `touchMask` could still change one (a new_terms rule only notes the first time it is
   * offered an event; a sequence always notes the latest). When not, such an event only moves time on (noteTimeOnly).
   */
  touchesMatter(touchMask: number): boolean {
    for (let m = touchMask, i = 0; m !== 0; m >>>= 1, i++) if ((m & 1) !== 0 && this.timeRunners[i].touchMatters()) return true;
    return false;
  }

  /** Whether the schedules have started: the first event (or record) has been seen. */
  get started(): boolean {
    return this.firstInputMs !== undefined;
  }

  /**
   * The time of an event that matters to no rule (judged unwanted, no touches) once the schedules have started: all
   * it still does is extend the input's time span, so it may be noted as soon as it is read, out of event-time order.
   */
  noteTimeOnly(timeMs: number): void {
    if (this.firstInputMs === undefined || !Number.isFinite(timeMs)) return;
    if (this.lastInputMs === undefined || timeMs > this.lastInputMs) this.lastInputMs = timeMs;
  }

  /** Anomaly record docs, new or renormalised (same `_id` replaces the earlier version). */
  onRecords(records: RecordDoc[]): void {
    // Ticks at or before the watermark have run already: a record first counts for the next one.
    for (const r of records) if (this.records.upsert(r)) this.observe(r.timestamp, this.watermarkMs === undefined ? r.timestamp : this.watermarkMs + 1);
  }

  /** Runs every rule tick at or before the watermark, in time order (ties in rule load order). */
  advanceTo(watermarkMs: number): Alert[] {
    const out: Alert[] = [];
    if (this.watermarkMs === undefined || watermarkMs > this.watermarkMs) this.watermarkMs = watermarkMs;
    if (this.firstInputMs === undefined) return out;
    // Runners' schedules change only here and when they start: the queue is rebuilt after a start.
    this.ticks ??= new TickQueue(this.runners);
    for (;;) {
      const next = this.ticks.peek();
      if (!next || next.nextTickMs! > watermarkMs) break;
      this.ticks.advanceFirst((r) => {
        for (const a of r.runScheduled({ records: this.records })) out.push(a);
      });
    }
    this.pruneRecords();
    return out;
  }

  /** End of input: ticks due up to the last input time, then one more run per rule whose lookback ends there. */
  finish(): Alert[] {
    if (this.lastInputMs === undefined || this.finished) return [];
    const last = this.lastInputMs;
    const out = this.advanceTo(last);
    for (const r of this.runners) if (r.lastTickMs === undefined || r.lastTickMs < last) for (const a of r.runAt(last, { records: this.records })) out.push(a);
    this.finished = true;
    return out;
  }

  private pruneRecords(): void {
    for (const [job, readers] of this.jobReaders) {
      let keepFrom = Infinity;
      for (const r of readers) keepFrom = Math.min(keepFrom, r.lastTickMs === undefined ? -Infinity : r.lastTickMs - r.rule.lookbackMs);
      if (Number.isFinite(keepFrom)) this.records.pruneJob(job, keepFrom);
    }
  }

  stats(): RuleStats[] {
    return this.runners.map((r) => r.stats());
  }

  snapshot(): unknown {
    const state: EngineState = {
      version: 1,
      firstInputMs: this.firstInputMs ?? null,
      lastInputMs: this.lastInputMs ?? null,
      finished: this.finished,
      watermarkMs: this.watermarkMs ?? null,
      records: this.records.snapshot(),
      runners: this.runners.map((r) => r.snapshot()),
    };
    return structuredClone(state);
  }

  /** A restored engine produces the same alerts as one that never stopped. */
  static restore(report: RuleLoadReport, opts: RuleEngineOptions, state: unknown): RuleEngine {
    const engine = new RuleEngine(report, opts);
    const s = state as EngineState;
    if (!s || s.version !== 1) throw new Error('rule engine snapshot: unknown format (expected version 1)');
    engine.firstInputMs = s.firstInputMs ?? undefined;
    engine.lastInputMs = s.lastInputMs ?? undefined;
    engine.finished = s.finished;
    engine.watermarkMs = s.watermarkMs ?? undefined;
    engine.records.restore(s.records);
    const saved = new Map(s.runners.map((r) => [r.ruleId, r]));
    for (const runner of engine.runners) {
      const st = saved.get(runner.rule.id);
      if (st) runner.restore(st);
      // A rule added since the snapshot starts at the latest input, not back at the beginning of the replay.
      else if (engine.lastInputMs !== undefined) runner.start(engine.lastInputMs);
    }
    return engine;
  }
}
