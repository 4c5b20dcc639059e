import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DBL_MIN, anomalyScore, probabilityFromScore } from '../../src/anomaly/maths/index.js';

test('S(p) has Elastic\'s exact values at the knots', () => {
  assert.equal(anomalyScore(1), 0);
  assert.equal(anomalyScore(0.05), 0);
  assert.equal(anomalyScore(1e-4), 1);
  assert.ok(Math.abs(anomalyScore(1e-50) - 50) < 1e-12);
  assert.equal(anomalyScore(DBL_MIN), 100);
  assert.equal(anomalyScore(0), 100);
  // Between the knots: linear in 1/p, then in ln p.
  assert.ok(Math.abs(anomalyScore(1e-3) - (1000 - 20) / (10000 - 20)) < 1e-15);
  assert.ok(Math.abs(anomalyScore(1e-20) - (1 + (49 * (Math.log(1e20) - Math.log(1e4))) / (Math.log(1e50) - Math.log(1e4)))) < 1e-12);
});

test('S⁻¹ inverts S on (0, 100] and maps 0 to 0.525', () => {
  assert.equal(probabilityFromScore(0), 0.525);
  for (const p of [0.04, 1e-3, 1e-4, 1e-10, 1e-50, 1e-200, 1e-300]) {
    const back = probabilityFromScore(anomalyScore(p));
    assert.ok(Math.abs(Math.log(back) - Math.log(p)) < 1e-9, `p=${p} → ${back}`);
  }
});
