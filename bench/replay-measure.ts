/**
 * One timed replay over a set of files, with a fresh store, optionally preceded (in the same process) by the bare
 * JSON.parse loop over the same files, so the ratio compares two measurements taken under the same machine load.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { cpuNow, cpuSecondsSince } from './thread-cpu.js';
import { replay } from '../src/engine/replay.js';
import { bareJsonParseLoop, rawReadLoop, type ScanResult } from './bare-json-parse.js';

export interface ReplayMeasureConfig {
  label: string;
  files: string[];
  /** --content paths (job modules, rule folders). */
  content: string[];
  /** Load the bundled content pack (content/) too. */
  builtin: boolean;
  /** Run the bare JSON.parse reference first. */
  withBareReference: boolean;
  /** Parser threads; undefined = the engine's default, as `outflow replay` uses it. */
  workers?: number;
}

export interface JobSeries { jobId: string; seriesModelled: number; modelBytes: number; memoryStatus: string }

export interface ReplayMeasurement {
  label: string;
  bytes: number;
  /** 1-minute load average when the child started: on a shared machine, high values mean slower wall times. */
  loadAverage: number;
  /** Newline-counting read of the files just before (warms the page cache; the I/O ceiling). */
  rawRead: ScanResult;
  bare?: ScanResult & { eventsPerSecond: number; mbPerSecond: number; cpuSeconds: number };
  replay: {
    seconds: number;
    /** User + system CPU time of the whole process (main thread and parser workers) during the replay. */
    cpuSeconds: number;
    /** The same for the engine (main) thread alone; NaN where /proc is missing. */
    engineCpuSeconds: number;
    eventsRead: number;
    eventsUsed: number;
    eventsPerSecond: number;
    mbPerSecond: number;
    badTotal: number;
    recordsWritten: number;
    alertsNew: number;
    jobs: number;
    rules: number;
    unsupportedRules: number;
    seriesModelled: number;
    modelBytes: number;
    jobSeries: JobSeries[];
  };
  /** replay events/s ÷ bare events/s (same process, same files). */
  replayVsBare?: number;
  /** The process's peak resident set (kernel maxRSS; includes parser worker threads and, if run, the bare loop). */
  peakRssBytes: number;
  heapUsedAfterBytes: number;
}

export async function measureReplay(config: ReplayMeasureConfig): Promise<ReplayMeasurement> {
  const loadAverage = loadavg()[0];
  const rawRead = rawReadLoop(config.files);
  const mb = rawRead.bytes / 1e6;
  let bare: ReplayMeasurement['bare'];
  if (config.withBareReference) {
    const cpu = cpuNow();
    const r = bareJsonParseLoop(config.files);
    const cpuSeconds = cpuSecondsSince(cpu).all;
    bare = { events: r.events, bytes: r.bytes, seconds: r.seconds, eventsPerSecond: r.events / r.seconds, mbPerSecond: mb / r.seconds, cpuSeconds };
  }

  const dir = mkdtempSync(join(tmpdir(), 'outflow-bench-replay-'));
  try {
    const cpu = cpuNow();
    const t0 = performance.now();
    const summary = await replay({
      inputs: config.files,
      content: config.content,
      builtin: config.builtin,
      db: join(dir, 'bench.db'),
      deadLetter: join(dir, 'dead-letter.ndjson'),
      // The CLI's defaults: 5 minutes of latency, a checkpoint every minute of wall-clock time and at the end, GeoIP on.
      latencyMs: 5 * 60_000,
      geo: true,
      workers: config.workers,
      progress: false,
    });
    const seconds = (performance.now() - t0) / 1000;
    const used = cpuSecondsSince(cpu);
    const heapUsedAfterBytes = process.memoryUsage().heapUsed;
    const jobSeries = summary.jobs.map((j) => ({ jobId: j.jobId, seriesModelled: j.seriesModelled, modelBytes: j.modelBytes, memoryStatus: j.memoryStatus }));
    const eventsPerSecond = summary.eventsRead / seconds;
    return {
      label: config.label,
      bytes: rawRead.bytes,
      loadAverage,
      rawRead,
      bare,
      replay: {
        seconds,
        cpuSeconds: used.all,
        engineCpuSeconds: used.main,
        eventsRead: summary.eventsRead,
        eventsUsed: summary.eventsUsed,
        eventsPerSecond,
        mbPerSecond: mb / seconds,
        badTotal: summary.badTotal,
        recordsWritten: summary.recordsWritten,
        alertsNew: summary.alertsNew,
        jobs: summary.jobs.length,
        rules: summary.rules.length,
        unsupportedRules: summary.unsupportedRules.length,
        seriesModelled: jobSeries.reduce((n, j) => n + j.seriesModelled, 0),
        modelBytes: jobSeries.reduce((n, j) => n + j.modelBytes, 0),
        jobSeries,
      },
      replayVsBare: bare ? eventsPerSecond / bare.eventsPerSecond : undefined,
      peakRssBytes: process.resourceUsage().maxRSS * 1024,
      heapUsedAfterBytes,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
