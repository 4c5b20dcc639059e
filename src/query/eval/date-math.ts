/** Elasticsearch date values in range bounds: ISO dates (UTC unless zoned), epoch ms, and `now-1d/d` date math. */
const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, H: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** Epoch ms of a date-looking bound, or undefined when `text` is not a date. `now` is read at compile time. */
export function parseDateBound(text: string, now: number = Date.now()): number | undefined {
  const m = /^(now|[^|]+\|\|)((?:[+-]\d+[yMwdhHms])*)(?:\/([yMwdhHms]))?$/.exec(text);
  if (m) {
    const anchor = m[1] === 'now' ? now : parseIsoUtc(m[1].slice(0, -2));
    if (anchor === undefined) return undefined;
    let t = anchor;
    for (const [, sign, n, unit] of m[2].matchAll(/([+-])(\d+)([yMwdhHms])/g)) t = addUnit(t, (sign === '-' ? -1 : 1) * Number(n), unit);
    return m[3] ? roundDown(t, m[3]) : t;
  }
  return parseIsoUtc(text);
}

function parseIsoUtc(text: string): number | undefined {
  if (!/^\d{4}-\d{2}(-\d{2})?([T ][\d:.]+)?(Z|[+-]\d{2}:?\d{2})?$/.test(text)) return undefined;
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/.test(text) || !/[T ]/.test(text);
  const ms = Date.parse(zoned ? text : text.replace(' ', 'T') + 'Z');
  return Number.isNaN(ms) ? undefined : ms;
}

function addUnit(t: number, n: number, unit: string): number {
  if (unit === 'y' || unit === 'M') {
    const d = new Date(t);
    d.setUTCMonth(d.getUTCMonth() + (unit === 'y' ? 12 * n : n));
    return d.getTime();
  }
  return t + n * UNIT_MS[unit];
}

function roundDown(t: number, unit: string): number {
  const d = new Date(t);
  if (unit === 'y') return Date.UTC(d.getUTCFullYear(), 0, 1);
  if (unit === 'M') return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  if (unit === 'w') {
    const day = (d.getUTCDay() + 6) % 7; // ISO weeks start on Monday
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day);
  }
  return t - (t % UNIT_MS[unit]);
}
