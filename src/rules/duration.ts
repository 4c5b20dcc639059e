/** Elastic interval strings (`5m`) and `from` date math (`now-6h`) to milliseconds, and back to short text. */

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, H: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** `"15m"` → 900000; undefined when the text is not `<positive integer><s|m|h|d|w>`. */
export function parseDuration(text: string): number | undefined {
  const m = /^\s*(\d+)\s*([smhHdw])\s*$/.exec(text);
  if (!m) return undefined;
  const ms = Number(m[1]) * UNIT_MS[m[2]];
  return ms > 0 ? ms : undefined;
}

/** `"now-6h"` → 21600000 (how far back the lookback starts); `"now"` → 0; undefined when not of that form. */
export function parseLookback(from: string): number | undefined {
  const text = from.trim();
  if (text === 'now') return 0;
  const m = /^now-(\d+)([smhHdw])$/.exec(text);
  if (!m) return undefined;
  return Number(m[1]) * UNIT_MS[m[2]];
}

/** Milliseconds as the shortest exact unit text: 600000 → "10m", 5400000 → "90m", 604800000 → "7d". */
export { formatDurationShort as formatDuration } from '../ecs/duration.js';

/** Rounded human span for explanations: 42s, 12m, 3.5h, 2d. */
export function formatSpan(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.round(s / 60)}m`;
  if (s < 86_400) return `${Math.round(s / 360) / 10}h`;
  return `${Math.round(s / 8640) / 10}d`;
}
