/** The public shapes of the input side: where an event came from, how to read, what a batch carries. */
import type { EcsEvent } from '../ecs/index.js';
import type { DeadLetter } from './dead-letter.js';
import type { FieldCondition } from '../query/index.js';

/** Where one line came from. `line` is 1-based; `file` is the path as given (`-` for stdin). */
export interface EventOrigin {
  file: string;
  line: number;
}

export interface SourceEvent {
  event: EcsEvent;
  /** Epoch ms of the time field. */
  time: number;
  origin: EventOrigin;
  /**
   * Set when the reader's event interest (ReadOptions.interest) judged that no job or rule wants the event: `event`
   * is then an empty object, and this number is the interest's note of the time-only effects the event still has
   * (see EventJudge). Unset for every event that is wanted or read without an interest.
   */
  touch?: number;
  /**
   * Set when the judge said the event is wanted, but not by everyone (a verdict ≤ -2): the note for those who do not
   * need it — for the engine, the rules' time-only effects of an event only the anomaly jobs want.
   */
  sideNote?: number;
  /**
   * Set when the judge also said which of the engine's consumers take the event (see EventJudge.route): a bit mask
   * whose meaning the judge and the engine agree on. Unset: the engine decides itself.
   */
  route?: number;
}

/**
 * Decides, where the line is parsed (a worker thread or the calling thread), whether anyone wants an event: -1 when
 * it is wanted (it is delivered whole); a non-negative note delivered instead of the event when nobody wants it; or
 * -2 - note when it is wanted by some only (delivered whole, with the note for the others in SourceEvent.sideNote).
 * Must be pure: the same event always gets the same verdict.
 */
export interface EventJudge {
  /**
   * `jobsExcluded`: the line meets none of the jobs' conditions in `wantedIf` (see `wantedIfJobs`), so no job can
   * take the event and the judge need not ask them.
   */
  judge(event: EcsEvent, jobsExcluded?: boolean): number;
  /**
   * Optional: right after `judge` said an event is wanted, which consumers take it, as a non-negative bit mask
   * (SourceEvent.route), or -1 when the judge cannot tell. Must be exact, not a superset: the engine trusts it.
   */
  route?(): number;
  /**
   * Optional: when the events anyone may want are known to satisfy conditions on their raw fields, those conditions
   * (any inner list all of whose conditions hold may mean the event is wanted). A line that satisfies none is
   * unwanted with note 0 — the judge would say so too — and is set aside before an event is made of it.
   */
  wantedIf?: LineCondition[][];
  /** Optional, with `wantedIf`: its first this many lists are the anomaly jobs' conditions (see `judge`). */
  wantedIfJobs?: number;
  /**
   * Optional: every field the judge reads (its tests, enrichment and routing). An event holding only the kept fields
   * at, below or above these is judged exactly as the whole projection would be, so where the judged event is not
   * delivered (batches), it is built with those fields only: fewer values to make and less to collect.
   */
  fieldsRead?: string[];
}

/** A condition on one field of a raw line (see EventJudge.wantedIf and query/analysis/necessary-conditions.ts). */
export interface LineCondition extends FieldCondition {
  /**
   * Fields from which the judge derives `field` when the line lacks it: when one of them is present the condition
   * may hold (whatever the values).
   */
  derivedFrom?: string[];
}

/**
 * Names the module that builds an EventJudge and the options it is built from. Worker threads import the module
 * (its export `createEventJudge(options)`) and build their own judge, so the options must be plain data.
 */
export interface EventInterestRef {
  module: string;
  options: unknown;
}

/** One input to read. `-` is stdin, with size -1. */
export interface InputFile {
  path: string;
  size: number;
  mtimeMs: number;
}

/** Resume point of one file: byte offset in the uncompressed stream, and the number of lines before it. */
export interface FilePosition {
  offset: number;
  line: number;
}

export interface ReadOptions {
  /** Field holding the event time; default `@timestamp`. */
  timeField?: string;
  /** Fields that must be numbers when present; a bad value is dead-lettered as `not_a_number:<field>` and removed. */
  numericFields?: string[];
  /** Keep only these dotted paths (plus the time field) as a flat object with dotted keys; `all` (default) keeps the document. */
  keepFields?: string[] | 'all';
  /** Longest accepted line in bytes; default 1 MiB. Longer lines are skipped without being buffered whole. */
  maxLineBytes?: number;
  /**
   * Parser threads; 0 parses in the calling thread. Default: min(2, cores) with `keepFields`, 0 for whole
   * documents (which must be re-parsed after any hand-off between threads, so threads would not help).
   */
  workers?: number;
  /** Resume points per file path (from `ReadBatch.positions`). */
  startAt?: Map<string, FilePosition>;
  deadLetter: DeadLetter;
  /** Bytes of input per batch (tuning and tests); default 1 MiB, i.e. about 1,700 events of 600 bytes. */
  batchBytes?: number;
  /** Files read at the same time; default 64. Further files open, in sorted order, as earlier ones finish. */
  maxOpenFiles?: number;
  /**
   * The kept fields that events delivered with a side note (see SourceEvent.sideNote) need: those who want such
   * events read only these, so the events are built with these fields only (smaller objects for the engine thread).
   * Undefined: every event holds every kept field.
   */
  sideFields?: string[];
  /** Judges projected events where they are parsed; unwanted ones arrive with `touch` set (see SourceEvent). */
  interest?: EventInterestRef;
  /**
   * With an interest: events judged unwanted (nobody wants them; the judge's note says which rules they still touch)
   * arrive in `ReadBatch.quiet`, as their times, lines and notes only, instead of as SourceEvents. Most lines of a
   * month are such events (DNS and process logs that no job reads and few rules keep); an object per event costs the
   * engine thread allocation and garbage collection for what is only a time.
   */
  quietAsTimes?: boolean;
}

/** The quiet events of one block (see ReadOptions.quietAsTimes), in line order. */
export interface QuietEvents {
  file: string;
  count: number;
  /** Epoch ms of each event's time field. */
  times: Float64Array;
  /** 1-based line of each event. */
  lines: Float64Array;
  /** The judge's note of each event (SourceEvent.touch); absent when every note is 0. */
  touches?: Int32Array;
}

export interface ReadBatch {
  events: SourceEvent[];
  /** With ReadOptions.quietAsTimes: the events judged unwanted, not in `events`. */
  quiet?: QuietEvents[];
  /**
   * After this batch, every line of `path` before `offset` has been emitted or dead-lettered;
   * `line` is the number of those lines and `done` says the file is finished. Save these as checkpoints.
   */
  positions: Array<{ path: string; offset: number; line: number; done: boolean }>;
}
