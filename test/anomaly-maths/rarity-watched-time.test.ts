import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RarityModel } from '../../src/anomaly/maths/index.js';

/** A host that writes to USB with explorer.exe in one hour of each day: the engine learns one bucket a day. */
function dailyWriter(days: number): RarityModel {
  const model = new RarityModel();
  for (let day = 0; day < days; day++) {
    if (day > 0) model.observeEmptyBuckets(23);
    model.addBucket(['explorer.exe']);
  }
  return model;
}

test('a daily habitual writer watched for two weeks: a new process is far in the tail (critical score range)', () => {
  const model = dailyWriter(14);
  model.observeEmptyBuckets(23);
  const r = model.probability('7z.exe');
  assert.equal(r.informative, true, 'two weeks of watching is past the warm-up although only 14 buckets had data');
  assert.equal(r.firstOccurrence, true);
  // 0.1 pseudo-novelties over ~330 watched hours; p ≤ 5e-4 is what lets the c3 cap reach 75.
  assert.ok(r.p < 5e-4, `p=${r.p}`);
  assert.ok(model.probability('explorer.exe').p > 0.5, 'the habitual process stays unremarkable');
});

test('without the watched hours the same history is only mildly unusual (time is the evidence)', () => {
  const model = new RarityModel();
  for (let day = 0; day < 14; day++) model.addBucket(['explorer.exe']);
  assert.equal(model.probability('7z.exe').informative, false, '14 consecutive buckets are still inside the 20-bucket warm-up');
  for (let b = 0; b < 10; b++) model.addBucket(['explorer.exe']);
  assert.ok(model.probability('7z.exe').p > 1e-3);
});

test('a host that wrote once and, a week later, with another tool has no habit to depart from', () => {
  const model = new RarityModel();
  model.addBucket(['explorer.exe']);
  model.observeEmptyBuckets(7 * 24);
  assert.equal(model.probability('robocopy.exe').informative, false);
  assert.equal(model.probability('robocopy.exe').p, 1);
});

test('a host that writes with a new random process every few hours does not alert on each new one', () => {
  const model = new RarityModel();
  for (let b = 0; b < 200; b++) {
    model.observeEmptyBuckets(5);
    model.addBucket(['explorer.exe', `setup-${b}.tmp.exe`]);
  }
  const r = model.probability('setup-new.tmp.exe');
  assert.equal(r.informative, true);
  assert.ok(r.p > 0.05, `p=${r.p}`);
});

test('a new release directory per deployment from the very start: novelty seen during warm-up still counts', () => {
  const model = new RarityModel();
  for (let d = 0; d < 6; d++) {
    if (d > 0) model.observeEmptyBuckets(95);
    model.addBucket([`/var/www/releases/r${d}/`]);
  }
  assert.ok(model.probability('/var/www/releases/r-next/').p > 0.05);
});

test('watched time survives a snapshot, old (v2) snapshots still load, and restored models continue bit for bit', () => {
  const original = dailyWriter(10);
  const restored = RarityModel.fromJSON(JSON.parse(JSON.stringify(original.toJSON())));
  for (let day = 0; day < 5; day++) {
    for (const m of [original, restored]) m.observeEmptyBuckets(23);
    for (const c of ['7z.exe', 'explorer.exe']) assert.deepStrictEqual(restored.probability(c), original.probability(c));
    for (const m of [original, restored]) m.addBucket(['explorer.exe']);
  }
  assert.equal(JSON.stringify(restored.toJSON()), JSON.stringify(original.toJSON()));
  const v2: Record<string, unknown> = { ...(original.toJSON() as Record<string, unknown>), v: 2 };
  delete v2.watched;
  const fromV2 = RarityModel.fromJSON(v2);
  assert.equal(fromV2.probability('explorer.exe').informative, false, 'without watched time only the 15 data buckets count');
  assert.throws(() => RarityModel.fromJSON({ ...(original.toJSON() as Record<string, unknown>), watched: 'x' }));
});
