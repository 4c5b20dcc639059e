/**
 * rare / freq_rare (§3.2). Individual `rare by X [partition P]`: one rarity model per partition learns, bucket by
 * bucket, which X values occur; an X is scored by how rarely buckets contained it (a never-seen X gets the smallest
 * probability). Population `rare by X over Y`: each person-bucket is one observation, so an X's rarity is how few
 * persons have it; a person is scored on the rare X values it hit. freq_rare is treated like population rare
 * (how often a person hits a rare value is not modelled separately).
 * The model learns only buckets in which the partition had data; skip_model_update values are not learned. For
 * individual rare the empty buckets in between are still counted as watched time (a stable habit over two weeks is
 * evidence even if the host wrote once a day), see RarityModel.observeEmptyBuckets.
 */
import { aggregateProbabilities, ATTRIBUTE_WEIGHTS, RarityModel } from '../maths/index.js';
import type { RarityPartition } from '../series/model-state.js';
import type { SeriesBucket } from '../series/series-bucket.js';
import { evaluateRules } from './custom-rule-eval.js';
import { computeInfluences } from './influence.js';
import { WRITE_PROBABILITY_THRESHOLD, leafOf, type Cause, type ScoredLeaf } from './leaf.js';
import { NEW_MODEL_ESTIMATE_BYTES, type CloseContext, type DetectorBucket, type DetectorView } from './close-context.js';

/** Whole buckets strictly between the partition's last data bucket and the current one. */
function emptyBucketsSince(lastSeenMs: number, ctx: CloseContext): number {
  if (!(ctx.bucketSpanMs > 0)) return 0;
  return Math.max(0, Math.round((ctx.bucketStartMs - lastSeenMs) / ctx.bucketSpanMs) - 1);
}

function partitionModel(view: DetectorView, partition: string, ctx: CloseContext): RarityPartition | undefined {
  let rp = view.state.rarity.get(partition);
  if (!rp) {
    if (!ctx.allowNew(NEW_MODEL_ESTIMATE_BYTES)) return undefined;
    rp = { partition, model: new RarityModel(), observations: 0, firstSeen: ctx.bucketStartMs, lastSeen: ctx.bucketStartMs };
    view.state.rarity.set(partition, rp);
  }
  // Population rare counts person-buckets, not time, so only individual rare watches the quiet buckets.
  if (!view.def.overFieldName) rp.model.observeEmptyBuckets(emptyBucketsSince(rp.lastSeen, ctx));
  rp.lastSeen = ctx.bucketStartMs;
  return rp;
}

function scoreCategory(view: DetectorView, rp: RarityPartition, sb: SeriesBucket, ctx: CloseContext): { leaf: ScoredLeaf; learn: boolean } {
  const { def } = view;
  const r = rp.model.probability(sb.by ?? '');
  const splits: Record<string, string | null> = {};
  if (def.partitionFieldName) splits[def.partitionFieldName] = sb.partition;
  if (def.byFieldName) splits[def.byFieldName] = sb.by;
  if (def.overFieldName) splits[def.overFieldName] = sb.over;
  const rules = evaluateRules(def.customRules, { actual: 1, typical: undefined, bucketStartMs: ctx.bucketStartMs, splits });
  const p = r.informative && !rules.skipResult ? r.p : 1;
  const typical = rp.observations > 0 ? r.bucketsWithCategory / rp.observations : 0;
  const leaf: ScoredLeaf = leafOf({
    detectorIndex: def.index, partition: sb.partition, by: sb.by, over: sb.over, p, informative: r.informative,
    actual: [1], typical: [typical], lower: 0, upper: 1, pSingle: p, pMulti: 1, multiBucketImpact: -5, anomalyType: 'spike',
    eventCount: sb.acc.n, historyMs: ctx.bucketStartMs - rp.firstSeen,
    rarity: { firstOccurrence: r.firstOccurrence, relativeRarity: r.relativeRarity, bucketsWithCategory: r.bucketsWithCategory, observations: rp.observations },
    influences: p < WRITE_PROBABILITY_THRESHOLD ? computeInfluences(view.behaviour, sb, p, () => 1) : [],
  });
  return { leaf, learn: !rules.skipModelUpdate };
}

function byPartition(data: DetectorBucket): Map<string, SeriesBucket[]> {
  const out = new Map<string, SeriesBucket[]>();
  for (const sb of data.values()) {
    if (sb.acc.n === 0) continue;
    let list = out.get(sb.partition);
    if (!list) out.set(sb.partition, (list = []));
    list.push(sb);
  }
  return out;
}

function scoreIndividualRare(view: DetectorView, rp: RarityPartition, members: SeriesBucket[], ctx: CloseContext): ScoredLeaf[] {
  const scored = members.map((sb) => scoreCategory(view, rp, sb, ctx));
  rp.model.addBucket(scored.filter((s) => s.learn).map((s) => s.leaf.by ?? ''));
  rp.observations++;
  return scored.map((s) => s.leaf);
}

function scorePopulationRare(view: DetectorView, rp: RarityPartition, members: SeriesBucket[], ctx: CloseContext): ScoredLeaf[] {
  const persons = new Map<string, SeriesBucket[]>();
  for (const sb of members) {
    if (sb.over === null) continue;
    let list = persons.get(sb.over);
    if (!list) persons.set(sb.over, (list = []));
    list.push(sb);
  }
  // Probabilities for everyone first: the bucket is learned only after it has been judged.
  const judged = [...persons].map(([person, list]) => ({ person, scored: list.map((sb) => scoreCategory(view, rp, sb, ctx)) }));
  const leaves: ScoredLeaf[] = [];
  for (const { scored } of judged) {
    const parts = scored.map((s) => s.leaf);
    const best = parts.reduce((a, c) => (c.p < a.p ? c : a));
    const p = parts.length === 1 ? parts[0].p : aggregateProbabilities(parts.map((l) => l.p), ATTRIBUTE_WEIGHTS).probability;
    const causes: Cause[] = [...parts].sort((a, b) => a.p - b.p).slice(0, 10)
      .map((l) => ({ by: l.by, p: l.p, actual: l.actual, typical: l.typical, lower: l.lower, upper: l.upper }));
    leaves.push(leafOf({ ...best, by: null, p, causes, eventCount: parts.reduce((n, l) => n + l.eventCount, 0), influences: parts.flatMap((l) => l.influences) }));
  }
  for (const { scored } of judged) {
    rp.model.addBucket(scored.filter((s) => s.learn).map((s) => s.leaf.by ?? ''));
    rp.observations++;
  }
  return leaves;
}

export function scoreRare(view: DetectorView, data: DetectorBucket | undefined, ctx: CloseContext): ScoredLeaf[] {
  if (!data) return [];
  const leaves: ScoredLeaf[] = [];
  for (const [partition, members] of byPartition(data)) {
    const rp = partitionModel(view, partition, ctx);
    if (!rp) continue;
    for (const leaf of view.def.overFieldName ? scorePopulationRare(view, rp, members, ctx) : scoreIndividualRare(view, rp, members, ctx)) leaves.push(leaf);
  }
  return leaves;
}
