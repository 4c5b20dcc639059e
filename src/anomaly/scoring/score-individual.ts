/**
 * Individual analysis (no over field): each partition × by value is its own time series, judged against its own
 * history. Count and sum series get a 0 for empty buckets after they were first seen.
 */
import { TimeSeriesModel } from '../maths/index.js';
import { featureModels, learnFeatures, type FeatureModels } from '../series/feature-models.js';
import { bucketNumber, bucketStart, type IndividualSeries } from '../series/model-state.js';
import type { SeriesBucket } from '../series/series-bucket.js';
import { evaluateRules } from './custom-rule-eval.js';
import { combinedP, probabilities } from './feature-probability.js';
import { computeInfluences } from './influence.js';
import { WRITE_PROBABILITY_THRESHOLD, leafOf, type ScoredLeaf } from './leaf.js';
import {
  FREQUENT_MIN_BUCKETS, FREQUENT_THRESHOLD, NEW_MODEL_ESTIMATE_BYTES,
  type CloseContext, type DetectorBucket, type DetectorView,
} from './close-context.js';

/** Learning weight of a bucket a skip_model_update rule matched (ml-cpp still learns a little). */
export const SKIP_MODEL_UPDATE_WEIGHT = 0.005;
/** A zero-filled bucket is only reported when this unlikely (otherwise it would just dilute the bucket score). */
const ZERO_FILL_REPORT_P = 0.05;

/** One model per feature; `minBucketsBeforeScoring` overrides the models' default warm-up. */
export function newSeriesModels(view: DetectorView, bucketSpanMs: number, minBucketsBeforeScoring?: number): FeatureModels {
  const kind = view.behaviour.modelKind;
  if (kind === 'rarity') throw new Error('rarity detectors have no time series');
  return featureModels(view.behaviour.features.map(() => new TimeSeriesModel({ bucketSpanMs, kind, ...(minBucketsBeforeScoring !== undefined ? { minBucketsBeforeScoring } : {}) })));
}

function splits(view: DetectorView, s: { partition: string; by: string | null }): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  if (view.def.partitionFieldName) out[view.def.partitionFieldName] = s.partition;
  if (view.def.byFieldName) out[view.def.byFieldName] = s.by;
  return out;
}

function isFrequent(view: DetectorView, series: IndividualSeries, ctx: CloseContext): boolean {
  const ef = view.def.excludeFrequent;
  if (!view.def.byFieldName || (ef !== 'by' && ef !== 'all')) return false;
  const buckets = Math.round(bucketNumber(ctx.bucketStartMs, ctx.bucketSpanMs) - series.firstBucket) + 1;
  return buckets >= FREQUENT_MIN_BUCKETS && series.bucketsWithData / buckets > FREQUENT_THRESHOLD;
}

function scoreOne(view: DetectorView, series: IndividualSeries, features: number[], sb: SeriesBucket | undefined, ctx: CloseContext, lastActiveMs?: number | null): ScoredLeaf {
  const b = ctx.bucketStartMs;
  const { def, behaviour } = view;
  // Zero-filled series learn every bucket anyway; the others also warm up with time watched (TimeSeriesModel.warmBy).
  const elapsed = behaviour.zeroFill ? undefined : bucketNumber(b, ctx.bucketSpanMs) - series.firstBucket;
  const probs = probabilities(series.models, behaviour, def.tail, b, features, elapsed);
  let { p, informative } = combinedP(probs);
  const rules = evaluateRules(def.customRules, {
    actual: features[0], typical: informative ? probs[0].typical : undefined, bucketStartMs: b, splits: splits(view, series),
  });
  if (rules.skipResult || isFrequent(view, series, ctx)) p = 1;
  const influences = sb && p < WRITE_PROBABILITY_THRESHOLD
    ? computeInfluences(behaviour, sb, p, (f) => combinedP(probabilities(series.models, behaviour, def.tail, b, f, elapsed)).p)
    : [];
  const learnWeight = rules.skipModelUpdate ? SKIP_MODEL_UPDATE_WEIGHT : 1;
  learnFeatures(series.models, b, features, learnWeight);
  return leafOf({
    detectorIndex: def.index, partition: series.partition, by: series.by, over: null,
    p, informative,
    actual: features, typical: probs.map((x) => x.typical), lower: probs[0].lower, upper: probs[0].upper,
    pSingle: probs[0].pSingle, pMulti: probs[0].pMulti, multiBucketImpact: probs[0].multiBucketImpact,
    anomalyType: probs[0].anomalyType,
    eventCount: sb?.acc.n ?? 0,
    historyMs: b - bucketStart(series.firstBucket, ctx.bucketSpanMs),
    lastActiveMs,
    influences,
  });
}

export function scoreIndividual(view: DetectorView, data: DetectorBucket | undefined, ctx: CloseContext): ScoredLeaf[] {
  const leaves: ScoredLeaf[] = [];
  const b = ctx.bucketStartMs;
  const bucket = bucketNumber(b, ctx.bucketSpanMs);
  const present = new Set<string>();
  for (const [key, sb] of data ?? []) {
    present.add(key);
    const features = view.behaviour.extract(sb.acc);
    if (!features) continue;
    let series = view.state.individual.get(key);
    const lastActiveMs = series && series.bucketsWithData > 0 ? bucketStart(series.lastBucket, ctx.bucketSpanMs) : null;
    if (!series) {
      if (!ctx.allowNew(NEW_MODEL_ESTIMATE_BYTES * features.length)) continue;
      series = { partition: sb.partition, by: sb.by, models: newSeriesModels(view, ctx.bucketSpanMs), firstBucket: bucket, lastBucket: bucket, bucketsWithData: 0 };
      view.state.individual.set(key, series);
    }
    series.lastBucket = bucket;
    series.bucketsWithData++;
    leaves.push(scoreOne(view, series, features, sb, ctx, lastActiveMs));
  }
  if (view.behaviour.zeroFill) {
    for (const [key, series] of view.state.individual) {
      if (present.has(key) || series.firstBucket >= bucket) continue;
      const leaf = scoreOne(view, series, view.behaviour.features.map(() => 0), undefined, ctx);
      if (leaf.p < ZERO_FILL_REPORT_P) leaves.push(leaf);
    }
  }
  return leaves;
}
