/** Runs a job uninterrupted and, on the same events, snapshotted mid-stream and restored: what both wrote, to compare. */
import { AnomalyJob, type AnomalyResultBatch, type JobDefinition } from '../../src/anomaly/index.js';
import type { EcsEvent } from '../../src/ecs/index.js';

const callbacks = { onBadValue() {} };

/** Feeds events in time order, closing buckets as time passes; non-empty result batches go to `out` as JSON. */
export function feed(job: AnomalyJob, events: Array<Record<string, unknown>>, out: string[]): void {
  const keep = (b: AnomalyResultBatch): void => {
    if (b.buckets.length || b.records.length || b.influencers.length) out.push(JSON.stringify(b));
  };
  for (const e of events) {
    keep(job.advanceTo(e['@timestamp'] as number));
    if (job.accepts(e as EcsEvent)) job.ingest(e as EcsEvent);
  }
}

export interface EquivalenceRun {
  reference: string[];
  resumed: string[];
  uninterrupted: AnomalyJob;
  restored: AnomalyJob;
}

/**
 * Cuts the events at 60% (+3, so open buckets hold data), snapshots there (through JSON, as the store does),
 * optionally rewrites the snapshot (e.g. into an older format), restores and continues.
 */
export function runSnapshotEquivalence(def: JobDefinition, events: Array<Record<string, unknown>>, rewrite: (state: unknown) => unknown = (s) => s): EquivalenceRun {
  const cut = Math.floor(events.length * 0.6) + 3;
  const reference: string[] = [];
  const uninterrupted = AnomalyJob.create(def, callbacks);
  feed(uninterrupted, events.slice(0, cut), []);
  feed(uninterrupted, events.slice(cut), reference);
  reference.push(JSON.stringify(uninterrupted.flush()));

  const first = AnomalyJob.create(def, callbacks);
  feed(first, events.slice(0, cut), []);
  const restored = AnomalyJob.restore(def, rewrite(JSON.parse(JSON.stringify(first.snapshot()))), callbacks);
  const resumed: string[] = [];
  feed(restored, events.slice(cut), resumed);
  resumed.push(JSON.stringify(restored.flush()));
  return { reference, resumed, uninterrupted, restored };
}
