/**
 * Rarity (§3.2, individual `rare by X`): a decayed Dirichlet–multinomial over categories where each bucket adds one
 * observation per category present, i.e. it tracks the decayed number of buckets containing each category.
 * p(X) = mass of all categories at most as concentrated as X, plus the mass reserved for categories not yet seen.
 * The unseen mass is (max(novel, singletons) + a·f)/(T + a): `novel` counts first occurrences after warm-up and
 * `singletons` (Good–Turing) is the mass of categories seen in one bucket only, which also covers novelty that
 * happened during the warm-up (a fresh release directory per deployment); so a host that keeps
 * producing new values (random temp names) does not alert on each of them, while on a host whose categories are stable
 * a new one is very improbable.
 *
 * Time, not only data, is evidence of stability. The prior's pseudo-novelty `a` is a rate per WATCHED bucket (a new
 * process appearing is an event in time, and alert budgets are per hour, not per write); on a partition with data in a
 * fraction f = dataBuckets/watchedBuckets of the buckets since its first data, that is a·f per data bucket. With no
 * novelty observed this is the Poisson-in-time estimate a/watched (a daily USB writer watched for two weeks: ≈ 2e−4);
 * once novelties are observed their own frequency dominates and f hardly matters (busy file servers are unchanged).
 * Warm-up likewise counts watched buckets (Elastic: rare needs ≥ 20 buckets), plus MIN_DATA_BUCKETS of data so that
 * time can only sharpen, never create, the composition model's own verdict (see below).
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
/**
 * p below which a result is written at all (§3.3 output gating). Used only to derive MIN_DATA_BUCKETS: the maths layer
 * does not depend on scoring.
 */
const RESULT_P = 0.035;
/**
 * Data buckets needed before a partition is informative: the fewest W for which the plain Dirichlet, without the time
 * conversion, already calls a new category noteworthy, a/(W + a) < RESULT_P (W ≥ 3 for a = 0.1). A host that wrote to
 * USB once and, a week later, with another tool, has no established habit to depart from, however long it was watched.
 */
const MIN_DATA_BUCKETS = Math.ceil(CONCENTRATION * (1 / RESULT_P - 1));
/** v1 stored decayed values (scale folded in); v2 the raw state; v3 adds watched buckets. All are read. */
const STATE_VERSION = 3;

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
  /** Buckets watched since the first data bucket, empty ones included (absent before v3: taken as `buckets`). */
  watched?: number;
  total: number;
  novel: number;
  counts: Array<[string, number]>;
}

function isSnapshot(x: unknown): x is Snapshot {
  if (typeof x !== 'object' || x === null) return false;
  const o = x as Record<string, unknown>;
  const scaleOk = o.v === 1 || ((o.v === 2 || o.v === STATE_VERSION) && typeof o.scale === 'number' && o.scale > 0);
  const watchedOk = o.v !== STATE_VERSION || (typeof o.watched === 'number' && o.watched >= 0);
  return scaleOk && watchedOk && typeof o.buckets === 'number' && typeof o.total === 'number' && typeof o.novel === 'number' && Array.isArray(o.counts);
}

export class RarityModel {
  private readonly minBuckets: number;
  private readonly decay: number;
  /** Stored values × scale = decayed values (lazy decay: one multiply per bucket instead of one per category). */
  private scale = 1;
  private readonly counts = new Map<string, number>();
  private total = 0;
  private novel = 0;
  /** Data buckets learned. */
  private buckets = 0;
  /** Buckets watched since the first data bucket, empty ones included (integer, not decayed: f = buckets/watched). */
  private watched = 0;
  /** Sorted stored counts and prefix sums, rebuilt lazily after learning. */
  private sorted: Float64Array | null = null;
  private prefix: Float64Array | null = null;

  /**
   * @param opts.minBuckets buckets watched (since the first data) before probabilities are informative (default 20, as
   *   Elastic's rare); at least MIN_DATA_BUCKETS of them must have had data
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

  /** Warm: watched long enough, with enough data for the composition to mean something. */
  private isWarm(): boolean {
    return this.watched >= this.minBuckets && this.buckets >= MIN_DATA_BUCKETS;
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
    const informative = this.isWarm();
    if (!informative) return { p: 1, firstOccurrence, relativeRarity, bucketsWithCategory: decayed, informative };
    const total = this.total * this.scale;
    // Prior pseudo-novelty per watched bucket, converted to per data bucket by the activity fraction (see header).
    const activity = this.buckets / this.watched;
    // Good–Turing: categories seen in a single bucket estimate how often new ones turn up, warm-up included.
    const singletons = (this.prefix as Float64Array)[this.upperBound(1 / this.scale)] * this.scale;
    const unseen = Math.max(this.novel * this.scale, singletons) + CONCENTRATION * activity;
    const asRare = stored === 0 ? 0 : (this.prefix as Float64Array)[this.upperBound(stored)] * this.scale;
    const p = Math.min(1, Math.max((asRare + unseen) / (total + CONCENTRATION), Number.MIN_VALUE));
    return { p, firstOccurrence, relativeRarity, bucketsWithCategory: decayed, informative };
  }

  /**
   * Buckets without data for this partition since the last learned one. They teach nothing about which categories
   * occur, but they are time in which no new category appeared. Ignored before the first learned bucket.
   */
  observeEmptyBuckets(count: number): void {
    if (this.buckets === 0 || !Number.isFinite(count) || count < 1) return;
    this.watched += Math.floor(count);
  }

  /**
   * Learn one bucket. The engine calls this only for buckets that had data for this partition; an empty iterable
   * still counts as a learned bucket (it ages the counts and advances the warm-up).
   */
  addBucket(categoriesPresent: Iterable<string>): void {
    const warm = this.isWarm();
    this.scale *= 1 - this.decay;
    const inc = 1 / this.scale;
    // One observation per category present: a Set is already distinct, anything else is deduplicated first.
    const distinct = categoriesPresent instanceof Set ? (categoriesPresent as Set<string>) : new Set(categoriesPresent);
    for (const category of distinct) {
      const before = this.counts.get(category) ?? 0;
      if (before === 0 && warm) this.novel += inc;
      this.counts.set(category, before + inc);
      this.total += inc;
    }
    this.buckets += 1;
    this.watched += 1;
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
      watched: this.watched,
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
    model.watched = s.v === STATE_VERSION ? (s.watched as number) : s.buckets;
    model.total = s.total;
    model.novel = s.novel;
    for (const [k, c] of s.counts) if (typeof k === 'string' && typeof c === 'number') model.counts.set(k, c);
    return model;
  }
}
