/**
 * What a population learns from a bucket besides Elastic's pooled model: the newcomers' model and each person's own
 * history (population-views.ts says how they are used), plus the §1.2 sample-rate weights of the pooled model.
 */
import type { WeightedSample } from '../maths/index.js';
import { featureModel } from '../series/feature-models.js';
import type { PopulationAttribute } from '../series/model-state.js';
import type { SeriesBucket } from '../series/series-bucket.js';
import { NEW_MODEL_ESTIMATE_BYTES, type CloseContext, type DetectorView } from './close-context.js';
import { ESTABLISHED_MIN_BUCKETS, learnOwn, NEWCOMER_MIN_BUCKETS, newPersonSeries } from './population-views.js';
import { newSeriesModels } from './score-individual.js';

/** One person's data for one attribute in the closing bucket. */
export interface PopulationRow { sb: SeriesBucket; person: string; features: number[]; personBuckets: number }

/**
 * The §1.2 sample-rate weight: min(mean person bucket count / this person's, 1), so chatty persons cannot dominate.
 * A person's bucket value is one sample (the bucket's sum, count, ...), and ml-cpp (CMetricPopulationModel::sample)
 * weighs it sampleRateWeight × maximumUpdatesPerBucket (1) / the person's own sample count (1): the weight is NOT
 * divided by the number of persons in the bucket. (The pooled TimeSeriesModel still learns at most one observation's
 * worth per bucket, so only the relative weights matter unless every person present is chatty.)
 */
export function chattyWeights(attr: PopulationAttribute, rows: PopulationRow[]): number[] {
  let total = 0;
  for (const c of attr.personBuckets.values()) total += c;
  const meanPersonBuckets = total / attr.personBuckets.size;
  return rows.map((r) => Math.min(meanPersonBuckets / r.personBuckets, 1));
}

/** Learns this bucket's newcomers (the model is created with the first of them, unless memory is at the hard limit). */
export function learnNewcomers(view: DetectorView, attr: PopulationAttribute, samples: WeightedSample[][], ctx: CloseContext): void {
  if (samples.length === 0 || samples[0].length === 0) return;
  if (!attr.newcomerModels && ctx.allowNew(NEW_MODEL_ESTIMATE_BYTES * samples.length)) {
    attr.newcomerModels = newSeriesModels(view, ctx.bucketSpanMs, NEWCOMER_MIN_BUCKETS);
  }
  const models = attr.newcomerModels;
  if (models) samples.forEach((s, i) => featureModel(models, i).addBucket(ctx.bucketStartMs, s, 1));
}

/** From its second bucket with data a person gets its own history (refused quietly at the memory hard limit). */
export function learnOwnHistory(view: DetectorView, attr: PopulationAttribute, person: string, personBuckets: number, features: number[],
  learnWeight: number, ctx: CloseContext): void {
  if (personBuckets < 2) return;
  let own = attr.own.get(person);
  if (!own) {
    if (!ctx.allowNew(NEW_MODEL_ESTIMATE_BYTES * features.length)) return;
    own = newPersonSeries(newSeriesModels(view, ctx.bucketSpanMs, ESTABLISHED_MIN_BUCKETS), ctx.bucketStartMs);
    attr.own.set(person, own);
  }
  learnOwn(own, ctx.bucketStartMs, features, learnWeight);
}

