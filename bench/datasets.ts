/** Generated input for the replay parts: the project's own labelled generator, written to a temporary folder. */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { generateDataset } from '../src/generator/index.js';

export interface BenchDataset {
  dir: string;
  files: string[];
  events: number;
  bytes: number;
  days: number;
  hosts: number;
  seconds: number;
}

const SEED = 7;

export async function generateBenchDataset(dir: string, days: number, hosts: number): Promise<BenchDataset> {
  const t0 = performance.now();
  const d = await generateDataset({ seed: SEED, days, hosts, outDir: dir });
  const bytes = d.files.reduce((n, f) => n + statSync(f).size, 0);
  return { dir, files: d.files, events: d.events, bytes, days, hosts, seconds: (performance.now() - t0) / 1000 };
}

/**
 * A dataset of at least `minEvents`: starts from `hosts` and, if the generator came out short, regenerates once
 * with the hosts scaled up by the shortfall (+5%), so the million-event claim holds whatever the generator's mix.
 */
export async function generateAtLeast(root: string, days: number, hosts: number, minEvents: number): Promise<BenchDataset> {
  const first = await generateBenchDataset(join(root, `d${days}-h${hosts}`), days, hosts);
  if (first.events >= minEvents) return first;
  const more = Math.ceil(hosts * (minEvents / Math.max(first.events, 1)) * 1.05);
  const second = await generateBenchDataset(join(root, `d${days}-h${more}`), days, more);
  return { ...second, seconds: first.seconds + second.seconds };
}
