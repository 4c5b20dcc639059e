import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MinHeap } from '../../src/collections/min-heap.js';

test('items come out in `before` order, ties as the relation breaks them, while pushes and key changes interleave', () => {
  let seed = 9;
  const rand = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const heap = new MinHeap<{ key: number; id: number }>((a, b) => a.key < b.key || (a.key === b.key && a.id < b.id));
  const model: Array<{ key: number; id: number }> = [];
  const first = () => [...model].sort((a, b) => a.key - b.key || a.id - b.id)[0];
  for (let id = 0; id < 3000; id++) {
    const op = rand(4);
    if (op < 2 || model.length === 0) {
      const e = { key: rand(50), id };
      heap.push(e);
      model.push(e);
    } else if (op === 2) {
      const want = first()!;
      assert.equal(heap.pop(), want);
      model.splice(model.indexOf(want), 1);
    } else {
      // The first item's key moves later, as a rule's next tick does after it ran.
      const top = heap.peek()!;
      assert.equal(top, first());
      top.key += 1 + rand(20);
      heap.firstChanged();
    }
    assert.equal(heap.size, model.length);
    assert.equal(heap.peek(), first());
  }
});
