/** A written leaf → Elastic record document (§2), with the top-level field arrays and the analyst sentence. */
import type { DetectorDefinition } from '../config/job-definition.js';
import { explainRecord } from '../explain/sentence.js';
import type { ScoredLeaf } from '../scoring/leaf.js';
import type { AnomalyCause, AnomalyScoreExplanation, InfluencerEntry, RecordResult } from '../results.js';
import { functionDescription } from './function-description.js';
import { recordId } from './ids.js';

export interface RecordContext {
  jobId: string;
  bucketStartMs: number;
  bucketSpanMs: number;
  timeField: string;
  /** The job's influencer fields, in configuration order. */
  influencerFields: string[];
}

/** Influences grouped per field (configuration order), values by decreasing influence. */
export function influencerEntries(leaf: ScoredLeaf, fields: string[]): InfluencerEntry[] {
  const out: InfluencerEntry[] = [];
  for (const field of fields) {
    const best = new Map<string, number>();
    for (const i of leaf.influences) if (i.field === field) best.set(i.value, Math.max(best.get(i.value) ?? 0, i.influence));
    if (best.size === 0) continue;
    const values = [...best].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([v]) => v);
    out.push({ influencer_field_name: field, influencer_field_values: values });
  }
  return out;
}

const impact = (p: number): number | undefined => (p < 0.05 ? Math.round(-Math.log10(Math.max(p, Number.MIN_VALUE))) : undefined);

function explanation(leaf: ScoredLeaf): AnomalyScoreExplanation {
  const e: AnomalyScoreExplanation = { anomaly_type: leaf.anomalyType, anomaly_length: 1 };
  const sb = impact(leaf.pSingle);
  const mb = impact(leaf.pMulti);
  if (sb !== undefined) e.single_bucket_impact = sb;
  if (mb !== undefined) e.multi_bucket_impact = mb;
  if (!leaf.rarity) {
    e.lower_confidence_bound = leaf.lower;
    e.typical_value = leaf.typical[0];
    e.upper_confidence_bound = leaf.upper;
  } else {
    e.by_field_first_occurrence = leaf.rarity.firstOccurrence;
    e.by_field_relative_rarity = leaf.rarity.relativeRarity;
  }
  return e;
}

function causes(def: DetectorDefinition, leaf: ScoredLeaf): AnomalyCause[] | undefined {
  if (!leaf.causes || !def.overFieldName) return undefined;
  return leaf.causes.map((c) => {
    const cause: AnomalyCause = {
      probability: c.p, function: def.function, function_description: functionDescription(def.family),
      typical: c.typical, actual: c.actual,
    };
    if (def.fieldName) cause.field_name = def.fieldName;
    if (def.byFieldName && c.by !== null) { cause.by_field_name = def.byFieldName; cause.by_field_value = c.by; }
    cause.over_field_name = def.overFieldName;
    cause.over_field_value = leaf.over ?? '';
    if (def.partitionFieldName) { cause.partition_field_name = def.partitionFieldName; cause.partition_field_value = leaf.partition; }
    return cause;
  });
}

export function buildRecord(ctx: RecordContext, def: DetectorDefinition, leaf: ScoredLeaf, score: number): RecordResult {
  const spanS = ctx.bucketSpanMs / 1000;
  const by = def.byFieldName && leaf.by !== null ? leaf.by : undefined;
  const over = def.overFieldName && leaf.over !== null ? leaf.over : undefined;
  const partition = def.partitionFieldName ? leaf.partition : undefined;
  const influencers = influencerEntries(leaf, ctx.influencerFields);
  const rec: RecordResult = {
    _id: recordId(ctx.jobId, ctx.bucketStartMs, spanS, def.index, by, over, partition),
    job_id: ctx.jobId,
    result_type: 'record',
    probability: leaf.p,
    multi_bucket_impact: leaf.multiBucketImpact,
    record_score: score,
    initial_record_score: score,
    bucket_span: spanS,
    detector_index: def.index,
    is_interim: false,
    timestamp: ctx.bucketStartMs,
    function: def.function,
    function_description: functionDescription(def.family),
    explanation: '',
  };
  if (def.fieldName) rec.field_name = def.fieldName;
  if (by !== undefined) { rec.by_field_name = def.byFieldName; rec.by_field_value = by; }
  if (over !== undefined) { rec.over_field_name = def.overFieldName; rec.over_field_value = over; }
  if (partition !== undefined) { rec.partition_field_name = def.partitionFieldName; rec.partition_field_value = partition; }
  rec.typical = leaf.typical;
  rec.actual = leaf.actual;
  const c = causes(def, leaf);
  if (c) rec.causes = c;
  if (influencers.length) rec.influencers = influencers;
  rec.anomaly_score_explanation = explanation(leaf);
  // Top-level field arrays: split fields first, then influencer values (Elastic merges both).
  const top = new Map<string, string[]>();
  const addTop = (f: string, v: string): void => {
    const list = top.get(f) ?? [];
    if (!list.includes(v)) list.push(v);
    top.set(f, list);
  };
  if (partition !== undefined) addTop(def.partitionFieldName!, partition);
  if (by !== undefined) addTop(def.byFieldName!, by);
  if (over !== undefined) addTop(def.overFieldName!, over);
  for (const e of influencers) for (const v of e.influencer_field_values) addTop(e.influencer_field_name, v);
  for (const [f, values] of top) if (!(f in rec)) rec[f] = values;
  rec.explanation = explainRecord({
    jobId: ctx.jobId, def, timeField: ctx.timeField, bucketStartMs: ctx.bucketStartMs, bucketSpanMs: ctx.bucketSpanMs,
    partition: leaf.partition, by: leaf.by, over: leaf.over, actual: leaf.actual, typical: leaf.typical,
    upper: leaf.upper, lower: leaf.lower, historyMs: leaf.historyMs, lastActiveMs: leaf.lastActiveMs, rarity: leaf.rarity, influencers, view: leaf.view,
  });
  return rec;
}
