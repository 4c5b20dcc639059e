/**
 * `outflow replay`: reads ECS logs (sources/, parsed and judged in worker threads), takes each event in
 * (event-intake.ts: counted, held in event-time order or only noted, or late), runs the released events through the
 * detection pipeline (detection-pipeline.ts), and keeps results, alerts and the learned state in the store. A run resumes from the store's last checkpoint: after a
 * kill it continues where it stopped (same inputs), and over new inputs it continues the learned models.
 */
import { statSync } from 'node:fs';
import { OutflowError } from '../errors.js';
import { SqliteStore, type Checkpoint, type ResultDoc, type Store } from '../store/index.js';
import { NdjsonSink } from '../sinks/index.js';
import { DeadLetter, readEvents, resolveInputs, type InputFile, type SourceEvent } from '../sources/index.js';
import { EventTimeBuffer } from './event-time-buffer.js';
import { EventIntake } from './event-intake.js';
import { DetectionPipeline } from './detection-pipeline.js';
import { ProgressLine } from './progress.js';
import { buildDetection, type Detection } from './build-detection.js';
import { eventInterestRef } from './event-interest.js';
import { tuneJitForReplay } from './jit-tuning.js';
import type { Alert } from '../rules/index.js';
import type { AnomalyResultBatch, JobStats } from '../anomaly/index.js';

export const CHECKPOINT_VERSION = 1;
/** Wall-clock seconds between checkpoints, unless ReplayOptions.checkpointSeconds says otherwise. */
export const DEFAULT_CHECKPOINT_SECONDS = 60;

export interface ReplayOptions {
  inputs: string[];
  content: string[];
  builtin: boolean;
  db: string;
  results?: string;
  alerts?: string;
  deadLetter?: string;
  /** How far out of order events may arrive and still be used. */
  latencyMs: number;
  internalNetworks?: string[];
  geo: boolean;
  /** A MaxMind-format city database instead of the bundled country database (`--geoip-db`): adds region and city. */
  geoDatabase?: string;
  workers?: number;
  /** Forget the learned state in the store (results and alerts stay). */
  restart?: boolean;
  /** Also checkpoint after this many events (tests use it to checkpoint often). */
  checkpointEvery?: number;
  /**
   * Wall-clock seconds between checkpoints (default DEFAULT_CHECKPOINT_SECONDS); there is always one at the end. Like
   * Elastic's background persistence of model state, this is time-based: a killed run repeats at most this much work.
   */
  checkpointSeconds?: number;
  progress: boolean;
  /** Test hook: stop abruptly (as if killed) after this many events, without a final checkpoint. */
  abortAfterEvents?: number;
}

export interface ReplaySummary {
  inputs: Array<{ path: string; status: 'read' | 'resumed' | 'skipped (already processed)' }>;
  eventsRead: number;
  eventsUsed: number;
  eventsLate: number;
  egressDropped: number;
  bad: Record<string, number>;
  badTotal: number;
  deadLetterFile?: string;
  jobs: JobStats[];
  rules: Array<{ ruleId: string; name: string; runs: number; alerts: number; suppressed: number; warnings: string[] }>;
  unsupportedRules: Array<{ file: string; name?: string; type?: string; reason: string }>;
  overriddenRules: Array<{ ruleId: string; name: string; bundled: string; by: string }>;
  recordsWritten: number;
  alertsNew: number;
  alertsClosedByExceptions: number;
  firstEventTime?: number;
  lastEventTime?: number;
  /** Where the added geo and AS data come from, with the attribution its licence asks for; absent with geo off. */
  geoSource?: string;
  wallSeconds: number;
  peakRssBytes: number;
  resumedFromCheckpoint: boolean;
  aborted: boolean;
}

interface EngineState {
  pending: SourceEvent[];
  released: number;
  nextStep: number;
  /** Event-time span of all input so far, across resumed and continued runs (the end of input is judged at `last`). */
  span: { first?: number; last?: number };
  rules?: unknown;
}

/** Input files matched against the checkpoint: same path, size and mtime means the same file. */
function planInputs(files: InputFile[], cp: Checkpoint | undefined) {
  const startAt = new Map<string, { offset: number; line: number }>();
  const toRead: InputFile[] = [];
  const status: ReplaySummary['inputs'] = [];
  let resuming = false;
  for (const f of files) {
    const prev = cp?.inputs.find((i) => i.path === f.path && i.size === f.size && i.mtimeMs === f.mtimeMs && f.size >= 0);
    if (prev?.done) {
      status.push({ path: f.path, status: 'skipped (already processed)' });
      continue;
    }
    if (prev && prev.offset > 0) {
      startAt.set(f.path, { offset: prev.offset, line: prev.line });
      resuming = true;
      status.push({ path: f.path, status: 'resumed' });
    } else status.push({ path: f.path, status: 'read' });
    toRead.push(f);
  }
  return { startAt, toRead, status, resuming };
}

export async function replay(opts: ReplayOptions): Promise<ReplaySummary> {
  const started = Date.now();
  tuneJitForReplay();
  let peakRss = process.memoryUsage().rss;
  const files = resolveInputs(opts.inputs);
  const store: Store = SqliteStore.open(opts.db);
  try {
    if (opts.restart) store.clearState();
    const cp = store.loadCheckpoint();
    if (cp && cp.version !== CHECKPOINT_VERSION) {
      throw new OutflowError(`${opts.db}: checkpoint format ${cp.version} is not readable by this Outflow (expects ${CHECKPOINT_VERSION}); rerun with --restart to relearn`, 'store');
    }
    const engineState = cp?.engine as EngineState | undefined;
    const detection: Detection = buildDetection(opts, store, engineState?.rules);
    const plan = planInputs(files, cp);

    const resultsSink = opts.results ? new NdjsonSink(opts.results, plan.resuming ? cp?.outputs[opts.results] : undefined) : undefined;
    const alertsSink = opts.alerts ? new NdjsonSink(opts.alerts, plan.resuming ? cp?.outputs[opts.alerts] : undefined) : undefined;
    const deadLetter = new DeadLetter(opts.deadLetter);

    const span: EngineState['span'] = { ...(engineState?.span ?? {}) };
    // What this run did (the summary speaks of this run only).
    const counters = { recordsWritten: 0, alertsNew: 0 };
    let pendingResults: ResultDoc[] = [];
    let pendingAlerts: Alert[] = [];
    const flushToStore = () => {
      if (pendingResults.length) store.upsertResults(pendingResults);
      if (pendingAlerts.length) counters.alertsNew += store.putAlerts(pendingAlerts);
      pendingResults = [];
      pendingAlerts = [];
    };

    const pipeline = new DetectionPipeline(detection.jobs, detection.rules, detection.enricher, detection.egress, {
      onResults(batch: AnomalyResultBatch) {
        for (const d of batch.buckets) pendingResults.push(d as unknown as ResultDoc);
        for (const d of batch.influencers) pendingResults.push(d as unknown as ResultDoc);
        for (const d of batch.records) {
          pendingResults.push(d as unknown as ResultDoc);
          resultsSink?.write(d);
          counters.recordsWritten++;
        }
        if (pendingResults.length > 20_000) flushToStore();
      },
      onAlerts(alerts: Alert[]) {
        for (const a of alerts) {
          pendingAlerts.push(a);
          alertsSink?.write(a);
        }
      },
    });
    const buffer = new EventTimeBuffer<SourceEvent>(opts.latencyMs, engineState?.released ?? -Infinity);
    if (engineState) {
      for (const e of engineState.pending) buffer.push(e, e.origin.file);
      pipeline.nextStepTime = engineState.nextStep;
    }
    // Files the reader opens at once: each must deliver before the watermark may move (see event-time-buffer.ts).
    const MAX_OPEN_FILES = 64;
    for (const f of plan.toRead.slice(0, MAX_OPEN_FILES)) buffer.expectInput(f.path);

    const inputState = new Map<string, { path: string; size: number; mtimeMs: number; offset: number; line: number; done: boolean }>();
    for (const f of files) {
      const prev = cp?.inputs.find((i) => i.path === f.path && i.size === f.size && i.mtimeMs === f.mtimeMs);
      inputState.set(f.path, prev ? { ...prev } : { path: f.path, size: f.size, mtimeMs: f.mtimeMs, offset: 0, line: 0, done: false });
    }
    // Inputs of earlier runs stay in the checkpoint so that rerunning them is recognised.
    const carried = (cp?.inputs ?? []).filter((i) => !inputState.has(i.path));

    const checkpoint = () => {
      resultsSink?.flush();
      alertsSink?.flush();
      store.transaction(() => {
        flushToStore();
        for (const [component, state] of detection.snapshots()) store.saveSnapshot(component, state);
        const state: EngineState = {
          pending: buffer.pending(),
          released: buffer.releasedUpTo,
          nextStep: pipeline.nextStepTime,
          span: { ...span },
          rules: detection.rules?.snapshot(),
        };
        const outputs: Record<string, number> = {};
        if (resultsSink && opts.results) outputs[opts.results] = resultsSink.bytes;
        if (alertsSink && opts.alerts) outputs[opts.alerts] = alertsSink.bytes;
        store.saveCheckpoint({ version: CHECKPOINT_VERSION, watermark: buffer.watermark, inputs: [...carried, ...inputState.values()], engine: state, outputs });
      });
    };

    // Exceptions added since the last run close the stored open alerts they match.
    const closed = detection.closeAlertsMatchingExceptions();

    const totalBytes = plan.toRead.reduce((s, f) => s + Math.max(f.size, 0), 0);
    const progress = new ProgressLine(totalBytes);
    let sinceCheckpoint = 0;
    let lastCheckpointMs = performance.now();
    const checkpointEvery = opts.checkpointEvery ?? Infinity;
    const checkpointMs = (opts.checkpointSeconds ?? DEFAULT_CHECKPOINT_SECONDS) * 1000;
    let bytesDone = 0;
    const released: SourceEvent[] = [];
    const intake = new EventIntake(buffer, detection.rules, deadLetter, span, opts.latencyMs, opts.abortAfterEvents);
    readLoop: for await (const batch of readEvents(plan.toRead, {
      timeField: '@timestamp',
      numericFields: detection.numericFields,
      keepFields: detection.keepFields,
      sideFields: detection.sideFields,
      workers: opts.workers,
      startAt: plan.startAt,
      maxOpenFiles: MAX_OPEN_FILES,
      deadLetter,
      // Parser threads judge which events any job or rule wants; the others arrive as time and line only.
      // Content paths as given: worker threads share this process's working directory.
      quietAsTimes: true,
      interest: eventInterestRef({
        content: opts.content,
        builtin: opts.builtin,
        internalNetworks: opts.internalNetworks,
        geo: opts.geo,
        geoDatabase: opts.geoDatabase,
        jobIds: detection.jobs.map((r) => r.job.id),
      }),
    })) {
      const readBefore = intake.counters.eventsRead;
      for (const se of batch.events) {
        if (!intake.take(se)) break readLoop;
      }
      for (const quiet of batch.quiet ?? []) {
        if (!intake.takeQuiet(quiet)) break readLoop;
      }
      released.length = 0;
      buffer.release(false, released);
      pipeline.process(released);
      bytesDone = 0;
      for (const p of batch.positions) {
        const s = inputState.get(p.path);
        if (s) {
          s.offset = p.offset;
          s.line = p.line;
          s.done = p.done;
        }
        if (p.done) buffer.inputDone(p.path);
      }
      for (const s of inputState.values()) bytesDone += s.done ? Math.max(s.size, 0) : s.offset;
      sinceCheckpoint += intake.counters.eventsRead - readBefore;
      if (sinceCheckpoint >= checkpointEvery || performance.now() - lastCheckpointMs >= checkpointMs) {
        checkpoint();
        sinceCheckpoint = 0;
        lastCheckpointMs = performance.now();
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
      }
      if (opts.progress) progress.update(intake.counters.eventsRead, buffer.watermark, bytesDone);
    }
    progress.done();

    const aborted = intake.stopped;
    if (!aborted) {
      released.length = 0;
      buffer.release(true, released);
      pipeline.process(released);
      if (span.last !== undefined) pipeline.advanceTo(span.last);
      pipeline.finish();
      for (const s of inputState.values()) s.done = true;
      checkpoint();
    }
    resultsSink?.close();
    alertsSink?.close();
    await deadLetter.close();
    peakRss = Math.max(peakRss, process.memoryUsage().rss);

    return {
      inputs: plan.status,
      eventsRead: intake.counters.eventsRead,
      eventsUsed: pipeline.counters.eventsUsed,
      eventsLate: intake.counters.eventsLate,
      egressDropped: pipeline.counters.egressDropped,
      bad: deadLetter.counts(),
      badTotal: deadLetter.total(),
      deadLetterFile: opts.deadLetter,
      jobs: detection.jobs.map((r) => r.job.stats()),
      rules: detection.rules?.stats() ?? [],
      unsupportedRules: detection.unsupportedRules,
      overriddenRules: detection.overriddenRules,
      recordsWritten: counters.recordsWritten,
      alertsNew: counters.alertsNew,
      alertsClosedByExceptions: closed,
      firstEventTime: span.first,
      lastEventTime: span.last,
      geoSource: detection.geoSource,
      wallSeconds: (Date.now() - started) / 1000,
      peakRssBytes: peakRss,
      resumedFromCheckpoint: plan.resuming,
      aborted,
    };
  } finally {
    store.close();
  }
}

/** Size of the inputs for progress estimates (exported for the CLI). */
export function totalInputBytes(paths: string[]): number {
  return paths.reduce((s, p) => s + statSync(p).size, 0);
}
