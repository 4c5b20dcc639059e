/**
 * The rule runners ordered by their next tick (ties in rule load order), so that the engine finds the next tick due
 * in O(log rules) instead of scanning every rule for each of the ~8,000 ticks per rule a month brings.
 */
import { MinHeap } from '../../collections/min-heap.js';
import type { RuleRunner } from './rule-runner.js';

interface Entry {
  runner: RuleRunner;
  order: number;
}

const before = (a: Entry, b: Entry): boolean => {
  const ta = a.runner.nextTickMs!;
  const tb = b.runner.nextTickMs!;
  return ta < tb || (ta === tb && a.order < b.order);
};

export class TickQueue {
  private readonly heap = new MinHeap<Entry>(before);

  /** Rebuilds the queue from every runner that has a tick scheduled (`runners` in load order). */
  constructor(runners: readonly RuleRunner[]) {
    runners.forEach((runner, order) => {
      if (runner.nextTickMs !== undefined) this.heap.push({ runner, order });
    });
  }

  /** The runner whose tick is due first, without removing it. */
  peek(): RuleRunner | undefined {
    return this.heap.peek()?.runner;
  }

  /** Runs `f` on the first runner (which moves its next tick) and puts it back in its new place. */
  advanceFirst(f: (runner: RuleRunner) => void): void {
    const top = this.heap.peek();
    if (!top) return;
    f(top.runner);
    if (top.runner.nextTickMs === undefined) this.heap.pop();
    else this.heap.firstChanged();
  }
}
