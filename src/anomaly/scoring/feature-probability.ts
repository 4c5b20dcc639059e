/** Probability of a series' feature values under its models, with each feature's own tail (metric has three). */
import { extremeProbability, jointProbability, type SeriesProbability, type Tail } from '../maths/index.js';
import type { FamilyBehaviour } from '../detectors/index.js';
import { featureModel, type FeatureModels } from '../series/feature-models.js';

export function featureTail(behaviour: FamilyBehaviour, detectorTail: Tail, i: number): Tail {
  return behaviour.features[i]?.tail ?? detectorTail;
}

/** Features of one series combine like ml-cpp's probability aggregator: the smaller of joint and extreme. */
export function combineFeatureProbabilities(ps: number[]): number {
  if (ps.length === 1) return ps[0];
  return Math.min(jointProbability(ps), extremeProbability(ps));
}

export function probabilities(
  models: FeatureModels,
  behaviour: FamilyBehaviour,
  tail: Tail,
  bucketStartMs: number,
  features: number[],
  elapsedBuckets?: number,
): SeriesProbability[] {
  return features.map((v, i) => featureModel(models, i).probability(bucketStartMs, v, featureTail(behaviour, tail, i), elapsedBuckets));
}

export function combinedP(probs: SeriesProbability[]): { p: number; informative: boolean } {
  const informative = probs.every((x) => x.informative);
  return { p: informative ? combineFeatureProbabilities(probs.map((x) => x.p)) : 1, informative };
}
