/**
 * Aggregation of probabilities as in ml-cpp (ProbabilityAggregators.cc, CAnomalyScore::compute): the joint probability of
 * less likely samples, the calibrated m-of-N extreme probability, and the weighted combination that yields a raw score.
 */
import { anomalyScore, probabilityFromScore } from './raw-score.js';
import { normalQuantile } from './normal.js';
import { logGamma, regularizedUpperGamma } from './special.js';
import { DBL_MIN } from './types.js';

/** Weights of CAnomalyScore::compute: (w_joint, w_extreme, m_min, m_max). */
export interface AggregationWeights {
  joint: number;
  extreme: number;
  minExtreme: number;
  maxExtreme: number;
}

/** Aggregating across the people (by/over values) of one detector. */
export const PEOPLE_WEIGHTS: AggregationWeights = { joint: 0, extreme: 1, minExtreme: 1, maxExtreme: 1 };
/** Aggregating across the attributes of one person. */
export const ATTRIBUTE_WEIGHTS: AggregationWeights = { joint: 0.5, extreme: 0.5, minExtreme: 1, maxExtreme: 5 };
/** Aggregating across detectors and partitions into the bucket (root). */
export const ROOT_WEIGHTS: AggregationWeights = { joint: 0.5, extreme: 0.5, minExtreme: 1, maxExtreme: 1 };

/** Results with a larger aggregate probability get raw score 0 (ml-cpp DEFAULT_MAXIMUM_ANOMALOUS_PROBABILITY). */
export const MAXIMUM_ANOMALOUS_PROBABILITY = 0.035;

const LOG_DOUBLE_MAX_TENTH = Math.log(0.1 * Number.MAX_VALUE);
const LOG_MAX_DOUBLE = Math.log(Number.MAX_VALUE);
const LOG_MIN_DOUBLE = Math.log(DBL_MIN);

function isValidProbability(p: number): boolean {
  return p >= 0 && p <= 1;
}

/** (1 − x)^p without cancellation for small p·x (CTools::powOneMinusX). */
function powOneMinusX(x: number, p: number): number {
  if (x === 1) return 0;
  if (p === 1) return 1 - x;
  const y = p * x;
  if (Math.abs(y) < 0.1) {
    return 1 + Math.expm1(p * Math.log1p(-x));
  }
  if (p > 1000) return Math.exp(-y);
  if (x > 1) {
    const sign = Math.trunc(p) % 2 ? -1 : 1;
    return sign * Math.exp(p * Math.log(x - 1));
  }
  return Math.exp(p * Math.log1p(-x));
}

/** 1 − (1 − x)^p without cancellation (CTools::oneMinusPowOneMinusX). */
function oneMinusPowOneMinusX(x: number, p: number): number {
  if (x === 1) return 1;
  if (p === 1) return x;
  const y = p * x;
  if (Math.abs(y) < 0.1 && x < 1) return -Math.expm1(p * Math.log1p(-x));
  if (p > 1000) return -Math.expm1(-y);
  if (x > 1) {
    const sign = Math.trunc(p) % 2 ? -1 : 1;
    return 1 - sign * Math.exp(p * Math.log(x - 1));
  }
  return -Math.expm1(p * Math.log1p(-x));
}

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

const GAUSS_NODE = Math.sqrt(3 / 5);
const LOG_OUTER_WEIGHT = Math.log(5 / 9);
const LOG_CENTRE_WEIGHT = Math.log(8 / 9);

/** ln(e^{l0} + e^{l1} + e^{l2}) + ln(half), the sum of a three-point Gauss–Legendre rule in log space. */
function logGaussSum(l0: number, l1: number, l2: number, half: number): number {
  const top = Math.max(l0, l1, l2);
  if (top === -Infinity) return -Infinity;
  return top + Math.log(0 + Math.exp(l0 - top) + Math.exp(l1 - top) + Math.exp(l2 - top)) + Math.log(half);
}

/** The ordered extreme probabilities the numerical fallback integrates over (see numericalLogMFromN). */
interface MFromNIntegral {
  limits: number[];
  corrections: number[];
  n: number;
}

/**
 * ln of the (i+1)-th nested integral over [a, b] (CIntegration::logGaussLegendre<OrderThree>, recursively): the
 * innermost integrand is (n − m)·ln(1 − x), each outer one the next integral from x to limits[i] plus its correction.
 */
function logNestedIntegral(q: MFromNIntegral, i: number, a: number, b: number): number {
  const centre = (a + b) / 2;
  const half = (b - a) / 2;
  const l0 = logIntegrand(q, i, centre - half * GAUSS_NODE) + LOG_OUTER_WEIGHT;
  const l1 = logIntegrand(q, i, centre) + LOG_CENTRE_WEIGHT;
  const l2 = logIntegrand(q, i, centre + half * GAUSS_NODE) + LOG_OUTER_WEIGHT;
  return logGaussSum(l0, l1, l2, half);
}

function logIntegrand(q: MFromNIntegral, i: number, x: number): number {
  const m = q.limits.length;
  return i === m ? (q.n - m) * Math.log1p(-x) : logNestedIntegral(q, i + 1, x, q.limits[i]) + q.corrections[i];
}

/** Fallback when the closed form loses precision: numerical integration over the ordered extreme probabilities. */
function numericalLogMFromN(sortedMin: number[], n: number): number {
  const cutoffs = [1e32, 1e16, 1e8, 1e4, 100];
  const cutoff = n >= cutoffs.length ? 100 : cutoffs[n];
  const limits: number[] = [];
  const corrections: number[] = [];
  if (sortedMin.length > 0) {
    limits.push(sortedMin[0]);
    corrections.push(0);
    for (let i = 1; i < Math.min(sortedMin.length, 10); i++) {
      limits.push(Math.min(sortedMin[i], cutoff * limits[i - 1]));
      corrections.push(sortedMin[i] === sortedMin[i - 1] ? 0 : Math.log(sortedMin[i] - sortedMin[i - 1]) - Math.log(limits[i] - limits[i - 1]));
    }
  }
  const m = limits.length;
  return logNestedIntegral({ limits, corrections, n }, 1, 0, limits[0]) + logGamma(n + 1) - logGamma(n - m + 1);
}

const ascending = (x: number, y: number): number => x - y;

/** The valid probabilities in ascending order (aggregation reads the m smallest for several m: sort once). */
function sortedValid(ps: number[]): number[] {
  return ps.filter(isValidProbability).sort(ascending);
}

/**
 * ln P(the m smallest of N probabilities are at least this extreme), uncalibrated (CLogProbabilityOfMFromNExtremeSamples);
 * `sorted` holds the N valid probabilities in ascending order.
 */
function logProbabilityOfMFromN(sorted: number[], m: number): number {
  const N = sorted.length;
  if (N === 0) return 0;
  const M = Math.min(Math.max(1, m), N);
  const minValues: number[] = new Array(M);
  for (let i = 0; i < M; i++) minValues[i] = Math.min(Math.max(sorted[i], DBL_MIN), 1);

  let logc = 0;
  let logLargestCoeff = 0;
  const coeffs: number[] = [];
  for (let k = 1; k < M; k++) {
    const p = minValues[M - k];
    logc -= Math.log(2 * (N - M + k));
    let sum = 0;
    for (let i = 0; i < coeffs.length; i++) {
      const index = coeffs.length - i;
      coeffs[i] /= index;
      sum += coeffs[i] * powOneMinusX(p / 2, index);
    }
    const q = Math.min(Math.max(powOneMinusX(p, N - M + k), 0), 1);
    coeffs.push(-sum - q * Math.exp(logc - logLargestCoeff));
    let cmax = 0;
    for (const c of coeffs) if (Math.abs(c) > 1 / Number.MAX_VALUE) cmax = Math.max(cmax, Math.abs(c));
    if (cmax > 0) {
      for (let i = 0; i < coeffs.length; i++) coeffs[i] /= cmax;
      logLargestCoeff += Math.log(cmax);
    }
  }
  let cmax = 0;
  for (const c of coeffs) cmax = Math.max(cmax, Math.abs(c));
  if (cmax > 0 && cmax < 1 / Number.MAX_VALUE) {
    logLargestCoeff = Math.log(cmax);
    for (let i = 0; i < coeffs.length; i++) coeffs[i] /= cmax;
  }

  const pM = minValues[0];
  let pMin = oneMinusPowOneMinusX(pM, N);
  let result: number;
  if (M > 1) {
    const logScale = M * Math.log(2) + logGamma(N + 1) - logGamma(N - M + 1) + logLargestCoeff;
    const terms: number[] = [];
    let sum = 0;
    for (let i = 0; i < coeffs.length; i++) {
      const index = coeffs.length - i;
      const term = (coeffs[i] / index) * oneMinusPowOneMinusX(pM / 2, index);
      terms.push(term);
      sum += Math.abs(term);
    }
    if (sum === 0) {
      result = Math.log(pMin);
    } else {
      const logPMin = Math.log(pMin);
      if (logPMin - logScale > LOG_MAX_DOUBLE) {
        result = Math.log((terms.reduce((acc, t) => acc + Math.abs(t), 0) * pMin) / sum);
      } else {
        let total = 0;
        let condition = 0;
        if (logPMin - logScale < LOG_MIN_DOUBLE) {
          pMin = 0;
          for (const t of terms) {
            total += t;
            condition = Math.max(condition, Math.abs(t));
          }
        } else {
          pMin /= Math.exp(logScale);
          for (const t of terms) {
            const remainder = (Math.abs(t) * pMin) / sum + t;
            total += remainder;
            condition = Math.max(condition, Math.abs(t), Math.abs((t * pMin) / sum), Math.abs(remainder));
          }
        }
        result = total <= 0 || condition > 1e6 * total ? numericalLogMFromN(minValues, N) : logScale + Math.log(total);
      }
    }
  } else {
    result = Math.log(pMin);
  }
  if (!(result < 0.001)) result = numericalLogMFromN(minValues, N);
  if (!(result < 0.001)) result = 0;
  return Math.min(result, 0);
}

/**
 * Calibrated ln P of the m most extreme of N probabilities: the log is divided by 1 + ln(min(m, N))/2.1 so that the
 * result is roughly uniform under the null. m = 1 gives ln(1 − (1 − p_min)^N).
 */
export function logExtremeProbability(ps: number[], m = 1): number {
  return calibratedLogExtreme(sortedValid(ps), m);
}

/** logExtremeProbability of probabilities already validated and sorted ascending. */
function calibratedLogExtreme(sorted: number[], m: number): number {
  const mm = Math.max(1, Math.floor(m));
  const n = sorted.length;
  if (n === 0) return 0;
  const raw = logProbabilityOfMFromN(sorted, mm);
  return raw / (1 + Math.log(Math.min(mm, n)) / 2.1);
}

/** P_ext = 1 − (1 − p_min)^N for m = 1; the calibrated m-of-N generalisation otherwise. */
export function extremeProbability(ps: number[], m = 1): number {
  return Math.exp(logExtremeProbability(ps, m));
}

const NORMAL_RANGE_SCORE_FRACTION = 0.8;
const LOG_SMALLEST_PROBABILITY = Math.log(DBL_MIN);
const SMALLEST_PROBABILITY_SCORE = anomalyScore(DBL_MIN);
const SMALLEST_LOG_JOINT_PROBABILITY = -100000;
const SMALLEST_LOG_EXTREME_PROBABILITY = -1500;

/** Score contribution of one aggregate, extending the range linearly below DBL_MIN (CAnomalyScore::compute). */
function scoreContribution(logP: number, weight: number, smallestLog: number): number {
  if (logP < LOG_SMALLEST_PROBABILITY) {
    const interpolate = Math.min((logP - LOG_SMALLEST_PROBABILITY) / (smallestLog - LOG_SMALLEST_PROBABILITY), 1);
    return (NORMAL_RANGE_SCORE_FRACTION + (1 - NORMAL_RANGE_SCORE_FRACTION) * interpolate) * weight * SMALLEST_PROBABILITY_SCORE;
  }
  return NORMAL_RANGE_SCORE_FRACTION * weight * anomalyScore(Math.exp(logP));
}

/**
 * CAnomalyScore::compute: combine child probabilities into one probability and raw score. Invalid entries (NaN, outside
 * [0, 1]) are ignored; no entries give { probability: 1, rawScore: 0 }.
 */
export function aggregateProbabilities(ps: number[], w: AggregationWeights): { probability: number; rawScore: number } {
  const valid = ps.filter(isValidProbability);
  if (valid.length === 0) return { probability: 1, rawScore: 0 };
  const n = Math.min(valid.length, w.maxExtreme);
  const logPJoint = logJointProbability(valid);
  const sorted = valid.sort(ascending);
  let logPExtreme = 0;
  for (let i = Math.min(Math.max(w.minExtreme, 1), n); i <= n; i++) {
    logPExtreme = Math.min(logPExtreme, calibratedLogExtreme(sorted, i));
  }
  const logMax = Math.log(MAXIMUM_ANOMALOUS_PROBABILITY);
  const weighted = Math.exp(w.joint * logPJoint) * Math.exp(w.extreme * logPExtreme);
  if (logPJoint > logMax && logPExtreme > logMax) return { probability: weighted, rawScore: 0 };

  const rawScore =
    scoreContribution(logPJoint, w.joint, SMALLEST_LOG_JOINT_PROBABILITY) + scoreContribution(logPExtreme, w.extreme, SMALLEST_LOG_EXTREME_PROBABILITY);
  const probability = rawScore > 0 ? probabilityFromScore(Math.min(rawScore / NORMAL_RANGE_SCORE_FRACTION, SMALLEST_PROBABILITY_SCORE)) : weighted;
  return { probability, rawScore };
}
