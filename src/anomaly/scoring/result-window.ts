/**
 * Renormalisation (§3.4): the job keeps the documents it wrote within renormalization_window with their raw scores.
 * When a normaliser reports a big change, every kept score is normalised again and only documents whose score
 * changed "big" (Elastic's ScoresUpdater rule) are re-emitted, with the same `_id`; initial_* scores never change.
 */
import type { AnomalyResultBatch, BucketResult, InfluencerResult, RecordResult } from '../results.js';
import { emptyBatch } from '../results.js';
import type { NormalizerSet, ScoreInput } from './normalizer-set.js';

export interface KeptScore extends ScoreInput { key: string }

interface KeptRecord { doc: RecordResult; score: KeptScore }
interface KeptInfluencer { doc: InfluencerResult; score: KeptScore }
/** scores[i] belongs to doc.bucket_influencers[i]. */
interface KeptBucket { doc: BucketResult; scores: KeptScore[] }

/** Hard cap on kept documents per kind, whatever the window (protects memory on very noisy jobs). */
const MAX_KEPT = 10_000;
/**
 * Renormalisation runs at most once per this much event time (or per bucket, for longer buckets). Elastic's
 * renormaliser also coalesces quantile updates; re-scoring a month of results after every bucket of a busy
 * population job would dominate the run, and a delayed downgrade of old scores changes no alert.
 */
export const RENORMALIZE_INTERVAL_MS = 86_400_000;

/** Elastic's Normalizer#isBigUpdate: severity band change, a change of at least 1.5, or a factor of ~3. */
export function isBigUpdate(oldScore: number, newScore: number): boolean {
  if (Math.trunc(oldScore / 25) !== Math.trunc(newScore / 25)) return true;
  if (Math.abs(oldScore - newScore) >= 1.5) return true;
  return oldScore > newScore ? oldScore * 0.33 > newScore : newScore * 0.33 > oldScore;
}

const clone = <T>(x: T): T => structuredClone(x);

/**
 * The documents of one job within its renormalisation window. Kept documents are the very objects the job emitted:
 * nothing changes a result document once it is emitted (the store and the results file serialise it, rules read it),
 * and renormalisation replaces a kept document with a new object instead of changing it. Only what renormalisation
 * emits is cloned, so that its output owns its documents.
 */
export class ResultWindow {
  private records: KeptRecord[] = [];
  private influencers: KeptInfluencer[] = [];
  private buckets: KeptBucket[] = [];
  /** Normalisers that reported a big change since the last renormalisation. */
  private dirty = new Set<string>();
  private lastRun: number | null = null;

  constructor(private readonly windowMs: number) {}

  /** Records that these normalisers changed "big"; the next due renormalisation re-scores their results. */
  markDirty(keys: Iterable<string>): void {
    for (const k of keys) this.dirty.add(k);
  }

  /** Renormalises when something is dirty and the last run is at least RENORMALIZE_INTERVAL_MS (or a bucket) ago. */
  renormalizeIfDue(norms: NormalizerSet, nowMs: number, bucketSpanMs: number): AnomalyResultBatch {
    if (this.dirty.size === 0) return emptyBatch();
    if (this.lastRun !== null && nowMs - this.lastRun < Math.max(RENORMALIZE_INTERVAL_MS, bucketSpanMs)) return emptyBatch();
    this.lastRun = nowMs;
    const keys = this.dirty;
    this.dirty = new Set();
    return this.renormalize(norms, keys);
  }

  keepRecord(doc: RecordResult, score: KeptScore): void {
    this.records.push({ doc, score });
    if (this.records.length > MAX_KEPT) this.records.shift();
  }

  keepInfluencer(doc: InfluencerResult, score: KeptScore): void {
    this.influencers.push({ doc, score });
    if (this.influencers.length > MAX_KEPT) this.influencers.shift();
  }

  keepBucket(doc: BucketResult, scores: KeptScore[]): void {
    this.buckets.push({ doc, scores });
    if (this.buckets.length > MAX_KEPT) this.buckets.shift();
  }

  /** Forgets results older than the window, measured back from `nowMs` (the latest bucket end). */
  evict(nowMs: number): void {
    const cutoff = nowMs - this.windowMs;
    const drop = <T extends { doc: { timestamp: number } }>(list: T[]): T[] => {
      let i = 0;
      while (i < list.length && list[i].doc.timestamp < cutoff) i++;
      return i ? list.slice(i) : list;
    };
    this.records = drop(this.records);
    this.influencers = drop(this.influencers);
    this.buckets = drop(this.buckets);
  }

  /** Re-scores the kept results of the given normalisers; returns the documents that changed "big" (copies, same `_id`). */
  renormalize(norms: NormalizerSet, keys: ReadonlySet<string>): AnomalyResultBatch {
    const out = emptyBatch();
    for (const r of this.records) {
      if (!keys.has(r.score.key)) continue;
      const score = norms.normalize(r.score.key, r.score.raw, r.score.scopes);
      if (!isBigUpdate(r.doc.record_score, score)) continue;
      r.doc = { ...r.doc, record_score: score };
      out.records.push(clone(r.doc));
    }
    for (const r of this.influencers) {
      if (!keys.has(r.score.key)) continue;
      const score = norms.normalize(r.score.key, r.score.raw, r.score.scopes);
      if (!isBigUpdate(r.doc.influencer_score, score)) continue;
      r.doc = { ...r.doc, influencer_score: score };
      out.influencers.push(clone(r.doc));
    }
    for (const b of this.buckets) {
      let changed = false;
      const bis = b.doc.bucket_influencers.map((bi, i) => {
        const s = b.scores[i];
        if (!s || !keys.has(s.key)) return bi;
        const score = norms.normalize(s.key, s.raw, s.scopes);
        if (!isBigUpdate(bi.anomaly_score, score)) return bi;
        changed = true;
        return { ...bi, anomaly_score: score };
      });
      if (!changed) continue;
      b.doc = { ...b.doc, bucket_influencers: bis, anomaly_score: Math.max(0, ...bis.map((x) => x.anomaly_score)) };
      out.buckets.push(clone(b.doc));
    }
    return out;
  }

  size(): number {
    return this.records.length + this.influencers.length + this.buckets.length;
  }

  toJSON(): unknown {
    return { r: this.records, i: this.influencers, b: this.buckets, d: [...this.dirty], l: this.lastRun };
  }

  static fromJSON(windowMs: number, json: unknown): ResultWindow {
    const j = json as { r: KeptRecord[]; i: KeptInfluencer[]; b: KeptBucket[]; d: string[]; l: number | null };
    const w = new ResultWindow(windowMs);
    w.dirty = new Set(j.d);
    w.lastRun = j.l;
    w.records = clone(j.r);
    w.influencers = clone(j.i);
    w.buckets = clone(j.b);
    return w;
  }
}
