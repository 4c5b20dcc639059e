/** What the job gives a detector when a bucket closes: the bucket, and the memory guard for new series (§3.7). */
import type { DetectorDefinition } from '../config/job-definition.js';
import type { FamilyBehaviour } from '../detectors/index.js';
import type { DetectorModelState } from '../series/model-state.js';
import type { DetectorBucket } from '../series/series-bucket.js';
import type { FirstContactLink } from './first-contact-pool.js';

export interface CloseContext {
  bucketStartMs: number;
  bucketSpanMs: number;
  /** True when a new series/person of about `bytes` may be modelled; false (and counted) at the hard limit. */
  allowNew(bytes: number): boolean;
  /** The link of a population detector to its sibling jobs' first contacts (first-contact-pool.ts), if it has one. */
  firstContact?(detectorIndex: number): FirstContactLink | undefined;
}

/** A detector as the scorers see it. */
export interface DetectorView {
  def: DetectorDefinition;
  behaviour: FamilyBehaviour;
  state: DetectorModelState;
}

/** Rough retained sizes of bookkeeping next to the maths models (Map entry, object, key strings). */
export const SERIES_OVERHEAD_BYTES = 160;
/**
 * An individual series next to its model(s), as measured on the series-memory bench's heap: its 6-field object
 * (72 B), its Map entry (~40 B) and one short key string shared with its split value (~32 B).
 */
export const INDIVIDUAL_SERIES_OVERHEAD_BYTES = 144;
export const PERSON_OVERHEAD_BYTES = 96;
/** Used to decide about a new series before its model exists (≈ maths budget of one metric model). */
export const NEW_MODEL_ESTIMATE_BYTES = 2048;

/** exclude_frequent: entities present in more than this fraction of buckets (or people) are not reported. */
export const FREQUENT_THRESHOLD = 0.1;
/** ...once there is at least this much history to measure a frequency on. */
export const FREQUENT_MIN_BUCKETS = 10;

export type { DetectorBucket };
