// Loads the bundled content pack and Elastic's fixture content (when ../shared is present) for the content tests.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { parse as parseToml } from 'smol-toml';

export const CONTENT_DIR = resolve('content');
export const FIXTURE_DIR = resolve('..', 'shared', 'fixtures', 'elastic');
export const fixturesPresent = existsSync(FIXTURE_DIR);

export interface ThreatEntry {
  framework: string;
  tactic: { id: string; name: string; reference: string };
  technique?: { id: string; name: string; reference: string; subtechnique?: { id: string; name: string }[] }[];
}

/** The [rule] table of a detection-rules TOML file, typed as far as these tests read it. */
export interface RuleTable {
  rule_id: string;
  name: string;
  type: string;
  description: string;
  note?: string;
  setup?: string;
  false_positives?: string[];
  author?: string[];
  license?: string;
  language?: string;
  query?: string;
  from?: string;
  interval?: string;
  risk_score: number;
  severity: string;
  anomaly_threshold?: number;
  machine_learning_job_id?: string | string[];
  tags?: string[];
  threat?: ThreatEntry[];
  threshold?: { field: string[]; value: number; cardinality?: { field: string; value: number }[] };
  new_terms?: { field: string; value: string[]; history_window_start: { field: string; value: string }[] };
}

export interface RuleFile {
  /** Path relative to the folder it was loaded from, e.g. "ml/x.toml". */
  path: string;
  file: string;
  metadata: Record<string, unknown>;
  rule: RuleTable;
}

export interface Detector {
  function: string;
  field_name?: string;
  by_field_name?: string;
  over_field_name?: string;
  partition_field_name?: string;
  detector_description?: string;
  detector_index?: number;
}

export interface ModuleJob {
  id: string;
  config: {
    description: string;
    groups: string[];
    analysis_config: { bucket_span: string; detectors: Detector[]; influencers: string[] };
    data_description: Record<string, unknown>;
    custom_settings?: { outflow?: Record<string, unknown> } & Record<string, unknown>;
  } & Record<string, unknown>;
}

export interface MlModule {
  attributes: {
    id: string;
    title: string;
    description: string;
    type: string;
    query: unknown;
    jobs: ModuleJob[];
    datafeeds: { id: string; job_id: string; config: Record<string, unknown> }[];
  };
}

export function listFiles(dir: string, extension: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listFiles(p, extension));
    else if (name.endsWith(extension)) out.push(p);
  }
  return out;
}

export function loadRule(path: string, root: string): RuleFile {
  const doc = parseToml(readFileSync(path, 'utf8')) as Record<string, unknown>;
  return {
    path: relative(root, path),
    file: basename(path, '.toml'),
    metadata: (doc.metadata ?? {}) as Record<string, unknown>,
    rule: doc.rule as RuleTable,
  };
}

export function loadRules(root: string): RuleFile[] {
  return listFiles(root, '.toml').map((p) => loadRule(p, root));
}

export function loadModule(path: string): MlModule {
  return JSON.parse(readFileSync(path, 'utf8')) as MlModule;
}

/** Tactic ids and technique/sub-technique ids of a rule, sorted, for comparing mappings. */
export function threatIds(rule: RuleTable): string[] {
  const ids: string[] = [];
  for (const entry of rule.threat ?? []) {
    ids.push(entry.tactic.id);
    for (const technique of entry.technique ?? []) {
      ids.push(technique.id);
      for (const sub of technique.subtechnique ?? []) ids.push(sub.id);
    }
  }
  return ids.sort();
}

export function jobIdsOf(rule: RuleTable): string[] {
  const ids = rule.machine_learning_job_id;
  return ids === undefined ? [] : Array.isArray(ids) ? ids : [ids];
}
