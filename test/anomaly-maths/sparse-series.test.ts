import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TimeSeriesModel, type TimeSeriesModelOptions } from '../../src/anomaly/maths/index.js';
import { DAY, HOUR, MONDAY, gaussian, isWeekend, seededRandom } from './synthetic.js';

const hourOf = (t: number): number => new Date(t).getUTCHours();
const workingHour = (t: number): boolean => !isWeekend(t) && hourOf(t) >= 10 && hourOf(t) < 18;

/**
 * Trains `weeks` of hourly buckets (every bucket learned, empty ones as 0, as the engine zero-fills count and sum
 * series) and returns the model, the end time and the smallest p of an ordinary bucket after the first week.
 */
function train(opts: TimeSeriesModelOptions, weeks: number, value: (t: number, rand: () => number) => number, seed = 21) {
  const rand = seededRandom(seed);
  const model = new TimeSeriesModel(opts);
  let smallest = 1;
  let t = MONDAY;
  for (; t < MONDAY + weeks * 7 * DAY; t += HOUR) {
    const v = value(t, rand);
    if (t >= MONDAY + 7 * DAY) smallest = Math.min(smallest, model.probability(t, v, 'high').p);
    model.addBucket(t, [{ value: v, weight: 1 }]);
  }
  return { model, end: t, smallest };
}

const COUNT = { bucketSpanMs: HOUR, kind: 'count' } as const;

test('sparse counts: a 3-event burst among past bursts of 2–10 events is ordinary, 50× the largest burst is extreme', () => {
  // About five bursts a week at any hour, each of 2–10 events: a mean of ~0.2 events per hour.
  const { model, end, smallest } = train(COUNT, 4, (_t, r) => (r() < 0.03 ? 2 + Math.floor(9 * r()) : 0));
  assert.ok(smallest > 1e-3, `an ordinary burst was judged extreme: p=${smallest}`);
  for (const h of [3, 11, 15]) {
    const r = model.probability(end + h * HOUR, 3, 'high');
    assert.ok(r.p > 0.01, `3 events at +${h}h: p=${r.p}`);
    assert.equal(r.anomalyType, 'spike');
  }
  assert.ok(model.probability(end + 11 * HOUR, 500, 'high').p < 1e-8, '500 events');
  assert.equal(model.probability(end + 11 * HOUR, 0, 'high').p, 1);
});

test('sparse counts: deploys in working hours are ordinary there, milder anomalies off-hours, and a 10× burst stands out', () => {
  // A deploy writes 3 files, occasionally two deploys share the hour; weekdays 10–18h only.
  const { model, end, smallest } = train(COUNT, 4, (t, r) => (workingHour(t) && r() < 0.15 ? (r() < 0.1 ? 6 : 3) : 0));
  assert.ok(smallest > 1e-3, `an ordinary deploy was judged more than mildly unusual: p=${smallest}`);
  const monday = end;
  const usual = model.probability(monday + 11 * HOUR, 3, 'high');
  const night = model.probability(monday + 3 * HOUR, 3, 'high');
  assert.ok(usual.p > 0.05, `a deploy at 11:00: p=${usual.p}`);
  assert.equal(usual.typical, 0, 'most hours are empty: the typical bucket is 0');
  assert.ok(night.p < usual.p / 10 && night.p > 5e-4, `a deploy at 03:00 is unusual, mildly: p=${night.p}`);
  assert.ok(model.probability(monday + 11 * HOUR, 6, 'high').p > 0.01, 'two deploys in the hour');
  assert.ok(model.probability(monday + 11 * HOUR, 30, 'high').p < 1e-4, '30 files where bursts are 3–6');
  assert.ok(model.probability(monday + 11 * HOUR, 1500, 'high').p < 1e-20, '1,500 files');
});

test('sparse counts: 3 events where about 0.01 per hour is usual are at most mildly unusual once the series has bursts', () => {
  // About one burst of 1–2 events a week.
  const { model, end } = train(COUNT, 4, (_t, r) => (r() < 1 / 168 ? 1 + Math.floor(2 * r()) : 0));
  const three = model.probability(end + 11 * HOUR, 3, 'high');
  assert.ok(three.p > 1e-3, `3 events: p=${three.p}`);
  assert.ok(model.probability(end + 11 * HOUR, 100, 'high').p < 1e-8, '100 events');
});

test('sparse counts: first activity after four silent weeks is moderately unusual, not a spike; a real spike still is', () => {
  const { model, end } = train(COUNT, 4, (t) => (t === MONDAY ? 2 : 0));
  const one = model.probability(end + 11 * HOUR, 1, 'high').p;
  const three = model.probability(end + 11 * HOUR, 3, 'high').p;
  assert.ok(one > 1e-3, `one event: p=${one}`);
  assert.ok(three > 1e-4 && three < 0.01, `three events: p=${three}`);
  assert.ok(model.probability(end + 11 * HOUR, 1500, 'high').p < 1e-8, '1,500 events');
});

test('sparse sums: a burst of bytes is judged against past bursts', () => {
  // Deploys copy ~40 MB in working hours a few times a week; every other hour writes nothing.
  const opts = { bucketSpanMs: HOUR, kind: 'metric' } as const;
  const { model, end, smallest } = train(opts, 4, (t, r) => (workingHour(t) && r() < 0.15 ? 4e7 * Math.exp(0.3 * gaussian(r)) : 0));
  assert.ok(smallest > 0.01, `an ordinary deploy was flagged: p=${smallest}`);
  assert.ok(model.probability(end + 11 * HOUR, 4e7, 'high').p > 0.01, 'an ordinary deploy');
  assert.ok(model.probability(end + 11 * HOUR, 2e9, 'high').p < 1e-8, '50× the usual deploy');
  assert.equal(model.probability(end + 11 * HOUR, 0, 'high').p, 1);
});

test('sparse counts: snapshots restore the burst view bit for bit', () => {
  const { model, end } = train(COUNT, 2, (t, r) => (workingHour(t) && r() < 0.15 ? 3 : 0));
  const restored = TimeSeriesModel.fromJSON(JSON.parse(JSON.stringify(model.toJSON())));
  for (const [h, v] of [[3, 3], [11, 3], [11, 40]]) {
    assert.deepStrictEqual(restored.probability(end + h * HOUR, v, 'high'), model.probability(end + h * HOUR, v, 'high'));
  }
  assert.ok(model.approxBytes() <= 2048, `approxBytes ${model.approxBytes()}`);
});
