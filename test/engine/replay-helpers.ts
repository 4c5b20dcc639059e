/** Shared fixtures for the replay tests: a small generated organisation, cached per process, and run helpers. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../support/temp-dir.js';
import { generateDataset, type GeneratedDataset } from '../../src/generator/index.js';
import { replay, type ReplayOptions, type ReplaySummary } from '../../src/engine/replay.js';

export const tmp = (prefix: string): string => tempDir(prefix);

let dataset: Promise<GeneratedDataset> | undefined;
/** 16 days of a 12-host organisation with the core attacks: small enough for tests, long enough for models to learn. */
export function smallOrganisation(): Promise<GeneratedDataset> {
  dataset ??= generateDataset({ seed: 11, days: 16, hosts: 12, outDir: join(tmp('org'), 'data'), scenarios: 'core' });
  return dataset;
}

export function replayOptions(inputs: string[], dir: string, extra: Partial<ReplayOptions> = {}): ReplayOptions {
  return {
    inputs,
    content: [],
    builtin: true,
    db: join(dir, 'outflow.db'),
    results: join(dir, 'records.ndjson'),
    alerts: join(dir, 'alerts.ndjson'),
    deadLetter: join(dir, 'dead.ndjson'),
    latencyMs: 5 * 60_000,
    geo: true,
    workers: 0,
    checkpointEvery: 20_000,
    progress: false,
    ...extra,
  };
}

export async function run(inputs: string[], dir: string, extra: Partial<ReplayOptions> = {}): Promise<ReplaySummary> {
  return replay(replayOptions(inputs, dir, extra));
}

export function readNdjson(path: string): Array<Record<string, unknown>> {
  return readFileSync(path, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** Splits every input file at `cutMs` (by @timestamp) into a "before" and an "after" file. */
export function splitByTime(files: string[], cutMs: number, dir: string): { before: string[]; after: string[] } {
  const before: string[] = [];
  const after: string[] = [];
  for (const f of files) {
    const lines = readFileSync(f, 'utf8').split('\n').filter(Boolean);
    const a: string[] = [];
    const b: string[] = [];
    for (const l of lines) (Date.parse((JSON.parse(l) as { '@timestamp': string })['@timestamp']) < cutMs ? a : b).push(l);
    const name = f.split('/').pop()!.replace('.ndjson', '');
    const pa = join(dir, `${name}.part1.ndjson`);
    const pb = join(dir, `${name}.part2.ndjson`);
    writeFileSync(pa, a.join('\n') + '\n');
    writeFileSync(pb, b.join('\n') + '\n');
    before.push(pa);
    after.push(pb);
  }
  return { before, after };
}
