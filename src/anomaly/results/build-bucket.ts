/** Bucket, bucket_influencer and influencer documents (§2). */
import type { BucketInfluencerResult, BucketResult, InfluencerResult } from '../results.js';
import { bucketId, influencerId } from './ids.js';

export interface BucketScore { field: string; raw: number; probability: number; score: number }

export function buildBucketInfluencer(jobId: string, timestampMs: number, spanS: number, s: BucketScore): BucketInfluencerResult {
  return {
    job_id: jobId, result_type: 'bucket_influencer', influencer_field_name: s.field,
    initial_anomaly_score: s.score, anomaly_score: s.score, raw_anomaly_score: s.raw, probability: s.probability,
    timestamp: timestampMs, bucket_span: spanS, is_interim: false,
  };
}

/** Bucket anomaly_score = the largest of its bucket influencers' scores (bucket_time included). */
export function buildBucket(jobId: string, timestampMs: number, spanMs: number, eventCount: number, scores: BucketScore[]): BucketResult {
  const spanS = spanMs / 1000;
  const bis = scores.map((s) => buildBucketInfluencer(jobId, timestampMs, spanS, s));
  const score = Math.max(0, ...bis.map((b) => b.anomaly_score));
  return {
    _id: bucketId(jobId, timestampMs, spanS), job_id: jobId, result_type: 'bucket', timestamp: timestampMs, bucket_span: spanS,
    anomaly_score: score, initial_anomaly_score: score, event_count: eventCount, is_interim: false,
    // Deterministic output matters more than wall-clock timing: restored and uninterrupted runs must be identical.
    processing_time_ms: 0,
    bucket_influencers: bis,
  };
}

export function buildInfluencer(jobId: string, timestampMs: number, spanMs: number, field: string, value: string, probability: number, score: number): InfluencerResult {
  const spanS = spanMs / 1000;
  const doc: InfluencerResult = {
    _id: influencerId(jobId, timestampMs, spanS, field, value), job_id: jobId, result_type: 'influencer',
    influencer_field_name: field, influencer_field_value: value, influencer_score: score, initial_influencer_score: score,
    probability, bucket_span: spanS, is_interim: false, timestamp: timestampMs,
  };
  if (!(field in doc)) doc[field] = value;
  return doc;
}
