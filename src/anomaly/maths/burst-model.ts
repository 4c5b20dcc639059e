/**
 * The "burst" (hurdle) view of a count series: a bucket is empty with probability 1 − π(t), otherwise it holds a burst
 * whose size S ≥ 1 follows the sizes of the series' past non-empty buckets.
 *
 * Why: count data is quantised and overdispersed. A series that is mostly zero with occasional bursts (a deploy writes
 * three files a few times a week) has a mean of a few hundredths per bucket, but that mean is not a rate at which
 * single events arrive independently: events come in bursts. Judged as a Poisson-like rate of 0.02, three events are
 * astronomically improbable; judged as "is it unusual to be active now, and is this burst unusually large for this
 * series' bursts", they are ordinary. The tails are exact for the hurdle:
 *   P(X ≥ v) = π(t)·P(S ≥ v),   P(X ≤ v) = 1 − π(t)·P(S ≥ v + 1).
 *
 * - π(t): the decayed fraction π̄ of non-empty buckets, or a slot estimate π̄·f(t) where f(t) is the baseline's level
 *   plus slot offsets (smoothed over ±2 slots) over its level (for a sparse series E[ln(X + 1) | t] = π(t)·E[ln(S + 1)],
 *   so f(t) = π(t)/π̄; the baseline's clipping of outliers scales both alike and cancels in the ratio).
 *   The two are blended by how well each predicted past buckets' occupancy (SEASONAL_LLR): the baseline's own test
 *   (mean squared error) rarely finds the daily rhythm of a sparse series, whose bursts dwarf it, while the
 *   likelihood of empty vs non-empty buckets does. π never falls below the minimum resolvable rate 0.5/(N + 1) of N
 *   buckets of history (Jeffreys): a series silent for a month is not "certainly silent", so its first activity is
 *   only moderately unusual.
 * - ln S is normal with the decayed mean and variance of past bursts, one pseudo-burst of variance 1 as prior, and a
 *   count-scale floor: a count of about s events resolves relative differences of about 1/√s, so Var(ln S) ≥ 1/s̄
 *   (bursts of ~3 events cannot be told apart from bursts of 5 or 6; bursts of ~1500 are precise to a few percent).
 *
 * The view has no multi-bucket feature: its memoryless hurdle makes no claim about runs of buckets. Its state is
 * BURST_SCALARS floats in the owner's Float64Array; these are plain functions over it (no object per series).
 */
import { normalCdf, normalQuantile } from './normal.js';
import { logNormalIntervalMass, sidedProbability } from './tail-probabilities.js';
import type { Tail } from './types.js';

// Layout in the owner's Float64Array from `offset`: mean and variance of ln S over past bursts, and the decayed
// Σ ln-likelihood(slot occupancy estimate) − ln-likelihood(global one).
const SIZE_MEAN = 0;
const SIZE_VAR = 1;
const SEASONAL_LLR = 2;
export const BURST_SCALARS = 3;
const LLR_LIMIT = 200;

/** Prior on ln S: one pseudo-burst of variance 1 (bursts spread over a factor e either way) until bursts are seen. */
const SIZE_PRIOR_WEIGHT = 1;
const SIZE_PRIOR_VARIANCE = 1;
const MIN_SIZE_VARIANCE = 0.05 * 0.05;
/** Bursts move the size estimate by at most this many predictive standard deviations (a huge one stays anomalous). */
const SIZE_CLIP_SIGMAS = 4;

/** The owner's decayed occurrence statistics: total bucket weight and the weight of empty buckets. */
export interface OccurrenceCounts {
  total: number;
  zero: number;
}

/** Predictive distribution of one bucket (written into a reused scratch object on the hot path). */
export interface BurstPrediction {
  /** P(bucket non-empty). */
  pi: number;
  /** ln S ~ N(mu, sd²). */
  mu: number;
  sd: number;
}

/** Weight of the past bursts behind the size estimate. */
const burstWeight = (c: OccurrenceCounts): number => Math.max(c.total - c.zero, 0);
const minimumRate = (c: OccurrenceCounts): number => 0.5 / (c.total + 1);
const globalRate = (c: OccurrenceCounts): number => (burstWeight(c) + 0.5) / (c.total + 1);
const clampRate = (pi: number, floor: number): number => Math.min(Math.max(pi, floor), 1 - floor);
/** The slot estimate π̄·f(t); `slotFactor` is the baseline's slot mean over its level in ln(X + 1) space. */
const slotRate = (global: number, slotFactor: number): number => global * (Number.isFinite(slotFactor) ? Math.max(slotFactor, 0) : 1);

/** Predict the bucket; `slotFactor` is the baseline's slot mean over its level (1 without profiles). */
export function predictBurst(s: Float64Array, offset: number, c: OccurrenceCounts, slotFactor: number, out: BurstPrediction): BurstPrediction {
  const n = burstWeight(c);
  const global = globalRate(c);
  const w = 1 / (1 + Math.exp(-s[offset + SEASONAL_LLR]));
  out.pi = clampRate(w * slotRate(global, slotFactor) + (1 - w) * global, minimumRate(c));
  const mu = n > 0 ? s[offset + SIZE_MEAN] : 0;
  const pooled = (n * s[offset + SIZE_VAR] + SIZE_PRIOR_WEIGHT * SIZE_PRIOR_VARIANCE) / (n + SIZE_PRIOR_WEIGHT);
  out.mu = mu;
  // Count-scale floor: bursts of about e^mu events cannot resolve relative differences below 1/√(e^mu).
  out.sd = Math.sqrt(Math.max(pooled, Math.exp(-mu), MIN_SIZE_VARIANCE));
  return out;
}

/** P(S ≥ k) for an integer k, with the continuity correction of the cells in logMass. */
function sizeAtLeast(k: number, pred: BurstPrediction): number {
  if (k <= 1) return 1;
  return normalCdf(-(Math.log(k - 0.5) - pred.mu) / pred.sd);
}

/** Tail probability of count `value` under the prediction, in the sided convention of tail-probabilities.ts. */
export function burstProbability(value: number, pred: BurstPrediction, tail: Tail): number {
  const k = Math.round(value);
  const above = k <= 0 ? 1 : pred.pi * sizeAtLeast(k, pred);
  const below = k < 0 ? 0 : 1 - pred.pi * sizeAtLeast(k + 1, pred);
  return sidedProbability(below, above, tail);
}

/** ln P(X = value) under the prediction: the evidence this view earns for the bucket. */
export function burstLogMass(value: number, pred: BurstPrediction): number {
  const k = Math.max(Math.round(value), 0);
  if (k === 0) return Math.log(1 - pred.pi);
  // S = k covers ln S ∈ [ln(k − ½), ln(k + ½)); S = 1 takes everything below ln 1.5.
  const lo = k === 1 ? -Infinity : (Math.log(k - 0.5) - pred.mu) / pred.sd;
  return Math.log(pred.pi) + logNormalIntervalMass(lo, (Math.log(k + 0.5) - pred.mu) / pred.sd);
}

/** u-quantile of X under the prediction (0 while u is within the empty buckets' share). */
export function burstQuantile(u: number, pred: BurstPrediction): number {
  const empty = 1 - pred.pi;
  if (u <= empty) return 0;
  const q = Math.min((u - empty) / pred.pi, 1 - 1e-16);
  return Math.max(Math.exp(pred.mu + pred.sd * normalQuantile(q)), 1);
}

/** The counts and prediction a bucket is learned against, and how much it teaches. */
export interface BurstLearning {
  /** The owner's occurrence counts before and after this bucket. */
  before: OccurrenceCounts;
  after: OccurrenceCounts;
  slotFactor: number;
  /** The prediction made before the bucket (for clipping). */
  pred: BurstPrediction;
  /** The bucket's learn weight (at most 1) and the decay of the occupancy evidence per unit of it. */
  omega: number;
  llrDecay: number;
}

/** Learn one bucket: which occupancy estimate predicted it better, and the sizes of its non-empty samples. */
export function learnBurst(s: Float64Array, offset: number, values: number[], weights: number[], wSum: number, l: BurstLearning): void {
  let nonZero = 0;
  let ySum = 0;
  for (let j = 0; j < values.length; j++) {
    const k = Math.round(values[j]);
    if (k <= 0) continue;
    nonZero += weights[j];
    ySum += weights[j] * Math.log(k);
  }
  const occupied = nonZero / wSum;
  const floor = minimumRate(l.before);
  const global = clampRate(globalRate(l.before), floor);
  const slot = clampRate(slotRate(globalRate(l.before), l.slotFactor), floor);
  const llr = occupied * Math.log(slot / global) + (1 - occupied) * Math.log((1 - slot) / (1 - global));
  if (Number.isFinite(llr)) {
    const kept = s[offset + SEASONAL_LLR] * (1 - Math.min(1, l.omega * l.llrDecay));
    s[offset + SEASONAL_LLR] = Math.max(-LLR_LIMIT, Math.min(LLR_LIMIT, kept + l.omega * llr));
  }
  if (!(nonZero > 0)) return;
  const yMean = ySum / nonZero;
  let within = 0;
  for (let j = 0; j < values.length; j++) {
    const k = Math.round(values[j]);
    if (k > 0) within += weights[j] * (Math.log(k) - yMean) ** 2;
  }
  within /= nonZero;
  const n = burstWeight(l.after);
  const share = l.omega * occupied;
  const pred = l.pred;
  const a = Math.min(1, share / Math.max(n, 1e-9));
  const mean = s[offset + SIZE_MEAN];
  let dev = yMean - mean;
  // Once a few bursts are known, a huge one moves the estimate by at most SIZE_CLIP_SIGMAS: it stays anomalous.
  if (n - share >= 3) dev = Math.max(-SIZE_CLIP_SIGMAS * pred.sd, Math.min(SIZE_CLIP_SIGMAS * pred.sd, dev));
  s[offset + SIZE_MEAN] = mean + a * dev;
  s[offset + SIZE_VAR] = (1 - a) * (s[offset + SIZE_VAR] + a * dev * dev) + a * within;
}
