/** Public surface of the anomaly maths: special functions, raw scores, aggregation, series/rarity models, normalisation. */
export { DBL_MIN, clampProbability } from './types.js';
export type { Tail } from './types.js';
export { normalCdf, normalSurvival, normalPdf, logNormalCdf, normalQuantile } from './normal.js';
export { logGamma, regularizedUpperGamma, regularizedLowerGamma, logRegularizedUpperGamma } from './special.js';
export { anomalyScore, probabilityFromScore, LARGEST_SIGNIFICANT_PROBABILITY, SMALL_PROBABILITY, MINUSCULE_PROBABILITY } from './raw-score.js';
export { jointProbability, logJointProbability } from './joint-probability.js';
export { extremeProbability, logExtremeProbability } from './extreme-probability.js';
export { aggregateProbabilities, PEOPLE_WEIGHTS, ATTRIBUTE_WEIGHTS, ROOT_WEIGHTS, MAXIMUM_ANOMALOUS_PROBABILITY } from './aggregate-probabilities.js';
export type { AggregationWeights } from './aggregate-probabilities.js';
export { TimeSeriesModel } from './time-series-model.js';
export type { WeightedSample, SeriesProbability, TimeSeriesModelOptions } from './series-types.js';
export { RarityModel } from './rarity-model.js';
export type { RarityProbability } from './rarity-model.js';
export { ScoreNormalizer } from './score-normalizer.js';
