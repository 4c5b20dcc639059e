// What every activity generator knows about the day it is filling.
import { HOUR_MS, isPatchTuesday, isWeekend, weekdayOf } from './calendar.js';
import type { Organisation } from './organisation.js';
import { Rng } from './random.js';

export interface DayContext {
  org: Organisation;
  seed: number;
  dayIndex: number;
  days: number;
  dayStartMs: number;
  weekend: boolean;
  weekday: number;
  patchTuesday: boolean;
  rawGeo: boolean;
  /** An independent random stream per purpose, so adding one activity never changes another's events. */
  rng(...labels: Array<string | number>): Rng;
}

export function makeDayContext(org: Organisation, seed: number, days: number, dayIndex: number, dayStartMs: number, rawGeo: boolean): DayContext {
  return {
    org, seed, dayIndex, days, dayStartMs, rawGeo,
    weekend: isWeekend(dayStartMs),
    weekday: weekdayOf(dayStartMs),
    patchTuesday: isPatchTuesday(dayStartMs + 12 * HOUR_MS),
    rng: (...labels) => new Rng(seed, 'day', dayIndex, ...labels),
  };
}
