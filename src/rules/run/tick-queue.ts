/**
 * The rule runners ordered by their next tick (ties in rule load order), so that the engine finds the next tick due
 * in O(log rules) instead of scanning every rule for each of the ~8,000 ticks per rule a month brings.
 */
import type { RuleRunner } from './rule-runner.js';

interface Entry {
  runner: RuleRunner;
  order: number;
}

export class TickQueue {
  private heap: Entry[] = [];

  /** Rebuilds the queue from every runner that has a tick scheduled (`runners` in load order). */
  constructor(runners: readonly RuleRunner[]) {
    runners.forEach((runner, order) => {
      if (runner.nextTickMs !== undefined) this.push({ runner, order });
    });
  }

  /** The runner whose tick is due first, without removing it. */
  peek(): RuleRunner | undefined {
    return this.heap[0]?.runner;
  }

  /** Runs `f` on the first runner (which moves its next tick) and puts it back in its new place. */
  advanceFirst(f: (runner: RuleRunner) => void): void {
    const top = this.heap[0];
    if (!top) return;
    f(top.runner);
    if (top.runner.nextTickMs === undefined) {
      const last = this.heap.pop()!;
      if (this.heap.length === 0) return;
      this.heap[0] = last;
    }
    this.siftDown(0);
  }

  private before(a: Entry, b: Entry): boolean {
    const ta = a.runner.nextTickMs!;
    const tb = b.runner.nextTickMs!;
    return ta < tb || (ta === tb && a.order < b.order);
  }

  private push(e: Entry): void {
    const h = this.heap;
    h.push(e);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.before(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }

  private siftDown(i: number): void {
    const h = this.heap;
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
