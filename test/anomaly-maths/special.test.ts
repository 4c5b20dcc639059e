import assert from 'node:assert/strict';
import { test } from 'node:test';
import { logGamma, normalCdf, normalQuantile, regularizedUpperGamma } from '../../src/anomaly/maths/index.js';

function assertRelative(actual: number, expected: number, tolerance: number, what: string): void {
  assert.ok(Math.abs(actual - expected) <= tolerance * Math.abs(expected), `${what}: ${actual} vs ${expected}`);
}

test('normalCdf matches reference values, deep into the lower tail', () => {
  assertRelative(normalCdf(-1), 0.15865525393145707, 1e-13, 'Φ(−1)');
  assertRelative(normalCdf(1.5), 0.9331927987311419, 1e-14, 'Φ(1.5)');
  assertRelative(normalCdf(-5), 2.866515718791939e-7, 1e-12, 'Φ(−5)');
  assertRelative(normalCdf(-10), 7.619853024160527e-24, 1e-12, 'Φ(−10)');
  assert.equal(normalCdf(-Infinity), 0);
  assert.equal(normalCdf(Infinity), 1);
});

test('normalQuantile inverts normalCdf to ~1e−13 including subnormal probabilities', () => {
  assertRelative(normalQuantile(0.975), 1.959963984540054, 1e-12, 'Φ⁻¹(0.975)');
  assertRelative(normalQuantile(1e-10), -6.361340902404056, 1e-12, 'Φ⁻¹(1e−10)');
  for (const p of [1e-300, 1e-100, 1e-20, 1e-5, 0.01, 0.3, 0.5, 0.9]) {
    assertRelative(normalCdf(normalQuantile(p)), p, 2e-13, `Φ(Φ⁻¹(${p}))`);
  }
  assert.ok(Number.isFinite(normalQuantile(2.2250738585072014e-308 / 2)));
  assert.equal(normalQuantile(0), -Infinity);
  assert.ok(Number.isNaN(normalQuantile(1.5)));
});

test('logGamma and the regularised upper incomplete gamma match closed forms', () => {
  assertRelative(logGamma(10), Math.log(362880), 1e-14, 'lnΓ(10)');
  assertRelative(logGamma(0.5), 0.5 * Math.log(Math.PI), 1e-14, 'lnΓ(½)');
  assertRelative(regularizedUpperGamma(1, 2), Math.exp(-2), 1e-14, 'Q(1,2)');
  assertRelative(regularizedUpperGamma(2.5, 1), 0.8491450360846096, 1e-13, 'Q(2.5,1)');
  // Q(½, x) = erfc(√x) = 2Φ(−√(2x)).
  assertRelative(regularizedUpperGamma(0.5, 50), 2 * normalCdf(-10), 1e-12, 'Q(½,50)');
  assertRelative(regularizedUpperGamma(3, 0.5), Math.exp(-0.5) * (1 + 0.5 + 0.125), 1e-14, 'Q(3,½)');
});
