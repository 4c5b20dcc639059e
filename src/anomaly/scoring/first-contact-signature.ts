/**
 * Which population detectors are siblings that may share first contacts (first-contact-pool.ts): the same bucket
 * span, function and analysed field, the same partition field, no by field, and exactly the same events — datafeed
 * indices, query, runtime fields, module query, time field, and whatever the engine filters on top (`eventScope`, e.g.
 * the DED egress filter). Only the over field may differ: the IP, the port, the country of the same flows.
 */
import type { DetectorDefinition, JobDefinition } from '../config/job-definition.js';

/** undefined when the detector cannot share (not a population detector, or one with attributes). */
export function firstContactSignature(def: JobDefinition, detector: DetectorDefinition, eventScope: string): string | undefined {
  if (!detector.overFieldName || detector.byFieldName) return undefined;
  return JSON.stringify([
    def.bucketSpanMs, detector.function, detector.fieldName ?? null, detector.partitionFieldName ?? null, detector.useNull,
    def.timeField, def.timeFormat, def.datafeed.indices, def.datafeed.query, def.datafeed.runtimeFields, def.module?.query ?? null, eventScope,
  ]);
}
