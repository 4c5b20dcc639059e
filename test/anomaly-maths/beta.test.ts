import assert from 'node:assert/strict';
import { test } from 'node:test';
import { betaQuantile, regularizedBeta } from '../../src/anomaly/maths/beta.js';

const relativeError = (actual: number, expected: number): number => Math.abs(actual - expected) / Math.abs(expected);

test('betaQuantile matches the closed forms of Beta(a, 1) and Beta(1, b), deep into the tails', () => {
  for (const a of [0.1, 0.5, 2, 7.3, 40]) {
    for (const q of [1e-10, 1e-3, 0.15, 0.5, 0.85, 0.999]) {
      // I_x(a, 1) = x^a and I_x(1, b) = 1 − (1 − x)^b.
      const x = betaQuantile(q, a, 1);
      assert.ok(relativeError(x, q ** (1 / a)) < 1e-13, `Beta(${a}, 1) q=${q}: ${x} vs ${q ** (1 / a)}`);
      const y = betaQuantile(q, 1, a);
      const expected = -Math.expm1(Math.log1p(-q) / a);
      assert.ok(relativeError(y, expected) < 1e-13, `Beta(1, ${a}) q=${q}: ${y} vs ${expected}`);
    }
  }
});

test('betaQuantile inverts regularizedBeta for the normaliser\'s posteriors (n·p + ⅓, n·(1 − p) + ⅓)', () => {
  for (const n of [3, 50, 2000, 12_000, 100_000]) {
    for (const p of [0, 0.01, 0.5, 0.9, 0.999, 1]) {
      for (const q of [0.15, 0.85]) {
        const a = n * p + 1 / 3;
        const b = n * (1 - p) + 1 / 3;
        const x = betaQuantile(q, a, b);
        assert.ok(x > 0 && x < 1, `n=${n} p=${p} q=${q}: ${x}`);
        // I_x itself is only known to ~ε·(a + b) (the rounding of its log-gamma prefactor), and just below 1 the grid of
        // doubles is coarser still: then x must be the root to within a few dozen ulps.
        const nearby = 64 * Number.EPSILON * x;
        const bracketsRoot = regularizedBeta(x - nearby, a, b) <= q && q <= regularizedBeta(Math.min(x + nearby, 1), a, b);
        const precise = Math.abs(regularizedBeta(x, a, b) - q) <= 1e-13 + 64 * Number.EPSILON * (a + b);
        assert.ok(precise || bracketsRoot, `n=${n} p=${p} q=${q}: I=${regularizedBeta(x, a, b)}`);
      }
    }
  }
  assert.ok(Number.isNaN(betaQuantile(0.5, 0, 1)));
  assert.equal(betaQuantile(0, 2, 3), 0);
  assert.equal(betaQuantile(1, 2, 3), 1);
});
