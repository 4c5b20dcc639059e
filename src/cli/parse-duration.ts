/** Durations as users write them on the command line ("5m", "90s", "2h", "1d"): Elastic's time values. */
import { ConfigError } from '../errors.js';
import { parseDurationMs } from '../ecs/index.js';

export function parseDurationOption(text: string, option: string): number {
  const ms = parseDurationMs(text);
  if (ms === undefined) throw new ConfigError('command line', option, `"${text}" is not a duration`, 'write it like 90s, 5m, 2h or 1d');
  return ms;
}

/** A count option (events, threads): a whole number of at least `min`. */
export function parseCountOption(text: string, option: string, min: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) throw new ConfigError('command line', option, `"${text}" is not a whole number of at least ${min}`, `give e.g. ${option} ${Math.max(min, 1) * 10}`);
  return n;
}
