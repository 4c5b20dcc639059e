/**
 * The models of one series, one per feature. Every family but `metric` has a single feature, so a series holds
 * that model directly instead of in a one-element array (an array costs ~56 B per series; see bench/series-memory).
 * Snapshots always store a list, as before, so the format does not depend on the in-memory shape.
 */
import { TimeSeriesModel } from '../maths/index.js';

/** One model, or one per feature for multi-feature families (`metric`: min, max, mean). */
export type FeatureModels = TimeSeriesModel | TimeSeriesModel[];

/** Packs a list of per-feature models: a lone model is kept bare. */
export function featureModels(models: TimeSeriesModel[]): FeatureModels {
  return models.length === 1 ? models[0] : models;
}

/** The model of feature `i`. */
export function featureModel(models: FeatureModels, i: number): TimeSeriesModel {
  return Array.isArray(models) ? models[i] : models;
}

/** Retained size of a JS array of n models (array object plus its backing store), as V8 lays it out on 64-bit. */
const arrayBytes = (n: number): number => 32 + 16 + 8 * n;

/** The models' own size estimate, plus the array that holds a multi-feature series' models. */
export function featureModelsBytes(models: FeatureModels): number {
  if (!Array.isArray(models)) return models.approxBytes();
  let n = arrayBytes(models.length);
  for (const m of models) n += m.approxBytes();
  return n;
}

/** Learns one bucket's feature values, each into its own model. */
export function learnFeatures(models: FeatureModels, bucketStartMs: number, features: readonly number[], learnWeight: number): void {
  for (let i = 0; i < features.length; i++) featureModel(models, i).addBucket(bucketStartMs, [{ value: features[i], weight: 1 }], learnWeight);
}

export function featureModelsToJson(models: FeatureModels): unknown[] {
  return Array.isArray(models) ? models.map((m) => m.toJSON()) : [models.toJSON()];
}

export function featureModelsFromJson(json: unknown[]): FeatureModels {
  return featureModels(json.map((m) => TimeSeriesModel.fromJSON(m)));
}
