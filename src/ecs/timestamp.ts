/** Event timestamps: ISO-8601 strings, epoch milliseconds, or epoch seconds (data_description.time_format). */
import type { EcsEvent } from './event.js';
import { getField } from './fields.js';

export type TimeFormat = 'epoch_ms' | 'epoch' | 'iso';

/** The last string parsed, with its format and answer. */
let lastText: string | undefined;
let lastFormat: TimeFormat | undefined;
let lastMs: number | undefined;

/**
 * Parses a timestamp value to epoch ms, or returns undefined when it cannot be read.
 * Numbers are epoch ms unless the format says `epoch` (seconds); strings may be ISO-8601 or numeric.
 */
export function parseTimestamp(value: unknown, format: TimeFormat = 'epoch_ms'): number | undefined {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    return format === 'epoch' ? value * 1000 : value;
  }
  if (Array.isArray(value)) return parseTimestamp(value[0], format);
  if (typeof value !== 'string' || value.length === 0) return undefined;
  // Every job reads the same event's time in turn: the last answer is reused instead of parsing it again.
  if (value === lastText && format === lastFormat) return lastMs;
  const ms = parseTimestampText(value, format);
  lastText = value;
  lastFormat = format;
  lastMs = ms;
  return ms;
}

function parseTimestampText(value: string, format: TimeFormat): number | undefined {
  const c = value.charCodeAt(0);
  if (c >= 48 && c <= 57 && /^\d+(\.\d+)?$/.test(value)) {
    const n = Number(value);
    return format === 'epoch' ? n * 1000 : n;
  }
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Epoch ms of the event's `field` (default `@timestamp`). */
export function eventTime(event: EcsEvent, field = '@timestamp', format: TimeFormat = 'epoch_ms'): number | undefined {
  return parseTimestamp(getField(event, field), format);
}

export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}
