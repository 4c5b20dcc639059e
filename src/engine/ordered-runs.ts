/**
 * The event-time buffer's storage: events ordered by (time, arrival number). Each input is nearly sorted already, so
 * it keeps its in-order events as a run (appended in O(1)); only an event earlier than its input's last one goes to
 * a small heap of strays. Releasing merges the runs' and the strays' due prefixes — the order a single heap of every
 * event would give, at a fraction of the cost (a month of events through a heap cost its engine thread ~0.5 s).
 */
import { MinHeap } from '../collections/min-heap.js';

export interface Timed {
  time: number;
}

/** Events of one input in time order, consumed from `head`. */
interface Run<T> {
  items: T[];
  seqs: number[];
  head: number;
}

/** Sorted events with their arrival numbers (one due prefix). */
interface Segment<T> {
  items: T[];
  seqs: number[];
}

export class OrderedRuns<T extends Timed> {
  private readonly runs = new Map<string, Run<T>>();
  private readonly strays = new MinHeap<{ item: T; seq: number }>(before);
  private count = 0;

  get size(): number {
    return this.count;
  }

  add(item: T, seq: number, input: string): void {
    let run = this.runs.get(input);
    if (!run) this.runs.set(input, (run = { items: [], seqs: [], head: 0 }));
    const n = run.items.length;
    if (n > run.head && item.time < run.items[n - 1]!.time) this.strays.push({ item, seq });
    else {
      run.items.push(item);
      run.seqs.push(seq);
    }
    this.count++;
  }

  /** Moves every event with time ≤ `limit` to `out`, in (time, arrival) order. */
  takeUntil(limit: number, out: T[]): void {
    const segments: Array<Segment<T>> = [];
    for (const [input, run] of this.runs) {
      let end = run.head;
      while (end < run.items.length && run.items[end]!.time <= limit) end++;
      if (end === run.head) continue;
      segments.push({ items: run.items.slice(run.head, end), seqs: run.seqs.slice(run.head, end) });
      if (end === run.items.length) this.runs.delete(input);
      else if (end > 4096 && end * 2 > run.items.length) {
        // Drop the consumed front now and then, so a long-lived run does not keep everything it ever held.
        run.items = run.items.slice(end);
        run.seqs = run.seqs.slice(end);
        run.head = 0;
      } else run.head = end;
    }
    if (this.strays.size > 0 && this.strays.peek()!.item.time <= limit) {
      const stray: Segment<T> = { items: [], seqs: [] };
      while (this.strays.size > 0 && this.strays.peek()!.item.time <= limit) {
        const top = this.strays.pop()!;
        stray.items.push(top.item);
        stray.seqs.push(top.seq);
      }
      segments.push(stray);
    }
    const merged = mergeAll(segments);
    for (const item of merged) out.push(item);
    this.count -= merged.length;
  }

  /** Every event held, in release order (for checkpoints). */
  all(): T[] {
    const segments: Array<Segment<T>> = [...this.runs.values()].map((r) => ({ items: r.items.slice(r.head), seqs: r.seqs.slice(r.head) }));
    const strays = this.strays.toArray().sort((a, b) => a.item.time - b.item.time || a.seq - b.seq);
    segments.push({ items: strays.map((s) => s.item), seqs: strays.map((s) => s.seq) });
    return mergeAll(segments);
  }
}

function before<T extends Timed>(a: { item: T; seq: number }, b: { item: T; seq: number }): boolean {
  return a.item.time < b.item.time || (a.item.time === b.item.time && a.seq < b.seq);
}

/** Merges sorted segments pairwise (log₂ k passes of linear merges). */
function mergeAll<T extends Timed>(segments: Array<Segment<T>>): T[] {
  if (segments.length === 0) return [];
  let level = segments;
  while (level.length > 1) {
    const next: Array<Segment<T>> = [];
    for (let i = 0; i < level.length; i += 2) next.push(i + 1 < level.length ? mergeTwo(level[i]!, level[i + 1]!) : level[i]!);
    level = next;
  }
  return level[0]!.items;
}

function mergeTwo<T extends Timed>(a: Segment<T>, b: Segment<T>): Segment<T> {
  const items: T[] = [];
  const seqs: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.items.length && j < b.items.length) {
    const x = a.items[i]!;
    const y = b.items[j]!;
    if (x.time < y.time || (x.time === y.time && a.seqs[i]! < b.seqs[j]!)) {
      items.push(x);
      seqs.push(a.seqs[i++]!);
    } else {
      items.push(y);
      seqs.push(b.seqs[j++]!);
    }
  }
  for (; i < a.items.length; i++) {
    items.push(a.items[i]!);
    seqs.push(a.seqs[i]!);
  }
  for (; j < b.items.length; j++) {
    items.push(b.items[j]!);
    seqs.push(b.seqs[j]!);
  }
  return { items, seqs };
}
