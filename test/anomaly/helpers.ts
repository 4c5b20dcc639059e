/** Shared helpers for the anomaly tests: fixture paths, a seeded PRNG, job construction from inline JSON. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { EcsEvent } from '../../src/ecs/index.js';
import { AnomalyJob, parseJobDocument, type AnomalyResultBatch, type JobDefinition, type RecordResult } from '../../src/anomaly/index.js';
import { seededRandom } from '../support/seeded-random.js';

export const rng = seededRandom;

export const ML_MODULE_DIR = path.resolve('..', 'shared', 'fixtures', 'elastic', 'ml_module');
export const DED_MODULE = path.join(ML_MODULE_DIR, 'ded-ml.json');
export const LMD_MODULE = path.join(ML_MODULE_DIR, 'lmd-ml.json');
export const haveFixtures = existsSync(DED_MODULE) && existsSync(LMD_MODULE);

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
/** 2026-10-01T00:00:00Z, a Thursday. */
export const T0 = Date.UTC(2026, 9, 1);


export function jobDef(job: Record<string, unknown>, extra: Record<string, unknown> = {}): JobDefinition {
  const [def] = parseJobDocument({ job_id: 'test_job', data_description: { time_field: '@timestamp', time_format: 'epoch_ms' }, ...job, ...extra }, 'inline.json');
  return def;
}

export function newJob(def: JobDefinition, bad: Array<[string, unknown]> = []): AnomalyJob {
  return AnomalyJob.create(def, { onBadValue: (field, value) => bad.push([field, value]) });
}

/** Feeds events (sorted by time) and advances the watermark as it goes; returns every batch's results merged. */
export function run(job: AnomalyJob, events: Array<Record<string, unknown>>, flush = true): AnomalyResultBatch {
  const out: AnomalyResultBatch = { buckets: [], records: [], influencers: [] };
  const add = (b: AnomalyResultBatch): void => {
    out.buckets.push(...b.buckets);
    out.records.push(...b.records);
    out.influencers.push(...b.influencers);
  };
  for (const e of events) {
    const t = typeof e['@timestamp'] === 'number' ? e['@timestamp'] : Date.parse(String(e['@timestamp']));
    add(job.advanceTo(t));
    if (job.accepts(e as EcsEvent)) job.ingest(e as EcsEvent);
  }
  if (flush) add(job.flush());
  return out;
}

/** Latest version of each record by _id (renormalised copies replace earlier ones). */
export function latestRecords(records: RecordResult[]): RecordResult[] {
  const m = new Map<string, RecordResult>();
  for (const r of records) m.set(r._id, r);
  return [...m.values()];
}
