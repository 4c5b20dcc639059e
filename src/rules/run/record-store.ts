/** Anomaly records machine_learning rules may still select: latest version per `_id`, pruned by lookback. */
import type { RecordSource } from '../executors/types.js';
import type { RecordDoc } from '../types.js';

export class RecordStore implements RecordSource {
  private readonly byJob = new Map<string, Map<string, RecordDoc>>();

  /** `wantedJobs`: job ids some rule reads; records of other jobs are not kept. */
  constructor(private readonly wantedJobs: ReadonlySet<string>) {}

  /** Keeps record results of wanted jobs; a renormalised record (same `_id`) replaces the earlier version. */
  upsert(record: RecordDoc): boolean {
    if (record.result_type !== 'record' || !this.wantedJobs.has(record.job_id)) return false;
    if (typeof record._id !== 'string' || !Number.isFinite(record.timestamp)) return false;
    let job = this.byJob.get(record.job_id);
    if (!job) {
      job = new Map();
      this.byJob.set(record.job_id, job);
    }
    job.delete(record._id); // re-insert so iteration order follows arrival, as a fresh search would
    job.set(record._id, record);
    return true;
  }

  recordsOf(jobId: string): Iterable<RecordDoc> {
    return this.byJob.get(jobId)?.values() ?? [];
  }

  pruneJob(jobId: string, beforeMs: number): void {
    const job = this.byJob.get(jobId);
    if (!job) return;
    for (const [id, r] of job) if (r.timestamp < beforeMs) job.delete(id);
  }

  snapshot(): unknown {
    return [...this.byJob].map(([jobId, recs]) => [jobId, [...recs.values()]]);
  }

  restore(state: unknown): void {
    this.byJob.clear();
    for (const [jobId, recs] of (Array.isArray(state) ? state : []) as Array<[string, RecordDoc[]]>) {
      this.byJob.set(jobId, new Map(recs.map((r) => [r._id, r])));
    }
  }
}
