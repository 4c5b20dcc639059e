/**
 * Per-call cost of the anomaly maths on realistic call patterns: score normalisation (a busy population job's record
 * normaliser), series models (individual metric/count, a pooled population), rarity, aggregation, special functions.
 *
 *   node --import tsx bench/maths.ts                       # this checkout
 *   node --import tsx bench/maths.ts --against /tmp/before # and another copy of src/anomaly/maths, side by side
 *
 * A "before" copy comes from git (67b5edf is the maths before the performance work):
 *   mkdir -p /tmp/before && git archive 67b5edf src/anomaly/maths | tar -x -C /tmp/before
 *   node --import tsx bench/maths.ts --against /tmp/before/src/anomaly/maths
 * Both implementations run the same seeded workloads in the same process, alternately, and each workload keeps its
 * fastest of `--repeat` runs (default 3), so machine load moves both columns alike. Printed, never asserted.
 */
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatTable, fixed, ratio, type Cell } from './format-table.js';
import { seededRandom as seeded } from '../test/support/seeded-random.js';

type Maths = typeof import('../src/anomaly/maths/index.js');
type Beta = typeof import('../src/anomaly/maths/beta.js');
interface Impl { name: string; m: Maths; beta: Beta }

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MONDAY = Date.UTC(2024, 0, 1);

function gaussian(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(Math.max(rand(), 1e-12))) * Math.cos(2 * Math.PI * rand());
}

/** One measured quantity: total milliseconds spent in the timed calls and how many calls they were. */
interface Timing { ms: number; calls: number }
type Workload = (impl: Impl) => Timing[];

function timed<T>(t: Timing, f: () => T): T {
  const start = performance.now();
  const r = f();
  t.ms += performance.now() - start;
  t.calls += 1;
  return r;
}
const fresh = (): Timing => ({ ms: 0, calls: 0 });

/** A population job's record normaliser: 3h buckets, 100 written records per bucket over 3000 destination IPs. */
function normalizerWorkload(impl: Impl): Timing[] {
  const { ScoreNormalizer, anomalyScore } = impl.m;
  const rand = seeded(11);
  const n = new ScoreNormalizer({ bucketSpanMs: 3 * HOUR });
  const perCall = fresh();
  const kept: Array<{ raw: number; scopes: string[] }> = [];
  for (let b = 0; b < 120; b++) {
    // Written records have p < 0.035; most are barely significant, a few are strong.
    const scores = Array.from({ length: 100 }, () => ({
      raw: anomalyScore(0.035 * Math.pow(10, -6 * Math.pow(rand(), 3))),
      scopes: [`person:destination.ip=10.${Math.floor(rand() * 30)}.${Math.floor(rand() * 100)}.1`],
    }));
    n.update(b * 3 * HOUR, scores);
    for (const s of scores) timed(perCall, () => n.normalize(s.raw, s.scopes));
    kept.push(...scores);
  }
  // Renormalisation of a full result window after a big change (ResultWindow keeps ≤ 10 000 documents).
  const window = fresh();
  for (const s of kept.slice(-10_000)) timed(window, () => n.normalize(s.raw, s.scopes));
  // A quiet job's root: one update and one normalisation per bucket (nothing to reuse within a bucket).
  const root = new ScoreNormalizer({ bucketSpanMs: HOUR });
  const single = fresh();
  for (let b = 0; b < 1500; b++) {
    const raw = rand() < 0.05 ? anomalyScore(Math.pow(10, -2 - 10 * rand())) : 0;
    root.update(b * HOUR, [{ raw, scopes: ['root'] }]);
    if (raw > 0) timed(single, () => root.normalize(raw, ['root']));
  }
  return [perCall, window, single];
}

/** Individual series: score the bucket, then learn it (the engine's order), four weeks of 1h buckets. */
function seriesWorkload(kind: 'metric' | 'count'): Workload {
  return (impl) => {
    const rand = seeded(kind === 'metric' ? 21 : 22);
    const prob = fresh();
    const add = fresh();
    for (let series = 0; series < 10; series++) {
      const model = new impl.m.TimeSeriesModel({ bucketSpanMs: HOUR, kind });
      for (let t = MONDAY; t < MONDAY + 28 * DAY; t += HOUR) {
        const hour = new Date(t).getUTCHours();
        const office = hour >= 8 && hour < 18;
        const v = kind === 'metric' ? (rand() < 0.2 ? 0 : 2e6 * (office ? 3 : 1) * Math.exp(0.7 * gaussian(rand))) : Math.max(0, Math.round((office ? 40 : 4) * Math.exp(0.3 * gaussian(rand))));
        timed(prob, () => model.probability(t, v, 'high'));
        timed(add, () => model.addBucket(t, [{ value: v, weight: 1 }]));
      }
    }
    return [prob, add];
  };
}

/** A pooled population model (high_sum over destination.ip): 200 members per 3h bucket for three weeks. */
function pooledWorkload(impl: Impl): Timing[] {
  const rand = seeded(31);
  const model = new impl.m.TimeSeriesModel({ bucketSpanMs: 3 * HOUR, kind: 'metric' });
  const prob = fresh();
  const add = fresh();
  for (let t = MONDAY; t < MONDAY + 21 * DAY; t += 3 * HOUR) {
    const members = Array.from({ length: 200 }, () => ({ value: 2e6 * Math.exp(1.2 * gaussian(rand)), weight: 1 / 200 }));
    for (const x of members) timed(prob, () => model.probability(t, x.value, 'high'));
    timed(add, () => model.addBucket(t, members));
  }
  return [prob, add];
}

/** rare by process.name on one host: 400 categories (Zipf-like), about 30 present per bucket, 2000 buckets. */
function rarityWorkload(impl: Impl): Timing[] {
  const rand = seeded(41);
  const model = new impl.m.RarityModel();
  const prob = fresh();
  const add = fresh();
  for (let b = 0; b < 2000; b++) {
    const present = new Set<string>();
    for (let i = 0; i < 30; i++) present.add(`proc-${Math.floor(400 * Math.pow(rand(), 3))}.exe`);
    for (const c of present) timed(prob, () => model.probability(c));
    timed(add, () => model.addBucket(present));
  }
  return [prob, add];
}

function aggregationWorkload(impl: Impl): Timing[] {
  const { aggregateProbabilities, ATTRIBUTE_WEIGHTS, ROOT_WEIGHTS, PEOPLE_WEIGHTS } = impl.m;
  const rand = seeded(51);
  const draw = (): number => (rand() < 0.1 ? Math.pow(10, -3 - 20 * rand()) : rand());
  const sets = Array.from({ length: 2000 }, () => Array.from({ length: 5 }, draw));
  const roots = Array.from({ length: 200 }, () => Array.from({ length: 40 }, draw));
  const attr = fresh();
  const root = fresh();
  const people = fresh();
  for (const ps of sets) timed(attr, () => aggregateProbabilities(ps, ATTRIBUTE_WEIGHTS));
  for (const ps of roots) timed(root, () => aggregateProbabilities(ps, ROOT_WEIGHTS));
  for (const ps of sets) timed(people, () => aggregateProbabilities(ps.slice(0, 1), PEOPLE_WEIGHTS));
  return [attr, root, people];
}

function specialWorkload(impl: Impl): Timing[] {
  const rand = seeded(61);
  const lg = fresh();
  const rb = fresh();
  const bq = fresh();
  let sink = 0;
  for (let i = 0; i < 20_000; i++) {
    const x = 0.5 + 200 * rand();
    sink += timed(lg, () => impl.m.logGamma(x));
  }
  for (let i = 0; i < 5_000; i++) {
    const a = 1 + 50 * rand();
    const b = 1 + 50 * rand();
    sink += timed(rb, () => impl.beta.regularizedBeta(rand(), a, b));
  }
  // The normaliser's shape: Beta(n·p + 1/3, n·(1 − p) + 1/3) with n in the thousands.
  for (let i = 0; i < 300; i++) {
    const nn = 2000 + 3000 * rand();
    const p = 0.5 + 0.5 * rand();
    sink += timed(bq, () => impl.beta.betaQuantile(0.15, nn * p + 1 / 3, nn * (1 - p) + 1 / 3));
  }
  if (Number.isNaN(sink)) console.log('');
  return [lg, rb, bq];
}

const WORKLOADS: Array<{ name: string; rows: string[]; run: Workload }> = [
  { name: 'normalizer', rows: ['ScoreNormalizer.normalize, 100 records per bucket', 'ScoreNormalizer.normalize, window of 10k', 'ScoreNormalizer.normalize, one per bucket'], run: normalizerWorkload },
  { name: 'metric', rows: ['TimeSeriesModel.probability (metric)', 'TimeSeriesModel.addBucket (metric)'], run: seriesWorkload('metric') },
  { name: 'count', rows: ['TimeSeriesModel.probability (count)', 'TimeSeriesModel.addBucket (count)'], run: seriesWorkload('count') },
  { name: 'pooled', rows: ['TimeSeriesModel.probability (pooled, 200 members)', 'TimeSeriesModel.addBucket (pooled, 200 samples)'], run: pooledWorkload },
  { name: 'rarity', rows: ['RarityModel.probability', 'RarityModel.addBucket'], run: rarityWorkload },
  { name: 'aggregate', rows: ['aggregateProbabilities (attributes, 5)', 'aggregateProbabilities (root, 40)', 'aggregateProbabilities (people, 1)'], run: aggregationWorkload },
  { name: 'special', rows: ['logGamma', 'regularizedBeta', 'betaQuantile (n in thousands)'], run: specialWorkload },
];

async function load(name: string, dir: string): Promise<Impl> {
  const url = (file: string): string => pathToFileURL(path.resolve(dir, file)).href;
  return { name, m: (await import(url('index.ts'))) as Maths, beta: (await import(url('beta.ts'))) as Beta };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const against = args.includes('--against') ? args[args.indexOf('--against') + 1] : undefined;
  const repeat = args.includes('--repeat') ? Math.max(1, Number(args[args.indexOf('--repeat') + 1]) || 1) : 3;
  const here = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', 'src', 'anomaly', 'maths');
  const impls = [await load('this checkout', here)];
  if (against) impls.unshift(await load('against', against));

  const rows: Cell[][] = [];
  for (const w of WORKLOADS) {
    const best = impls.map(() => w.rows.map(() => Infinity));
    let calls: number[] = [];
    for (let r = 0; r < repeat; r++) {
      impls.forEach((impl, i) => {
        const timings = w.run(impl);
        calls = timings.map((t) => t.calls);
        timings.forEach((t, k) => (best[i][k] = Math.min(best[i][k], (1000 * t.ms) / Math.max(t.calls, 1))));
      });
    }
    w.rows.forEach((label, k) => {
      const us = best.map((b) => b[k]);
      rows.push([label, calls[k], ...us.map((u) => fixed(u, u < 10 ? 2 : 1)), ...(impls.length > 1 ? [ratio(us[0] / us[1])] : [])]);
    });
  }
  const headers = ['per call', 'calls', ...impls.map((i) => `µs (${i.name})`), ...(impls.length > 1 ? ['speed-up'] : [])];
  const loadAverage = os.loadavg().map((x) => x.toFixed(1)).join(' ');
  console.log(`\nAnomaly maths, per-call cost (best of ${repeat}; ${os.cpus().length} cores, load average ${loadAverage})\n`);
  console.log(formatTable(headers, rows));
}

await main();
