/**
 * A binary min-heap ordered by a `before` relation: the engine's out-of-order events and the rule engine's tick
 * schedule both take the earliest item again and again from a set that keeps changing.
 */
export class MinHeap<T> {
  private readonly items: T[] = [];

  /** `before(a, b)`: a comes out first. Ties must be broken by the relation itself for a deterministic order. */
  constructor(private readonly before: (a: T, b: T) => boolean) {}

  get size(): number {
    return this.items.length;
  }

  /** The first item, without removing it. */
  peek(): T | undefined {
    return this.items[0];
  }

  push(item: T): void {
    const h = this.items;
    h.push(item);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.before(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }

  /** Removes and returns the first item. */
  pop(): T | undefined {
    const h = this.items;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0) {
      h[0] = last!;
      this.siftDown(0);
    }
    return top;
  }

  /** The first item's key changed (it can only come later): moves it to its new place. */
  firstChanged(): void {
    if (this.items.length > 1) this.siftDown(0);
  }

  /** Every item, in no particular order. */
  toArray(): T[] {
    return [...this.items];
  }

  private siftDown(i: number): void {
    const h = this.items;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && this.before(h[l]!, h[m]!)) m = l;
      if (r < h.length && this.before(h[r]!, h[m]!)) m = r;
      if (m === i) return;
      [h[i], h[m]] = [h[m]!, h[i]!];
      i = m;
    }
  }
}
