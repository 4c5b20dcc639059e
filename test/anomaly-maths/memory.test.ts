import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TimeSeriesModel } from '../../src/anomaly/maths/index.js';

const HOUR = 3_600_000;
const gc = (globalThis as { gc?: () => void }).gc;

function seasonalModel(i: number, kind: 'metric' | 'count' = 'metric'): TimeSeriesModel {
  const model = new TimeSeriesModel({ bucketSpanMs: HOUR, kind });
  // Counts: a sparse series (mostly empty buckets), which also carries the burst view's state.
  for (let b = 0; b < 30; b++) model.addBucket(b * HOUR, [{ value: kind === 'count' ? ((i + b) % 7 === 0 ? 3 : 0) : 1000 + i + b, weight: 1 }]);
  return model;
}

for (const kind of ['metric', 'count'] as const) {
  test(`a ${kind} series with its seasonal state stays within 2 KB (approxBytes)`, () => {
    const model = seasonalModel(0, kind);
    assert.ok(model.approxBytes() <= 2048, `approxBytes ${model.approxBytes()}`);
    assert.ok(model.approxBytes() >= 1000, 'the estimate counts the profiles');
  });
}

test('10k metric series grow heap + array buffers by ≤ 2 KB each', { skip: gc ? false : 'run with --expose-gc to measure' }, () => {
  const used = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  (gc as () => void)();
  const before = used();
  const models = Array.from({ length: 10_000 }, (_, i) => seasonalModel(i));
  (gc as () => void)();
  const perModel = (used() - before) / models.length;
  assert.ok(perModel <= 2048, `${perModel} bytes per model`);
  assert.ok(Math.abs(perModel - models[0].approxBytes()) < 600, `approxBytes ${models[0].approxBytes()} vs measured ${perModel}`);
});
