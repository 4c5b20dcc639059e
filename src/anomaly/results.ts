/** Anomaly result documents with Elastic's field names (§2): bucket, bucket_influencer, record, influencer. */

export interface BucketInfluencerResult {
  job_id: string;
  result_type: 'bucket_influencer';
  /** `bucket_time` for the bucket's overall score, else an influencer field name. */
  influencer_field_name: string;
  initial_anomaly_score: number;
  anomaly_score: number;
  raw_anomaly_score: number;
  probability: number;
  timestamp: number;
  bucket_span: number;
  is_interim: false;
}

export interface BucketResult {
  _id: string;
  job_id: string;
  result_type: 'bucket';
  /** Bucket start, epoch ms. */
  timestamp: number;
  /** Seconds. */
  bucket_span: number;
  anomaly_score: number;
  initial_anomaly_score: number;
  event_count: number;
  is_interim: false;
  processing_time_ms: number;
  bucket_influencers: BucketInfluencerResult[];
}

export interface InfluencerEntry { influencer_field_name: string; influencer_field_values: string[] }

/** The field and split values an anomaly is about (Elastic's names). */
export interface AnomalySplitFields {
  field_name?: string;
  by_field_name?: string;
  by_field_value?: string;
  over_field_name?: string;
  over_field_value?: string;
  partition_field_name?: string;
  partition_field_value?: string;
}

export interface AnomalyCause extends AnomalySplitFields {
  probability: number;
  function: string;
  function_description: string;
  typical: number[];
  actual: number[];
}

export interface AnomalyScoreExplanation {
  anomaly_type: 'spike' | 'dip';
  anomaly_length: number;
  single_bucket_impact?: number;
  multi_bucket_impact?: number;
  lower_confidence_bound?: number;
  typical_value?: number;
  upper_confidence_bound?: number;
  high_variance_penalty?: boolean;
  incomplete_bucket_penalty?: boolean;
  by_field_first_occurrence?: boolean;
  by_field_relative_rarity?: number;
}

export interface RecordResult extends AnomalySplitFields {
  _id: string;
  job_id: string;
  result_type: 'record';
  probability: number;
  multi_bucket_impact?: number;
  record_score: number;
  initial_record_score: number;
  bucket_span: number;
  detector_index: number;
  is_interim: false;
  timestamp: number;
  function: string;
  function_description: string;
  typical?: number[];
  actual?: number[];
  causes?: AnomalyCause[];
  influencers?: InfluencerEntry[];
  anomaly_score_explanation?: AnomalyScoreExplanation;
  /** Outflow: one plain sentence for the analyst. */
  explanation: string;
  /** Split and influencer fields as top-level arrays (`"host.name": ["ws-017"]`), like Elastic writes them. */
  [field: string]: unknown;
}

export interface InfluencerResult {
  _id: string;
  job_id: string;
  result_type: 'influencer';
  influencer_field_name: string;
  influencer_field_value: string;
  influencer_score: number;
  initial_influencer_score: number;
  probability: number;
  bucket_span: number;
  is_interim: false;
  timestamp: number;
  /** `<influencer field>: value`, as Elastic adds it. */
  [field: string]: unknown;
}

/** What a job emits when buckets close; renormalised documents reuse their `_id`. */
export interface AnomalyResultBatch {
  buckets: BucketResult[];
  records: RecordResult[];
  influencers: InfluencerResult[];
}

export function emptyBatch(): AnomalyResultBatch {
  return { buckets: [], records: [], influencers: [] };
}
