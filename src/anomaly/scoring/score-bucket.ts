/**
 * Turns one closed bucket's scored leaves into results: the §3.3 tree, raw scores, normaliser updates, initial
 * scores, gating (only p < 0.035 is written), documents, and — when a normaliser reports a big change —
 * renormalisation of the results kept in the window.
 */
import type { DetectorDefinition, JobDefinition } from '../config/job-definition.js';
import { buildBucket, buildInfluencer, type BucketScore } from '../results/build-bucket.js';
import { buildRecord, type RecordContext } from '../results/build-record.js';
import type { AnomalyResultBatch } from '../results.js';
import { aggregateInfluencers, bucketRoot, leafAggregate } from './aggregate-bucket.js';
import { WRITE_PROBABILITY_THRESHOLD, type ScoredLeaf } from './leaf.js';
import { BUCKET_NORMALIZER, influencerNormalizerKey, recordNormalizerKey, type NormalizerSet, type ScoreInput } from './normalizer-set.js';
import type { ResultWindow } from './result-window.js';

export interface BucketScoringContext {
  jobId: string;
  def: JobDefinition;
  bucketStartMs: number;
  eventCount: number;
  norms: NormalizerSet;
  window: ResultWindow;
}

const ROOT_SCOPES = ['root'];
/** A quiet bucket still counts for the quantiles (the share of zero scores matters in §3.4's c0). */
const QUIET: ScoreInput[] = [{ raw: 0, scopes: [] }];

/** Normaliser scopes of a record: its partition value and its person (over, else by) value. */
export function recordScopes(def: DetectorDefinition, leaf: ScoredLeaf): string[] {
  const scopes: string[] = [];
  if (def.partitionFieldName) scopes.push(`partition:${def.partitionFieldName}=${leaf.partition}`);
  if (def.overFieldName && leaf.over !== null) scopes.push(`person:${def.overFieldName}=${leaf.over}`);
  else if (def.byFieldName && leaf.by !== null) scopes.push(`person:${def.byFieldName}=${leaf.by}`);
  return scopes;
}

const influencerScopes = (field: string, value: string): string[] => [`influencer:${field}=${value}`];

export function scoreBucket(ctx: BucketScoringContext, leaves: ScoredLeaf[]): AnomalyResultBatch {
  const { def, norms, bucketStartMs: b } = ctx;
  const root = bucketRoot(leaves);
  const written = leaves.filter((l) => l.p < WRITE_PROBABILITY_THRESHOLD)
    .sort((x, y) => x.p - y.p || x.detectorIndex - y.detectorIndex);
  const recordInputs = written.map((l) => ({
    leaf: l, key: recordNormalizerKey(l.detectorIndex), raw: leafAggregate(l.p).rawScore, scopes: recordScopes(def.detectors[l.detectorIndex], l),
  }));
  const influencers = aggregateInfluencers(written).filter((i) => i.probability < WRITE_PROBABILITY_THRESHOLD);

  // Every normaliser sees every bucket (quiet ones as a 0), then scores are computed with the updated quantiles.
  const changed: string[] = [];
  if (norms.update(BUCKET_NORMALIZER, b, [{ raw: root.rawScore, scopes: ROOT_SCOPES }])) changed.push(BUCKET_NORMALIZER);
  for (const d of def.detectors) {
    const key = recordNormalizerKey(d.index);
    const inputs = recordInputs.filter((r) => r.key === key).map(({ raw, scopes }) => ({ raw, scopes }));
    if (norms.update(key, b, inputs.length ? inputs : QUIET)) changed.push(key);
  }
  for (const field of def.influencers) {
    const key = influencerNormalizerKey(field);
    const inputs = influencers.filter((i) => i.field === field).map((i) => ({ raw: i.rawScore, scopes: influencerScopes(field, i.value) }));
    if (norms.update(key, b, inputs.length ? inputs : QUIET)) changed.push(key);
  }
  ctx.window.markDirty(changed);

  // Older results first (renormalised, same _id), then this bucket's.
  const out = ctx.window.renormalizeIfDue(norms, b, def.bucketSpanMs);
  const recordCtx: RecordContext = {
    jobId: ctx.jobId, bucketStartMs: b, bucketSpanMs: def.bucketSpanMs, timeField: def.timeField, influencerFields: def.influencers,
  };
  for (const r of recordInputs) {
    const score = norms.normalize(r.key, r.raw, r.scopes);
    const doc = buildRecord(recordCtx, def.detectors[r.leaf.detectorIndex], r.leaf, score);
    out.records.push(doc);
    ctx.window.keepRecord(doc, { key: r.key, raw: r.raw, scopes: r.scopes });
  }
  const bucketScores: BucketScore[] = [{
    field: 'bucket_time', raw: root.rawScore, probability: root.probability, score: norms.normalize(BUCKET_NORMALIZER, root.rawScore, ROOT_SCOPES),
  }];
  const bucketKeys = [{ key: BUCKET_NORMALIZER, raw: root.rawScore, scopes: ROOT_SCOPES }];
  for (const field of def.influencers) {
    const mine = influencers.filter((i) => i.field === field);
    if (mine.length === 0) continue;
    const key = influencerNormalizerKey(field);
    for (const i of mine) {
      const scopes = influencerScopes(field, i.value);
      const score = norms.normalize(key, i.rawScore, scopes);
      const doc = buildInfluencer(ctx.jobId, b, def.bucketSpanMs, field, i.value, i.probability, score);
      out.influencers.push(doc);
      ctx.window.keepInfluencer(doc, { key, raw: i.rawScore, scopes });
    }
    const top = mine.reduce((x, y) => (y.rawScore > x.rawScore ? y : x));
    bucketScores.push({ field, raw: top.rawScore, probability: top.probability, score: norms.normalize(key, top.rawScore, []) });
    bucketKeys.push({ key, raw: top.rawScore, scopes: [] });
  }
  const bucket = buildBucket(ctx.jobId, b, def.bucketSpanMs, ctx.eventCount, bucketScores);
  out.buckets.push(bucket);
  if (root.rawScore > 0 || bucketScores.length > 1) ctx.window.keepBucket(bucket, bucketKeys);
  return out;
}
