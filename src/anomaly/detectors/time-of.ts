/**
 * time_of_day / time_of_week: the mean event time of the bucket, in seconds since midnight UTC or since the start of
 * the week. Elastic's weeks are aligned to the epoch, which began on a Thursday: week time 0 is Thursday 00:00 UTC.
 */
import type { FamilyBehaviour } from './family.js';

export const SECONDS_PER_DAY = 86_400;
export const SECONDS_PER_WEEK = 604_800;

/** Seconds into the period (UTC; floor keeps events before 1970 in range too). */
export function timeInPeriod(timeMs: number, periodSeconds: number): number {
  const s = Math.floor(timeMs / 1000);
  return ((s % periodSeconds) + periodSeconds) % periodSeconds;
}

export const TIME_OF_DAY: FamilyBehaviour = {
  modelKind: 'time_of_day',
  input: 'time',
  periodSeconds: SECONDS_PER_DAY,
  zeroFill: false,
  keepValues: false,
  influence: 'restrict',
  features: [{ name: 'time_of_day' }],
  extract: (acc) => (acc.count > 0 ? [acc.mean] : undefined),
};

export const TIME_OF_WEEK: FamilyBehaviour = {
  ...TIME_OF_DAY,
  modelKind: 'time_of_week',
  periodSeconds: SECONDS_PER_WEEK,
  features: [{ name: 'time_of_week' }],
};
