/** Test helpers: a temporary directory per test and a collector that reads everything readEvents yields. */
import { mkdtempSync, rmSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { DeadLetter, readEvents, resolveInputs, type ReadBatch, type ReadOptions, type SourceEvent } from '../../src/sources/index.js';

const dirs: string[] = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

export function tmpDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'outflow-sources-test-'));
  dirs.push(d);
  return d;
}

export interface Collected {
  events: SourceEvent[];
  batches: ReadBatch[];
  deadLetter: DeadLetter;
  /** Dead-letter records as written to the file. */
  records: Array<{ reason: string; file: string; line: number; detail?: string; raw?: string }>;
}

export async function collect(paths: string[], opts: Omit<ReadOptions, 'deadLetter'> = {}): Promise<Collected> {
  const dlPath = join(tmpDir(), 'dead-letter.ndjson');
  const deadLetter = new DeadLetter(dlPath);
  const batches: ReadBatch[] = [];
  for await (const b of readEvents(resolveInputs(paths), { workers: 0, ...opts, deadLetter })) batches.push(b);
  await deadLetter.close();
  const text = existsSync(dlPath) ? readFileSync(dlPath, 'utf8') : '';
  const records = text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Collected['records'][number]);
  return { events: batches.flatMap((b) => b.events), batches, deadLetter, records };
}

/** One NDJSON line of a minimal ECS event at `seconds` after 2024-01-01. */
export function ecsLine(seconds: number, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ '@timestamp': new Date(Date.UTC(2024, 0, 1) + seconds * 1000).toISOString(), ...extra });
}
