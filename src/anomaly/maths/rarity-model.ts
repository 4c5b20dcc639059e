/**
 * Rarity (§3.2, individual `rare by X`): a decayed Dirichlet–multinomial over categories where each bucket adds one
 * observation per category present, i.e. it tracks the decayed number of buckets containing each category.
 * p(X) = mass of all categories at most as concentrated as X, plus the mass reserved for categories not yet seen.
 * The unseen mass is (novel + a)/(T + a): `novel` counts first occurrences after warm-up, so a host whose categories
 * are stable makes a new one very improbable (≈ 4e−5 after three weeks of hourly buckets), while a host that keeps
 * producing new values (random temp names) does not alert on each of them.
 *
 * Snapshots hold the raw state (stored counts and the lazy decay scale), not decayed values: multiplying them out would
 * round, and a restored model must continue bit for bit like the one that was never stopped.
 */

/** Dirichlet concentration of the unseen mass (pseudo-observations). */
const CONCENTRATION = 0.1;
/** Default forgetting per bucket: counts halve after about 700 buckets (a month of hourly buckets). */
const DEFAULT_DECAY = 0.001;
/** Rescale stored counts before the lazy decay factor underflows. */
const RESCALE_BELOW = 1e-100;
/** v1 stored decayed values (scale folded in); v2 stores the raw state. Both are read. */
const STATE_VERSION = 2;

export interface RarityProbability {
  p: number;
  firstOccurrence: boolean;
  /** Median category concentration divided by X's (> 1 means rarer than the typical category). */
  relativeRarity: number;
  /** Decayed number of learned buckets that contained X. */
  bucketsWithCategory: number;
  informative: boolean;
}

interface Snapshot {
  v: number;
  minBuckets: number;
  decay: number;
  buckets: number;
  /** Stored values × scale = decayed values (absent in v1, whose values were already decayed). */
  scale?: number;
  total: number;
  novel: number;
  counts: Array<[string, number]>;
}

function isSnapshot(x: unknown): x is Snapshot {
  if (typeof x !== 'object' || x === null) return false;
  const o = x as Record<string, unknown>;
  const scaleOk = o.v === 1 || (o.v === STATE_VERSION && typeof o.scale === 'number' && o.scale > 0);
  return scaleOk && typeof o.buckets === 'number' && typeof o.total === 'number' && typeof o.novel === 'number' && Array.isArray(o.counts);
}

export class RarityModel {
  private readonly minBuckets: number;
  private readonly decay: number;
  /** Stored values × scale = decayed values (lazy decay: one multiply per bucket instead of one per category). */
  private scale = 1;
  private readonly counts = new Map<string, number>();
  private total = 0;
  private novel = 0;
  private buckets = 0;
  /** Sorted stored counts and prefix sums, rebuilt lazily after learning. */
  private sorted: Float64Array | null = null;
  private prefix: Float64Array | null = null;

  /**
   * @param opts.minBuckets buckets learned before probabilities are informative (default 20, as Elastic's rare)
   * @param opts.decayPerBucket forgetting per learned bucket (default 0.001)
   */
  constructor(opts: { minBuckets?: number; decayPerBucket?: number } = {}) {
    this.minBuckets = opts.minBuckets ?? 20;
    this.decay = Math.min(Math.max(opts.decayPerBucket ?? DEFAULT_DECAY, 0), 0.5);
  }

  private ensureSorted(): void {
    if (this.sorted) return;
    const values = Float64Array.from(this.counts.values()).sort();
    const prefix = new Float64Array(values.length + 1);
    for (let i = 0; i < values.length; i++) prefix[i + 1] = prefix[i] + values[i];
    this.sorted = values;
    this.prefix = prefix;
  }

  /** Index of the first sorted count greater than c. */
  private upperBound(c: number): number {
    const a = this.sorted as Float64Array;
    let lo = 0;
    let hi = a.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (a[mid] <= c) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Probability of a category as rare as `category`, before the current bucket is learned. */
  probability(category: string): RarityProbability {
    const stored = this.counts.get(category) ?? 0;
    const decayed = stored * this.scale;
    const firstOccurrence = stored === 0;
    this.ensureSorted();
    const sorted = this.sorted as Float64Array;
    const median = sorted.length > 0 ? sorted[sorted.length >> 1] * this.scale : 0;
    const relativeRarity = median > 0 ? median / Math.max(decayed, CONCENTRATION) : 1;
    const informative = this.buckets >= this.minBuckets;
    if (!informative) return { p: 1, firstOccurrence, relativeRarity, bucketsWithCategory: decayed, informative };
    const total = this.total * this.scale;
    const unseen = this.novel * this.scale + CONCENTRATION;
    const asRare = stored === 0 ? 0 : (this.prefix as Float64Array)[this.upperBound(stored)] * this.scale;
    const p = Math.min(1, Math.max((asRare + unseen) / (total + CONCENTRATION), Number.MIN_VALUE));
    return { p, firstOccurrence, relativeRarity, bucketsWithCategory: decayed, informative };
  }

  /**
   * Learn one bucket. The engine calls this only for buckets that had data for this partition; an empty iterable
   * still counts as a learned bucket (it ages the counts and advances the warm-up).
   */
  addBucket(categoriesPresent: Iterable<string>): void {
    this.scale *= 1 - this.decay;
    const inc = 1 / this.scale;
    // One observation per category present: a Set is already distinct, anything else is deduplicated first.
    const distinct = categoriesPresent instanceof Set ? (categoriesPresent as Set<string>) : new Set(categoriesPresent);
    for (const category of distinct) {
      const before = this.counts.get(category) ?? 0;
      if (before === 0 && this.buckets >= this.minBuckets) this.novel += inc;
      this.counts.set(category, before + inc);
      this.total += inc;
    }
    this.buckets += 1;
    this.sorted = null;
    this.prefix = null;
    if (this.scale < RESCALE_BELOW) this.rescale();
  }

  private rescale(): void {
    for (const [k, v] of this.counts) this.counts.set(k, v * this.scale);
    this.total *= this.scale;
    this.novel *= this.scale;
    this.scale = 1;
  }

  /** Map entries dominate: ~80 bytes per category plus the key (often shared with the engine's strings). */
  approxBytes(): number {
    let keys = 0;
    for (const k of this.counts.keys()) keys += 16 + 2 * k.length;
    return 160 + this.counts.size * 80 + keys + (this.sorted ? 16 * this.counts.size + 200 : 0);
  }

  toJSON(): unknown {
    const snapshot: Snapshot = {
      v: STATE_VERSION,
      minBuckets: this.minBuckets,
      decay: this.decay,
      buckets: this.buckets,
      scale: this.scale,
      total: this.total,
      novel: this.novel,
      counts: Array.from(this.counts),
    };
    return snapshot;
  }

  static fromJSON(s: unknown): RarityModel {
    if (!isSnapshot(s)) throw new Error(`RarityModel.fromJSON: not a RarityModel snapshot (version ${STATE_VERSION})`);
    const model = new RarityModel({ minBuckets: s.minBuckets, decayPerBucket: s.decay });
    model.buckets = s.buckets;
    model.scale = s.v === 1 ? 1 : (s.scale as number);
    model.total = s.total;
    model.novel = s.novel;
    for (const [k, c] of s.counts) if (typeof k === 'string' && typeof c === 'number') model.counts.set(k, c);
    return model;
  }
}
