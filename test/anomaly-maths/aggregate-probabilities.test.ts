import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  ATTRIBUTE_WEIGHTS,
  DBL_MIN,
  PEOPLE_WEIGHTS,
  ROOT_WEIGHTS,
  aggregateProbabilities,
  anomalyScore,
  extremeProbability,
  jointProbability,
  logJointProbability,
  normalQuantile,
} from '../../src/anomaly/maths/index.js';

const close = (a: number, b: number, rel = 1e-9): boolean => Math.abs(a - b) <= rel * Math.abs(b);

test('joint probability: one p passes through; two equal p give exp(−z²)', () => {
  assert.equal(jointProbability([1e-5]), 1e-5);
  assert.equal(jointProbability([]), 1);
  const z = -normalQuantile(0.005);
  assert.ok(close(jointProbability([0.01, 0.01]), Math.exp(-z * z)));
  // With correlation ρ = ½ the Mahalanobis distance is 4z²/3, so P = Q(1, 2z²/3).
  assert.ok(close(jointProbability([0.01, 0.01], 0.5), Math.exp((-2 * z * z) / 3)));
  assert.ok(jointProbability([0.5, 0.5, 0.5]) > 0.5, 'ordinary values stay ordinary');
});

test('log joint probability continues far below DBL_MIN', () => {
  const lj = logJointProbability(Array(50).fill(1e-300));
  assert.ok(lj < Math.log(DBL_MIN) * 10, `ln P = ${lj}`);
  assert.ok(Number.isFinite(lj));
});

test('extreme probability: 1 − (1 − p_min)^N, and the calibrated m-of-N', () => {
  assert.ok(close(extremeProbability([0.01, 0.5, 0.5]), 1 - 0.99 ** 3));
  const calibration = 1 + Math.log(2) / 2.1;
  // N = M = 2: P = 2ab − a² for ordered probabilities a ≤ b.
  assert.ok(close(extremeProbability([0.01, 0.02], 2), 0.0003 ** (1 / calibration), 1e-9));
  assert.ok(close(extremeProbability([0.1, 0.1], 2), 0.01 ** (1 / calibration), 1e-9));
});

test('aggregate: quiet probabilities give score 0, a single anomalous person keeps its score', () => {
  assert.deepEqual(aggregateProbabilities([], ROOT_WEIGHTS), { probability: 1, rawScore: 0 });
  assert.equal(aggregateProbabilities([0.5, 0.2], ROOT_WEIGHTS).rawScore, 0);
  const single = aggregateProbabilities([1e-10], PEOPLE_WEIGHTS);
  assert.ok(Math.abs(single.rawScore - 0.8 * anomalyScore(1e-10)) < 1e-12);
  assert.ok(close(single.probability, 1e-10, 1e-6));
  const many = aggregateProbabilities([1e-300, 1e-300, 1e-300, 1e-300], ATTRIBUTE_WEIGHTS);
  assert.ok(many.rawScore > 80 && many.rawScore <= 100, `raw ${many.rawScore}`);
  assert.ok(many.probability >= DBL_MIN && many.probability < 1e-300);
});
