/**
 * Finds the content a run uses — anomaly job/module JSON, detection rules (TOML, Kibana exports) and exception
 * lists — in the paths given with --content and in the bundled `content/` folder, and hands each file to its loader.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../errors.js';
import { loadJobs, type JobDefinition } from '../anomaly/index.js';
import { describeJob } from './job-facts.js';

/** The bundled content pack (content/ at the package root, two levels above this file in src/ and dist/). */
export const BUILTIN_CONTENT_DIR = fileURLToPath(new URL('../../content/', import.meta.url));

export interface ContentFiles {
  /** ML module or job JSON files. */
  jobFiles: string[];
  /** Rule and exception-list files (TOML, Kibana NDJSON/JSON exports). */
  ruleFiles: string[];
}

const CONTENT_EXTENSIONS = new Set(['.json', '.toml', '.ndjson']);

function walk(dir: string, out: string[]): void {
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) walk(p, out);
    else if (CONTENT_EXTENSIONS.has(extname(name).toLowerCase())) out.push(p);
  }
}

/** True for Kibana ML module files and Elastic job definitions (with or without a datafeed). */
export function looksLikeJobDocument(json: unknown): boolean {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return false;
  const o = json as Record<string, unknown>;
  const attrs = (o.attributes ?? o) as Record<string, unknown>;
  return Array.isArray(attrs.jobs) || 'analysis_config' in o || ('job_id' in o && 'analysis_config' in o);
}

function classify(file: string, into: ContentFiles): void {
  const ext = extname(file).toLowerCase();
  if (ext === '.toml' || ext === '.ndjson') {
    into.ruleFiles.push(file);
    return;
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    // A Kibana export can be JSON lines with a .json name: leave it to the rule loader, which reports per line.
    if (readFileSync(file, 'utf8').trimStart().startsWith('{')) {
      into.ruleFiles.push(file);
      return;
    }
    throw new ConfigError(file, '(file)', `not valid JSON: ${(e as Error).message}`, 'fix the JSON syntax or remove the file from --content');
  }
  if (looksLikeJobDocument(json)) into.jobFiles.push(file);
  else into.ruleFiles.push(file);
}

/** Resolves --content paths (files or directories) plus, unless disabled, the bundled pack. */
export function findContent(paths: string[], builtin: boolean): ContentFiles {
  const files: string[] = [];
  if (builtin && existsSync(BUILTIN_CONTENT_DIR)) walk(BUILTIN_CONTENT_DIR, files);
  for (const p of paths) {
    const abs = resolve(p);
    if (!existsSync(abs)) throw new ConfigError(p, '--content', 'no such file or directory', 'check the path');
    if (statSync(abs).isDirectory()) walk(abs, files);
    else files.push(abs);
  }
  const out: ContentFiles = { jobFiles: [], ruleFiles: [] };
  for (const f of [...new Set(files)]) {
    if (f.endsWith('README.md')) continue;
    classify(f, out);
  }
  return out;
}

/** Loads job definitions; later files override earlier ones with the same id (user content over the bundled pack). */
export function loadJobDefinitions(files: string[]): JobDefinition[] {
  const byId = new Map<string, JobDefinition>();
  for (const f of files) for (const def of loadJobs(f)) byId.set(describeJob(def).id, def);
  return [...byId.values()];
}
