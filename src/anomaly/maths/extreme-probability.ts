/**
 * Extreme-value aggregation (ml-cpp CLogProbabilityOfMFromNExtremeSamples): the probability that the m smallest of N
 * probabilities are at least this extreme, by the closed form, or by nested Gauss–Legendre integration where the
 * closed form cancels; calibrated by 1 + ln(min(m, N))/2.1 so that it is roughly uniform under the null.
 */
import { isValidProbability, oneMinusPowOneMinusX, powOneMinusX } from './pow-one-minus.js';
import { logGamma } from './special.js';
import { DBL_MIN } from './types.js';

const LOG_MAX_DOUBLE = Math.log(Number.MAX_VALUE);
const LOG_MIN_DOUBLE = Math.log(DBL_MIN);

const GAUSS_NODE = Math.sqrt(3 / 5);
const LOG_OUTER_WEIGHT = Math.log(5 / 9);
const LOG_CENTRE_WEIGHT = Math.log(8 / 9);

/** ln(e^{l0} + e^{l1} + e^{l2}) + ln(half), the sum of a three-point Gauss–Legendre rule in log space. */
function logGaussSum(l0: number, l1: number, l2: number, half: number): number {
  const top = Math.max(l0, l1, l2);
  if (top === -Infinity) return -Infinity;
  return top + Math.log(Math.exp(l0 - top) + Math.exp(l1 - top) + Math.exp(l2 - top)) + Math.log(half);
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

export const ascending = (x: number, y: number): number => x - y;

/** The valid probabilities in ascending order (aggregation reads the m smallest for several m: sort once). */
export function sortedValid(ps: number[]): number[] {
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
export function calibratedLogExtreme(sorted: number[], m: number): number {
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
