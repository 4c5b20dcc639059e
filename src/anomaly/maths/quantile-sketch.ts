/**
 * Compact weighted quantile sketch for discretised raw scores (our stand-in for ml-cpp's q-digest): exact counts per
 * distinct value until `capacity` entries, then the lightest adjacent pair is merged. The zero entry and the highest
 * entries are never merged, so F(0) and the top percentiles — what normalisation depends on — stay exact.
 */

const PROTECTED_TOP = 32;

export class QuantileSketch {
  values: number[] = [];
  weights: number[] = [];

  constructor(private readonly capacity = 256) {}

  get n(): number {
    let n = 0;
    for (const w of this.weights) n += w;
    return n;
  }

  add(x: number, w = 1): void {
    if (!(w > 0) || !Number.isFinite(x)) return;
    const i = this.lowerBound(x);
    if (i < this.values.length && this.values[i] === x) this.weights[i] += w;
    else {
      this.values.splice(i, 0, x);
      this.weights.splice(i, 0, w);
      if (this.values.length > this.capacity) this.compress();
    }
  }

  /** First index whose value is ≥ x. */
  private lowerBound(x: number): number {
    let lo = 0;
    let hi = this.values.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.values[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private compress(): void {
    const last = this.values.length - PROTECTED_TOP;
    let best = -1;
    let bestWeight = Infinity;
    for (let i = this.values[0] === 0 ? 1 : 0; i + 1 < last; i++) {
      const w = this.weights[i] + this.weights[i + 1];
      if (w < bestWeight) {
        bestWeight = w;
        best = i;
      }
    }
    if (best < 0) return;
    const w = this.weights[best] + this.weights[best + 1];
    this.values[best] = Math.round((this.values[best] * this.weights[best] + this.values[best + 1] * this.weights[best + 1]) / w);
    this.weights[best] = w;
    this.values.splice(best + 1, 1);
    this.weights.splice(best + 1, 1);
  }

  /** Total weight strictly below x. */
  weightBelow(x: number): number {
    const i = this.lowerBound(x);
    let s = 0;
    for (let k = 0; k < i; k++) s += this.weights[k];
    return s;
  }

  /** Total weight at or below x. */
  weightAtOrBelow(x: number): number {
    return this.weightBelow(x) + (this.values[this.lowerBound(x)] === x ? this.weights[this.lowerBound(x)] : 0);
  }

  /** Smallest value whose cumulative weight reaches q·n (rounded as the q-digest does). */
  quantile(q: number): number {
    if (this.values.length === 0) return 0;
    const target = Math.floor(q * this.n + 0.5);
    let cumulative = 0;
    for (let i = 0; i < this.values.length; i++) {
      cumulative += this.weights[i];
      if (cumulative >= target) return this.values[i];
    }
    return this.values[this.values.length - 1];
  }

  age(factor: number): void {
    for (let i = 0; i < this.weights.length; i++) this.weights[i] *= factor;
  }
}
