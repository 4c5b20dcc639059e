/**
 * Compact weighted quantile sketch for discretised raw scores (our stand-in for ml-cpp's q-digest): exact counts per
 * distinct value until `capacity` entries, then the lightest adjacent pair is merged. The zero entry and the highest
 * entries are never merged, so F(0) and the top percentiles — what normalisation depends on — stay exact.
 *
 * Reads are O(log k): prefix sums are rebuilt once after each change (normalisation reads the sketch many times per
 * bucket, updates change it once). The prefix sums add the weights in index order, exactly as a running sum would,
 * so every read returns the same double as the linear scans it replaced.
 */

const PROTECTED_TOP = 32;

export class QuantileSketch {
  private values: number[] = [];
  private weights: number[] = [];
  /** prefix[i] = Σ_{k<i} weights[k]; null after a change until the next read. */
  private prefix: Float64Array | null = null;
  /** Bumped on every change, so that callers can key caches of derived values on it. */
  private changes = 0;

  constructor(private readonly capacity = 256) {}

  /** Identifies the sketch's current contents; it changes whenever a read could return something different. */
  get version(): number {
    return this.changes;
  }

  get n(): number {
    const prefix = this.sums();
    return prefix[prefix.length - 1];
  }

  private changed(): void {
    this.prefix = null;
    this.changes++;
  }

  private sums(): Float64Array {
    if (this.prefix) return this.prefix;
    const prefix = new Float64Array(this.weights.length + 1);
    for (let i = 0; i < this.weights.length; i++) prefix[i + 1] = prefix[i] + this.weights[i];
    this.prefix = prefix;
    return prefix;
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
    this.changed();
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
    return this.sums()[this.lowerBound(x)];
  }

  /** Total weight at or below x. */
  weightAtOrBelow(x: number): number {
    const i = this.lowerBound(x);
    const below = this.sums()[i];
    return below + (this.values[i] === x ? this.weights[i] : 0);
  }

  /** Smallest value whose cumulative weight reaches q·n (rounded as the q-digest does). */
  quantile(q: number): number {
    if (this.values.length === 0) return 0;
    const prefix = this.sums();
    const target = Math.floor(q * prefix[prefix.length - 1] + 0.5);
    // Cumulative weights are non-decreasing: binary search for the first prefix[i + 1] ≥ target.
    let lo = 0;
    let hi = this.values.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (prefix[mid + 1] >= target) hi = mid;
      else lo = mid + 1;
    }
    return this.values[lo];
  }

  age(factor: number): void {
    for (let i = 0; i < this.weights.length; i++) this.weights[i] *= factor;
    this.changed();
  }

  /** Copies of the entries, for snapshots. */
  entries(): { values: number[]; weights: number[] } {
    return { values: this.values.slice(), weights: this.weights.slice() };
  }

  /** Replace the contents with a snapshot's entries (sorted values, positive weights). */
  restore(values: readonly number[], weights: readonly number[]): void {
    this.values = values.slice();
    this.weights = weights.slice();
    this.changed();
  }
}
