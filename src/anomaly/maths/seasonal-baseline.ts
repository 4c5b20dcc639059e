/**
 * Online level + daily/weekly baseline of a (transformed) series: a slow level (EWMA) plus slot offsets learned three
 * ways — none, one daily profile, separate weekday/weekend daily profiles. Each hypothesis keeps the running variance of
 * its one-step-ahead prediction error; a profile is used only once it predicts clearly better than the simpler one,
 * which is our compact stand-in for ml-cpp's periodicity tests.
 *
 * A pooled population model learns many members per bucket. Its error around a prediction is then the members'
 * dispersion around the bucket's weighted mean (the same whatever the hypothesis) plus the error of predicting that
 * mean. The dispersion is tracked on its own (SPREAD): hypotheses compete on the centre's error only, and the predictive
 * variance is dispersion + the (slot-specific) centre variance. For one sample per bucket the dispersion is 0 and all
 * of this reduces to the plain one-step-ahead error.
 */

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const WEEK_MS = 7 * DAY_MS;

// Scalar layout (in the owner's Float64Array from `offset`).
const LEVEL = 0;
const LEVEL_N = 1;
const E2 = 2; // three slots: none, daily, weekday/weekend
const E2_N = 5;
const UPDATES = 6;
const FIRST_TIME = 7;
const LAST_TIME = 8;
const WEEKDAY_N = 9;
const WEEKEND_N = 10;
/** Decayed mean of the within-bucket weighted variance of the samples (0 for a single series). */
const SPREAD = 11;
export const BASELINE_SCALARS = 12;
/** Where SPREAD sits in the baseline's scalars, for reading snapshots written before it existed. */
export const BASELINE_SPREAD_INDEX = SPREAD;

/** Per slot: offset mean, offset variance, effective count. */
const SLOT_FIELDS = 3;
const NONE = 0;
const DAILY = 1;
const SPLIT = 2;

/** A profile must cut the one-step-ahead error variance by this factor to be used (Occam margin). */
const IMPROVEMENT = 0.85;
/** Pseudo-observations of the global error variance behind every slot's own variance. */
const SLOT_PRIOR_WEIGHT = 2;
/**
 * Updates a sparse series needs (besides a day of data) before its prediction errors count: the level of n values
 * errs by σ²/n, so errors made before ~10 values overstate the spread by more than 10%.
 */
const SPARSE_WARMUP = 10;
/** Outliers move the baseline by at most this many standard deviations. */
const CLIP_SIGMAS = 4;

export interface BaselinePrediction {
  mean: number;
  /** One-step-ahead error variance of the chosen hypothesis, raised for noisy slots (high_variance_penalty). */
  variance: number;
  /** Effective number of error observations behind `variance` (0 = nothing learned). */
  support: number;
  seasonal: boolean;
}

/** Day of week of an epoch-ms time in UTC, 0 = Sunday (1970-01-01 was a Thursday). */
function utcDayOfWeek(t: number): number {
  return (((Math.floor(t / DAY_MS) + 4) % 7) + 7) % 7;
}

export class SeasonalBaseline {
  readonly slots: number;
  private readonly slotMs: number;
  private readonly bucketsPerWeek: number;
  private readonly bucketsPerSlot: number;
  private readonly errorWarmup: number;

  /**
   * @param s shared scalar storage, `offset` is where this baseline's BASELINE_SCALARS values start
   * @param profiles lazily allocated slot storage (3 × slots × 3 floats); null until first needed
   */
  constructor(
    bucketSpanMs: number,
    private readonly s: Float64Array,
    private readonly offset: number,
    private profiles: Float32Array | null,
  ) {
    this.slotMs = Math.max(bucketSpanMs, HOUR_MS);
    this.slots = this.slotMs >= DAY_MS ? 1 : Math.ceil(DAY_MS / this.slotMs);
    this.bucketsPerWeek = Math.max(WEEK_MS / bucketSpanMs, 1);
    this.bucketsPerSlot = Math.max(this.slotMs / bucketSpanMs, 1);
    // Errors made before a day of data reflect start-up, not the hypotheses; ignore them.
    this.errorWarmup = Math.min(Math.max(DAY_MS / bucketSpanMs, 3), 24);
  }

  /** True when weekly/daily structure is possible at this bucket span at all. */
  get canBeSeasonal(): boolean {
    return this.bucketsPerWeek >= 7;
  }

  get profileStorage(): Float32Array | null {
    return this.profiles;
  }

  static profileLength(slots: number): number {
    return 3 * slots * SLOT_FIELDS;
  }

  get updates(): number {
    return this.s[this.offset + UPDATES];
  }

  get hasData(): boolean {
    return this.s[this.offset + LEVEL_N] > 0;
  }

  /** The slow level (deseasonalised mean); predict() adds the chosen profile's offset for the bucket's slot. */
  get level(): number {
    return this.s[this.offset + LEVEL];
  }

  /**
   * Level plus the finest learned profile offsets (weekday/weekend, else daily) around t's slot, weighted 1-2-3-2-1
   * over ±2 slots, whether or not a profile is in use: the baseline's raw, smoothed view of how busy this time of day
   * is, for owners that test seasonality their own way. (A single slot's offset is noisy when its series is sparse.)
   */
  slotMean(t: number): number {
    let sum = 0;
    for (let k = -2; k <= 2; k++) sum += (3 - Math.abs(k)) * this.offsetFor(SPLIT, t + k * this.slotMs);
    return this.s[this.offset + LEVEL] + sum / 9;
  }

  private slotOf(t: number): number {
    const tod = ((t % DAY_MS) + DAY_MS) % DAY_MS;
    return Math.min(Math.floor(tod / this.slotMs), this.slots - 1);
  }

  private index(profile: number, slot: number): number {
    return (profile * this.slots + slot) * SLOT_FIELDS;
  }

  private dayTypeProfile(t: number): number {
    const dow = utcDayOfWeek(t);
    return dow === 0 || dow === 6 ? 2 : 1;
  }

  /** Offset predicted by hypothesis h at time t (falls back to coarser profiles where a slot has no data). */
  private offsetFor(h: number, t: number): number {
    const p = this.profiles;
    if (h === NONE || p === null) return 0;
    const slot = this.slotOf(t);
    if (h === SPLIT) {
      const i = this.index(this.dayTypeProfile(t), slot);
      if (p[i + 2] >= 1) return p[i];
    }
    if (this.slots === 1) return 0;
    const i = this.index(0, slot);
    return p[i + 2] >= 1 ? p[i] : 0;
  }

  /** One-step-ahead error variance of the centre (the bucket's mean) under hypothesis h: total error − dispersion. */
  private centreError(h: number): number {
    return Math.max(this.s[this.offset + E2 + h] - this.s[this.offset + SPREAD], 0);
  }

  /** The hypothesis in use: a profile needs enough span of data and a clear gain in one-step-ahead error. */
  chosen(): number {
    const s = this.s;
    const o = this.offset;
    // Hypotheses are compared on at least a slot's worth of errors each: a dense series has that within a day, a sparse
    // one (a sum learning only its bursts) would otherwise pick a profile on the noise of a handful of errors.
    if (!this.canBeSeasonal || this.profiles === null || s[o + E2_N] < Math.max(1, this.slots)) return NONE;
    const span = s[o + LAST_TIME] - s[o + FIRST_TIME];
    let best = NONE;
    if (this.slots > 1 && span >= 3 * DAY_MS && this.centreError(DAILY) < IMPROVEMENT * this.centreError(NONE)) best = DAILY;
    const weekendSeen = s[o + WEEKEND_N] >= this.slots * this.bucketsPerSlot && s[o + WEEKDAY_N] >= this.slots * this.bucketsPerSlot;
    if (span >= 8 * DAY_MS && weekendSeen && this.centreError(SPLIT) < IMPROVEMENT * this.centreError(best)) best = SPLIT;
    return best;
  }

  /** Baseline prediction for bucket time t, written into `out` (the caller's scratch; this runs for every score). */
  predict(t: number, out: BaselinePrediction): BaselinePrediction {
    const s = this.s;
    const o = this.offset;
    const h = this.chosen();
    let variance = this.centreError(h);
    if (h !== NONE && this.profiles !== null) {
      const prof = h === SPLIT ? this.dayTypeProfile(t) : 0;
      const i = this.index(prof, this.slotOf(t));
      const n = this.profiles[i + 2];
      // Heteroscedastic: busy and quiet slots have their own noise; blend towards the global error with two
      // pseudo-observations so that a slot seen only a few times is not over-confident.
      if (n >= 3) variance = (n * this.profiles[i + 1] * (1 + 1 / n) + SLOT_PRIOR_WEIGHT * variance) / (n + SLOT_PRIOR_WEIGHT);
    }
    out.mean = s[o + LEVEL] + this.offsetFor(h, t);
    out.variance = variance + s[o + SPREAD];
    out.support = s[o + E2_N];
    out.seasonal = h !== NONE;
    return out;
  }

  /**
   * Learn one bucket from transformed values `ys` with weights `ws` (they sum to about 1 for a pooled population);
   * `weight` scales the whole update (learnWeight of the engine).
   */
  update(t: number, ys: number[], ws: number[], weight: number): void {
    if (ys.length === 0 || !(weight > 0)) return;
    const s = this.s;
    const o = this.offset;
    let wSum = 0;
    let ySum = 0;
    for (let i = 0; i < ys.length; i++) {
      wSum += ws[i];
      ySum += ws[i] * ys[i];
    }
    if (!(wSum > 0)) return;
    const yMean = ySum / wSum;

    if (s[o + LEVEL_N] === 0) s[o + FIRST_TIME] = t;
    s[o + LAST_TIME] = Math.max(s[o + LAST_TIME], t);
    if (this.profiles === null && this.canBeSeasonal) this.profiles = new Float32Array(SeasonalBaseline.profileLength(this.slots));

    const h = this.chosen();
    // Outliers are clipped at a multiple of the centre's error, the thing the level and the profiles estimate.
    const sigma = Math.sqrt(this.centreError(h));

    // 1. One-step-ahead errors of each hypothesis, before anything is learned from this bucket.
    // A sparse series (a sum that is mostly zero learns only its bursts) may take weeks to reach errorWarmup updates;
    // a day of data and SPARSE_WARMUP values are start-up enough, else its bursts are judged by the prior spread for ever.
    const startedUp = s[o + UPDATES] >= this.errorWarmup || (s[o + UPDATES] >= SPARSE_WARMUP && t - s[o + FIRST_TIME] >= DAY_MS);
    if (startedUp) {
      s[o + E2_N] += weight;
      const alpha = Math.min(1, weight * Math.max(1 / s[o + E2_N], 1 / this.bucketsPerWeek));
      if (ys.length > 1) {
        let spread = 0;
        for (let i = 0; i < ys.length; i++) spread += ws[i] * (ys[i] - yMean) * (ys[i] - yMean);
        spread /= wSum;
        const current = s[o + SPREAD];
        if (s[o + E2_N] > 5 && current > 0) spread = Math.min(spread, 25 * current);
        s[o + SPREAD] = current + alpha * (spread - current);
      }
      for (let hyp = NONE; hyp <= SPLIT; hyp++) {
        const pred = s[o + LEVEL] + this.offsetFor(hyp, t);
        let e2 = 0;
        for (let i = 0; i < ys.length; i++) e2 += ws[i] * (ys[i] - pred) * (ys[i] - pred);
        e2 /= wSum;
        const current = s[o + E2 + hyp];
        // Winsorise so that one huge anomaly does not inflate the variance for a week.
        if (s[o + E2_N] > 5 && current > 0) e2 = Math.min(e2, 25 * current);
        s[o + E2 + hyp] = current + alpha * (e2 - current);
      }
    }

    // 2. Level: EWMA of the deseasonalised value, memory about two weeks.
    const offsetNow = this.offsetFor(h, t);
    s[o + LEVEL_N] += weight;
    const levelAlpha = Math.min(1, weight * Math.max(1 / s[o + LEVEL_N], 1 / (2 * this.bucketsPerWeek)));
    // The first bucket sets the level, so the profiles see its deviation from that level (not from an unset 0).
    const levelBefore = s[o + UPDATES] === 0 ? yMean - offsetNow : s[o + LEVEL];
    s[o + LEVEL] = s[o + UPDATES] === 0 ? levelBefore : levelBefore + levelAlpha * this.clip(yMean - levelBefore - offsetNow, sigma);

    // 3. Slot offsets (relative to the level) for the daily and the weekday/weekend profiles.
    const p = this.profiles;
    if (p !== null) {
      const slot = this.slotOf(t);
      const d = yMean - levelBefore;
      const dayType = this.dayTypeProfile(t);
      if (this.slots > 1) this.learnSlot(p, this.index(0, slot), d, weight, sigma);
      this.learnSlot(p, this.index(dayType, slot), d, weight, sigma);
      s[o + (dayType === 2 ? WEEKEND_N : WEEKDAY_N)] += weight;
    }
    s[o + UPDATES] += weight;
  }

  /** Outliers move the baseline by at most CLIP_SIGMAS, once the error variance has some support. */
  private clip(d: number, sigma: number): number {
    return this.s[this.offset + E2_N] >= 5 ? Math.max(-CLIP_SIGMAS * sigma, Math.min(CLIP_SIGMAS * sigma, d)) : d;
  }

  /** Move one profile slot (offset mean, variance, count at index i) towards the deviation d. */
  private learnSlot(p: Float32Array, i: number, d: number, weight: number, sigma: number): void {
    p[i + 2] += weight;
    // Memory of about seven observations per slot and day keeps profiles current over a week or two.
    const a = Math.min(1, weight * Math.max(1 / p[i + 2], 1 / (7 * this.bucketsPerSlot)));
    const mean = p[i];
    const dev = p[i + 2] > 3 ? this.clip(d - mean, sigma) : d - mean;
    p[i] = mean + a * dev;
    p[i + 1] = (1 - a) * (p[i + 1] + a * dev * dev);
  }

  /** Shrink effective counts after a gap so that learning resumes faster (nothing else is learned). */
  age(factor: number): void {
    const s = this.s;
    const o = this.offset;
    s[o + LEVEL_N] *= factor;
    s[o + E2_N] *= factor;
    const p = this.profiles;
    if (p !== null) for (let i = 2; i < p.length; i += SLOT_FIELDS) p[i] *= factor;
  }
}
