import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RarityModel } from '../../src/anomaly/maths/index.js';

function threeWeeksOfProcesses(): RarityModel {
  const model = new RarityModel();
  for (let bucket = 0; bucket < 21 * 24; bucket++) {
    const present = ['svchost.exe', 'explorer.exe', 'chrome.exe'];
    if (bucket % 2 === 0) present.push('backup.exe');
    if (bucket % 100 === 0) present.push('updater.exe');
    model.addBucket(present);
  }
  return model;
}

test('a never-seen process after three weeks is rare enough to reach a critical score', () => {
  const r = threeWeeksOfProcesses().probability('mimikatz.exe');
  assert.ok(r.p < 1e-4, `p=${r.p}`);
  assert.equal(r.firstOccurrence, true);
  assert.ok(r.relativeRarity > 100);
  assert.equal(r.informative, true);
});

test('a process present in half of the buckets is not rare; an occasional one is rarer than a daily one', () => {
  const model = threeWeeksOfProcesses();
  const half = model.probability('backup.exe');
  assert.ok(half.p > 0.05, `p=${half.p}`);
  assert.equal(half.firstOccurrence, false);
  const occasional = model.probability('updater.exe');
  assert.ok(occasional.p < half.p);
  assert.ok(occasional.bucketsWithCategory > 3 && occasional.bucketsWithCategory < 7);
  assert.ok(model.probability('chrome.exe').p > 0.9);
});

test('warm-up: the first 20 buckets are not informative', () => {
  const model = new RarityModel();
  for (let i = 0; i < 19; i++) model.addBucket(['a']);
  assert.equal(model.probability('b').p, 1);
  assert.equal(model.probability('b').informative, false);
});

test('hosts that keep producing new values do not alert on each new one', () => {
  const model = new RarityModel();
  for (let b = 0; b < 500; b++) model.addBucket(['stable', `tmp-${b}`]);
  assert.ok(model.probability('tmp-new').p > 0.05);
});

test('snapshot round trip keeps probabilities', () => {
  const model = threeWeeksOfProcesses();
  const restored = RarityModel.fromJSON(JSON.parse(JSON.stringify(model.toJSON())));
  for (const c of ['mimikatz.exe', 'backup.exe', 'updater.exe']) {
    const a = model.probability(c);
    const b = restored.probability(c);
    assert.ok(Math.abs(a.p - b.p) <= 1e-12 * a.p, c);
    assert.equal(a.firstOccurrence, b.firstOccurrence);
  }
  assert.throws(() => RarityModel.fromJSON(null));
});
