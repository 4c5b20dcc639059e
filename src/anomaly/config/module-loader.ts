/**
 * Reads job content: a Kibana ML module (saved object with `attributes`, or the bare module), a single job
 * (`PUT _ml/anomaly_detectors` body with `job_id`, optionally `datafeed_config`), `{job, datafeed}` pairs,
 * arrays of those, or a directory of such files. Datafeeds are paired with jobs by job_id across the whole load.
 * Outflow extension: a top-level `filters` key (`{"<filter_id>": [items]}` or `[{filter_id, items}]`) supplies the
 * filter lists that custom_rules scopes refer to.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../../errors.js';
import { buildJobDefinition } from './job-config.js';
import type { FilterLists } from './custom-rules.js';
import type { JobDefinition, ModuleContext } from './job-definition.js';

interface PendingJob { id: string; json: unknown; file: string; module?: ModuleContext; inlineDatafeed?: unknown }
interface PendingDatafeed { jobId: string; json: unknown; file: string }
interface Collected { jobs: PendingJob[]; datafeeds: PendingDatafeed[]; filters: FilterLists }

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

function readFilters(value: unknown, where: string, into: FilterLists): void {
  if (value === undefined) return;
  if (Array.isArray(value)) {
    value.forEach((f, i) => {
      if (!isObj(f) || typeof f.filter_id !== 'string' || !Array.isArray(f.items)) {
        throw new ConfigError(where, `filters[${i}]`, 'expected {"filter_id": "...", "items": ["..."]}', 'fix the filter entry');
      }
      into[f.filter_id] = f.items.map(String);
    });
    return;
  }
  if (!isObj(value)) throw new ConfigError(where, 'filters', 'expected an object of filter_id → items', 'write {"filters": {"safe_hosts": ["h1", "build-*"]}}');
  for (const [id, items] of Object.entries(value)) {
    const list = isObj(items) && Array.isArray(items.items) ? items.items : items;
    if (!Array.isArray(list)) throw new ConfigError(where, `filters.${id}`, 'expected an array of items', 'write ["item", "prefix*"]');
    into[id] = list.map(String);
  }
}

function collectModule(mod: Obj, file: string, into: Collected): void {
  const moduleId = typeof mod.id === 'string' ? mod.id : '(module)';
  const context: ModuleContext = { id: moduleId, title: typeof mod.title === 'string' ? mod.title : undefined, query: mod.query };
  const where = `${file} module ${moduleId}`;
  const jobs = mod.jobs;
  if (!Array.isArray(jobs)) throw new ConfigError(where, 'jobs', 'expected an array of {id, config}', 'fix the module file');
  jobs.forEach((j, i) => {
    if (!isObj(j) || typeof j.id !== 'string' || !isObj(j.config)) {
      throw new ConfigError(where, `jobs[${i}]`, 'expected {"id": "...", "config": {...}}', 'fix the module job entry');
    }
    into.jobs.push({ id: j.id, json: j.config, file, module: context });
  });
  const datafeeds = mod.datafeeds ?? [];
  if (!Array.isArray(datafeeds)) throw new ConfigError(where, 'datafeeds', 'expected an array', 'fix the module file');
  datafeeds.forEach((d, i) => {
    const jobId = isObj(d) ? (d.job_id ?? (isObj(d.config) ? d.config.job_id : undefined)) : undefined;
    if (!isObj(d) || typeof jobId !== 'string') {
      throw new ConfigError(where, `datafeeds[${i}].job_id`, 'missing', 'every datafeed must name its job');
    }
    const config = isObj(d.config) ? { ...d.config, datafeed_id: d.config.datafeed_id ?? d.id } : d;
    into.datafeeds.push({ jobId, json: config, file });
  });
  readFilters(mod.filters, where, into.filters);
}

/** Adds what one parsed JSON value holds; returns false when it holds no job content at all. */
function collect(json: unknown, file: string, into: Collected): boolean {
  if (Array.isArray(json)) {
    let any = false;
    for (const item of json) any = collect(item, file, into) || any;
    return any;
  }
  if (!isObj(json)) return false;
  readFilters(json.filters, file, into.filters);
  if (isObj(json.attributes) && Array.isArray(json.attributes.jobs)) {
    collectModule(json.attributes, file, into);
    return true;
  }
  if (Array.isArray(json.jobs)) {
    collectModule(json, file, into);
    return true;
  }
  if (isObj(json.job)) {
    const found = collect(json.job, file, into);
    if (json.datafeed !== undefined) collect(json.datafeed, file, into);
    return found;
  }
  if ('analysis_config' in json) {
    const id = json.job_id;
    if (typeof id !== 'string' || id === '') throw new ConfigError(file, 'job_id', 'missing', 'give the job a "job_id"');
    into.jobs.push({ id, json, file, inlineDatafeed: json.datafeed_config });
    return true;
  }
  if (typeof json.job_id === 'string' && ('query' in json || 'indices' in json || 'indexes' in json || 'datafeed_id' in json)) {
    into.datafeeds.push({ jobId: json.job_id, json, file });
    return true;
  }
  return json.filters !== undefined;
}

function pair(c: Collected): JobDefinition[] {
  const seen = new Map<string, string>();
  const feeds = new Map<string, PendingDatafeed>();
  for (const d of c.datafeeds) {
    const prev = feeds.get(d.jobId);
    if (prev) throw new ConfigError(`${d.file} job ${d.jobId}`, 'datafeed', `a second datafeed for the job (first in ${prev.file})`, 'keep one datafeed per job');
    feeds.set(d.jobId, d);
  }
  const out: JobDefinition[] = [];
  for (const j of c.jobs) {
    const prev = seen.get(j.id);
    if (prev) throw new ConfigError(`${j.file} job ${j.id}`, 'job_id', `duplicate job id (also in ${prev})`, 'rename one of the jobs');
    seen.set(j.id, j.file);
    const feed = feeds.get(j.id);
    if (feed && j.inlineDatafeed !== undefined) {
      throw new ConfigError(`${j.file} job ${j.id}`, 'datafeed_config', `the job also has a datafeed in ${feed.file}`, 'keep one datafeed per job');
    }
    feeds.delete(j.id);
    const file = j.module ? `${j.file} module ${j.module.id}` : j.file;
    out.push(buildJobDefinition(j.id, j.json, feed?.json ?? j.inlineDatafeed, { file, module: j.module, filters: c.filters }));
  }
  for (const orphan of feeds.values()) {
    throw new ConfigError(`${orphan.file} datafeed for ${orphan.jobId}`, 'job_id', `no job "${orphan.jobId}" was loaded`, 'load the job file too, or fix job_id');
  }
  return out;
}

/** Every job in one parsed document. `where` names the document (usually its file path) in errors. */
export function parseJobDocument(json: unknown, where: string, extraFilters: FilterLists = {}): JobDefinition[] {
  const c: Collected = { jobs: [], datafeeds: [], filters: { ...extraFilters } };
  if (!collect(json, where, c)) {
    throw new ConfigError(where, '(document)', 'no anomaly detection job found', 'give an ML module, a job with "job_id" and "analysis_config", or an array of them');
  }
  return pair(c);
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(file, '(file)', `cannot read: ${(e as Error).message}`, 'check the path and permissions');
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ConfigError(file, '(file)', `not valid JSON: ${(e as Error).message}`, 'fix the JSON syntax');
  }
}

function jsonFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...jsonFiles(p));
    else if (name.toLowerCase().endsWith('.json')) out.push(p);
  }
  return out;
}

export interface LoadJobsOptions {
  /** Filter lists for custom_rules scopes, in addition to those in the files. */
  filters?: FilterLists;
}

/** A job/module file or a directory of them (recursively; JSON files without job content are skipped). */
export function loadJobs(path: string, options: LoadJobsOptions = {}): JobDefinition[] {
  let isDir: boolean;
  try {
    isDir = statSync(path).isDirectory();
  } catch {
    throw new ConfigError(path, '(path)', 'no such file or directory', 'check the path');
  }
  if (!isDir) return parseJobDocument(readJson(path), path, options.filters);
  const c: Collected = { jobs: [], datafeeds: [], filters: { ...options.filters } };
  for (const file of jsonFiles(path)) collect(readJson(file), file, c);
  return pair(c);
}
