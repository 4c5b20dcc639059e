/** Elastic time values ("3h", "15m", "90s", "1d", "500ms", or a number of seconds) to milliseconds and back: one parser for job settings, rule schedules and command-line options. */

const UNIT_MS: Record<string, number> = {
  nanos: 1e-6, micros: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000,
};

/**
 * Parses an Elasticsearch time value. Returns undefined when it is not one, so the caller can raise a ConfigError
 * that names the job and key. Bare numbers are seconds, as Elastic's bucket_span accepts them.
 */
export function parseDurationMs(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? value * 1000 : undefined;
  if (typeof value !== 'string') return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(nanos|micros|ms|s|m|h|d)\s*$/.exec(value);
  if (!m) return undefined;
  const ms = Number(m[1]) * UNIT_MS[m[2]];
  return ms > 0 ? ms : undefined;
}

/** "3h", "15m", "1d" back from milliseconds, for messages and explanations. */
export function formatDurationShort(ms: number): string {
  for (const [unit, size] of [['d', 86_400_000], ['h', 3_600_000], ['m', 60_000], ['s', 1000]] as const) {
    if (ms >= size && ms % size === 0) return `${ms / size}${unit}`;
  }
  return `${ms}ms`;
}
