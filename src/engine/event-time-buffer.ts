/**
 * Re-orders events from interleaved, slightly out-of-order inputs into event-time order.
 *
 * The watermark is the highest event time seen minus the allowed latency: every event at or before it is released in
 * time order (ties keep arrival order, so replays are deterministic). An event that arrives older than what was already
 * released is late: the caller counts and dead-letters it, it is never silently dropped.
 */
export interface Timed {
  time: number;
}

export class EventTimeBuffer<T extends Timed> {
  private heap: Array<{ item: T; seq: number }> = [];
  private seq = 0;
  private maxSeen = -Infinity;
  /** Everything strictly before this time has been released. */
  private released = -Infinity;

  constructor(readonly latencyMs: number, releasedUpTo = -Infinity) {
    this.released = releasedUpTo;
    this.maxSeen = releasedUpTo + latencyMs;
  }

  get watermark(): number {
    return Math.max(this.released, this.maxSeen - this.latencyMs);
  }

  get size(): number {
    return this.heap.length;
  }

  /** Adds an event; returns false (and keeps nothing) when it is late. */
  push(item: T): boolean {
    if (item.time < this.released) return false;
    if (item.time > this.maxSeen) this.maxSeen = item.time;
    this.heap.push({ item, seq: this.seq++ });
    this.siftUp(this.heap.length - 1);
    return true;
  }

  /** Releases, in order, every event at or before the current watermark (or all of them when `all`). */
  release(all = false, out: T[] = []): T[] {
    const limit = all ? Infinity : this.watermark;
    while (this.heap.length > 0 && this.heap[0].item.time <= limit) out.push(this.pop());
    if (limit !== Infinity && limit > this.released) this.released = limit;
    if (all && out.length) this.released = Math.max(this.released, out[out.length - 1].time);
    return out;
  }

  /** The buffered events, for checkpoints (in release order). */
  pending(): T[] {
    return [...this.heap].sort((a, b) => a.item.time - b.item.time || a.seq - b.seq).map((e) => e.item);
  }

  get releasedUpTo(): number {
    return this.released;
  }

  private pop(): T {
    const top = this.heap[0];
    const last = this.heap.pop()!;
    if (this.heap.length > 0) {
      this.heap[0] = last;
      this.siftDown(0);
    }
    return top.item;
  }

  private less(a: number, b: number): boolean {
    const x = this.heap[a];
    const y = this.heap[b];
    return x.item.time < y.item.time || (x.item.time === y.item.time && x.seq < y.seq);
  }

  private siftUp(i: number): void {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(i, p)) break;
      [this.heap[i], this.heap[p]] = [this.heap[p], this.heap[i]];
      i = p;
    }
  }

  private siftDown(i: number): void {
    const n = this.heap.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < n && this.less(l, m)) m = l;
      if (r < n && this.less(r, m)) m = r;
      if (m === i) break;
      [this.heap[i], this.heap[m]] = [this.heap[m], this.heap[i]];
      i = m;
    }
  }
}
