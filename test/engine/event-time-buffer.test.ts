import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventTimeBuffer } from '../../src/engine/event-time-buffer.js';

test('releases interleaved out-of-order events in time order once the watermark passes them', () => {
  const b = new EventTimeBuffer<{ time: number; id: string }>(10);
  for (const [time, id] of [[5, 'a'], [3, 'b'], [8, 'c'], [14, 'd']] as const) assert.equal(b.push({ time, id }), true);
  assert.deepEqual(b.release().map((e) => e.id), ['b']); // watermark 14-10 = 4
  b.push({ time: 30, id: 'e' });
  assert.deepEqual(b.release().map((e) => e.id), ['a', 'c', 'd']); // watermark 20
  assert.deepEqual(b.release(true).map((e) => e.id), ['e']);
});

test('an event older than what was released is late, not kept', () => {
  const b = new EventTimeBuffer<{ time: number }>(5);
  b.push({ time: 100 });
  b.push({ time: 120 });
  b.release();
  assert.equal(b.push({ time: 90 }), false);
  assert.equal(b.push({ time: 116 }), true);
});

test('ties keep arrival order so replays are deterministic', () => {
  const b = new EventTimeBuffer<{ time: number; id: number }>(0);
  for (let i = 0; i < 50; i++) b.push({ time: 7, id: i });
  assert.deepEqual(b.release(true).map((e) => e.id), [...Array(50).keys()]);
});

test('pending() restores to a buffer that releases the same sequence', () => {
  const a = new EventTimeBuffer<{ time: number; id: number }>(100);
  for (let i = 0; i < 20; i++) a.push({ time: (i * 37) % 50, id: i });
  const b = new EventTimeBuffer<{ time: number; id: number }>(100, a.releasedUpTo);
  for (const e of a.pending()) b.push(e);
  assert.deepEqual(b.release(true), a.release(true));
});

test('several nearly sorted inputs with stragglers come out in (time, arrival) order, batch after batch', () => {
  let seed = 42;
  const rand = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const b = new EventTimeBuffer<{ time: number; id: number }>(20);
  const inputs = ['dns', 'network', 'process'];
  const clock = new Map(inputs.map((i) => [i, 0]));
  const arrived: Array<{ time: number; id: number }> = [];
  const released: Array<{ time: number; id: number }> = [];
  for (let id = 0; id < 5000; id++) {
    const input = inputs[rand(inputs.length)]!;
    // Mostly forward in time, some equal times, some stragglers up to 15 back (within the latency).
    const t = clock.get(input)! + rand(4) - (rand(10) === 0 ? 15 : 0);
    clock.set(input, Math.max(clock.get(input)!, t));
    const e = { time: t, id };
    if (b.push(e, input)) arrived.push(e);
    if (rand(50) === 0) released.push(...b.release());
    if (rand(500) === 0) {
      // A checkpoint mid-way sees what is held in the order it will come out.
      const pending = b.pending();
      const out = new Set(released);
      const expected = arrived.filter((x) => !out.has(x)).sort((x, y) => x.time - y.time || x.id - y.id);
      assert.deepEqual(pending, expected);
    }
  }
  released.push(...b.release(true));
  const expected = [...arrived].sort((x, y) => x.time - y.time || x.id - y.id);
  assert.deepEqual(released.map((e) => e.id), expected.map((e) => e.id));
});
