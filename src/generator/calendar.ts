// Time helpers for the simulated month: day boundaries, weekdays and the office-hours activity curve.

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
export const SLOT_MS = 30 * MINUTE_MS;
/** Half-hour summary slots per day (the DED transform's 30-minute pivot). */
export const SLOTS_PER_DAY = DAY_MS / SLOT_MS;

/** 0 = Sunday … 6 = Saturday, in UTC (the simulated organisation works in UTC to keep the maths obvious). */
export function weekdayOf(ms: number): number {
  return new Date(ms).getUTCDay();
}

export function isWeekend(ms: number): boolean {
  const day = weekdayOf(ms);
  return day === 0 || day === 6;
}

/**
 * Relative user activity (0–1) at an hour of a day: a morning ramp, a lunch dip, an afternoon plateau and a tail into
 * the evening on weekdays; a trickle on weekends. Workstation habits scale with this.
 */
export function officeActivity(hourOfDay: number, weekend: boolean): number {
  const weekdayCurve = [
    0.02, 0.01, 0.01, 0.01, 0.01, 0.02, 0.05, 0.2, 0.6, 0.95, 1.0, 0.95,
    0.45, 0.75, 0.95, 0.9, 0.8, 0.5, 0.2, 0.1, 0.07, 0.05, 0.03, 0.02,
  ];
  const value = weekdayCurve[Math.floor(hourOfDay) % 24];
  return weekend ? value * 0.06 : value;
}

/** True when `ms` falls on the second Tuesday of its month (Microsoft's patch day). */
export function isPatchTuesday(ms: number): boolean {
  const date = new Date(ms);
  return date.getUTCDay() === 2 && date.getUTCDate() > 7 && date.getUTCDate() <= 14;
}

/** Whole-day start (00:00 UTC) of the n-th simulated day. */
export function dayStart(startMs: number, dayIndex: number): number {
  return startMs + dayIndex * DAY_MS;
}
