/**
 * Memory per modelled series: one `high_sum(file.size) partition_field_name host.name` job (1h buckets) learns N
 * hosts over enough buckets that every series has its seasonal model, then the retained heap is divided by N and
 * set beside the job's own estimate (stats().modelBytes / seriesModelled). Needs `--expose-gc`.
 */
import { AnomalyJob, parseJobDocument, type JobDefinition } from '../src/anomaly/index.js';

const HOUR_MS = 3_600_000;
/** Monday, so the weekday/weekend profiles see ordinary weekdays. */
const START_MS = Date.UTC(2026, 9, 5);

export interface SeriesMemoryResult {
  series: number;
  buckets: number;
  events: number;
  seriesModelled: number;
  /** heapUsed + arrayBuffers retained by the job after all buckets closed, over the empty-process baseline. */
  retainedBytes: number;
  retainedBytesPerSeries: number;
  /** The job's own estimate (what model_memory_limit is checked against). */
  modelBytes: number;
  modelBytesPerSeries: number;
  memoryStatus: string;
  recordsWritten: number;
  seconds: number;
}

/** The job from the brief, with a memory limit high enough that the guard never prunes or refuses a series. */
export function seriesMemoryJob(): JobDefinition {
  const json = {
    job_id: 'bench_high_sum_file_size_partition_host',
    analysis_config: {
      bucket_span: '1h',
      detectors: [{ function: 'high_sum', field_name: 'file.size', partition_field_name: 'host.name' }],
      influencers: ['host.name'],
    },
    analysis_limits: { model_memory_limit: '64gb' },
    data_description: { time_field: '@timestamp' },
    datafeed_config: { indices: ['logs-*'], query: { match_all: {} } },
  };
  const [def] = parseJobDocument(json, 'bench/series-memory.ts');
  return def;
}

/** How the tables name the job. */
export function seriesMemoryJobLabel(): string {
  return 'high_sum(file.size) partition_field_name=host.name, influencer host.name';
}

/** A daily cycle with per-host scale and ±10% deterministic noise (integer hash, no Math.random). */
function fileSize(host: number, bucket: number): number {
  let h = Math.imul(host ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(bucket + 1, 0xc2b2ae35);
  h ^= h >>> 15;
  h = Math.imul(h, 0x27d4eb2f);
  h ^= h >>> 13;
  const noise = ((h >>> 0) / 0xffffffff - 0.5) * 0.2;
  const daily = 1 + 0.5 * Math.sin((2 * Math.PI * (bucket % 24)) / 24);
  return Math.round((50_000 + (host % 97) * 1_000) * daily * (1 + noise));
}

function liveBytes(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc (bench/run.ts does this for its child process)');
  gc();
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

export function measureSeriesMemory(series: number, buckets: number): SeriesMemoryResult {
  const started = performance.now();
  const def = seriesMemoryJob();
  const baseline = liveBytes();
  const job = AnomalyJob.create(def, { onBadValue: () => {} });
  let events = 0;
  for (let b = 0; b < buckets; b++) {
    const t = START_MS + b * HOUR_MS;
    // Host names are built per event, as a parser would: the job keeps its own copies, so they count as its memory.
    for (let h = 0; h < series; h++) {
      job.ingest({ '@timestamp': t + (h % 3_600) * 1_000, host: { name: `host-${h}` }, file: { size: fileSize(h, b) } });
      events++;
    }
    // Closing returns the results; the bench drops them like a caller that has written them out.
    job.advanceTo(t + HOUR_MS);
  }
  const retainedBytes = liveBytes() - baseline;
  const stats = job.stats();
  return {
    series,
    buckets,
    events,
    seriesModelled: stats.seriesModelled,
    retainedBytes,
    retainedBytesPerSeries: retainedBytes / Math.max(stats.seriesModelled, 1),
    modelBytes: stats.modelBytes,
    modelBytesPerSeries: stats.modelBytes / Math.max(stats.seriesModelled, 1),
    memoryStatus: stats.memoryStatus,
    recordsWritten: stats.recordsWritten,
    seconds: (performance.now() - started) / 1000,
  };
}
