/**
 * The c1 ceiling of score normalisation (§3.4): where a raw score falls among past scores, as a 70% interval of its
 * finite-sample percentile, mapped through Elastic's knots. Memoised, because it is the dear part of normalize().
 *
 * c1 needs two beta quantiles (a root search on the incomplete beta) but depends only on the (padded) sample size and
 * the share of the sample below the score. Normalising the records of a bucket, or a window of results after a big
 * change, therefore solves each distinct percentile once. The memo never changes a result, only whether it is computed.
 */
import { betaQuantile } from './beta.js';

export const MAXIMUM_NORMALIZED_SCORE = 100;
const CONFIDENCE_INTERVAL = 70;
/** Memoised values kept at most (then the memo starts afresh): a result window holds ≤ 10 000 scores. */
const MEMO_LIMIT = 4096;

/** (percentile, normalised score) knots of DEFAULT_NORMALIZED_SCORE_KNOT_POINTS. */
const KNOTS: ReadonlyArray<readonly [number, number]> = [
  [0, 0],
  [70, 1],
  [85, 1.2],
  [90, 1.5],
  [95, 3],
  [97, 20],
  [99, 50],
  [99.9, 90],
  [100, 100],
];

/** Piecewise-linear knot map from a percentile to a normalised score (the lower_bound walk of ml-cpp). */
export function knotScore(percentile: number): number {
  let i = 0;
  while (i < KNOTS.length && !(KNOTS[i][0] >= percentile)) i++;
  if (i === KNOTS.length) return MAXIMUM_NORMALIZED_SCORE;
  i = Math.max(i, 1);
  const [x0, y0] = KNOTS[i - 1];
  const [x1, y1] = KNOTS[i];
  return y0 + ((y1 - y0) * (percentile - x0)) / (x1 - x0);
}

/** CQDigest::cdfQuantile: finite-sample (beta posterior) quantile q of a c.d.f. value p seen on n samples. */
function cdfQuantile(n: number, p: number, q: number): number {
  if (q === 0.5) return p;
  return betaQuantile(q, n * p + 1 / 3, n * (1 - p) + 1 / 3);
}

export class PercentileCeiling {
  /** By padded sample size, then by share below: a pure function of the two, so it survives sketch changes. */
  private readonly memo = new Map<number, Map<number, number>>();
  private size = 0;

  /** @param bucketNormalizationFactor min(1, span/30 min): percentiles of shorter buckets are raised to 1/factor */
  constructor(private readonly bucketNormalizationFactor: number) {}

  private toPercentile(b: number): number {
    return Math.min(Math.max(100 * Math.pow(b, 1 / this.bucketNormalizationFactor), 0), 100);
  }

  /** c1 for a score with share `below` of a sample of size `padded` under it. */
  score(padded: number, below: number): number {
    let byBelow = this.memo.get(padded);
    const known = byBelow?.get(below);
    if (known !== undefined) return known;
    const lo = this.toPercentile(cdfQuantile(padded, below, (100 - CONFIDENCE_INTERVAL) / 200));
    const hi = this.toPercentile(cdfQuantile(padded, below, (100 + CONFIDENCE_INTERVAL) / 200));
    const c1 = (knotScore(Math.min(lo, hi)) + knotScore(Math.max(lo, hi))) / 2;
    if (this.size >= MEMO_LIMIT) {
      this.memo.clear();
      this.size = 0;
      byBelow = undefined;
    }
    if (!byBelow) this.memo.set(padded, (byBelow = new Map()));
    byBelow.set(below, c1);
    this.size++;
    return c1;
  }
}
