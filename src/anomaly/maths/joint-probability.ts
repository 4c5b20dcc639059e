/**
 * Joint probability of less likely samples (ml-cpp CJointProbabilityOfLessLikelySamples and its log upper bound):
 * z_i = −Φ⁻¹(p_i/2), M = (Σz² − ρ(Σz)²/(nρ+1−ρ))/(1−ρ), P = Q(n/2, M/2).
 */
import { normalQuantile } from './normal.js';
import { isValidProbability, oneMinusPowOneMinusX } from './pow-one-minus.js';
import { logGamma, regularizedUpperGamma } from './special.js';
import { DBL_MIN } from './types.js';

const LOG_DOUBLE_MAX_TENTH = Math.log(0.1 * Number.MAX_VALUE);

/** Sufficient statistics of the joint probability: z_i = −Φ⁻¹(p_i/2). */
interface JointStats {
  only?: number;
  n: number;
  sumZ: number;
  sumZ2: number;
}

function jointStats(ps: number[]): JointStats {
  const valid = ps.filter(isValidProbability).map((p) => Math.max(p, DBL_MIN));
  if (valid.length === 1) return { only: valid[0], n: 1, sumZ: 0, sumZ2: 0 };
  let sumZ = 0;
  let sumZ2 = 0;
  for (const p of valid) {
    const z = -normalQuantile(p / 2);
    sumZ += z;
    sumZ2 += z * z;
  }
  return { n: valid.length, sumZ, sumZ2 };
}

function mahalanobis(s: JointStats, rho: number): number {
  return (s.sumZ2 - (rho * s.sumZ * s.sumZ) / (s.n * rho + 1 - rho)) / (1 - rho);
}

function clampCorrelation(rho: number | undefined): number {
  if (rho === undefined || Number.isNaN(rho)) return 0;
  // ρ = 1 makes the Mahalanobis distance singular; ml-cpp never passes values that close to 1.
  return Math.min(Math.max(rho, 0), 0.999);
}

/**
 * P_joint = Q(n/2, M/2) with M = (Σz² − ρ(Σz)²/(nρ+1−ρ))/(1−ρ): the probability of a less likely collection of samples.
 * A single probability passes through unchanged; no valid probabilities gives 1.
 */
export function jointProbability(ps: number[], correlation?: number): number {
  const s = jointStats(ps);
  if (s.only !== undefined) return Math.min(Math.max(s.only, 0), 1);
  if (s.n === 0 || s.sumZ2 / s.n < 1e-8) return 1;
  const q = regularizedUpperGamma(s.n / 2, mahalanobis(s, clampCorrelation(correlation)) / 2);
  return Math.min(Math.max(q, 0), 1);
}

/**
 * jointProbability([p1, p2], correlation) without the arrays: the per-bucket combination of single- and multi-bucket
 * probabilities. Same operations in the same order, so the same double.
 */
export function jointProbabilityOfTwo(p1: number, p2: number, correlation?: number): number {
  if (!isValidProbability(p1) || !isValidProbability(p2)) return jointProbability([p1, p2], correlation);
  const z1 = -normalQuantile(Math.max(p1, DBL_MIN) / 2);
  const z2 = -normalQuantile(Math.max(p2, DBL_MIN) / 2);
  const s: JointStats = { n: 2, sumZ: 0 + z1 + z2, sumZ2: 0 + z1 * z1 + z2 * z2 };
  if (s.sumZ2 / s.n < 1e-8) return 1;
  const q = regularizedUpperGamma(1, mahalanobis(s, clampCorrelation(correlation)) / 2);
  return Math.min(Math.max(q, 0), 1);
}

/**
 * ln P_joint, continued below DBL_MIN by ml-cpp's analytic upper bound on the incomplete gamma function
 * (CLogJointProbabilityOfLessLikelySamples::calculateUpperBound), which CAnomalyScore::compute uses.
 */
export function logJointProbability(ps: number[], correlation?: number): number {
  const s = jointStats(ps);
  if (s.only !== undefined) return Math.min(Math.log(s.only), 0);
  const rho = clampCorrelation(correlation);
  if (s.n === 0) return 0;
  const m = mahalanobis(s, rho);
  if (m === 0) return 0;
  const exact = s.sumZ2 / s.n < 1e-8 ? 1 : regularizedUpperGamma(s.n / 2, m / 2);
  if (exact > 10 * DBL_MIN) return Math.log(exact);

  const a = s.n / 2;
  const x = m / 2;
  const p = Math.ceil(a - 1);
  let b1: number;
  if ((p + 1) * Math.log(p / x) >= LOG_DOUBLE_MAX_TENTH) {
    b1 = (p + 1) * Math.log(p / x) - Math.log(p / x - 1);
  } else if (p !== x) {
    const r = 1 - p / x;
    b1 = Math.log(oneMinusPowOneMinusX(r, p + 1) / r);
  } else {
    b1 = Math.log(p + 1);
  }
  const b2 = logGamma(p + 1) - p * Math.log(x) + x;
  const bound = (a - 1) * Math.log(x) - x + Math.min(b1, b2) - logGamma(a);
  return Number.isNaN(bound) ? 0 : Math.min(bound, 0);
}
