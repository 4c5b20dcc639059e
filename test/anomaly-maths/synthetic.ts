/** Deterministic synthetic series for the anomaly-maths tests (seeded PRNG, Poisson and log-normal draws). */

import { seededRandom } from '../support/seeded-random.js';

export { seededRandom };

export function poisson(rand: () => number, lambda: number): number {
  if (lambda > 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * gaussian(rand)));
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = rand();
  while (p > limit) {
    k++;
    p *= rand();
  }
  return k;
}

export function gaussian(rand: () => number): number {
  const u = Math.max(rand(), 1e-12);
  const v = rand();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
/** 2024-01-01T00:00:00Z, a Monday. */
export const MONDAY = Date.UTC(2024, 0, 1);

export function isWeekend(t: number): boolean {
  const dow = new Date(t).getUTCDay();
  return dow === 0 || dow === 6;
}

/** Office traffic: weekdays 08–18h busy, nights and weekends quiet, plus a nightly 02:00 backup burst. */
export function officeRate(t: number): number {
  const hour = new Date(t).getUTCHours();
  if (hour === 2) return 20;
  if (isWeekend(t)) return 3;
  return hour >= 8 && hour < 18 ? 50 : 2;
}
