/**
 * Per-series model (§3.1, approximated): a seasonal baseline in a variance-stabilising space, a residual distribution
 * chosen for the kind of feature, a multi-bucket feature, and a warm-up during which nothing is anomalous.
 *
 * - count: y = ln(v + 1); p averages a log-normal tail and a negative-binomial tail (same mean and variance), weighted
 *   by how well each predicted past buckets (like ml-cpp's COneOfNPrior): bursty counts favour the first, Poisson-like
 *   counts the second. A third, "burst" view (empty or a burst sized like past bursts; burst-model.ts) is weighed
 *   against both the same way, so sparse series are judged by it and dense ones by the baseline (count-views.ts).
 * - metric: point mass at v ≤ 0 (zero buckets of sums; negative values are treated as zero) + log-normal for v > 0.
 * - time_of_day / time_of_week: circular kernel density (two-sided whatever `tail` says; no seasonality, no multi-bucket).
 *
 * Memory: one Float64Array of scalars and, once learning starts, one Float32Array of slot profiles
 * (3 profiles × ≤24 slots × 3 floats); about 1.8 KB per seasonal series (see approxBytes).
 */
import {
  BURST_SCALARS, burstProbability, burstQuantile, learnBurst, predictBurst, type BurstLearning, type BurstPrediction, type OccurrenceCounts,
} from './burst-model.js';
import { countEvidence, denseCountProbability, updateLogOdds, viewWeight, type CountEvidence } from './count-views.js';
import { jointProbabilityOfTwo } from './joint-probability.js';
import { CircularHistogram, circularBins } from './circular-histogram.js';
import { MULTI_BUCKET_CORRELATION, MULTI_BUCKET_SCALARS, MultiBucketFeature, multiBucketImpact } from './multi-bucket.js';
import { BASELINE_SCALARS, BASELINE_SPREAD_INDEX, SeasonalBaseline, type BaselinePrediction } from './seasonal-baseline.js';
import type { SeriesProbability, TimeSeriesModelOptions, WeightedSample } from './series-types.js';
import { zeroInflatedLogNormalProbability, zeroInflatedLogNormalQuantile } from './tail-probabilities.js';
import { clampProbability, type Tail } from './types.js';

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
/** ml-cpp's default decay per 30 minutes of data (DEFAULT_DECAY_RATE); used to age counts across gaps. */
const DECAY_PER_HALF_HOUR = 0.0005;
/** Residual standard deviation (log space) assumed before data and added as two pseudo-observations. */
const PRIOR_SD = { count: 0.5, metric: 1.0 } as const;
const PRIOR_WEIGHT = 2;
/** No series is treated as more regular than ±5% per standard deviation. */
const MIN_SD = 0.05;
/**
 * Values a data-only series needs before time watched can complete its warm-up: with 8 values the sample spread is
 * within a factor of about 2 of the true one (χ² 95% interval 0.66–2.0 s), which the prior on the spread then covers.
 */
const MIN_DATA_BUCKETS = 8;

// Model scalar layout (shared Float64Array; the baseline and the multi-bucket feature follow).
const BUCKETS = 0;
/** Decayed weights of empty (metric: ≤ 0; count: 0) buckets and of all buckets, forgetting over about four weeks. */
const ZERO_W = 1;
const TOTAL_W = 2;
const LAST_TIME = 3;
const POOLED = 4;
/** Decayed Σ (ln-likelihood of the log-normal count model − that of the negative binomial): Bayesian model weights. */
const COUNT_LOG_ODDS = 5;
const OWN_SCALARS = 6;
const BASELINE_AT = OWN_SCALARS;
const MULTI_AT = BASELINE_AT + BASELINE_SCALARS;
const SERIES_SCALARS = MULTI_AT + MULTI_BUCKET_SCALARS;
// Count series only: the burst view's scalars and its weight against the dense views.
const BURST_AT = SERIES_SCALARS;
/** Decayed Σ (ln-likelihood of the burst view − that of the dense mixture). */
const BURST_LOG_ODDS = BURST_AT + BURST_SCALARS;
const COUNT_SCALARS = BURST_LOG_ODDS + 1;

/**
 * v2 added the baseline's member dispersion (SPREAD); v1 snapshots are read with a dispersion of 0.
 * v3 added the burst view of count series (scalars appended, empty buckets counted in ZERO_W); v1/v2 count snapshots
 * start it from nothing and the evidence decides within days.
 */
const STATE_VERSION = 3;

interface Snapshot {
  v: number;
  opts: TimeSeriesModelOptions;
  s: number[];
  prof: number[] | null;
}

function isSnapshot(x: unknown): x is Snapshot {
  if (typeof x !== 'object' || x === null) return false;
  const o = x as Record<string, unknown>;
  const opts = o.opts as Record<string, unknown> | undefined;
  return (o.v === 1 || o.v === 2 || o.v === STATE_VERSION) && Array.isArray(o.s) && (o.prof === null || Array.isArray(o.prof)) && typeof opts === 'object' && opts !== null && typeof opts.bucketSpanMs === 'number' && typeof opts.kind === 'string';
}

/** The predictive distribution in transformed space. */
interface Predictive {
  mu: number;
  sd: number;
  seasonal: boolean;
  hasData: boolean;
  /** The baseline's slot mean over its level, profile in use or not (1 without profiles): for the burst view. */
  slotFactor: number;
}

/**
 * Scratch space for the hot path: probability() and addBucket() run once per series and bucket (per member, for a
 * population), so their intermediate predictions are written here instead of into fresh objects. JavaScript runs one
 * call at a time and none of these methods re-enters, so one shared instance is safe.
 */
const baselineScratch: BaselinePrediction = { mean: 0, variance: 0, support: 0, seasonal: false };
const predictiveScratch: Predictive = { mu: 0, sd: 0, seasonal: false, hasData: false, slotFactor: 1 };
const burstScratch: BurstPrediction = { pi: 0, mu: 0, sd: 0 };
const countsBefore: OccurrenceCounts = { total: 0, zero: 0 };
const countsAfter: OccurrenceCounts = { total: 0, zero: 0 };
const evidenceScratch: CountEvidence = { dense: 0, burst: 0 };
const burstLearning: BurstLearning = { before: countsBefore, after: countsAfter, slotFactor: 1, pred: burstScratch, omega: 0, llrDecay: 0 };
const validValues: number[] = [];
const validWeights: number[] = [];
const positiveYs: number[] = [];
const positiveWeights: number[] = [];
/** The 97.5% point of the standard normal, for the count model's 95% interval. */
const Z_975 = 1.959964;

export class TimeSeriesModel {
  private readonly opts: TimeSeriesModelOptions;
  private readonly s: Float64Array;
  private readonly minBuckets: number;
  private readonly baseline: SeasonalBaseline | null;
  private readonly multi: MultiBucketFeature | null;
  private readonly circle: CircularHistogram | null;

  constructor(opts: TimeSeriesModelOptions, restored?: { s: ArrayLike<number>; prof: ArrayLike<number> | null }) {
    const span = opts.bucketSpanMs > 0 && Number.isFinite(opts.bucketSpanMs) ? opts.bucketSpanMs : 3_600_000;
    this.opts = { ...opts, bucketSpanMs: span };
    this.minBuckets = opts.minBucketsBeforeScoring ?? Math.max(20, Math.ceil((2 * DAY_MS) / span));
    const isTime = opts.kind === 'time_of_day' || opts.kind === 'time_of_week';
    const period = opts.kind === 'time_of_day' ? 86_400 : 604_800;
    const isCount = opts.kind === 'count';
    this.s = new Float64Array(isTime ? OWN_SCALARS + circularBins(period) : isCount ? COUNT_SCALARS : SERIES_SCALARS);
    if (restored) this.s.set(Array.from(restored.s).slice(0, this.s.length));
    const bucketsPerWeek = Math.max(WEEK_MS / span, 1);
    if (isTime) {
      const decay = DECAY_PER_HALF_HOUR * Math.min(1, span / 1_800_000);
      this.circle = new CircularHistogram(period, this.s.subarray(OWN_SCALARS), decay);
      this.baseline = null;
      this.multi = null;
    } else {
      const prof = restored?.prof ? Float32Array.from(restored.prof) : null;
      this.baseline = new SeasonalBaseline(span, this.s, BASELINE_AT, prof);
      this.multi = new MultiBucketFeature(this.s, MULTI_AT, bucketsPerWeek);
      this.circle = null;
    }
  }

  private get informative(): boolean {
    return this.s[BUCKETS] >= this.minBuckets;
  }

  /**
   * A series that learns only its buckets with data (a mean, a maximum, a variance: an empty bucket has no value) can
   * be watched for weeks and still have fewer than minBuckets of them: an admin's RDP sessions, a few a day. The
   * warm-up is there so that level, spread and daily rhythm have been seen, and time watched shows the rhythm as well
   * as data does; the spread needs data. So such a series is also warm once it has been watched for the warm-up
   * (`elapsedBuckets`, empty buckets included) and its positive part — what the log-normal spread is estimated from —
   * has an effective (decayed) weight of MIN_DATA_BUCKETS values. A variance that is 0 in most buckets (one session
   * each) thus waits for enough positive variances; the predictive's prior on the spread keeps the rest broad.
   */
  private warmBy(elapsedBuckets: number | undefined): boolean {
    if (this.informative) return true;
    const positives = this.s[TOTAL_W] - this.s[ZERO_W];
    return elapsedBuckets !== undefined && elapsedBuckets >= this.minBuckets && positives >= MIN_DATA_BUCKETS;
  }

  private bucketsPerWeek(): number {
    return Math.max(WEEK_MS / this.opts.bucketSpanMs, 1);
  }

  /** Transformed value for the baseline, or undefined for the metric's zero mass. */
  private transform(v: number): number | undefined {
    if (this.opts.kind === 'count') return Math.log(Math.max(v, 0) + 1);
    return v > 0 ? Math.log(v) : undefined;
  }

  /** Predictive mean and standard deviation in transformed space (written to the shared scratch, see above). */
  private predictive(t: number): Predictive {
    const b = this.baseline as SeasonalBaseline;
    const pred = b.predict(t, baselineScratch);
    const priorSd = this.opts.kind === 'count' ? PRIOR_SD.count : PRIOR_SD.metric;
    const variance = (pred.support * pred.variance + PRIOR_WEIGHT * priorSd * priorSd) / (pred.support + PRIOR_WEIGHT);
    // Counts are discrete: near zero, one event more is not a many-sigma event even in a slot that was always empty.
    const floor = this.opts.kind === 'count' ? MIN_SD + 0.3 * Math.exp(-pred.mean) : MIN_SD;
    const out = predictiveScratch;
    out.mu = pred.mean;
    out.sd = Math.max(Math.sqrt(variance), floor);
    out.seasonal = pred.seasonal;
    out.hasData = b.hasData;
    out.slotFactor = this.opts.kind === 'count' && b.level > 1e-9 ? b.slotMean(t) / b.level : 1;
    return out;
  }

  /** The burst view's prediction for the bucket at t from the given occurrence counts (count series only). */
  private predictBurst(slotFactor: number, counts: OccurrenceCounts): BurstPrediction {
    return predictBurst(this.s, BURST_AT, counts, slotFactor, burstScratch);
  }

  private zeroMass(): number {
    return (this.s[ZERO_W] + 0.25) / (this.s[TOTAL_W] + 0.5);
  }

  /** u-quantile of the dense predictive distribution in value space (u ∈ {0.025, 0.5, 0.975}). */
  private quantile(u: number, zero: number, mu: number, sd: number): number {
    if (this.opts.kind !== 'count') return zeroInflatedLogNormalQuantile(u, zero, mu, sd);
    return Math.max(Math.exp(mu + sd * (u === 0.5 ? 0 : u < 0.5 ? -Z_975 : Z_975)) - 1, 0);
  }

  /** The decayed occurrence counts (all buckets, empty buckets), into `out`. */
  private occurrence(out: OccurrenceCounts): OccurrenceCounts {
    out.total = this.s[TOTAL_W];
    out.zero = this.s[ZERO_W];
    return out;
  }

  /** Probability of observing `value` in the bucket starting at bucketStartMs, BEFORE it is learned. */
  /**
   * @param elapsedBuckets for series that learn only buckets with data: buckets since the first one, empty ones
   *   included (see warmBy)
   */
  probability(bucketStartMs: number, value: number, tail: Tail, elapsedBuckets?: number): SeriesProbability {
    if (this.circle) return this.timeProbability(value);
    const { mu, sd, seasonal, hasData, slotFactor } = this.predictive(bucketStartMs);
    const isCount = this.opts.kind === 'count';
    const zero = isCount ? 0 : this.zeroMass();
    const burst = isCount ? this.predictBurst(slotFactor, this.occurrence(countsBefore)) : null;
    const wBurst = isCount ? viewWeight(this.s[BURST_LOG_ODDS]) : 0;
    // Typical value and 95% interval come from the likelier view (quantiles of a mixture do not average).
    const byBurst = burst !== null && wBurst > 0.5;
    const typical = byBurst ? burstQuantile(0.5, burst) : hasData ? this.quantile(0.5, zero, mu, sd) : 0;
    const lower = byBurst ? burstQuantile(0.025, burst) : hasData ? this.quantile(0.025, zero, mu, sd) : 0;
    const upper = byBurst ? burstQuantile(0.975, burst) : hasData ? this.quantile(0.975, zero, mu, sd) : 0;
    const anomalyType = value >= typical ? 'spike' : 'dip';
    if (!this.warmBy(elapsedBuckets) || !Number.isFinite(value)) {
      return { typical, lower, upper, anomalyType, seasonal, p: 1, pSingle: 1, pMulti: 1, multiBucketImpact: 0, informative: false };
    }

    const y = this.transform(value);
    const pDense = clampProbability(
      isCount ? denseCountProbability(value, mu, sd, this.s[COUNT_LOG_ODDS], tail) : zeroInflatedLogNormalProbability(value, zero, mu, sd, tail, hasData),
    );
    const multi = this.multi as MultiBucketFeature;
    const useMulti = y !== undefined && this.s[POOLED] === 0 && multi.ready;
    const pMultiDense = useMulti ? clampProbability(multi.probability((y as number) - mu, sd * sd, tail)) : 1;
    let p = useMulti ? jointProbabilityOfTwo(pDense, pMultiDense, MULTI_BUCKET_CORRELATION) : pDense;
    let pSingle = pDense;
    let pMulti = pMultiDense;
    if (burst !== null) {
      // Bayesian model averaging of the views' probabilities; the burst view has no multi-bucket feature (it is 1).
      const pBurst = burstProbability(value, burst, tail);
      pSingle = clampProbability(wBurst * pBurst + (1 - wBurst) * pDense);
      pMulti = useMulti ? clampProbability(wBurst + (1 - wBurst) * pMultiDense) : 1;
      p = wBurst * pBurst + (1 - wBurst) * p;
    }
    return {
      typical,
      lower,
      upper,
      anomalyType,
      seasonal,
      p: clampProbability(p),
      pSingle,
      pMulti,
      multiBucketImpact: multiBucketImpact(pSingle, pMulti),
      informative: true,
    };
  }

  private timeProbability(value: number): SeriesProbability {
    const circle = this.circle as CircularHistogram;
    const fit = circle.probability(value);
    const informative = this.informative && Number.isFinite(value);
    const p = informative ? clampProbability(fit.p) : 1;
    return {
      p,
      pSingle: p,
      pMulti: 1,
      multiBucketImpact: multiBucketImpact(p, 1),
      typical: fit.typical,
      lower: fit.lower,
      upper: fit.upper,
      anomalyType: value >= fit.typical ? 'spike' : 'dip',
      informative,
      seasonal: false,
    };
  }

  /** Learn one bucket: one sample for individual analysis; many weighted samples for a population's pooled model. */
  addBucket(bucketStartMs: number, samples: WeightedSample[], learnWeight = 1): void {
    // The valid samples' values and weights, in order, in reused scratch arrays (no per-bucket allocation).
    const values = validValues;
    const weights = validWeights;
    values.length = 0;
    weights.length = 0;
    let wSum = 0;
    for (let i = 0; i < samples.length; i++) {
      const x = samples[i];
      if (Number.isFinite(x.value) && Number.isFinite(x.weight) && x.weight >= 0) {
        values.push(x.value);
        weights.push(x.weight);
        wSum += x.weight;
      }
    }
    const lw = Number.isFinite(learnWeight) ? Math.min(Math.max(learnWeight, 0), 1) : 1;
    if (values.length === 0 || lw === 0) return;
    this.ageTo(bucketStartMs);
    if (values.length > 1 || weights[0] !== 1) this.s[POOLED] = 1;
    if (!(wSum > 0)) {
      weights.fill(1);
      wSum = values.length;
    }
    // A bucket teaches at most one observation's worth, however many samples a population sends.
    const omega = lw * Math.min(wSum, 1);

    if (this.circle) {
      for (let i = 0; i < values.length; i++) this.circle.add(values[i], (omega * weights[i]) / wSum);
    } else {
      const b = this.baseline as SeasonalBaseline;
      const ys = positiveYs;
      const ws = positiveWeights;
      ys.length = 0;
      ws.length = 0;
      const isCount = this.opts.kind === 'count';
      // zeroWeight: samples outside the baseline (the metric's zero mass); emptyWeight: empty buckets (a count of 0
      // is both in the baseline, as ln 1, and an empty bucket for the burst view).
      let zeroWeight = 0;
      let emptyWeight = 0;
      for (let i = 0; i < values.length; i++) {
        const y = this.transform(values[i]);
        if (y === undefined) zeroWeight += weights[i];
        else {
          ys.push(y);
          ws.push(weights[i]);
        }
        if (y === undefined || (isCount && Math.round(values[i]) <= 0)) emptyWeight += weights[i];
      }
      const before = this.occurrence(countsBefore);
      const forget = 1 - Math.min(1, lw / (4 * this.bucketsPerWeek()));
      this.s[ZERO_W] = this.s[ZERO_W] * forget + (omega * emptyWeight) / wSum;
      this.s[TOTAL_W] = this.s[TOTAL_W] * forget + omega;
      if (ys.length > 0) {
        const { mu, sd, slotFactor } = this.predictive(bucketStartMs);
        if (isCount) {
          const burst = this.predictBurst(slotFactor, before);
          if (b.hasData) {
            const e = countEvidence(values, weights, wSum, mu, sd, this.s[COUNT_LOG_ODDS], burst, evidenceScratch);
            this.s[COUNT_LOG_ODDS] = updateLogOdds(this.s[COUNT_LOG_ODDS], e.dense, lw, this.bucketsPerWeek());
            this.s[BURST_LOG_ODDS] = updateLogOdds(this.s[BURST_LOG_ODDS], e.burst, lw, this.bucketsPerWeek());
          }
          const l = burstLearning;
          l.before = before;
          l.after = this.occurrence(countsAfter);
          l.slotFactor = slotFactor;
          l.pred = burst;
          l.omega = omega;
          l.llrDecay = 1 / this.bucketsPerWeek();
          learnBurst(this.s, BURST_AT, values, weights, wSum, l);
        }
        const posWeight = omega * (1 - zeroWeight / wSum);
        if (this.s[POOLED] === 0) {
          (this.multi as MultiBucketFeature).add(ys[0] - mu, lw);
        }
        b.update(bucketStartMs, ys, ws, posWeight);
      }
    }
    this.s[BUCKETS] += lw;
    this.s[LAST_TIME] = Math.max(this.s[LAST_TIME], bucketStartMs);
  }

  /** A bucket without data where nothing is learned: only effective counts decay, so later learning adapts faster. */
  ageTo(bucketStartMs: number): void {
    const last = this.s[LAST_TIME];
    if (!(bucketStartMs > last) || this.s[BUCKETS] === 0) {
      if (this.s[BUCKETS] === 0) this.s[LAST_TIME] = Math.max(last, bucketStartMs);
      return;
    }
    const span = this.opts.bucketSpanMs;
    const gapBuckets = (bucketStartMs - last) / span - 1;
    if (gapBuckets > 0) {
      const factor = Math.exp(-DECAY_PER_HALF_HOUR * Math.max(span / 1_800_000, 1) * gapBuckets);
      this.baseline?.age(factor);
      this.multi?.age(factor);
    }
    this.s[LAST_TIME] = bucketStartMs;
  }

  /** Honest estimate of retained bytes, calibrated against heapUsed + arrayBuffers (objects, views, payloads). */
  approxBytes(): number {
    const prof = this.baseline?.profileStorage;
    return 520 + this.s.byteLength + (prof ? 130 + prof.byteLength : 0);
  }

  toJSON(): unknown {
    const prof = this.baseline?.profileStorage ?? null;
    const snapshot: Snapshot = { v: STATE_VERSION, opts: this.opts, s: Array.from(this.s), prof: prof ? Array.from(prof) : null };
    return snapshot;
  }

  /** Restore a snapshot; an unreadable snapshot yields null-safe defaults via a thrown Error the caller can catch. */
  static fromJSON(state: unknown): TimeSeriesModel {
    if (!isSnapshot(state)) throw new Error('TimeSeriesModel.fromJSON: not a TimeSeriesModel snapshot (version ' + STATE_VERSION + ')');
    const isTime = state.opts.kind === 'time_of_day' || state.opts.kind === 'time_of_week';
    let scalars = state.s;
    if (state.v === 1 && !isTime) {
      // The dispersion scalar was appended to the baseline's block: shift the multi-bucket block behind it.
      const at = BASELINE_AT + BASELINE_SPREAD_INDEX;
      scalars = [...scalars.slice(0, at), 0, ...scalars.slice(at)];
    }
    if (state.v < 3 && state.opts.kind === 'count') {
      // Before v3 a count's empty buckets were not counted: the burst view starts from nothing (no occurrence history)
      // rather than from a wrong "never empty".
      scalars = scalars.slice(0, SERIES_SCALARS);
      scalars[ZERO_W] = 0;
      scalars[TOTAL_W] = 0;
    }
    return new TimeSeriesModel(state.opts, { s: scalars, prof: state.prof });
  }
}
