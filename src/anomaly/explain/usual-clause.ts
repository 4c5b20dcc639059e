/**
 * The second half of a count or sum sentence: what this series usually does at this time, in words that still help
 * when the series is mostly empty, e.g.
 *   "45 is typical for this time — 55× the usual"                           (a busy series)
 *   "it usually sees none at this hour, and rarely more than 4 — 7.5× that" (a sparse series with a known upper bound)
 *   "it writes nothing in most hours"                                       (a sparse series, no size to quote)
 *   "the first activity in 12 days"                                         (a series that had been silent)
 */
import { formatDuration, formatRatio } from './format.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export interface UsualInput {
  actual: number;
  typical: number;
  /** Upper end of the model's 95% interval for this bucket: "rarely more than X" (97.5% of such buckets stay ≤ X). */
  upper: number;
  bucketStartMs: number;
  bucketSpanMs: number;
  /** Start of the series' last bucket with data before this one; null when it had none; undefined when unknown. */
  lastActiveMs?: number | null;
  historyMs: number;
  /** Whole events (bounds are floored: at most 4.7 events means at most 4), bytes, or any other amount. */
  unit: 'events' | 'bytes' | 'amount';
  /** Prints a value of the series: "4", "40 MB". */
  format: (x: number) => string;
  /** How the usual is printed for a busy series: "45 is typical for this time". */
  typicalPhrase: (typical: string) => string;
  /** What a quiet series does: "it usually sees none at this hour" (see atThisTime), "it writes nothing in most hours". */
  quietPhrase: string;
}

/** Below one event or one byte, "N× the usual" is a division by almost nothing: the figure means nothing. */
export function ratioIsMeaningful(usual: number, unit: UsualInput['unit']): boolean {
  return unit === 'amount' ? usual > 0 : usual >= 1;
}

/** " — 55× the usual" / " — 7.5× that", or "" when the ratio would mislead. */
export function ratioTail(actual: number, usual: number, unit: UsualInput['unit'], whose = 'the usual'): string {
  if (!ratioIsMeaningful(usual, unit)) return '';
  const r = formatRatio(actual, usual);
  return r ? ` — ${r} ${whose}` : '';
}

/**
 * "at this hour", "at this time of day", "in a day": for models whose chance of an empty bucket follows the time of
 * day (the burst view of counts).
 */
export function atThisTime(spanMs: number): string {
  if (spanMs === HOUR_MS) return 'at this hour';
  if (spanMs < DAY_MS) return 'at this time of day';
  return `in ${formatDuration(spanMs)}`;
}

/**
 * "in most hours", "on most days", "in most 3-hour periods": for models whose chance of an empty bucket is the same at
 * every time (the zero mass of sums), so "at this hour" would claim a rhythm the model does not know.
 */
export function inMostBuckets(spanMs: number): string {
  if (spanMs === HOUR_MS) return 'in most hours';
  if (spanMs === DAY_MS) return 'on most days';
  const span = formatDuration(spanMs);
  const single = /^an? (\w+)$/.exec(span);
  return single ? `in most ${single[1]}s` : `in most ${span.replace(/^(\d+) (\w+?)s$/, '$1-$2')} periods`;
}

/** How long the series had been silent, when that is known and at least a day (shorter gaps say less than the hour). */
function silence(x: UsualInput): number | undefined {
  if (x.lastActiveMs === undefined) return undefined;
  const gap = x.lastActiveMs === null ? x.historyMs : x.bucketStartMs - x.lastActiveMs;
  return gap >= DAY_MS ? gap : undefined;
}

/** The usual prints as zero ("0", "0 B"): saying so helps nobody, so the sentence says what the series does instead. */
function looksQuiet(x: UsualInput): boolean {
  return /^0( |$)/.test(x.format(x.typical)) && x.actual > x.typical;
}

/** The largest value the bound allows, as printed: whole events are floored (≤ 4.7 events is ≤ 4 events). */
function boundValue(x: UsualInput): number {
  return x.unit === 'events' ? Math.floor(x.upper) : x.upper;
}

export function usualClause(x: UsualInput): string {
  if (!looksQuiet(x)) return `${x.typicalPhrase(x.format(x.typical))}${ratioTail(x.actual, x.typical, x.unit)}`;
  const gap = silence(x);
  if (gap !== undefined) return `the first activity in ${formatDuration(gap)}`;
  const quiet = x.quietPhrase;
  const bound = boundValue(x);
  if (!ratioIsMeaningful(bound, x.unit) || /^0( |$)/.test(x.format(bound))) return quiet;
  return `${quiet}, and rarely more than ${x.format(bound)}${ratioTail(x.actual, bound, x.unit, 'that')}`;
}
