/** Anomaly detection jobs: Elastic ML module/job JSON in, Elastic-shaped bucket/record/influencer results out. */
export { AnomalyJob, type EventOrigin, type JobCallbacks, type JobStats } from './anomaly-job.js';
export type {
  AnomalyResultBatch, BucketResult, BucketInfluencerResult, RecordResult, InfluencerResult, InfluencerEntry,
  AnomalyCause, AnomalyScoreExplanation,
} from './results.js';
export {
  loadJobs, parseJobDocument, resolveJobId, parseDurationMs, parseModelMemoryLimit, DEFAULT_MODEL_MEMORY_LIMIT_BYTES,
  FUNCTION_CATALOGUE, RUNTIME_FIELD_DERIVATIONS, scriptFingerprint,
  type JobDefinition, type DetectorDefinition, type DatafeedDefinition, type ModuleContext, type LoadJobsOptions,
  type CustomRule, type RuleCondition, type RuleScope, type FilterLists, type RuntimeFieldDerivation, type FeatureFamily,
} from './config/index.js';
export { formatBytes, formatCount, formatDuration } from './explain/index.js';
export type { MemoryStatus } from './memory.js';
export { recordId, bucketId, influencerId } from './results/ids.js';
export { FirstContactPool, type FirstContactLink } from './scoring/first-contact-pool.js';
export { firstContactSignature } from './scoring/first-contact-signature.js';
