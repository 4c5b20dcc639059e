/** What the engine needs to know about a job definition to route events to it and to parse input for it. */
import type { JobDefinition } from '../anomaly/index.js';

/** Functions whose field_name holds numbers; a non-numeric value there is bad input. */
const NUMERIC_FAMILIES = new Set(['sum', 'non_null_sum', 'mean', 'median', 'min', 'max', 'varp', 'metric']);

export function describeJob(def: JobDefinition): { id: string; groups: string[] } {
  return { id: def.id, groups: def.groups };
}

export function jobNumericFields(def: JobDefinition): string[] {
  return def.detectors.filter((d) => d.fieldName && NUMERIC_FAMILIES.has(d.family)).map((d) => d.fieldName as string);
}

/**
 * Elastic's DED network jobs do not read raw flows: they read the output of the DED transform, which keeps only
 * outbound flows from internal sources to external destinations. We apply the same filter to the network events of
 * every job in the `data_exfiltration` group (the group Elastic's DED module puts its jobs in), so the module loads
 * unchanged and behaves as it does in Elastic.
 */
export function jobReadsEgressFlows(def: JobDefinition): boolean {
  return def.groups.includes('data_exfiltration');
}
