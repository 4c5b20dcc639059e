/** The contract between the rule scheduler and each rule type's executor. */
import type { EcsEvent } from '../../ecs/index.js';
import type { Alert, RecordDoc } from '../types.js';

/** A candidate alert found by one run; the runner dedupes by uuid, applies max_signals and suppression, then builds it. */
export interface Hit {
  uuid: string;
  /** Time of the source document (event or anomaly), used to forget its uuid once no lookback can see it again. */
  sourceTimeMs: number;
  /** Where suppression reads its group_by fields. */
  groupDoc: EcsEvent;
  build(tickMs: number): Alert;
  /** Called when the hit becomes an alert (not a duplicate), for executors that remember what they alerted. */
  onAccepted?(): void;
}

export interface RunResult {
  hits: Hit[];
  warnings?: string[];
}

/** Read access to anomaly records for machine_learning rules. */
export interface RecordSource {
  recordsOf(jobId: string): Iterable<RecordDoc>;
}

export interface RunWindow {
  tickMs: number;
  /** `tick + from`: the first instant the run looks at (inclusive). */
  startMs: number;
  records: RecordSource;
}

export interface RuleExecutor {
  /** Whether `onEvent` needs to see every event (false for machine_learning rules). */
  readonly readsEvents: boolean;
  /** Hits are already sorted by priority and cut to max_signals before de-duplication (Elastic's ML search does this). */
  readonly capsBeforeDedupe: boolean;
  /** Feeds one event; true when the rule kept it (it matched the rule's query or a sequence step). */
  onEvent(event: EcsEvent, timeMs: number): boolean;
  /**
   * An event this rule would be offered but cannot keep (judged where it was parsed, rules/run/rule-interest.ts),
   * known only by its time: the time-only effects offering it would have had. Only executors that have any define it.
   */
  observeTime?(timeMs: number): void;
  /** With observeTime: true once no further call of it can change anything (then such events only move time on). */
  timeObserved?(): boolean;
  run(window: RunWindow): RunResult;
  /** Forget state that no run whose lookback starts at or after `beforeMs` can need. */
  prune(beforeMs: number): void;
  /** Event fields this rule reads (selective parsing). */
  fieldsRead(): string[];
  snapshot(): unknown;
  restore(state: unknown): void;
}
