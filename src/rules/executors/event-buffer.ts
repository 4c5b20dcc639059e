/** Time-ordered buffer of the events a rule kept, pruned once no lookback can reach them. */
import type { EcsEvent } from '../../ecs/index.js';
import { stableEventId } from '../alerts/ids.js';

export interface BufferedEvent {
  event: EcsEvent;
  timeMs: number;
  /** Stable event id, computed on first need (hashing is only paid for events that alert). */
  id?: string;
}

export class EventBuffer {
  private items: BufferedEvent[] = [];
  private head = 0;

  get size(): number {
    return this.items.length - this.head;
  }

  push(event: EcsEvent, timeMs: number): void {
    const item: BufferedEvent = { event, timeMs };
    const n = this.items.length;
    if (n === this.head || this.items[n - 1].timeMs <= timeMs) {
      this.items.push(item);
      return;
    }
    // Slightly late event: keep time order (stable for equal times) so every run sees the same sequence.
    let lo = this.head;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.items[mid].timeMs <= timeMs) lo = mid + 1;
      else hi = mid;
    }
    this.items.splice(lo, 0, item);
  }

  /** Events with startMs ≤ time ≤ endMs, oldest first. */
  *range(startMs: number, endMs: number): Generator<BufferedEvent> {
    for (let i = this.head; i < this.items.length; i++) {
      const item = this.items[i];
      if (item.timeMs > endMs) return;
      if (item.timeMs >= startMs) yield item;
    }
  }

  /** Removes and returns the events older than `ms`. */
  dropBefore(ms: number): BufferedEvent[] {
    const start = this.head;
    while (this.head < this.items.length && this.items[this.head].timeMs < ms) this.head++;
    const dropped = this.items.slice(start, this.head);
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return dropped;
  }

  static idOf(item: BufferedEvent): string {
    item.id ??= stableEventId(item.event);
    return item.id;
  }

  snapshot(): Array<[number, EcsEvent, string | null]> {
    return this.items.slice(this.head).map((i) => [i.timeMs, i.event, i.id ?? null]);
  }

  restore(state: unknown): void {
    const rows = (Array.isArray(state) ? state : []) as Array<[number, EcsEvent, string | null]>;
    this.items = rows.map(([timeMs, event, id]) => (id === null ? { event, timeMs } : { event, timeMs, id }));
    this.head = 0;
  }
}
