/**
 * Normalisation of raw scores to 0–100 (§3.4, CAnomalyScore::CNormalizer): score = min(c0, c1, c2, c3, 100) over a
 * quantile sketch of past raw scores (×1000) and decayed maxima per scope.
 *
 * One instance is one ml-cpp normaliser (e.g. the job's root, one influencer field, or the records of one detector):
 * it holds one quantile summary; `scopes` are the keys of the maximum-score ceilings (ml-cpp keys them by partition and
 * person). When several scopes are given, each one's ceiling applies (the smallest wins). Call update() for a closed
 * bucket first, then normalize() its results, as Elastic does.
 *
 * Deliberate deviation: with little history the percentile of a new record score is unknowable (ml-cpp's finite-sample
 * beta correction then caps c1 near 50–60). We let the model's own calibration stand in for the missing history: the
 * sample is padded to n' = max(n, min(1/p, 2000)) with scores below the one being normalised, p = S⁻¹(raw). A genuine
 * p ≈ 1e−20 anomaly in a young quiet job thus normalises to ≥ 75, and with ≥ 2000 updates the behaviour is ml-cpp's.
 *
 * Cost: c1 is memoised (percentile-ceiling.ts) and the sketch's n, median and zero share are read once per sketch
 * change, so normalising many scores between two updates repeats no work.
 */
import { MAXIMUM_NORMALIZED_SCORE, PercentileCeiling, knotScore } from './percentile-ceiling.js';
import { QuantileSketch } from './quantile-sketch.js';
import { LARGEST_SIGNIFICANT_PROBABILITY, SMALL_PROBABILITY, anomalyScore, probabilityFromScore } from './raw-score.js';

const DISCRETIZATION_FACTOR = 1000;
const BIG_CHANGE_FACTOR = 1.1;
const FORGET_MAX_SCORE_INTERVAL = 50;
const QUANTILE_DECAY_TIME = 20;
const NOISE_PERCENTILE = 50;
const NOISE_MULTIPLIER = 1;
const DEFAULT_DECAY_RATE = 0.0005;
const STANDARD_BUCKET_SECONDS = 1800;
const PADDING_CAP = 2000;
const STATE_VERSION = 1;

const C3_SLOPE =
  (anomalyScore(SMALL_PROBABILITY) - anomalyScore(LARGEST_SIGNIFICANT_PROBABILITY)) / (Math.log(SMALL_PROBABILITY) - Math.log(LARGEST_SIGNIFICANT_PROBABILITY));
const C3_INTERCEPT = Math.log(LARGEST_SIGNIFICANT_PROBABILITY);

interface MaxScore {
  score: number;
  sinceLast: number;
}

interface Snapshot {
  v: number;
  bucketSpanMs: number;
  last: number | null;
  untilQuantileDecay: number;
  values: number[];
  weights: number[];
  maxima: Array<[string, number, number]>;
  pending: Array<[string, number, number]>;
}

function isSnapshot(x: unknown): x is Snapshot {
  if (typeof x !== 'object' || x === null) return false;
  const o = x as Record<string, unknown>;
  return o.v === STATE_VERSION && typeof o.bucketSpanMs === 'number' && Array.isArray(o.values) && Array.isArray(o.weights) && Array.isArray(o.maxima) && Array.isArray(o.pending);
}

/** What normalize() reads from the sketch, fixed until the sketch next changes. */
interface SketchSummary {
  version: number;
  n: number;
  median: number;
  zeroWeight: number;
}

export class ScoreNormalizer {
  private readonly bucketSpanMs: number;
  private readonly decayRate: number;
  private readonly maxDecayRate: number;
  private readonly bucketNormalizationFactor: number;
  /** Updates whose maximum enters the quantiles together (1 for spans ≥ 30m, 6 for 5m). */
  private readonly groupSize: number;
  private readonly sketch = new QuantileSketch();
  private readonly maxima = new Map<string, MaxScore>();
  /** Per scope key: running maximum and number of updates in the current group (only when groupSize > 1). */
  private readonly pending = new Map<string, { max: number; count: number }>();
  private last: number | null = null;
  private untilQuantileDecay = QUANTILE_DECAY_TIME;
  private summary: SketchSummary | null = null;
  private readonly percentileCeiling: PercentileCeiling;

  constructor(opts: { bucketSpanMs: number }) {
    this.bucketSpanMs = opts.bucketSpanMs > 0 && Number.isFinite(opts.bucketSpanMs) ? opts.bucketSpanMs : 3_600_000;
    const spanSeconds = this.bucketSpanMs / 1000;
    this.bucketNormalizationFactor = Math.min(1, spanSeconds / STANDARD_BUCKET_SECONDS);
    this.decayRate = DEFAULT_DECAY_RATE * this.bucketNormalizationFactor;
    this.maxDecayRate = this.decayRate * Math.max(spanSeconds / STANDARD_BUCKET_SECONDS, 1);
    this.groupSize = Math.max(1, Math.round(3600 / Math.min(Math.max(2 * spanSeconds, 300), 3600)));
    this.percentileCeiling = new PercentileCeiling(this.bucketNormalizationFactor);
  }

  private static discrete(raw: number): number {
    return Math.floor(DISCRETIZATION_FACTOR * raw + 0.5);
  }

  /** Age maxima (exp(−2λΔ)), forget maxima unseen for 50 buckets, and age quantiles every 20 buckets. */
  private propagate(buckets: number): void {
    if (!(buckets > 0)) return;
    const alpha = Math.exp(-2 * this.maxDecayRate * buckets);
    for (const [key, m] of this.maxima) {
      m.sinceLast += buckets;
      if (m.sinceLast > FORGET_MAX_SCORE_INTERVAL) this.maxima.delete(key);
      else m.score *= alpha;
    }
    this.untilQuantileDecay -= buckets;
    if (this.untilQuantileDecay <= 0) {
      const periods = Math.floor((QUANTILE_DECAY_TIME - this.untilQuantileDecay) / QUANTILE_DECAY_TIME);
      this.sketch.age(Math.exp(-this.decayRate * periods));
      this.untilQuantileDecay += QUANTILE_DECAY_TIME + Math.floor(-this.untilQuantileDecay / QUANTILE_DECAY_TIME);
    }
  }

  /**
   * Feed the raw scores of one closed bucket, each with the scopes it belongs to. Returns true on a "big change"
   * (some scope maximum rose by more than 10%), i.e. renormalisation of recent results is due.
   */
  update(bucketStartMs: number, scores: Array<{ raw: number; scopes: string[] }>): boolean {
    if (this.last !== null && bucketStartMs > this.last) this.propagate((bucketStartMs - this.last) / this.bucketSpanMs);
    if (this.last === null || bucketStartMs > this.last) this.last = bucketStartMs;
    let bigChange = false;
    for (const { raw, scopes } of scores) {
      const score = Number.isFinite(raw) ? Math.min(Math.max(raw, 0), 100) : 0;
      for (const scope of scopes) {
        const m = this.maxima.get(scope);
        const old = m?.score ?? 0;
        if (m) {
          m.score = Math.max(m.score, score);
          m.sinceLast = 0;
        } else this.maxima.set(scope, { score, sinceLast: 0 });
        if (score > BIG_CHANGE_FACTOR * old) bigChange = true;
      }
      this.addToQuantiles(scopes, score);
    }
    return bigChange;
  }

  private addToQuantiles(scopes: string[], score: number): void {
    if (this.groupSize === 1) {
      this.sketch.add(ScoreNormalizer.discrete(score));
      return;
    }
    const key = scopes.join('\u0000');
    const group = this.pending.get(key) ?? { max: 0, count: 0 };
    group.max = Math.max(group.max, score);
    group.count += 1;
    if (group.count >= this.groupSize) {
      this.sketch.add(ScoreNormalizer.discrete(group.max));
      this.pending.delete(key);
    } else this.pending.set(key, group);
  }

  private sketchSummary(): SketchSummary {
    const version = this.sketch.version;
    if (this.summary?.version !== version) {
      this.summary = { version, n: this.sketch.n, median: this.sketch.quantile(NOISE_PERCENTILE / 100), zeroWeight: this.sketch.weightAtOrBelow(0) };
    }
    return this.summary;
  }

  /** 0..100 by the min(c0, c1, c2, c3, 100) rule; 0 for a raw score of 0 or while there is no history. */
  normalize(raw: number, scopes: string[]): number {
    if (!(raw > 0)) return 0;
    const { n, median, zeroWeight } = this.sketchSummary();
    if (!(n > 0)) return 0;
    const score = Math.min(raw, 100);
    const discrete = ScoreNormalizer.discrete(score);

    // c0: noise ceiling relative to the median score, lifted when about half the scores are zero.
    const signal = ((NOISE_MULTIPLIER * 10) / DISCRETIZATION_FACTOR) * (discrete - median);
    const f0 = zeroWeight / n;
    const c0 = knotScore(NOISE_PERCENTILE) * Math.max(1 + signal, 0) + MAXIMUM_NORMALIZED_SCORE * Math.max(2 * Math.min((100 * f0) / NOISE_PERCENTILE, 1) - 1, 0);

    // c1: the score's percentile (70% interval), mapped through the knots; see the header for the padding.
    const p = probabilityFromScore(score);
    const padded = Math.max(n, Math.min(1 / p, PADDING_CAP));
    const below = (this.sketch.weightBelow(discrete) + (padded - n)) / padded;
    const c1 = this.percentileCeiling.score(padded, below);

    // c2: ceiling relative to the largest raw score seen in the scope.
    let c2 = MAXIMUM_NORMALIZED_SCORE;
    for (const scope of scopes) {
      const max = this.maxima.get(scope)?.score ?? 0;
      if (max > 0) {
        const r = score / max;
        c2 = Math.min(c2, MAXIMUM_NORMALIZED_SCORE * Math.min(1.5 * r, 0.5 + 0.5 * r));
      }
    }

    // c3: probability cap, so only p ≤ 1e−4 can reach 100.
    const c3 = MAXIMUM_NORMALIZED_SCORE * (0.95 * C3_SLOPE * (Math.log(p) - C3_INTERCEPT) + 0.05);

    const result = Math.min(c0, c1, c2, c3, MAXIMUM_NORMALIZED_SCORE);
    return Number.isFinite(result) ? Math.max(result, 0) : 0;
  }

  toJSON(): unknown {
    const snapshot: Snapshot = {
      v: STATE_VERSION,
      bucketSpanMs: this.bucketSpanMs,
      last: this.last,
      untilQuantileDecay: this.untilQuantileDecay,
      ...this.sketch.entries(),
      maxima: Array.from(this.maxima, ([k, m]) => [k, m.score, m.sinceLast] as [string, number, number]),
      pending: Array.from(this.pending, ([k, g]) => [k, g.max, g.count] as [string, number, number]),
    };
    return snapshot;
  }

  static fromJSON(s: unknown): ScoreNormalizer {
    if (!isSnapshot(s)) throw new Error(`ScoreNormalizer.fromJSON: not a ScoreNormalizer snapshot (version ${STATE_VERSION})`);
    const normalizer = new ScoreNormalizer({ bucketSpanMs: s.bucketSpanMs });
    normalizer.last = s.last;
    normalizer.untilQuantileDecay = s.untilQuantileDecay;
    normalizer.sketch.restore(s.values, s.weights);
    for (const [k, score, since] of s.maxima) normalizer.maxima.set(k, { score, sinceLast: since });
    for (const [k, max, count] of s.pending) normalizer.pending.set(k, { max, count });
    return normalizer;
  }
}
