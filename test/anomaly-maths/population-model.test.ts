import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TimeSeriesModel, type WeightedSample } from '../../src/anomaly/maths/index.js';
import { DAY, HOUR, MONDAY, gaussian, seededRandom } from './synthetic.js';

const SPAN = 3 * HOUR;
const GB = 1024 ** 3;

/**
 * A DED-like pooled model: a dozen destinations with their own typical volume (spread ×2 either way), ten times busier
 * in office hours than at night, learned as one population (weights 1/n per bucket) for three weeks.
 */
function officePopulation(): { model: TimeSeriesModel; members: (t: number) => WeightedSample[]; end: number } {
  const rand = seededRandom(21);
  const bases = Array.from({ length: 12 }, () => 2e6 * Math.exp(0.8 * gaussian(rand)));
  const members = (t: number): WeightedSample[] => {
    const hour = new Date(t).getUTCHours();
    const busy = hour >= 9 && hour < 18 ? 10 : 1;
    const present = bases.filter(() => rand() < 0.7);
    return present.map((b) => ({ value: b * busy * Math.exp(0.3 * gaussian(rand)), weight: 1 / present.length }));
  };
  const model = new TimeSeriesModel({ bucketSpanMs: SPAN, kind: 'metric' });
  let t = MONDAY;
  for (; t < MONDAY + 21 * DAY; t += SPAN) model.addBucket(t, members(t));
  return { model, members, end: t };
}

test('pooled population with a day/night rhythm: a 3 GB burst where members get ~2 MB is far in the tail', () => {
  const { model, end } = officePopulation();
  const night = end; // 00:00–03:00
  const r = model.probability(night, 3 * GB, 'high');
  assert.ok(r.seasonal, 'the population centre follows the office rhythm');
  assert.ok(r.p < 1e-10, `3 GB at night: p ${r.p}`);
  assert.ok(r.typical > 5e5 && r.typical < 8e6, `typical at night ${r.typical}`);
  assert.ok(model.probability(night + 4 * SPAN, 3 * GB, 'high').p < 1e-8, '3 GB is extreme in office hours too');
});

test('pooled population with a day/night rhythm: ordinary members and 1.5× variations stay ordinary', () => {
  const { model, members, end } = officePopulation();
  let scored = 0;
  let below01 = 0;
  let below001 = 0;
  for (let t = end; t < end + 7 * DAY; t += SPAN) {
    const bucket = members(t);
    for (const m of bucket) {
      for (const value of [m.value, 1.5 * m.value]) {
        const p = model.probability(t, value, 'high').p;
        scored++;
        if (p < 0.01) below01++;
        if (p < 1e-3) below001++;
      }
    }
    model.addBucket(t, bucket);
  }
  // The predictive spread must include the members' own dispersion, not only how well the centre is predicted.
  assert.ok(below01 / scored < 0.02, `${below01} of ${scored} ordinary scores below 0.01`);
  assert.ok(below001 / scored < 0.002, `${below001} of ${scored} ordinary scores below 1e-3`);
});
