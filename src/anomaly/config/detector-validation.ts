/** One detector JSON → DetectorDefinition, with Elastic's function/field combination rules (§1, §1.1). */
import { ConfigError } from '../../errors.js';
import { functionSpec, FUNCTION_CATALOGUE } from './functions.js';
import { buildCustomRules, type FilterLists } from './custom-rules.js';
import type { DetectorJson } from './schemas.js';
import type { DetectorDefinition, ExcludeFrequent } from './job-definition.js';

/** The description Elastic generates when detector_description is absent, e.g. `high_sum(source.bytes) over destination.port`. */
export function defaultDetectorDescription(d: DetectorJson): string {
  let s = d.function ?? 'metric';
  s += d.field_name ? `(${d.field_name})` : '';
  if (d.by_field_name) s += ` by ${d.by_field_name}`;
  if (d.over_field_name) s += ` over ${d.over_field_name}`;
  if (d.partition_field_name) s += ` partitionfield=${d.partition_field_name}`;
  return s;
}

export function buildDetector(d: DetectorJson, index: number, filters: FilterLists, where: string): DetectorDefinition {
  const key = `analysis_config.detectors[${index}]`;
  if (!d.function) {
    throw new ConfigError(where, `${key}.function`, 'missing', 'set e.g. "function": "high_sum"');
  }
  const spec = functionSpec(d.function);
  if (!spec) {
    throw new ConfigError(where, `${key}.function`, `unknown function "${d.function}"`,
      `use one of: ${[...FUNCTION_CATALOGUE.keys()].join(', ')}`);
  }
  if (spec.family === 'lat_long') {
    throw new ConfigError(where, `${key}.function`, 'lat_long is not supported (no bivariate geo model)',
      'remove the detector or model latitude and longitude separately with mean()');
  }
  if (spec.field === 'required' && !d.field_name) {
    throw new ConfigError(where, `${key}.field_name`, `function ${spec.name} requires field_name`, 'name the numeric (or for distinct_count/info_content, any) field to analyse');
  }
  if (spec.field === 'forbidden' && d.field_name) {
    throw new ConfigError(where, `${key}.field_name`, `field_name must not be set for function ${spec.name}`, 'remove field_name (count/rare/time functions count events)');
  }
  if ((spec.family === 'rare' || spec.family === 'freq_rare') && !d.by_field_name) {
    throw new ConfigError(where, `${key}.by_field_name`, `function ${spec.name} requires by_field_name`, 'set the field whose rare values you want, e.g. "process.name"');
  }
  if (spec.family === 'freq_rare' && !d.over_field_name) {
    throw new ConfigError(where, `${key}.over_field_name`, 'function freq_rare requires over_field_name', 'set the population field, e.g. "source.ip"');
  }
  if ((spec.family === 'non_null_sum' || spec.family === 'non_zero_count') && d.over_field_name) {
    throw new ConfigError(where, `${key}.over_field_name`, `function ${spec.name} cannot be used with over_field_name`, 'use sum/count for population analysis');
  }
  if (d.by_field_name === 'mlcategory' || d.over_field_name === 'mlcategory' || d.partition_field_name === 'mlcategory') {
    throw new ConfigError(where, `${key}.by_field_name`, 'mlcategory (categorization) is not supported', 'remove the categorization detector');
  }
  const splits = [d.by_field_name, d.over_field_name, d.partition_field_name].filter((f): f is string => !!f);
  if (new Set(splits).size !== splits.length) {
    throw new ConfigError(where, key, 'by_field_name, over_field_name and partition_field_name must be different fields', 'use each field in one role only');
  }
  const excludeFrequent = (d.exclude_frequent?.toLowerCase() ?? 'none') as ExcludeFrequent;
  if (excludeFrequent !== 'none' && (spec.family === 'rare' || spec.family === 'freq_rare')) {
    throw new ConfigError(where, `${key}.exclude_frequent`, `exclude_frequent cannot be used with ${spec.name}`, 'remove exclude_frequent');
  }
  return {
    index,
    function: spec.name,
    family: spec.family,
    tail: spec.tail,
    description: d.detector_description ?? defaultDetectorDescription(d),
    fieldName: d.field_name,
    byFieldName: d.by_field_name,
    overFieldName: d.over_field_name,
    partitionFieldName: d.partition_field_name,
    useNull: d.use_null ?? false,
    excludeFrequent,
    customRules: buildCustomRules(d.custom_rules, spec.family, splits, filters, where, key),
  };
}
