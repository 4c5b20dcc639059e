import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TimeSeriesModel, type Tail } from '../../src/anomaly/maths/index.js';
import { DAY, HOUR, MONDAY, gaussian, officeRate, poisson, seededRandom } from './synthetic.js';

function trainOffice(weeks: number, onBucket?: (t: number, v: number, m: TimeSeriesModel) => void): TimeSeriesModel {
  const rand = seededRandom(1);
  const model = new TimeSeriesModel({ bucketSpanMs: HOUR, kind: 'count' });
  for (let t = MONDAY; t < MONDAY + weeks * 7 * DAY; t += HOUR) {
    const v = poisson(rand, officeRate(t));
    onBucket?.(t, v, model);
    model.addBucket(t, [{ value: v, weight: 1 }]);
  }
  return model;
}

test('warm-up: nothing is anomalous before enough buckets', () => {
  const model = new TimeSeriesModel({ bucketSpanMs: HOUR, kind: 'count' });
  for (let i = 0; i < 10; i++) model.addBucket(MONDAY + i * HOUR, [{ value: 2, weight: 1 }]);
  const r = model.probability(MONDAY + 10 * HOUR, 10_000, 'high');
  assert.equal(r.informative, false);
  assert.equal(r.p, 1);
});

test('office-hours counts: weekday peaks, nights, weekends and the 02:00 backup are absorbed; an injected spike is not', () => {
  let smallest = 1;
  let anomalousBuckets = 0;
  const model = trainOffice(3, (t, v, m) => {
    if (t < MONDAY + 7 * DAY) return; // seasonality is learned during the first week
    const p = m.probability(t, v, 'two_sided').p;
    smallest = Math.min(smallest, p);
    if (p < 0.01) anomalousBuckets++;
  });
  assert.equal(anomalousBuckets, 0, `ordinary buckets flagged; smallest p ${smallest}`);
  const monday = MONDAY + 21 * DAY;
  const saturday = monday + 5 * DAY;
  const peak = model.probability(monday + 10 * HOUR, 50, 'two_sided');
  assert.ok(peak.p > 0.01 && peak.seasonal, `weekday peak p=${peak.p}`);
  assert.ok(peak.typical > 35 && peak.typical < 65, `typical ${peak.typical}`);
  assert.ok(model.probability(monday + 2 * HOUR, 20, 'two_sided').p > 0.01, 'nightly backup');
  assert.ok(model.probability(saturday + 10 * HOUR, 3, 'two_sided').p > 0.01, 'quiet weekend');
  const spike = model.probability(monday + 3 * HOUR, 100, 'high');
  assert.ok(spike.p < 1e-8, `2/h → 100/h at night p=${spike.p}`);
  assert.equal(spike.anomalyType, 'spike');
  const silence = model.probability(monday + 14 * HOUR, 0, 'two_sided');
  assert.ok(silence.p < 1e-6 && silence.anomalyType === 'dip', `silent weekday afternoon p=${silence.p}`);
  assert.equal(model.probability(monday + 14 * HOUR, 0, 'high').p, 1, 'high tail ignores dips');
});

test('metric bytes: orders of magnitude above typical is extreme, 1.5× typical in a noisy series is not', () => {
  const rand = seededRandom(2);
  const model = new TimeSeriesModel({ bucketSpanMs: 3 * HOUR, kind: 'metric' });
  for (let t = MONDAY; t < MONDAY + 21 * DAY; t += 3 * HOUR) model.addBucket(t, [{ value: 2e6 * Math.exp(0.5 * gaussian(rand)), weight: 1 }]);
  const t = MONDAY + 21 * DAY;
  const typical = model.probability(t, 2e6, 'high');
  assert.ok(typical.typical > 1.5e6 && typical.typical < 2.5e6, `typical ${typical.typical}`);
  assert.ok(typical.upper > typical.typical && typical.lower < typical.typical);
  assert.ok(model.probability(t, 3e6, 'high').p > 0.05);
  assert.ok(model.probability(t, 3e9, 'high').p < 1e-10);
  assert.equal(model.probability(t, 1e3, 'high').p, 1, 'one-sided: low values are fine for high_*');
  assert.ok(model.probability(t, 1e3, 'low').p < 1e-6, 'but not for low_*');
});

test('zero-inflated sums: zero buckets are normal, a 3 GB burst is not', () => {
  const rand = seededRandom(3);
  const model = new TimeSeriesModel({ bucketSpanMs: HOUR, kind: 'metric' });
  for (let t = MONDAY; t < MONDAY + 21 * DAY; t += HOUR) {
    model.addBucket(t, [{ value: rand() < 0.1 ? 2e6 * Math.exp(gaussian(rand)) : 0, weight: 1 }]);
  }
  const t = MONDAY + 21 * DAY;
  assert.equal(model.probability(t, 0, 'high').p, 1);
  assert.ok(model.probability(t, 2e6, 'high').p > 0.05);
  assert.ok(model.probability(t, 3e9, 'high').p < 1e-10);
});

test('population pooling: weighted samples describe the population, one outlier member stands out', () => {
  const rand = seededRandom(5);
  const model = new TimeSeriesModel({ bucketSpanMs: 3 * HOUR, kind: 'metric' });
  for (let t = MONDAY; t < MONDAY + 14 * DAY; t += 3 * HOUR) {
    const members = Array.from({ length: 20 }, () => ({ value: 1e5 * Math.exp(gaussian(rand)), weight: 1 / 20 }));
    model.addBucket(t, members);
  }
  const t = MONDAY + 14 * DAY;
  assert.ok(model.probability(t, 3e5, 'high').p > 0.05, 'an ordinary member');
  assert.ok(model.probability(t, 3e9, 'high').p < 1e-10, 'a member receiving 30 000× the usual');
});

test('time_of_day: an 03:00 start for an 08:00–18:00 source is improbable after three weeks', () => {
  const rand = seededRandom(6);
  const model = new TimeSeriesModel({ bucketSpanMs: HOUR, kind: 'time_of_day' });
  for (let d = 0; d < 21; d++) {
    for (let h = 8; h < 18; h++) model.addBucket(MONDAY + d * DAY + h * HOUR, [{ value: h * 3600 + rand() * 3600, weight: 1 }]);
  }
  const t = MONDAY + 21 * DAY;
  assert.ok(model.probability(t, 3 * 3600, 'two_sided').p < 1e-4);
  assert.ok(model.probability(t, 12 * 3600, 'two_sided').p > 0.05);
  assert.ok(model.probability(t, 17.5 * 3600, 'two_sided').p > 0.05);
});

test('multi-bucket: a sustained moderate rise is noticed even when single buckets are unremarkable', () => {
  const rand = seededRandom(7);
  const model = new TimeSeriesModel({ bucketSpanMs: HOUR, kind: 'metric' });
  const draw = () => 1e6 * Math.exp(0.3 * gaussian(rand));
  let t = MONDAY;
  for (; t < MONDAY + 14 * DAY; t += HOUR) model.addBucket(t, [{ value: draw(), weight: 1 }]);
  let last = model.probability(t, 1e6, 'high');
  for (let i = 0; i < 10; i++, t += HOUR) {
    const v = 1.6e6;
    last = model.probability(t, v, 'high');
    model.addBucket(t, [{ value: v, weight: 1 }]);
  }
  assert.ok(last.pSingle > 0.01, `single bucket p ${last.pSingle}`);
  assert.ok(last.pMulti < 1e-3, `multi bucket p ${last.pMulti}`);
  assert.ok(last.p < last.pSingle);
  assert.ok(last.multiBucketImpact > 0 && last.multiBucketImpact <= 5);
});

test('snapshot round trip gives identical probabilities', () => {
  const model = trainOffice(2);
  const restored = TimeSeriesModel.fromJSON(JSON.parse(JSON.stringify(model.toJSON())));
  const t = MONDAY + 14 * DAY;
  for (const [h, v, tail] of [[3, 100, 'high'], [10, 50, 'two_sided'], [14, 0, 'low']] as Array<[number, number, Tail]>) {
    assert.deepEqual(restored.probability(t + h * HOUR, v, tail), model.probability(t + h * HOUR, v, tail));
  }
  model.addBucket(t, [{ value: 7, weight: 1 }]);
  restored.addBucket(t, [{ value: 7, weight: 1 }]);
  assert.deepEqual(restored.probability(t + HOUR, 9, 'high'), model.probability(t + HOUR, 9, 'high'));
  assert.throws(() => TimeSeriesModel.fromJSON({ nonsense: true }));
});

test('bad input never crashes or poisons the model', () => {
  const model = new TimeSeriesModel({ bucketSpanMs: HOUR, kind: 'metric', minBucketsBeforeScoring: 5 });
  for (let i = 0; i < 10; i++) model.addBucket(MONDAY + i * HOUR, [{ value: 100, weight: 1 }, { value: Number.NaN, weight: 1 }]);
  model.addBucket(MONDAY + 10 * HOUR, []);
  model.addBucket(MONDAY + 11 * HOUR, [{ value: Infinity, weight: 1 }]);
  const r = model.probability(MONDAY + 12 * HOUR, 100, 'two_sided');
  assert.ok(r.p > 0.05 && Number.isFinite(r.typical));
  assert.equal(model.probability(MONDAY + 12 * HOUR, Number.NaN, 'high').p, 1);
});
