/**
 * Where a read event goes first: it is counted, and either held in the event-time buffer until the watermark passes
 * it (see event-time-buffer.ts), or — when it has no effect but moving time on — only noted; an event older than what
 * was already released is late, and is counted and dead-lettered. The pipeline (detection-pipeline.ts) takes the
 * events the buffer releases.
 */
import { UNWANTED_EVENT, type DeadLetter, type EventOrigin, type QuietEvents, type SourceEvent } from '../sources/index.js';
import type { RuleEngine } from '../rules/index.js';
import type { EventTimeBuffer } from './event-time-buffer.js';

export interface IntakeCounters {
  eventsRead: number;
  eventsLate: number;
}

export class EventIntake {
  readonly counters: IntakeCounters = { eventsRead: 0, eventsLate: 0 };
  /** Set when `stopAfter` events were read (the test hook that simulates a kill). */
  stopped = false;

  constructor(
    private readonly buffer: EventTimeBuffer<SourceEvent>,
    private readonly rules: RuleEngine | undefined,
    private readonly deadLetter: DeadLetter,
    /** Event-time span of all input so far; extended in place. */
    private readonly span: { first?: number; last?: number },
    private readonly latencyMs: number,
    private readonly stopAfter: number | undefined,
  ) {}

  /** Takes one event; false when the run is to stop here. */
  take(se: SourceEvent): boolean {
    // An event with no effect at all (judged unwanted, touching no rule that can still change) only moves time: it
    // need not wait in the buffer to be released in order, since the pipeline's steps up to the next event's time
    // run before that event either way. The rules' schedules start at the first event released, so until they have,
    // it goes the usual way; afterwards they only note its time. (A touch that cannot change a rule now cannot later
    // either: a new_terms rule's first time, once set, stays.)
    const touch = se.touch;
    const rules = this.rules;
    const timeOnly = touch !== undefined && (rules === undefined ? touch === 0 : rules.started && (touch === 0 || !rules.touchesMatter(touch)));
    if (timeOnly ? this.buffer.observe(se.time, se.origin.file) : this.buffer.push(se, se.origin.file)) {
      if (timeOnly) this.rules?.noteTimeOnly(se.time);
    } else {
      this.late(se.time, se.origin);
    }
    return this.counted(se.time);
  }

  /**
   * Takes a block of quiet events (no one wants them: times, lines and the rules they touch only); false when the run
   * is to stop. They are taken after the batch's other events. For those that only move time on (see `take`) the order
   * within a batch does not matter: lateness is judged against what was released before the batch, and only their
   * latest time moves the input on. The others go through `take` one by one: the buffer puts them in time order, and
   * what touching does (the first or the latest time a rule is offered) does not depend on the order of events with
   * the same time.
   */
  takeQuiet(quiet: QuietEvents): boolean {
    const rules = this.rules;
    const touches = quiet.touches;
    const releasedUpTo = this.buffer.releasedUpTo;
    let latest = -Infinity;
    let go = true;
    for (let i = 0; i < quiet.count && go; i++) {
      const time = quiet.times[i]!;
      const touch = touches === undefined ? 0 : touches[i]!;
      if (rules !== undefined && (!rules.started || (touch !== 0 && rules.touchesMatter(touch)))) {
        go = this.take({ event: UNWANTED_EVENT, time, origin: { file: quiet.file, line: quiet.lines[i]! }, touch });
        continue;
      }
      if (time < releasedUpTo) this.late(time, { file: quiet.file, line: quiet.lines[i]! });
      else if (time > latest) latest = time;
      go = this.counted(time);
    }
    if (latest !== -Infinity) {
      this.buffer.observe(latest, quiet.file);
      this.rules?.noteTimeOnly(latest);
    }
    return go;
  }

  private late(time: number, origin: EventOrigin): void {
    this.counters.eventsLate++;
    const watermark = new Date(this.buffer.releasedUpTo).toISOString();
    this.deadLetter.report('late_event', origin, undefined, `event time ${new Date(time).toISOString()} is before the processed watermark ${watermark} (latency ${this.latencyMs / 1000}s)`);
  }

  /** Counts one event read; false when the run is to stop there. */
  private counted(time: number): boolean {
    this.counters.eventsRead++;
    const span = this.span;
    if (span.first === undefined || time < span.first) span.first = time;
    if (span.last === undefined || time > span.last) span.last = time;
    if (this.stopAfter !== undefined && this.counters.eventsRead >= this.stopAfter) this.stopped = true;
    return !this.stopped;
  }
}
