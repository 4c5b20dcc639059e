/**
 * The views of a count series and how they are weighed — ml-cpp's COneOfNPrior idea: Bayesian model averaging with
 * weights from each view's one-step-ahead predictive likelihood, decayed over about a week:
 * - dense: around the seasonal baseline, a log-normal view (ln(X + 1) ~ N(mu, sd)) and a negative binomial with the
 *   same mean and variance (Poisson-like counts), weighed against each other by one log-odds;
 * - burst: the hurdle view of burst-model.ts (sparse series: mostly empty buckets, occasional bursts), weighed against
 *   the dense mixture by a second log-odds.
 * A dense series predicts its zeros and sizes far better with the baseline, a sparse one its bursts far better with
 * the burst view (a 3-event burst costs the dense view ~9 nats, the burst view ~3), so the weights settle within days.
 * One bucket counts as at most MAX_EVIDENCE nats either way: a single anomaly must not switch the view it is judged by.
 */
import { burstLogMass, type BurstPrediction } from './burst-model.js';
import { countLogMass, countMean, countTailProbability, countVariance, logNormalCountLogMass, normalTailProbability } from './tail-probabilities.js';
import type { Tail } from './types.js';

const LOG_ODDS_LIMIT = 200;
/** At most this much evidence (nats) per bucket for either view: about a 1-in-20 000 surprise. */
const MAX_EVIDENCE = 10;

/** Weight in [0, 1] of the first of two views whose log-odds are given. */
export const viewWeight = (logOdds: number): number => 1 / (1 + Math.exp(-logOdds));
/** ln σ(x) without overflow. */
const logSigmoid = (x: number): number => (x >= 0 ? -Math.log1p(Math.exp(-x)) : x - Math.log1p(Math.exp(x)));
const clamp = (x: number, limit: number): number => Math.max(-limit, Math.min(limit, x));

function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  return Math.max(a, b) + Math.log1p(Math.exp(-Math.abs(a - b)));
}

/** Tail probability under the dense mixture; `logOdds` weighs the log-normal view against the negative binomial. */
export function denseCountProbability(value: number, mu: number, sd: number, logOdds: number, tail: Tail): number {
  const pLog = normalTailProbability((Math.log(Math.max(value, 0) + 1) - mu) / sd, tail);
  const wLog = viewWeight(logOdds);
  return wLog * pLog + (1 - wLog) * countTailProbability(value, countMean(mu, sd), countVariance(mu, sd), tail);
}

/** One bucket's evidence: ln-likelihood differences (log-normal − negative binomial; burst − dense mixture). */
export interface CountEvidence {
  dense: number;
  burst: number;
}

/** Evidence of one bucket's samples, from the predictions made before it is learned. */
export function countEvidence(
  values: number[], weights: number[], wSum: number, mu: number, sd: number, logOdds: number, burst: BurstPrediction, out: CountEvidence,
): CountEvidence {
  const mean = countMean(mu, sd);
  const variance = countVariance(mu, sd);
  const logWLog = logSigmoid(logOdds);
  const logWNb = logSigmoid(-logOdds);
  let dense = 0;
  let burstVsDense = 0;
  for (let i = 0; i < values.length; i++) {
    const w = weights[i] / wSum;
    const lLog = logNormalCountLogMass(values[i], mu, sd);
    const lNb = countLogMass(values[i], mean, variance);
    dense += w * (lLog - lNb);
    burstVsDense += w * (burstLogMass(values[i], burst) - logAddExp(logWLog + lLog, logWNb + lNb));
  }
  out.dense = dense;
  out.burst = burstVsDense;
  return out;
}

/** Decay log-odds over about a week of buckets and add one bucket's (bounded) evidence, learned with weight lw. */
export function updateLogOdds(logOdds: number, evidence: number, lw: number, bucketsPerWeek: number): number {
  if (!Number.isFinite(evidence)) return logOdds;
  const keep = 1 - Math.min(1, lw / bucketsPerWeek);
  return clamp(logOdds * keep + lw * clamp(evidence, MAX_EVIDENCE), LOG_ODDS_LIMIT);
}
