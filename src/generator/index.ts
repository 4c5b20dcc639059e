// Public surface of the dataset generator (used by `outflow demo` and the evaluation).
export { generateDataset } from './generate-dataset.js';
export type { GeneratorOptions, GeneratedDataset, ScenarioLabel, BenignLookalike, DatasetLabels } from './options.js';
export { SCENARIOS, attackStartDay } from './scenarios/catalog.js';
export { lookupCountry, dbIpCountryDatabasePath } from './country-locator.js';
