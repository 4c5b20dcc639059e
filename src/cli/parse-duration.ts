/** Durations as users write them on the command line ("5m", "90s", "2h", "1d"). */
import { ConfigError } from '../errors.js';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

export function parseDurationOption(text: string, option: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/.exec(text.trim());
  if (!m) throw new ConfigError('command line', option, `"${text}" is not a duration`, 'write it like 90s, 5m, 2h or 1d');
  return Number(m[1]) * UNIT_MS[m[2]];
}
