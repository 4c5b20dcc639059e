import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ScoreNormalizer, anomalyScore } from '../../src/anomaly/maths/index.js';

const HOUR = 3_600_000;

function quietJob(buckets: number): ScoreNormalizer {
  const normalizer = new ScoreNormalizer({ bucketSpanMs: HOUR });
  for (let i = 0; i < buckets; i++) normalizer.update(i * HOUR, [{ raw: 0, scopes: ['root'] }]);
  return normalizer;
}

test('no history, or a raw score of 0, normalises to 0', () => {
  const normalizer = new ScoreNormalizer({ bucketSpanMs: HOUR });
  assert.equal(normalizer.normalize(50, ['root']), 0);
  assert.equal(quietJob(10).normalize(0, ['root']), 0);
});

test('a first genuine anomaly in a quiet young job is critical', () => {
  for (const raw of [anomalyScore(1e-20), 60]) {
    const normalizer = quietJob(100);
    assert.equal(normalizer.update(100 * HOUR, [{ raw, scopes: ['root'] }]), true, 'a new maximum is a big change');
    const score = normalizer.normalize(raw, ['root']);
    assert.ok(score >= 75 && score <= 100, `raw ${raw} → ${score}`);
  }
});

test('a job full of p≈1e−3 buckets keeps them low, and c3 caps weak probabilities', () => {
  const normalizer = new ScoreNormalizer({ bucketSpanMs: HOUR });
  const raw = anomalyScore(1e-3);
  let score = 0;
  for (let i = 0; i < 500; i++) {
    const r = i % 4 === 0 ? raw : 0;
    normalizer.update(i * HOUR, [{ raw: r, scopes: ['root'] }]);
    if (r > 0) score = normalizer.normalize(r, ['root']);
  }
  assert.ok(score < 50, `score ${score}`);
  // c3 alone: p = 1e−3 can never exceed ≈ 65.
  const fresh = quietJob(5000);
  fresh.update(5000 * HOUR, [{ raw, scopes: ['root'] }]);
  const capped = fresh.normalize(raw, ['root']);
  assert.ok(Math.abs(capped - 100 * ((0.95 * Math.log(1e-3 / 0.05)) / Math.log(1e-4 / 0.05) + 0.05)) < 0.5, `capped ${capped}`);
});

test('the scope maximum scales smaller scores (c2) and ages away', () => {
  const normalizer = quietJob(3000);
  normalizer.update(3000 * HOUR, [{ raw: 80, scopes: ['partition:host.name=h1'] }]);
  const half = normalizer.normalize(40, ['partition:host.name=h1']);
  assert.ok(Math.abs(half - 75) < 1e-9, `c2 = 100·min(1.5·½, ½+¼) = 75, got ${half}`);
  assert.equal(normalizer.update(3001 * HOUR, [{ raw: 40, scopes: ['partition:host.name=h1'] }]), false);
});

test('snapshot round trip gives the same normalised scores', () => {
  const normalizer = quietJob(200);
  normalizer.update(200 * HOUR, [{ raw: 30, scopes: ['root', 'influencer:user.name=bob'] }]);
  const restored = ScoreNormalizer.fromJSON(JSON.parse(JSON.stringify(normalizer.toJSON())));
  for (const raw of [1, 10, 30, 45]) assert.equal(restored.normalize(raw, ['root']), normalizer.normalize(raw, ['root']));
  assert.throws(() => ScoreNormalizer.fromJSON({}));
});

test('normalising in any order, or again, gives the same scores (reused work never changes a result)', () => {
  const history = (): ScoreNormalizer => {
    const normalizer = new ScoreNormalizer({ bucketSpanMs: HOUR });
    // Fewer than 2000 updates: the padded sample size then depends on the score too.
    for (let i = 0; i < 1200; i++) {
      const raw = i % 7 === 0 ? anomalyScore(10 ** (-2 - (i % 13))) : i % 3 === 0 ? 0.2 + (i % 11) / 10 : 0;
      normalizer.update(i * HOUR, [{ raw, scopes: ['root'] }]);
    }
    return normalizer;
  };
  const raws = Array.from({ length: 200 }, (_, i) => 0.05 + ((i * 37) % 200) / 2);
  const forward = history();
  const backward = history();
  const once = raws.map((r) => forward.normalize(r, ['root']));
  const reversed = [...raws].reverse().map((r) => backward.normalize(r, ['root'])).reverse();
  assert.deepEqual(reversed, once);
  assert.deepEqual(raws.map((r) => forward.normalize(r, ['root'])), once, 'a second pass over the same scores');
  assert.ok(once.some((s) => s > 50) && once.some((s) => s < 5), 'the scores span the scale');
});
