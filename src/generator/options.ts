// Public option and label types of the dataset generator, and validation of the options.
import { ConfigError } from '../errors.js';

export interface GeneratorOptions {
  seed: number;
  days: number;
  hosts: number;
  /** ISO date of the first day, default '2026-10-01T00:00:00Z'. */
  start?: string;
  /** Omit destination.geo.* so that the engine must enrich. */
  rawGeo?: boolean;
  /** Which attack scenarios to inject: all, the core ones, none, or a list of scenario ids. Default 'all'. */
  scenarios?: 'all' | 'core' | 'none' | string[];
  outDir: string;
}

export interface GeneratedDataset {
  files: string[];
  labelsFile: string;
  events: number;
  hostDays: number;
  hosts: number;
  days: number;
}

/** One injected attack, and what an alert must carry to count as detecting it. */
export interface ScenarioLabel {
  id: string;
  kind: string;
  description: string;
  start: string;
  end: string;
  /** The fields an alert must carry, e.g. {"host.name":"ws-017","destination.port":4444}. */
  entity: Record<string, string | number>;
  /**
   * Other field sets that identify the same activity (e.g. host + the attacker's destination IP for an upload that
   * the port job is meant to see): an alert carrying any of them detects the scenario too.
   */
  alsoMatches?: Array<Record<string, string | number>>;
  /** Rules / job ids expected to catch it (informational; any alert matching entity and time counts). */
  expect: string[];
  core: boolean;
}

/** A recurring benign behaviour that looks like an attack; false alerts on its entity are probably caused by it. */
export interface BenignLookalike {
  id: string;
  description: string;
  entity: Record<string, string | number>;
}

export interface DatasetLabels {
  options: { seed: number; days: number; hosts: number; start: string; rawGeo: boolean; scenarios: GeneratorOptions['scenarios'] };
  hostDays: number;
  scenarios: ScenarioLabel[];
  benign: BenignLookalike[];
}

export const DEFAULT_START = '2026-10-01T00:00:00Z';

export interface ResolvedOptions {
  seed: number;
  days: number;
  hosts: number;
  startMs: number;
  start: string;
  rawGeo: boolean;
  scenarios: 'all' | 'core' | 'none' | string[];
  outDir: string;
}

/** Checks the options and fills defaults; wrong values throw a ConfigError that says how to fix them. */
export function resolveOptions(opts: GeneratorOptions): ResolvedOptions {
  const where = 'generator';
  if (!Number.isInteger(opts.seed)) throw new ConfigError(where, 'seed', `must be an integer, got ${String(opts.seed)}`, 'pass --seed 1');
  if (!Number.isInteger(opts.days) || opts.days < 2 || opts.days > 366) {
    throw new ConfigError(where, 'days', `must be an integer between 2 and 366, got ${String(opts.days)}`, 'use e.g. --days 28');
  }
  if (!Number.isInteger(opts.hosts) || opts.hosts < 10 || opts.hosts > 20_000) {
    throw new ConfigError(where, 'hosts', `must be an integer between 10 and 20000, got ${String(opts.hosts)}`, 'use e.g. --hosts 150');
  }
  const start = opts.start ?? DEFAULT_START;
  const startMs = Date.parse(start);
  if (Number.isNaN(startMs)) throw new ConfigError(where, 'start', `is not an ISO date: ${start}`, `use e.g. ${DEFAULT_START}`);
  if (!opts.outDir) throw new ConfigError(where, 'outDir', 'is empty', 'pass an output directory');
  // Align to midnight UTC so "02:00 backups" and office hours mean what they say.
  const dayAligned = startMs - (((startMs % 86_400_000) + 86_400_000) % 86_400_000);
  return {
    seed: opts.seed, days: opts.days, hosts: opts.hosts, startMs: dayAligned, start: new Date(dayAligned).toISOString(),
    rawGeo: opts.rawGeo ?? false, scenarios: opts.scenarios ?? 'all', outDir: opts.outDir,
  };
}
