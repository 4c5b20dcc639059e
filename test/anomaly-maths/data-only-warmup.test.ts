import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TimeSeriesModel } from '../../src/anomaly/maths/index.js';
import { seededRandom } from '../support/seeded-random.js';

const SPAN = 6 * 3_600_000;
const T0 = Date.UTC(2026, 9, 1);

/**
 * A mean series that has a value in one 6-hour bucket a day (an admin's RDP sessions, ~30 minutes each) and learns
 * only those buckets: after 12 days it has 12 values and has been watched for 48 buckets.
 */
function sparseMean(days: number, zeroEvery = 0): { model: TimeSeriesModel; next: number; elapsed: number } {
  const random = seededRandom(5);
  const model = new TimeSeriesModel({ bucketSpanMs: SPAN, kind: 'metric' });
  for (let d = 0; d < days; d++) {
    const t = T0 + d * 4 * SPAN + 2 * SPAN;
    const value = zeroEvery > 0 && d % zeroEvery !== 0 ? 0 : 1800 * Math.exp(0.4 * (random() - 0.5));
    model.addBucket(t, [{ value, weight: 1 }]);
  }
  return { model, next: T0 + days * 4 * SPAN + 2 * SPAN, elapsed: days * 4 };
}

test('a data-only series watched long enough judges with a dozen values: 20× its usual is far in the tail', () => {
  const { model, next, elapsed } = sparseMean(12);
  const alone = model.probability(next, 36_000, 'high');
  assert.equal(alone.informative, false, 'by its own 12 values it is still warming up (20 needed)');
  const watched = model.probability(next, 36_000, 'high', elapsed);
  assert.equal(watched.informative, true);
  assert.ok(watched.p < 1e-3, `p = ${watched.p}`);
  const usual = model.probability(next, 2100, 'high', elapsed);
  assert.ok(usual.p > 0.05, `an ordinary value stays ordinary: p = ${usual.p}`);
});

test('time watched does not replace data: five values are not enough, however long the wait', () => {
  const { model, next } = sparseMean(5);
  assert.equal(model.probability(next, 36_000, 'high', 200).informative, false);
});

test('a variance that is 0 in most buckets waits for enough positive values before it judges', () => {
  // 16 buckets with data over 64 watched, only every fourth with a positive value (4 positives): the spread of the
  // positive part is unknown, so a large positive value must not be judged yet. (With all 16 positive it would be.)
  const { model, next, elapsed } = sparseMean(16, 4);
  assert.equal(model.probability(next, 5_000_000, 'high', elapsed).informative, false);
  const dense = sparseMean(16);
  assert.equal(dense.model.probability(dense.next, 5_000_000, 'high', dense.elapsed).informative, true);
});
