/** Human units for explanations: bytes, counts, durations, ratios, times of day. */

const BYTE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];

/** Fixed decimals without trailing zeros: 0.70 → "0.7", 3.0 → "3". */
function trimmed(x: number, decimals: number): string {
  return x.toFixed(decimals).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
}

/** 1024-based, one decimal below 100 of a unit: 3.1 GB, 2.1 MB, 450 KB, 512 B. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return String(bytes);
  const sign = bytes < 0 ? '-' : '';
  let x = Math.abs(bytes);
  let u = 0;
  while (x >= 1024 && u < BYTE_UNITS.length - 1) {
    x /= 1024;
    u++;
  }
  if (u === 0) return `${sign}${Math.round(x)} B`;
  // 1023.96 KB would print as "1024 KB": move to the next unit instead.
  if (Number(x.toFixed(x < 100 ? 1 : 0)) >= 1024 && u < BYTE_UNITS.length - 1) {
    x /= 1024;
    u++;
  }
  return `${sign}${trimmed(x, x < 100 ? 1 : 0)} ${BYTE_UNITS[u]}`;
}

/** Thousands separators for whole numbers (2,480); up to two decimals otherwise (0.25, 12.5). */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n) || Math.abs(n) >= 1000) return Math.round(n).toLocaleString('en-US');
  const decimals = Math.abs(n) >= 10 ? 1 : 2;
  return trimmed(n, decimals);
}

const DURATION_UNITS: Array<[number, string]> = [
  [86_400_000 * 7, 'week'], [86_400_000, 'day'], [3_600_000, 'hour'], [60_000, 'minute'], [1000, 'second'],
];

/** "3 hours", "an hour", "15 minutes", "28 days" (largest unit that divides evenly, else rounded). */
export function formatDuration(ms: number): string {
  if (!(ms > 0)) return '0 seconds';
  for (const [size, name] of DURATION_UNITS) {
    if (ms >= size && (ms % size === 0 || name === 'day' || name === 'week')) {
      const n = Math.round(ms / size);
      if (name === 'week' && ms % size !== 0) continue;
      if (n === 1) return name === 'hour' ? 'an hour' : `a ${name}`;
      return `${n} ${name}s`;
    }
  }
  const minutes = Math.round(ms / 60_000);
  return minutes >= 1 ? `${minutes} minutes` : `${Math.round(ms / 1000)} seconds`;
}

/** "the 3h", "the hour", "the 15m" — how a bucket is named inside a sentence. */
export function bucketPhrase(spanMs: number): string {
  if (spanMs === 3_600_000) return 'the hour';
  if (spanMs === 86_400_000) return 'the day';
  if (spanMs % 3_600_000 === 0) return `the ${spanMs / 3_600_000}h`;
  if (spanMs % 60_000 === 0) return `the ${spanMs / 60_000}m`;
  return `the ${Math.round(spanMs / 1000)}s`;
}

/** "1500×", "55×", "2.5×" — how many times the usual; "" when the ratio is not meaningful. */
export function formatRatio(actual: number, typical: number): string {
  if (!(typical > 0) || !(actual > typical)) return '';
  const r = actual / typical;
  return `${r >= 10 ? formatCount(Math.round(r)) : trimmed(r, 1)}×`;
}

/** Seconds since midnight → "03:12". */
export function formatClock(secondsOfDay: number): string {
  const s = ((Math.round(secondsOfDay) % 86_400) + 86_400) % 86_400;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** UTC "HH:MM" of an epoch-ms time. */
export function utcClock(ms: number): string {
  return formatClock(Math.floor(ms / 1000) % 86_400);
}

const WEEKDAYS = ['Thursday', 'Friday', 'Saturday', 'Sunday', 'Monday', 'Tuesday', 'Wednesday'];

/** Seconds since Thursday 00:00 UTC (Elastic's epoch-aligned week) → "Tuesday 03:12". */
export function formatWeekTime(secondsOfWeek: number): string {
  const s = ((Math.round(secondsOfWeek) % 604_800) + 604_800) % 604_800;
  return `${WEEKDAYS[Math.floor(s / 86_400)]} ${formatClock(s % 86_400)}`;
}

/** "11 h", "27 min", "45 s", "2.5 h": an amount of time given in seconds, rounded for reading. */
export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return String(seconds);
  const abs = Math.abs(seconds);
  const round = (v: number): string => (v >= 10 ? Math.round(v).toLocaleString('en-US') : (Math.round(v * 10) / 10).toString());
  if (abs >= 3600) return `${round(seconds / 3600)} h`;
  if (abs >= 60) return `${round(seconds / 60)} min`;
  return `${round(seconds)} s`;
}
