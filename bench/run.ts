/**
 * `npm run bench`: replay throughput against a bare JSON.parse loop (same files, same run), the ceiling today's
 * algorithms put on that ratio, the cost of rule evaluation, growth with the number of hosts, and memory per modelled series. Prints tables and writes
 * .bench-out/bench.json. Options: --quick (tiny inputs, checks the harness), --only replay,floor,hosts,series,
 * --series 10000,100000,1000000, --buckets 72, --repeat N, --out FILE. See bench/README.md.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { contentSets } from './content-sets.js';
import { generateAtLeast } from './datasets.js';
import { runHostScaling } from './part-hosts.js';
import { runFloorPart } from './part-floor.js';
import { runReplayPart } from './part-replay.js';
import { runSeriesMemory } from './part-series.js';
import { formatReport, judgeTargets, type BenchReport } from './report.js';
import { seriesMemoryJobLabel } from './series-memory.js';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string', default: 'replay,floor,hosts,series' },
    series: { type: 'string' },
    buckets: { type: 'string', default: '72' },
    repeat: { type: 'string', default: '1' },
    out: { type: 'string', default: '.bench-out/bench.json' },
  },
});

function positiveIntegers(text: string, option: string): number[] {
  const list = text.split(',').map((s) => Number(s.trim().replace(/_/g, '')));
  if (list.length === 0 || list.some((n) => !Number.isInteger(n) || n <= 0)) {
    console.error(`--${option}: expected positive integers separated by commas, got "${text}"`);
    process.exit(2);
  }
  return list;
}

const quick = values.quick ?? false;
const only = new Set((values.only ?? '').split(',').map((s) => s.trim()));
const buckets = positiveIntegers(values.buckets ?? '72', 'buckets')[0];
const repeat = positiveIntegers(values.repeat ?? '1', 'repeat')[0];
/** 1M series is measured only on request: at 72 buckets it takes about ten times the 100k run (see README). */
const DEFAULT_SERIES_SIZES = quick ? [1_000, 5_000] : [10_000, 100_000];
const ON_REQUEST_SERIES_SIZES = quick ? [] : [1_000_000];
const seriesSizes = values.series ? positiveIntegers(values.series, 'series') : DEFAULT_SERIES_SIZES;
const sizes = quick
  ? { days: 2, hosts: 10, minEvents: 0, scaleDays: 2, scaleHosts: [10, 20, 40] }
  : { days: 28, hosts: 160, minEvents: 1_000_000, scaleDays: 7, scaleHosts: [30, 90, 270] };

const log = (line: string): void => {
  process.stderr.write(`${line}\n`);
};
const started = performance.now();
const report: BenchReport = {
  startedAt: new Date().toISOString(),
  machine: { node: process.versions.node, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', totalMemoryBytes: totalmem() },
  quick,
  notes: [],
  failures: {},
  targets: {},
  partSeconds: {},
  totalSeconds: 0,
};

/** Runs one part and times it; a part that fails is reported (and makes the exit code 1) while the others still run. */
async function timed<T>(part: string, work: () => Promise<T>): Promise<T | undefined> {
  log(`${part}…`);
  const t0 = performance.now();
  try {
    return await work();
  } catch (e) {
    const message = (e as Error).message;
    log(`${part} FAILED: ${message}`);
    report.failures[part] = message;
    return undefined;
  } finally {
    report.partSeconds[part] = (performance.now() - t0) / 1000;
  }
}

const dataRoot = mkdtempSync(join(tmpdir(), 'outflow-bench-data-'));
try {
  const sets = contentSets();
  report.notes.push(...sets.notes);
  if (only.has('replay') || only.has('floor')) {
    const data = await timed('generate', () => generateAtLeast(join(dataRoot, 'replay'), sizes.days, sizes.hosts, sizes.minEvents));
    if (data) {
      report.dataset = { events: data.events, bytes: data.bytes, files: data.files.length, days: data.days, hosts: data.hosts, generateSeconds: data.seconds };
      if (only.has('replay')) {
        const part = await timed('replay', () => runReplayPart(data, sets, repeat, log));
        if (part) report.replay = { ...part, content: { core: sets.core.describe, full: sets.full.describe } };
      }
      if (only.has('floor')) {
        const floor = await timed('floor', () => runFloorPart(data, sets.core, log));
        if (floor) report.floor = floor;
      }
      rmSync(data.dir, { recursive: true, force: true });
    }
  }
  if (only.has('hosts')) {
    const rows = await timed('hosts', () => runHostScaling(join(dataRoot, 'hosts'), sizes.scaleDays, sizes.scaleHosts, sets.full, log));
    if (rows) report.hosts = { days: sizes.scaleDays, rows };
  }
  if (only.has('series')) {
    const part = await timed('series', () => runSeriesMemory(seriesSizes, buckets, log));
    const notRun = [...DEFAULT_SERIES_SIZES, ...ON_REQUEST_SERIES_SIZES].filter((n) => !seriesSizes.includes(n));
    if (part) report.series = { buckets, job: seriesMemoryJobLabel(), rows: part.rows, failed: part.failed, notRun };
    for (const f of part?.failed ?? []) report.failures[`series ${f.series}`] = f.error;
  }
} finally {
  rmSync(dataRoot, { recursive: true, force: true });
}

report.totalSeconds = (performance.now() - started) / 1000;
judgeTargets(report);
const out = resolve(values.out ?? '.bench-out/bench.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
console.log(formatReport(report));
console.log(`\nJSON: ${out}`);
if (Object.keys(report.failures).length > 0) process.exitCode = 1;
