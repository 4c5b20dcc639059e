/**
 * Kernel density on a circle (seconds of the day or of the week) for time_of_day / time_of_week: decayed weights on
 * fixed bins (30 min for a day, 2 h for a week), each spreading as a normal kernel 1.5 bins wide.
 * p(x) = (b + Σⱼ wⱼ·2Φ(−|dⱼ|/h)) / (b + Σⱼ wⱼ) with a tiny background b, so a time far from every habitual time is
 * improbable (an 03:00 start for a 08:00–18:00 source: p ≈ b/n ≈ 5e−5 after three weeks), while any habitual time,
 * even a rare habit, is not. Multimodal habits (lunch breaks, night shifts) need no cluster bookkeeping.
 */
import { normalCdf } from './normal.js';

/** Background pseudo-weight: keeps p > 0 but lets p fall below 1e−4 after a few hundred observations. */
const BACKGROUND = 0.01;
/** Kernel standard deviation in bins: wide enough that habitual times near a bin edge are not flagged. */
const KERNEL_WIDTHS = 1.5;
/** Bins whose weight is below this fraction of the total do not widen the reported interval. */
const INTERVAL_FRACTION = 0.005;

export interface CircularFit {
  p: number;
  typical: number;
  lower: number;
  upper: number;
}

export function circularBins(period: number): number {
  return period <= 86_400 ? 48 : 84;
}

export class CircularHistogram {
  private readonly bins: number;
  private readonly width: number;

  /** @param w decayed weight per bin (length circularBins(period)), owned by the caller */
  constructor(
    private readonly period: number,
    private readonly w: Float64Array,
    private readonly decayPerBucket: number,
  ) {
    this.bins = w.length;
    this.width = period / this.bins;
  }

  private wrap(x: number): number {
    return ((x % this.period) + this.period) % this.period;
  }

  private centre(j: number): number {
    return (j + 0.5) * this.width;
  }

  private distance(x: number, j: number): number {
    let d = Math.abs(this.wrap(x) - this.centre(j));
    if (d > this.period / 2) d = this.period - d;
    return d;
  }

  probability(x: number): CircularFit {
    let total = BACKGROUND;
    let mass = BACKGROUND;
    let best = -1;
    let bestContribution = 0;
    for (let j = 0; j < this.bins; j++) {
      if (this.w[j] === 0) continue;
      const c = this.w[j] * 2 * normalCdf(-this.distance(x, j) / (KERNEL_WIDTHS * this.width));
      total += this.w[j];
      mass += c;
      if (c > bestContribution) {
        bestContribution = c;
        best = j;
      }
    }
    if (best < 0) {
      // Nothing close: report the heaviest bin as typical.
      for (let j = 0; j < this.bins; j++) if (best < 0 || this.w[j] > this.w[best]) best = j;
    }
    if (best < 0 || total === BACKGROUND) return { p: 1, typical: this.wrap(x), lower: 0, upper: this.period };
    let left = best;
    let right = best;
    const threshold = INTERVAL_FRACTION * total;
    for (let k = 0; k < this.bins - 1 && this.w[(left - 1 + this.bins) % this.bins] > threshold; k++) left = (left - 1 + this.bins) % this.bins;
    for (let k = 0; k < this.bins - 1 && this.w[(right + 1) % this.bins] > threshold; k++) right = (right + 1) % this.bins;
    return { p: Math.min(1, mass / total), typical: this.centre(best), lower: left * this.width, upper: (right + 1) * this.width };
  }

  add(x: number, weight: number): void {
    if (!(weight > 0) || !Number.isFinite(x)) return;
    const keep = 1 - this.decayPerBucket;
    for (let j = 0; j < this.bins; j++) this.w[j] *= keep;
    this.w[Math.min(Math.floor(this.wrap(x) / this.width), this.bins - 1)] += weight;
  }
}
