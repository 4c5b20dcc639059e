/** Shared numeric types and constants of the anomaly maths (tails, the smallest probability we report). */

/** Which side of the distribution counts as anomalous: `high_*` functions use 'high', `low_*` use 'low'. */
export type Tail = 'two_sided' | 'high' | 'low';

/** Smallest normal double; Elastic clamps every probability to at least this (ml-cpp CTools::smallestProbability). */
export const DBL_MIN = 2.2250738585072014e-308;

/** Clamp a probability into [DBL_MIN, 1]; NaN (a numerical accident) becomes 1, i.e. "not anomalous". */
export function clampProbability(p: number): number {
  if (!(p >= DBL_MIN)) return Number.isNaN(p) ? 1 : DBL_MIN;
  return p > 1 ? 1 : p;
}
