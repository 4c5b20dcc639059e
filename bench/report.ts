/** The bench report: its JSON shape (written to .bench-out/bench.json) and the tables printed from it. */
import type { HostRow } from './part-hosts.js';
import type { FloorMeasurement } from './floor-measure.js';
import type { ReplayPart } from './part-replay.js';
import type { SeriesMemoryResult } from './series-memory.js';
import { fixed, formatTable, int, kib, mb, percent, ratio, verdict } from './format-table.js';

export const TARGETS = { replayVsBare: 2, ruleCost: 0.25, bytesPerSeries: 2048 } as const;

export interface BenchReport {
  startedAt: string;
  machine: { node: string; cpus: number; cpuModel: string; totalMemoryBytes: number };
  quick: boolean;
  notes: string[];
  /** Parts (or sizes) that failed, with the error: their numbers are missing from the report. */
  failures: Record<string, string>;
  dataset?: { events: number; bytes: number; files: number; days: number; hosts: number; generateSeconds: number };
  replay?: ReplayPart & { content: { core: string; full: string } };
  floor?: FloorMeasurement;
  hosts?: { days: number; rows: HostRow[] };
  series?: { buckets: number; job: string; rows: SeriesMemoryResult[]; failed: Array<{ series: number; error: string }>; notRun: number[] };
  targets: Record<string, { target: string; value: string; met: boolean }>;
  partSeconds: Record<string, number>;
  totalSeconds: number;
}

/** Fills report.targets from the measurements (only for the parts that ran). */
export function judgeTargets(r: BenchReport): void {
  if (r.replay) {
    for (const m of [r.replay.core, r.replay.full]) {
      const x = m.replayVsBare ?? 0;
      r.targets[`replay ÷ bare JSON.parse, ${m.label}`] = { target: `≥ ${ratio(TARGETS.replayVsBare)}`, value: ratio(x), met: x >= TARGETS.replayVsBare };
    }
    r.targets['rule evaluation cost, wall-clock'] = { target: `≤ ${percent(TARGETS.ruleCost)}`, value: percent(r.replay.ruleCost), met: r.replay.ruleCost <= TARGETS.ruleCost };
    r.targets['rule evaluation cost, CPU time'] = { target: `≤ ${percent(TARGETS.ruleCost)}`, value: percent(r.replay.ruleCostCpu), met: r.replay.ruleCostCpu <= TARGETS.ruleCost };
  }
  if (r.series?.rows.length) {
    // The largest size: per-job overhead is spread thinnest there, so this is the per-series cost a big job pays.
    const largest = r.series.rows.reduce((a, b) => (b.series > a.series ? b : a));
    const perSeries = largest.retainedBytesPerSeries;
    r.targets[`retained bytes per metric series at ${int(largest.series)} series`] = {
      target: `≤ ${TARGETS.bytesPerSeries} B`, value: `${int(perSeries)} B`, met: perSeries <= TARGETS.bytesPerSeries,
    };
  }
}

function replaySection(p: NonNullable<BenchReport['replay']>, d: NonNullable<BenchReport['dataset']>): string {
  const rows = [p.core, p.full].map((m) => [
    m.label, fixed(m.bare?.seconds ?? NaN, 2), int(m.bare?.eventsPerSecond ?? NaN), fixed(m.bare?.mbPerSecond ?? NaN),
    fixed(m.replay.seconds, 2), fixed(m.replay.cpuSeconds, 2), fixed(m.replay.engineCpuSeconds ?? NaN, 2), int(m.replay.eventsPerSecond), fixed(m.replay.mbPerSecond), ratio(m.replayVsBare ?? NaN),
    mb(m.peakRssBytes), String(m.replay.jobs), String(m.replay.rules), fixed(m.loadAverage, 1),
  ]);
  return [
    `Replay throughput — ${int(d.events)} events, ${mb(d.bytes)} MB in ${d.files} files (${d.days} days × ${d.hosts} hosts)`,
    formatTable(['configuration', 'bare s', 'bare ev/s', 'bare MB/s', 'replay s', 'CPU s', 'engine CPU s', 'replay ev/s', 'MB/s', 'replay÷bare', 'peak RSS MB', 'jobs', 'rules', 'load'], rows),
    `  core = ${p.content.core}`,
    `  full = ${p.content.full}`,
    `  bare = 1 thread, Buffer line splitter + JSON.parse of every line, same files, same process, just before the replay`,
    `  CPU s = user + system time of the replay process (all threads); engine CPU s = the engine (main) thread's share, the`,
    `  rest is parser threads and V8's compiler and GC threads; load = 1-minute load average when the child started`,
    ...(p.runs.length > 2 ? [`  fastest of ${p.runs.length / 2} runs per configuration (all runs are in the JSON)`] : []),
    '',
    `Rule evaluation cost: full ${fixed(p.full.replay.seconds, 2)} s vs core ${fixed(p.core.replay.seconds, 2)} s wall = ${percent(p.ruleCost)};` +
      ` CPU ${fixed(p.full.replay.cpuSeconds, 2)} s vs ${fixed(p.core.replay.cpuSeconds, 2)} s = ${percent(p.ruleCostCpu)}`,
  ].join('\n');
}

function floorSection(f: FloorMeasurement): string {
  const rows = [
    ['bare JSON.parse loop (the reference)', fixed(f.bare.seconds, 2), int(f.bare.events / f.bare.seconds), int(f.bare.events)],
    ['validating scan of every line', fixed(f.scan.seconds, 2), int(f.scan.events / f.scan.seconds), int(f.scan.events)],
    ['detection in memory (core jobs)', fixed(f.detection.seconds, 2), int(f.detection.events / f.detection.seconds), int(f.detection.events)],
  ];
  const best = (f.scan.seconds + f.detection.seconds) / f.cores;
  return [
    `Floor of a replay — the work no design skips, each piece alone in one thread, same files, load ${fixed(f.loadAverage, 1)}`,
    formatTable(['work', 'seconds', 'events/s', 'events'], rows),
    '  scan = the selective scanner asked for @timestamp only: every byte validated (bad input is reported), no value made;',
    '  detection = the events the jobs accept, parsed, projected and enriched beforehand, through routing, datafeed queries,',
    `  buckets and scoring (${int(f.detection.buckets)} bucket results, ${int(f.detection.records)} records), nothing written;`,
    `  a replay also pays for values, routing, threads, enrichment, store, checkpoints and V8's compiler and GC threads`,
    `Ceiling: (scan + detection) ÷ ${f.cores} cores = ${fixed(best, 2)} s at best, so replay ÷ bare ≤ ${ratio(f.ceiling)}` +
      ` (the target ${ratio(TARGETS.replayVsBare)} needs ≤ ${fixed(f.bare.seconds / TARGETS.replayVsBare, 2)} s)`,
  ].join('\n');
}

function hostsSection(h: NonNullable<BenchReport['hosts']>): string {
  const base = h.rows[0];
  const rows = h.rows.map((r) => [
    String(r.hosts), int(r.events), mb(r.bytes), fixed(r.replaySeconds, 2), fixed(r.replayCpuSeconds, 2), int(r.eventsPerSecond), fixed(r.microsecondsPerEvent, 1),
    mb(r.peakRssBytes), int(r.seriesModelled), mb(r.modelBytes), fixed(r.events / base.events, 2), fixed(r.replaySeconds / base.replaySeconds, 2),
    fixed(r.peakRssBytes / base.peakRssBytes, 2), fixed(r.loadAverage, 1),
  ]);
  return [
    `Growth with the number of hosts — ${h.days} days each, full configuration, one child process per size`,
    formatTable(['hosts', 'events', 'MB', 'replay s', 'CPU s', 'ev/s', 'µs/event', 'peak RSS MB', 'series', 'model MB', 'events ×', 'time ×', 'RSS ×', 'load'], rows),
  ].join('\n');
}

function seriesSection(s: NonNullable<BenchReport['series']>): string {
  const sorted = [...s.rows].sort((a, b) => a.series - b.series);
  const rows = sorted.map((r, i) => {
    // Bytes per added series between this size and the next smaller one: fixed per-job overhead cancels out.
    const prev = sorted[i - 1];
    const marginal = prev ? (r.retainedBytes - prev.retainedBytes) / (r.seriesModelled - prev.seriesModelled) : NaN;
    return [
      int(r.series), int(r.events), int(r.seriesModelled), mb(r.retainedBytes), int(r.retainedBytesPerSeries), kib(r.retainedBytesPerSeries),
      prev ? int(marginal) : '–', int(r.modelBytesPerSeries), r.memoryStatus, fixed(r.seconds, 1),
    ];
  });
  const lines = [
    `Memory per modelled series — ${s.job}, ${s.buckets} one-hour buckets, one event per series per bucket`,
    formatTable(['series', 'events', 'modelled', 'retained MB', 'B/series', 'KiB/series', 'marginal B/series', 'job estimate B/series', 'status', 'seconds'], rows),
    '  retained = heapUsed + arrayBuffers after gc, job alive and all buckets closed, minus the same before the job existed;',
    '  marginal = extra retained bytes per extra series against the next smaller size (the fixed per-job part cancels out)',
  ];
  for (const f of s.failed) lines.push(`  ${int(f.series)} series: FAILED — ${f.error}`);
  for (const n of s.notRun) lines.push(`  ${int(n)} series: not run (pass --series ${n} to measure it; see the seconds column for the cost per size)`);
  return lines.join('\n');
}

export function formatReport(r: BenchReport): string {
  const out: string[] = [];
  if (r.quick) out.push('QUICK MODE: small inputs to check the harness; the numbers say nothing about the targets.', '');
  if (r.replay && r.dataset) out.push(replaySection(r.replay, r.dataset), '');
  if (r.floor) out.push(floorSection(r.floor), '');
  if (r.hosts) out.push(hostsSection(r.hosts), '');
  if (r.series) out.push(seriesSection(r.series), '');
  const targets = Object.entries(r.targets).map(([name, t]) => [name, t.target, t.value, verdict(t.met)]);
  if (targets.length) out.push('Targets', formatTable(['measurement', 'target', 'measured', ''], targets), '');
  for (const [part, error] of Object.entries(r.failures)) out.push(`FAILED ${part}: ${error}`);
  for (const n of r.notes) out.push(`note: ${n}`);
  const parts = Object.entries(r.partSeconds).map(([k, v]) => `${k} ${fixed(v, 1)} s`).join(', ');
  out.push(`time: ${parts}; total ${fixed(r.totalSeconds, 1)} s on ${r.machine.cpus} × ${r.machine.cpuModel}, Node ${r.machine.node}`);
  return out.join('\n');
}
