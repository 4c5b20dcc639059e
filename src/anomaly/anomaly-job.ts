/**
 * The runtime of one anomaly detection job, driven by the engine in event time: accepts/ingest route events into
 * open buckets; advanceTo/flush close buckets in order (empty ones too), score them, normalise, and return
 * Elastic-shaped results. All state is plain data: snapshot() → restore() continues byte-identically.
 */
import { fieldReader, parseTimestamp, type FieldReader } from '../ecs/index.js';
import type { EcsEvent } from '../ecs/index.js';
import type { JobDefinition } from './config/job-definition.js';
import { buildEventView, type EventView } from './datafeed-filter.js';
import { MemoryGuard, type MemoryGuardState, type MemoryStatus } from './memory.js';
import { emptyBatch, type AnomalyResultBatch } from './results.js';
import { DetectorRuntime } from './series/detector-runtime.js';
import type { SeriesBucketJson } from './series/series-bucket.js';
import { scoreBucket, type BucketScoringContext } from './scoring/score-bucket.js';
import { NormalizerSet } from './scoring/normalizer-set.js';
import { ResultWindow } from './scoring/result-window.js';
import type { ScoredLeaf } from './scoring/leaf.js';
import type { FirstContactLink } from './scoring/first-contact-pool.js';

export type { AnomalyResultBatch } from './results.js';

export interface EventOrigin { file: string; line: number }
export interface JobCallbacks { onBadValue(field: string, value: unknown, origin: EventOrigin | undefined): void }

export interface JobStats {
  jobId: string;
  seriesModelled: number;
  modelBytes: number;
  memoryStatus: MemoryStatus;
  refusedSeries: number;
  bucketsProcessed: number;
  eventsProcessed: number;
  outOfOrder: number;
  invalidValues: number;
  recordsWritten: number;
  pruned: number;
}

interface Counters { bucketsProcessed: number; eventsProcessed: number; outOfOrder: number; invalidValues: number; recordsWritten: number; prunedByWindow: number }

const SNAPSHOT_VERSION = 1;

interface JobSnapshot {
  version: number;
  jobId: string;
  nextBucketStart: number | null;
  lastDataBucket: number | null;
  lastClosedWithData: number | null;
  eventCounts: Array<[number, number]>;
  counters: Counters;
  detectors: Array<{ state: unknown; open: Array<[number, SeriesBucketJson[]]> }>;
  normalizers: Array<[string, unknown]>;
  window: unknown;
  memory: MemoryGuardState;
}

/** How often (in buckets) series older than model_prune_window are dropped: about daily, at least every bucket. */
function pruneEvery(bucketSpanMs: number): number {
  return Math.max(1, Math.round(86_400_000 / bucketSpanMs));
}

export class AnomalyJob {
  readonly id: string;
  readonly bucketSpanMs: number;
  readonly timeField: string;
  private readonly readTime: FieldReader;
  readonly fieldsRead: string[];

  private readonly eventView: EventView;
  private readonly detectors: DetectorRuntime[];
  private norms: NormalizerSet;
  private window: ResultWindow;
  private memory: MemoryGuard;
  private nextBucketStart: number | undefined;
  private lastDataBucket: number | undefined;
  private eventCounts = new Map<number, number>();
  /** Start of the last closed bucket that had events (for skipping long silent gaps). */
  private lastClosedWithData: number | undefined;
  private counters: Counters = { bucketsProcessed: 0, eventsProcessed: 0, outOfOrder: 0, invalidValues: 0, recordsWritten: 0, prunedByWindow: 0 };
  private currentOrigin: EventOrigin | undefined;
  /** Population detectors that share first contacts with sibling jobs (scoring/first-contact-pool.ts). */
  private readonly firstContactLinks = new Map<number, FirstContactLink>();
  private readonly firstContactOf = (detectorIndex: number): FirstContactLink | undefined => this.firstContactLinks.get(detectorIndex);

  private constructor(private readonly def: JobDefinition, private readonly callbacks: JobCallbacks) {
    this.id = def.id;
    this.bucketSpanMs = def.bucketSpanMs;
    this.timeField = def.timeField;
    this.readTime = fieldReader(def.timeField);
    this.eventView = buildEventView(def);
    this.detectors = def.detectors.map((d) => new DetectorRuntime(d, def.bucketSpanMs, def.influencers));
    this.norms = new NormalizerSet(def.bucketSpanMs);
    this.window = new ResultWindow(def.renormalizationWindowMs);
    this.memory = new MemoryGuard(def.modelMemoryLimitBytes);
    const fields = new Set<string>([def.timeField, ...this.eventView.fieldsRead, ...def.influencers]);
    for (const d of this.detectors) for (const f of d.fields()) fields.add(f);
    // Runtime fields are computed here, not read: their inputs are in eventView.fieldsRead already.
    for (const n of this.eventView.runtimeFieldNames) fields.delete(n);
    this.fieldsRead = [...fields];
  }

  static create(def: JobDefinition, callbacks: JobCallbacks): AnomalyJob {
    return new AnomalyJob(def, callbacks);
  }

  /**
   * Lets population detector `detectorIndex` judge its newcomers by the first contacts of sibling jobs until its own
   * newcomers are modelled (the engine decides who the siblings are). The pool's state is the caller's to snapshot.
   */
  shareFirstContacts(detectorIndex: number, link: FirstContactLink): void {
    if (!this.def.detectors[detectorIndex]?.overFieldName) throw new Error(`job ${this.id}: detector ${detectorIndex} is not a population detector`);
    this.firstContactLinks.set(detectorIndex, link);
  }

  accepts(event: EcsEvent): boolean {
    return this.eventView.accepts(event);
  }

  private readonly reportBad = (field: string, value: unknown): void => {
    this.counters.invalidValues++;
    this.callbacks.onBadValue(field, value, this.currentOrigin);
  };

  ingest(event: EcsEvent, origin?: EventOrigin): void {
    const view = this.eventView.view(event);
    const raw = this.readTime(view);
    const t = parseTimestamp(raw, this.def.timeFormat);
    this.currentOrigin = origin;
    if (t === undefined) {
      this.reportBad(this.timeField, raw);
      return;
    }
    const span = this.bucketSpanMs;
    const bucket = Math.floor(t / span) * span;
    if (this.nextBucketStart === undefined) this.nextBucketStart = bucket;
    if (bucket < this.nextBucketStart) {
      this.counters.outOfOrder++;
      return;
    }
    this.counters.eventsProcessed++;
    this.eventCounts.set(bucket, (this.eventCounts.get(bucket) ?? 0) + 1);
    if (this.lastDataBucket === undefined || bucket > this.lastDataBucket) this.lastDataBucket = bucket;
    for (const d of this.detectors) d.ingest(view, bucket, t, this.reportBad);
    this.currentOrigin = undefined;
  }

  advanceTo(watermarkMs: number): AnomalyResultBatch {
    const batch = emptyBatch();
    if (this.nextBucketStart === undefined) return batch;
    this.closeUntil(Math.floor(watermarkMs / this.bucketSpanMs) * this.bucketSpanMs, batch);
    return batch;
  }

  flush(): AnomalyResultBatch {
    const batch = emptyBatch();
    if (this.nextBucketStart === undefined || this.lastDataBucket === undefined) return batch;
    this.closeUntil(this.lastDataBucket + this.bucketSpanMs, batch);
    return batch;
  }

  /** Closes every bucket that starts before `endMs`, skipping silent stretches longer than the prune window. */
  private closeUntil(endMs: number, batch: AnomalyResultBatch): void {
    while (this.nextBucketStart !== undefined && this.nextBucketStart < endMs) {
      const silentFor = this.lastClosedWithData === undefined ? 0 : this.nextBucketStart - this.lastClosedWithData;
      if (silentFor > this.def.modelPruneWindowMs && !this.eventCounts.has(this.nextBucketStart)) {
        // Every model is older than the prune window by now: drop them all and jump to the next data (or the end)
        // instead of closing (possibly millions of) empty buckets after a gap or a far-future timestamp.
        for (const d of this.detectors) this.counters.prunedByWindow += d.pruneOlderThan(this.nextBucketStart);
        const upcoming = [...this.eventCounts.keys()].filter((b) => b >= this.nextBucketStart!);
        this.nextBucketStart = Math.min(endMs, ...upcoming);
        this.lastClosedWithData = undefined;
        continue;
      }
      this.closeBucket(this.nextBucketStart, batch);
      this.nextBucketStart += this.bucketSpanMs;
    }
  }

  private closeBucket(bucketStartMs: number, batch: AnomalyResultBatch): void {
    const ctx = {
      bucketStartMs, bucketSpanMs: this.bucketSpanMs, allowNew: (bytes: number) => this.memory.allowNew(bytes), firstContact: this.firstContactOf,
    };
    const leaves: ScoredLeaf[] = [];
    // A loop, not push(...): spreading more than ~120k series' leaves overflows V8's argument limit.
    for (const d of this.detectors) for (const leaf of d.close(ctx)) leaves.push(leaf);
    this.counters.bucketsProcessed++;
    if (this.counters.bucketsProcessed % pruneEvery(this.bucketSpanMs) === 0) {
      const cutoff = bucketStartMs - this.def.modelPruneWindowMs;
      for (const d of this.detectors) this.counters.prunedByWindow += d.pruneOlderThan(cutoff);
    }
    this.memory.afterBucket(this.detectors, bucketStartMs);
    const eventCount = this.eventCounts.get(bucketStartMs) ?? 0;
    this.eventCounts.delete(bucketStartMs);
    if (eventCount > 0) this.lastClosedWithData = bucketStartMs;
    const scoring: BucketScoringContext = {
      jobId: this.id, def: this.def, bucketStartMs, eventCount, norms: this.norms, window: this.window,
    };
    const out = scoreBucket(scoring, leaves);
    this.counters.recordsWritten += out.records.filter((r) => r.timestamp === bucketStartMs).length;
    for (const b of out.buckets) batch.buckets.push(b);
    for (const r of out.records) batch.records.push(r);
    for (const i of out.influencers) batch.influencers.push(i);
    this.window.evict(bucketStartMs + this.bucketSpanMs);
  }

  /** Feature values of the open bucket starting at `bucketStartMs`, per detector and series (diagnostics, tests). */
  peekBucket(bucketStartMs: number): Array<ReturnType<DetectorRuntime['peekFeatures']>> {
    return this.detectors.map((d) => d.peekFeatures(bucketStartMs));
  }

  stats(): JobStats {
    return {
      jobId: this.id,
      seriesModelled: this.detectors.reduce((n, d) => n + d.seriesCount(), 0),
      modelBytes: this.memory.bytes,
      memoryStatus: this.memory.status,
      refusedSeries: this.memory.refused,
      bucketsProcessed: this.counters.bucketsProcessed,
      eventsProcessed: this.counters.eventsProcessed,
      outOfOrder: this.counters.outOfOrder,
      invalidValues: this.counters.invalidValues,
      recordsWritten: this.counters.recordsWritten,
      pruned: this.memory.pruned + this.counters.prunedByWindow,
    };
  }

  snapshot(): unknown {
    const s: JobSnapshot = {
      version: SNAPSHOT_VERSION,
      jobId: this.id,
      nextBucketStart: this.nextBucketStart ?? null,
      lastDataBucket: this.lastDataBucket ?? null,
      lastClosedWithData: this.lastClosedWithData ?? null,
      eventCounts: [...this.eventCounts],
      counters: { ...this.counters },
      detectors: this.detectors.map((d) => d.toJSON()),
      normalizers: this.norms.toJSON(),
      window: this.window.toJSON(),
      memory: this.memory.toJSON(),
    };
    // A deep copy: the caller may serialise it later while the job keeps running.
    return structuredClone(s);
  }

  static restore(def: JobDefinition, state: unknown, callbacks: JobCallbacks): AnomalyJob {
    const s = state as Partial<JobSnapshot> | null;
    if (!s || typeof s !== 'object' || s.version !== SNAPSHOT_VERSION || s.jobId !== def.id || !Array.isArray(s.detectors)) {
      throw new Error(`snapshot of job ${def.id} is not usable (version ${String(s?.version)}, job ${String(s?.jobId)})`);
    }
    if (s.detectors.length !== def.detectors.length) {
      throw new Error(`snapshot of job ${def.id} has ${s.detectors.length} detectors, the job has ${def.detectors.length}`);
    }
    const copy = structuredClone(s) as JobSnapshot;
    const job = new AnomalyJob(def, callbacks);
    job.nextBucketStart = copy.nextBucketStart ?? undefined;
    job.lastDataBucket = copy.lastDataBucket ?? undefined;
    job.lastClosedWithData = copy.lastClosedWithData ?? undefined;
    job.eventCounts = new Map(copy.eventCounts);
    job.counters = { ...copy.counters };
    copy.detectors.forEach((d, i) => job.detectors[i].restore(d));
    job.norms = NormalizerSet.fromJSON(def.bucketSpanMs, copy.normalizers);
    job.window = ResultWindow.fromJSON(def.renormalizationWindowMs, copy.window);
    job.memory = MemoryGuard.fromJSON(def.modelMemoryLimitBytes, copy.memory);
    return job;
  }
}
