import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RarityModel, ScoreNormalizer, TimeSeriesModel, anomalyScore, type Tail, type TimeSeriesModelOptions, type WeightedSample } from '../../src/anomaly/maths/index.js';
import { DAY, HOUR, MONDAY, gaussian, officeRate, poisson, seededRandom } from './synthetic.js';

/** Snapshot through JSON, as the store keeps it. */
const throughJson = (state: unknown): unknown => JSON.parse(JSON.stringify(state));

interface SeriesCase {
  name: string;
  opts: TimeSeriesModelOptions;
  /** Samples of the bucket starting at t. */
  bucket: (t: number, rand: () => number) => WeightedSample[];
  /** Values to score in each bucket (besides the bucket's own samples). */
  probes: number[];
}

const SERIES_CASES: SeriesCase[] = [
  { name: 'count, office hours', opts: { bucketSpanMs: HOUR, kind: 'count' }, bucket: (t, r) => [{ value: poisson(r, officeRate(t)), weight: 1 }], probes: [0, 7, 120] },
  {
    name: 'metric, zero-inflated bytes',
    opts: { bucketSpanMs: HOUR, kind: 'metric' },
    bucket: (_t, r) => [{ value: r() < 0.3 ? 0 : 2e6 * Math.exp(0.8 * gaussian(r)), weight: 1 }],
    probes: [0, 2e6, 3e9],
  },
  {
    name: 'metric, pooled population',
    opts: { bucketSpanMs: 3 * HOUR, kind: 'metric' },
    bucket: (_t, r) => Array.from({ length: 15 }, () => ({ value: 1e5 * Math.exp(gaussian(r)), weight: 1 / 15 })),
    probes: [1e5, 3e9],
  },
  { name: 'time_of_day', opts: { bucketSpanMs: HOUR, kind: 'time_of_day' }, bucket: (_t, r) => [{ value: (8 + 10 * r()) * 3600, weight: 1 }], probes: [3 * 3600, 12 * 3600] },
];

for (const c of SERIES_CASES) {
  test(`TimeSeriesModel (${c.name}): restored mid-stream, it continues bit for bit like the original`, () => {
    const rand = seededRandom(11);
    const span = c.opts.bucketSpanMs;
    const original = new TimeSeriesModel(c.opts);
    let t = MONDAY;
    for (; t < MONDAY + 10 * DAY; t += span) original.addBucket(t, c.bucket(t, rand));
    const restored = TimeSeriesModel.fromJSON(throughJson(original.toJSON()));
    assert.equal(JSON.stringify(restored.toJSON()), JSON.stringify(original.toJSON()), 'a snapshot of the restored model is the same snapshot');
    for (const end = t + 5 * DAY; t < end; t += span) {
      const samples = c.bucket(t, rand);
      for (const value of [...samples.map((s) => s.value), ...c.probes]) {
        for (const tail of ['high', 'low', 'two_sided'] as Tail[]) {
          const a = original.probability(t, value, tail);
          const b = restored.probability(t, value, tail);
          assert.ok(a.p === b.p && a.pMulti === b.pMulti && a.typical === b.typical, `t=${t} value=${value} ${tail}: ${a.p} vs ${b.p}`);
          assert.deepStrictEqual(b, a);
        }
      }
      original.addBucket(t, samples);
      restored.addBucket(t, samples);
    }
  });
}

test('RarityModel: restored mid-stream, it continues bit for bit like the original (decay scale included)', () => {
  const rand = seededRandom(12);
  const present = (): string[] => Array.from({ length: 6 }, () => `proc-${Math.floor(60 * rand() ** 3)}.exe`);
  const original = new RarityModel();
  for (let b = 0; b < 500; b++) original.addBucket(present());
  const restored = RarityModel.fromJSON(throughJson(original.toJSON()));
  for (let b = 0; b < 300; b++) {
    const categories = b % 50 === 7 ? [...present(), `new-${b}.exe`] : present();
    for (const c of [...categories, 'never-seen.exe', 'proc-0.exe']) {
      const x = original.probability(c);
      const y = restored.probability(c);
      assert.ok(x.p === y.p && x.bucketsWithCategory === y.bucketsWithCategory && x.relativeRarity === y.relativeRarity, `bucket ${b}, ${c}: ${x.p} vs ${y.p}`);
      assert.deepStrictEqual(y, x);
    }
    original.addBucket(categories);
    restored.addBucket(new Set(categories));
  }
});

test('RarityModel reads version-1 snapshots (decayed values, no scale)', () => {
  const model = RarityModel.fromJSON({ v: 1, minBuckets: 2, decay: 0.001, buckets: 30, total: 40, novel: 0, counts: [['a', 30], ['b', 10]] });
  assert.ok(model.probability('b').p < model.probability('a').p);
  assert.equal(model.probability('a').bucketsWithCategory, 30);
});

for (const spanMs of [HOUR, 5 * 60_000]) {
  test(`ScoreNormalizer (${spanMs / 60_000} min buckets): restored mid-stream, scores and big changes match bit for bit`, () => {
    const rand = seededRandom(13);
    const bucket = (): Array<{ raw: number; scopes: string[] }> =>
      Array.from({ length: 1 + Math.floor(3 * rand()) }, () => ({
        raw: rand() < 0.6 ? 0 : anomalyScore(10 ** (-1.5 - 25 * rand() ** 4)),
        scopes: ['root', `person:host.name=h${Math.floor(5 * rand())}`],
      }));
    const original = new ScoreNormalizer({ bucketSpanMs: spanMs });
    let b = 0;
    for (; b < 700; b++) original.update(b * spanMs, bucket());
    const restored = ScoreNormalizer.fromJSON(throughJson(original.toJSON()));
    for (const end = b + 400; b < end; b++) {
      // Gaps age the maxima and the quantiles: both copies must age identically.
      const t = (b + (b % 97 === 0 ? 30 : 0)) * spanMs;
      const scores = bucket();
      assert.equal(restored.update(t, scores), original.update(t, scores), `bucket ${b}: big change`);
      for (const raw of [...scores.map((s) => s.raw), 0.5, 12, 60, 99]) {
        for (const scopes of [['root'], ['person:host.name=h1'], []]) {
          const x = original.normalize(raw, scopes);
          const y = restored.normalize(raw, scopes);
          assert.ok(x === y, `bucket ${b}, raw ${raw}, ${scopes.join(',')}: ${x} vs ${y}`);
        }
      }
    }
  });
}

/**
 * Snapshots written before v3 (no burst view for counts) and before v2 (no population dispersion): the layout of a v3
 * count snapshot minus its appended burst scalars and occurrence floats is a v2 one, with no empty buckets counted.
 */
function olderSnapshots(model: TimeSeriesModel): { v1: unknown; v2: unknown } {
  const v3 = throughJson(model.toJSON()) as { v: number; s: number[]; prof: number[] };
  const seriesScalars = 6 + 12 + 17; // own, baseline, multi-bucket
  const profileFloats = 3 * 24 * 3;
  const s2 = v3.s.slice(0, seriesScalars);
  s2[1] = 0; // a v2 count never counted empty buckets
  const v2 = { ...v3, v: 2, s: s2, prof: v3.prof.slice(0, profileFloats) };
  // A single series has no dispersion: its v1 snapshot is the v2 one without that scalar (the 12th of the baseline's).
  const spreadAt = 6 + 11;
  assert.equal(s2[spreadAt], 0);
  const v1 = { ...v2, v: 1, s: [...s2.slice(0, spreadAt), ...s2.slice(spreadAt + 1)] };
  return { v1, v2 };
}

test('TimeSeriesModel reads version-1 and version-2 count snapshots: the dense state carries over, the burst view starts afresh', () => {
  const rand = seededRandom(14);
  const model = new TimeSeriesModel({ bucketSpanMs: HOUR, kind: 'count' });
  let t = MONDAY;
  for (; t < MONDAY + 14 * DAY; t += HOUR) model.addBucket(t, [{ value: poisson(rand, officeRate(t)), weight: 1 }]);
  const { v1, v2 } = olderSnapshots(model);
  const fromV1 = TimeSeriesModel.fromJSON(v1);
  const fromV2 = TimeSeriesModel.fromJSON(v2);
  for (const [h, value] of [[3, 100], [10, 50], [14, 0]]) {
    const a = fromV1.probability(t + h * HOUR, value, 'two_sided');
    assert.deepStrictEqual(a, fromV2.probability(t + h * HOUR, value, 'two_sided'), 'v1 and v2 describe the same state');
    assert.equal(a.typical, model.probability(t + h * HOUR, value, 'two_sided').typical, 'the seasonal baseline is kept');
  }
  // After a day of learning the burst view has lost to the baseline again: office counts are judged as before.
  for (const end = t + DAY; t < end; t += HOUR) fromV2.addBucket(t, [{ value: poisson(rand, officeRate(t)), weight: 1 }]);
  const monday = MONDAY + 21 * DAY;
  assert.ok(fromV2.probability(monday + 3 * HOUR, 100, 'high').p < 1e-8, 'a night spike');
  assert.ok(fromV2.probability(monday + 10 * HOUR, 50, 'two_sided').p > 0.01, 'a weekday peak');
});

test('TimeSeriesModel reads version-2 metric snapshots unchanged (the layout did not change)', () => {
  const rand = seededRandom(15);
  const model = new TimeSeriesModel({ bucketSpanMs: HOUR, kind: 'metric' });
  let t = MONDAY;
  for (; t < MONDAY + 10 * DAY; t += HOUR) model.addBucket(t, [{ value: rand() < 0.3 ? 0 : 1e6 * Math.exp(gaussian(rand)), weight: 1 }]);
  const restored = TimeSeriesModel.fromJSON({ ...(throughJson(model.toJSON()) as object), v: 2 });
  for (const value of [0, 1e6, 3e9]) assert.deepStrictEqual(restored.probability(t, value, 'high'), model.probability(t, value, 'high'));
});
