/**
 * Input-reading speed: readEvents with the field extractor (in-thread and in worker threads) and with full
 * JSON.parse, against a bare single-threaded `JSON.parse` loop over the same data: a 200k-line file of ~600-byte
 * nested ECS flow events, then the generated demo dataset. Prints events/s, the ratio to the bare loop, and CPU
 * per event: all threads, and the main thread alone (what the engine's detection work competes with). Each case
 * is the best of 3 runs after a warm-up run.
 * Run: node --import tsx bench/sources.ts [lines] [--no-dataset]   (prints numbers; no assertions)
 */
import { mkdtempSync, openSync, readSync, closeSync, writeFileSync, rmSync, statSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getField, type EcsEvent } from '../src/ecs/index.js';
import { generateDataset } from '../src/generator/index.js';
import { DeadLetter, readEvents, resolveInputs, stopParserWorkers, type ReadOptions } from '../src/sources/index.js';
import type { ReadTuning } from '../src/sources/read-events.js';
import { DATASET_KEEP, KEEP, flowEvent } from './flow-lines.js';
import { cpuNow } from './thread-cpu.js';

const LINES = Number(process.argv.find((a, i) => i >= 2 && /^\d+$/.test(a)) ?? 200_000);
const WITH_DATASET = !process.argv.includes('--no-dataset');
const RUNS = 3;

interface Measured {
  events: number;
  seconds: number;
  cpuAll: number;
  cpuMain: number;
}

/** Best of `runs` (by time): other work on a shared machine only ever slows a run down. */
async function bestOf(runs: number, run: () => Promise<number> | number): Promise<Measured> {
  let best: Measured | undefined;
  for (let r = 0; r < runs; r++) {
    const m = await measure(run);
    if (!best || m.seconds < best.seconds) best = m;
  }
  return best!;
}

async function measure(run: () => Promise<number> | number): Promise<Measured> {
  const c0 = cpuNow();
  const t0 = performance.now();
  const events = await run();
  const seconds = (performance.now() - t0) / 1000;
  const c1 = cpuNow();
  return { events, seconds, cpuAll: c1.all - c0.all, cpuMain: c1.main - c0.main };
}

function bareJsonParseLoop(paths: string[]): number {
  const buf = Buffer.allocUnsafe(1024 * 1024);
  let events = 0;
  let sum = 0;
  for (const path of paths) {
    const fd = openSync(path, 'r');
    let carry = Buffer.alloc(0);
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      const data = carry.length ? Buffer.concat([carry, buf.subarray(0, n)]) : buf.subarray(0, n);
      let start = 0;
      for (let nl = data.indexOf(10, start); nl >= 0; nl = data.indexOf(10, start)) {
        const doc = JSON.parse(data.toString('utf8', start, nl)) as { source?: { bytes?: number } };
        sum += doc.source?.bytes ?? 0;
        events++;
        start = nl + 1;
      }
      carry = Buffer.from(data.subarray(start));
    }
    closeSync(fd);
  }
  if (sum < 0) console.log(sum); // keep the sum alive
  return events;
}

async function readAll(paths: string[], opts: Omit<ReadOptions, 'deadLetter'> & ReadTuning): Promise<number> {
  let events = 0;
  let sum = 0;
  const deadLetter = new DeadLetter();
  for await (const batch of readEvents(resolveInputs(paths), { ...opts, deadLetter })) {
    for (const e of batch.events) {
      const v = getField(e.event as EcsEvent, 'source.bytes');
      if (typeof v === 'number') sum += v;
    }
    events += batch.events.length;
  }
  await deadLetter.close();
  if (sum < 0) console.log(sum);
  return events;
}

const rate = (m: Measured): string => `${Math.round(m.events / m.seconds).toLocaleString('en').padStart(9)} events/s`;
const perEvent = (us: number, m: Measured): string => (Number.isNaN(us) ? '   ?' : (us / m.events).toFixed(2).padStart(5));

async function compare(title: string, paths: string[], keep: string[]): Promise<void> {
  const bytes = paths.reduce((n, p) => n + statSync(p).size, 0);
  bareJsonParseLoop(paths); // warm the page cache and the JIT
  const bare = await bestOf(RUNS, () => bareJsonParseLoop(paths));
  console.log(`\n${title}: ${bare.events.toLocaleString('en')} lines, ${(bytes / 1e6).toFixed(1)} MB (${Math.round(bytes / bare.events)} bytes/line), ${keep.length} keepFields`);
  console.log(`${'case'.padEnd(44)} ${'throughput'.padStart(18)}   × bare   CPU µs/event: all threads / main thread`);
  const line = (name: string, m: Measured): void =>
    console.log(`${name.padEnd(44)} ${rate(m)}   ${(bare.seconds / m.seconds).toFixed(2).padStart(5)}×   ${perEvent(m.cpuAll, m)} / ${perEvent(m.cpuMain, m)}`);
  line('bare JSON.parse loop, 1 thread', bare);
  const numericFields = ['source.bytes'];
  const cases: Array<[string, Omit<ReadOptions, 'deadLetter'> & ReadTuning]> = [
    ['full JSON.parse, in-thread, whole docs', { workers: 0, numericFields }],
    ['full JSON.parse, in-thread, keepFields', { workers: 0, keepFields: keep, numericFields, selective: false }],
    ['full JSON.parse, 2 workers, keepFields', { workers: 2, keepFields: keep, numericFields, selective: false }],
    ['extractor, in-thread, keepFields', { workers: 0, keepFields: keep, numericFields }],
    ['extractor, 2 workers, keepFields', { workers: 2, keepFields: keep, numericFields }],
    ['extractor, 1 worker, keepFields', { workers: 1, keepFields: keep, numericFields }],
  ];
  for (const [name, opts] of cases) {
    await readAll(paths, opts); // warm-up: JIT, and worker start for the threaded cases
    line(name, await bestOf(RUNS, () => readAll(paths, opts)));
  }
}

const dir = mkdtempSync(join(tmpdir(), 'outflow-bench-sources-'));
try {
  const file = join(dir, 'flows.ndjson');
  const parts: string[] = [];
  for (let i = 0; i < LINES; i++) parts.push(flowEvent(i));
  writeFileSync(file, parts.join('\n') + '\n');
  parts.length = 0;
  await compare('nested ECS flow events', [file], KEEP);
  if (WITH_DATASET) {
    const data = await generateDataset({ seed: 7, days: 2, hosts: 40, scenarios: 'core', outDir: join(dir, 'dataset') });
    await compare(`generated dataset (${data.files.length} files)`, data.files, DATASET_KEEP);
  }
} finally {
  await stopParserWorkers();
  rmSync(dir, { recursive: true, force: true });
}
