/**
 * Re-orders events from interleaved, slightly out-of-order inputs into event-time order.
 *
 * Each input (file) reports the highest event time it has delivered so far. The watermark is the lowest of those over
 * the inputs still being read, minus the allowed latency: an input that is read faster than another (a sparse file
 * whose first batch spans a week, next to a dense one that spans an hour) cannot push the watermark past events the
 * slower input has yet to deliver. Every event at or before the watermark is released in time order (ties keep
 * arrival order, so replays are deterministic). An event older than what was already released is late: the caller
 * counts and dead-letters it, it is never silently dropped.
 */
import { OrderedRuns, type Timed } from './ordered-runs.js';

export type { Timed } from './ordered-runs.js';

export class EventTimeBuffer<T extends Timed> {
  private readonly held = new OrderedRuns<T>();
  private seq = 0;
  /** Highest event time delivered by each input still being read. */
  private readonly inputs = new Map<string, number>();
  /** Everything strictly before this time has been released. */
  private released = -Infinity;
  /** The latest event time pushed or observed. */
  private latest = -Infinity;

  constructor(readonly latencyMs: number, releasedUpTo = -Infinity) {
    this.released = releasedUpTo;
  }

  get watermark(): number {
    let low = Infinity;
    for (const t of this.inputs.values()) if (t < low) low = t;
    if (low === Infinity) return this.released;
    return Math.max(this.released, low - this.latencyMs);
  }

  /** Inputs with the highest event time each delivered (for checkpoints). */
  inputTimes(): Array<[string, number]> {
    return [...this.inputs.entries()];
  }

  /** Holds the watermark back until `input` has delivered its first events (or is done). */
  expectInput(input: string): void {
    if (!this.inputs.has(input)) this.inputs.set(input, -Infinity);
  }

  /** The input has delivered everything: it no longer holds the watermark back. */
  inputDone(input: string): void {
    this.inputs.delete(input);
  }

  get size(): number {
    return this.held.size;
  }

  /** Adds an event; returns false (and keeps nothing) when it is late. */
  push(item: T, input = ''): boolean {
    if (!this.observe(item.time, input)) return false;
    this.held.add(item, this.seq++, input);
    return true;
  }

  /**
   * What pushing an event that nobody will be handed does: it moves its input's time forward, and it is late
   * (false) exactly when a pushed event with its time would be.
   */
  observe(time: number, input = ''): boolean {
    if (time < this.released) return false;
    if (time > this.latest) this.latest = time;
    const seen = this.inputs.get(input);
    if (seen === undefined || time > seen) this.inputs.set(input, time);
    return true;
  }

  /** Releases, in order, every event at or before the current watermark (or all of them when `all`). */
  release(all = false, out: T[] = []): T[] {
    const limit = all ? Infinity : this.watermark;
    this.held.takeUntil(limit, out);
    if (limit !== Infinity && limit > this.released) this.released = limit;
    // Observed events count as released with the rest: the last one may be later than the last event handed out.
    if (all && this.latest > this.released) this.released = this.latest;
    return out;
  }

  /** The buffered events, for checkpoints (in release order). */
  pending(): T[] {
    return this.held.all();
  }

  get releasedUpTo(): number {
    return this.released;
  }
}
