/**
 * Tail probabilities of the residual distributions, in ml-cpp's convention: one-sided probabilities are doubled and capped
 * at 1 so that a value at or beyond the median on the harmless side scores p = 1 (CTools::CProbabilityOfLessLikelySample).
 */
import { regularizedBeta } from './beta.js';
import { normalCdf, normalQuantile } from './normal.js';
import { logGamma, regularizedLowerGamma, regularizedUpperGamma } from './special.js';
import type { Tail } from './types.js';

/** Combine P(X ≤ x) and P(X ≥ x) into the probability for `tail`. */
export function sidedProbability(pBelow: number, pAbove: number, tail: Tail): number {
  let p: number;
  if (tail === 'high') p = 2 * pAbove;
  else if (tail === 'low') p = 2 * pBelow;
  else p = 2 * Math.min(pBelow, pAbove);
  return Number.isNaN(p) ? 1 : Math.min(Math.max(p, 0), 1);
}

// A one-sided tail never reads the other side's probability, so it is not computed (placeholder 1): for counts that
// saves a whole incomplete beta or gamma evaluation per call.
const needsBelow = (tail: Tail): boolean => tail !== 'high';
const needsAbove = (tail: Tail): boolean => tail !== 'low';

/** Standard normal: z is the standardised residual. */
export function normalTailProbability(z: number, tail: Tail): number {
  return sidedProbability(needsBelow(tail) ? normalCdf(z) : 1, needsAbove(tail) ? normalCdf(-z) : 1, tail);
}

/**
 * A point mass `zeroMass` at values ≤ 0 plus a log-normal (mu, sigma in log space) for positive values: the shape of
 * byte and size sums, which are often zero and otherwise span orders of magnitude. `hasPositiveModel` false means
 * nothing positive has been seen yet, so a positive value is judged only by how rare positive values are.
 */
export function zeroInflatedLogNormalProbability(value: number, zeroMass: number, mu: number, sigma: number, tail: Tail, hasPositiveModel: boolean): number {
  if (!(value > 0)) return sidedProbability(zeroMass, 1, tail);
  const z = hasPositiveModel ? (Math.log(value) - mu) / sigma : 0;
  const pBelow = needsBelow(tail) ? zeroMass + (1 - zeroMass) * normalCdf(z) : 1;
  const pAbove = needsAbove(tail) ? (1 - zeroMass) * normalCdf(-z) : 1;
  return sidedProbability(pBelow, pAbove, tail);
}

/** u-quantile of the zero-inflated log-normal. */
export function zeroInflatedLogNormalQuantile(u: number, zeroMass: number, mu: number, sigma: number): number {
  if (u <= zeroMass) return 0;
  return Math.exp(mu + sigma * normalQuantile(Math.min((u - zeroMass) / (1 - zeroMass), 1 - 1e-16)));
}

/**
 * Count tails under a negative binomial with the given mean and variance (Poisson when not over-dispersed).
 * P(X ≥ k) includes P(X = k), as ml-cpp's discrete tails do.
 */
export function countTailProbability(count: number, mean: number, variance: number, tail: Tail): number {
  const k = Math.max(0, Math.round(count));
  const lambda = Math.max(mean, 1e-9);
  let pBelow: number;
  let pAbove: number;
  const below = needsBelow(tail);
  const above = needsAbove(tail) && k !== 0;
  if (variance > lambda * 1.0001) {
    const r = (lambda * lambda) / (variance - lambda);
    const success = r / (r + lambda);
    pBelow = below ? regularizedBeta(success, r, k + 1) : 1;
    pAbove = above ? regularizedBeta(1 - success, k, r) : 1;
  } else {
    pBelow = below ? regularizedUpperGamma(k + 1, lambda) : 1;
    pAbove = above ? regularizedLowerGamma(k, lambda) : 1;
  }
  return sidedProbability(pBelow, pAbove, tail);
}

/** ln P(X = k) under the negative binomial (or Poisson) with the given mean and variance. */
export function countLogMass(count: number, mean: number, variance: number): number {
  const k = Math.max(0, Math.round(count));
  const lambda = Math.max(mean, 1e-9);
  if (variance > lambda * 1.0001) {
    const r = (lambda * lambda) / (variance - lambda);
    const success = r / (r + lambda);
    return logGamma(k + r) - logGamma(r) - logGamma(k + 1) + r * Math.log(success) + k * Math.log1p(-success);
  }
  return k * Math.log(lambda) - lambda - logGamma(k + 1);
}

/** ln P(lo < Z ≤ hi) for a standard normal Z (lo may be −∞), accurate in either tail; at least ln 1e−300. */
export function logNormalIntervalMass(lo: number, hi: number): number {
  // Subtract the two survivals when both ends are in the upper tail, the two CDFs otherwise: no cancellation near 1.
  const mass = lo > 0 ? normalCdf(-lo) - normalCdf(-hi) : normalCdf(hi) - normalCdf(lo);
  return Math.log(Math.max(mass, 1e-300));
}

/**
 * ln P(X = k) when ln(X + 1) is normal(mu, sd): the normal mass of k's cell [ln(k + ½), ln(k + 1½)) in that space, the
 * cell of 0 reaching down to −∞. (Density × width, used before, exceeds 1 when sd is small next to the cell — a series
 * of zeros then looked likelier under this model than it can be.)
 */
export function logNormalCountLogMass(count: number, mu: number, sd: number): number {
  const k = Math.max(0, Math.round(count));
  const lo = k === 0 ? -Infinity : (Math.log(k + 0.5) - mu) / sd;
  return logNormalIntervalMass(lo, (Math.log(k + 1.5) - mu) / sd);
}

/** Mean of X when ln(X + 1) is normal(mu, sd). */
export function countMean(mu: number, sd: number): number {
  return Math.max(Math.exp(mu + (sd * sd) / 2) - 1, 1e-9);
}

/** Variance of X when ln(X + 1) is normal(mu, sd). */
export function countVariance(mu: number, sd: number): number {
  const v = sd * sd;
  return (Math.exp(v) - 1) * Math.exp(2 * mu + v);
}
