/**
 * Multi-bucket feature (§3.1.4): the 0.9-geometric weighted mean of the last 12 detrended values, with its own running
 * mean and variance, so that a moderate rise sustained over several buckets is noticed even when no single bucket is.
 */
import { normalTailProbability } from './tail-probabilities.js';
import { DBL_MIN, type Tail } from './types.js';

export const WINDOW = 12;
const DECAY = 0.9;

// Layout in the owner's Float64Array from `offset`.
const COUNT = 0;
const POS = 1;
const N = 2;
const MEAN = 3;
const VAR = 4;
const RING = 5;
export const MULTI_BUCKET_SCALARS = RING + WINDOW;

const WEIGHTS: number[] = (() => {
  const raw = Array.from({ length: WINDOW }, (_, i) => DECAY ** i);
  const total = raw.reduce((a, b) => a + b, 0);
  return raw.map((w) => w / total);
})();
const SUM_SQUARED_WEIGHTS = WEIGHTS.reduce((a, w) => a + w * w, 0);

/** Correlation of the feature with the current bucket's value for independent residuals: w₀/√Σwᵢ² ≈ 0.454. */
export const MULTI_BUCKET_CORRELATION = WEIGHTS[0] / Math.sqrt(SUM_SQUARED_WEIGHTS);

/** Learned feature values needed before its probability is used. */
const MIN_SUPPORT = 2 * WINDOW;

export class MultiBucketFeature {
  constructor(
    private readonly s: Float64Array,
    private readonly offset: number,
    private readonly bucketsPerWeek: number,
  ) {}

  /** Feature value if the current bucket's residual were `r` (the ring holds the previous residuals). */
  private valueWith(r: number): number {
    const s = this.s;
    const o = this.offset;
    let v = WEIGHTS[0] * r;
    let pos = s[o + POS];
    for (let i = 1; i < WINDOW; i++) {
      pos = (pos - 1 + WINDOW) % WINDOW;
      v += WEIGHTS[i] * s[o + RING + pos];
    }
    return v;
  }

  get ready(): boolean {
    return this.s[this.offset + COUNT] >= WINDOW - 1 && this.s[this.offset + N] >= MIN_SUPPORT;
  }

  /**
   * Probability of the feature including residual `r`; 1 until enough history. `residualVariance` sets a floor on
   * the feature's variance (what independent residuals would give) so that a very regular series is not over-confident.
   */
  probability(r: number, residualVariance: number, tail: Tail): number {
    if (!this.ready) return 1;
    const s = this.s;
    const o = this.offset;
    const variance = Math.max(s[o + VAR], 0.25 * residualVariance * SUM_SQUARED_WEIGHTS, 1e-12);
    return normalTailProbability((this.valueWith(r) - s[o + MEAN]) / Math.sqrt(variance), tail);
  }

  /** Push this bucket's residual and learn the feature's distribution (learning is winsorised at 5σ). */
  add(r: number, weight: number): void {
    const s = this.s;
    const o = this.offset;
    const v = this.valueWith(r);
    s[o + RING + s[o + POS]] = r;
    s[o + POS] = (s[o + POS] + 1) % WINDOW;
    s[o + COUNT] = Math.min(s[o + COUNT] + 1, WINDOW);
    if (s[o + COUNT] < WINDOW || !(weight > 0)) return;
    s[o + N] += weight;
    const a = Math.min(1, weight * Math.max(1 / s[o + N], 1 / this.bucketsPerWeek));
    const sd = Math.sqrt(s[o + VAR]);
    const dev = s[o + N] > 5 ? Math.max(-5 * sd, Math.min(5 * sd, v - s[o + MEAN])) : v - s[o + MEAN];
    s[o + MEAN] += a * dev;
    s[o + VAR] = (1 - a) * (s[o + VAR] + a * dev * dev);
  }

  age(factor: number): void {
    this.s[this.offset + N] *= factor;
  }
}

/** Record-level multi_bucket_impact (§3.1 step 8): −5 = purely single-bucket … +5 = purely multi-bucket. */
export function multiBucketImpact(pSingle: number, pMulti: number): number {
  const ls = Math.log(Math.max(pSingle, DBL_MIN));
  const lm = Math.log(Math.max(pMulti, DBL_MIN));
  const scale = (5 * Math.min(ls, lm)) / Math.min(Math.max(ls, lm), -0.001) / Math.log(1000);
  const v = Math.floor(100 * Math.min(Math.max(scale * (ls - lm), -5), 5)) / 100;
  return v === 0 ? 0 : v;
}
