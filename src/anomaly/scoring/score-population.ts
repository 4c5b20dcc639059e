/**
 * Population analysis (over field, §1.2): every over value ("person") in the bucket is compared with all persons.
 * One pooled model per partition × attribute (by value, or none) learns every person's bucket value, weighted
 * min(meanPersonBucketCount / personBucketCount, 1) so that chatty persons cannot dominate; a person's probability is
 * the tail probability of its value under the pooled model. For DED: a destination port receiving far more bytes
 * than destination ports usually do. Outflow adds two views (population-views.ts): newcomers are judged against
 * what newcomers usually take, and established persons must be unusual for their own history too.
 */
import { aggregateProbabilities, ATTRIBUTE_WEIGHTS, type WeightedSample } from '../maths/index.js';
import { featureModel } from '../series/feature-models.js';
import type { PersonStats, PopulationAttribute } from '../series/model-state.js';
import type { SeriesBucket } from '../series/series-bucket.js';
import { evaluateRules } from './custom-rule-eval.js';
import { computeInfluences } from './influence.js';
import { WRITE_PROBABILITY_THRESHOLD, leafOf, type Cause, type LeafInfluence, type ScoredLeaf } from './leaf.js';
import { newSeriesModels, SKIP_MODEL_UPDATE_WEIGHT } from './score-individual.js';
import { admitNewcomer, judgePerson, NEWCOMER_BUCKETS, NEWCOMER_MIN_BUCKETS, newcomerSamples, newcomerSince } from './population-views.js';
import { chattyWeights, learnNewcomers, learnOwnHistory, type PopulationRow } from './population-learning.js';
import {
  FREQUENT_MIN_BUCKETS, FREQUENT_THRESHOLD, NEW_MODEL_ESTIMATE_BYTES, PERSON_OVERHEAD_BYTES,
  type CloseContext, type DetectorBucket, type DetectorView,
} from './close-context.js';

interface PersonAccum {
  person: string;
  causes: Cause[];
  leafParts: ScoredLeaf[];
  influences: Map<string, LeafInfluence>;
  eventCount: number;
}

const attributeKey = (partition: string, attribute: string | null): string => `${partition}\u0000${attribute ?? '\u0001'}`;

function groupByPartition(data: DetectorBucket): Map<string, Map<string | null, SeriesBucket[]>> {
  const out = new Map<string, Map<string | null, SeriesBucket[]>>();
  for (const sb of data.values()) {
    let attrs = out.get(sb.partition);
    if (!attrs) out.set(sb.partition, (attrs = new Map()));
    let list = attrs.get(sb.by);
    if (!list) attrs.set(sb.by, (list = []));
    list.push(sb);
  }
  return out;
}

function frequent(stats: { buckets: number; firstSeen: number }, ctx: CloseContext): boolean {
  const buckets = Math.round((ctx.bucketStartMs - stats.firstSeen) / ctx.bucketSpanMs) + 1;
  return buckets >= FREQUENT_MIN_BUCKETS && stats.buckets / buckets > FREQUENT_THRESHOLD;
}

/** Registers the persons present this bucket; returns those we may model (new ones can be refused at the hard limit). */
function admitPersons(view: DetectorView, partition: string, attrs: Map<string | null, SeriesBucket[]>, ctx: CloseContext): Map<string, PersonStats> {
  let persons = view.state.persons.get(partition);
  if (!persons) view.state.persons.set(partition, (persons = new Map()));
  const seen = new Set<string>();
  for (const list of attrs.values()) for (const sb of list) if (sb.over !== null) seen.add(sb.over);
  for (const person of seen) {
    let stats = persons.get(person);
    if (!stats) {
      if (!ctx.allowNew(PERSON_OVERHEAD_BYTES)) continue;
      persons.set(person, (stats = { buckets: 0, firstSeen: ctx.bucketStartMs, lastSeen: ctx.bucketStartMs }));
    }
    stats.buckets++;
    stats.lastSeen = ctx.bucketStartMs;
  }
  return persons;
}

function scoreAttribute(view: DetectorView, attr: PopulationAttribute, members: SeriesBucket[], persons: Map<string, PersonStats>,
  totalPersons: number, ctx: CloseContext, into: Map<string, PersonAccum>): void {
  const { def, behaviour } = view;
  const b = ctx.bucketStartMs;
  const rows: PopulationRow[] = [];
  for (const sb of members) {
    const features = behaviour.extract(sb.acc);
    if (!features || sb.over === null || !persons.has(sb.over)) continue;
    const personBuckets = (attr.personBuckets.get(sb.over) ?? 0) + 1;
    attr.personBuckets.set(sb.over, personBuckets);
    admitNewcomer(attr, sb.over, personBuckets, b);
    rows.push({ sb, person: sb.over, features, personBuckets });
  }
  if (rows.length === 0) return;
  attr.lastSeen = b;
  const attributeFrequent = (def.excludeFrequent === 'by' || def.excludeFrequent === 'all') && def.byFieldName !== undefined
    && totalPersons >= FREQUENT_MIN_BUCKETS && attr.personBuckets.size / totalPersons > FREQUENT_THRESHOLD;
  const weights = chattyWeights(attr, rows);
  const link = attr.attribute === null ? ctx.firstContact?.(def.index) : undefined;
  const sharedModels = link?.pool.reference(link, attr.partition, b);
  const shared = link && sharedModels ? { models: sharedModels, overFields: link.overFields } : undefined;
  const samples: WeightedSample[][] = behaviour.features.map(() => []);
  const fresh: WeightedSample[][] = behaviour.features.map(() => []);
  rows.forEach(({ sb, person, features, personBuckets }, r) => {
    const judgeInput = { behaviour, tail: def.tail, bucketStartMs: b, attr, person, personBuckets, shared };
    const judged = judgePerson(judgeInput, features);
    const probs = judged.shown;
    let p = judged.p;
    const splitValues: Record<string, string | null> = {};
    if (def.partitionFieldName) splitValues[def.partitionFieldName] = sb.partition;
    if (def.byFieldName) splitValues[def.byFieldName] = sb.by;
    if (def.overFieldName) splitValues[def.overFieldName] = person;
    const rules = evaluateRules(def.customRules, { actual: features[0], typical: judged.informative ? probs[0].typical : undefined, bucketStartMs: b, splits: splitValues });
    const personStats = persons.get(person);
    const personFrequent = (def.excludeFrequent === 'over' || def.excludeFrequent === 'all') && personStats !== undefined && frequent(personStats, ctx);
    if (rules.skipResult || attributeFrequent || personFrequent) p = 1;
    let acc = into.get(person);
    if (!acc) into.set(person, (acc = { person, causes: [], leafParts: [], influences: new Map(), eventCount: 0 }));
    acc.eventCount += sb.acc.n;
    acc.causes.push({ by: sb.by, p, actual: features, typical: probs.map((x) => x.typical), lower: probs[0].lower, upper: probs[0].upper });
    const since = judged.view.kind === 'newcomer' ? judged.view.firstSeenMs : (personStats?.firstSeen ?? b);
    acc.leafParts.push(leafOf({
      detectorIndex: def.index, partition: sb.partition, by: sb.by, over: person, p, informative: judged.informative,
      actual: features, typical: probs.map((x) => x.typical), lower: probs[0].lower, upper: probs[0].upper,
      pSingle: probs[0].pSingle, pMulti: probs[0].pMulti, multiBucketImpact: probs[0].multiBucketImpact, anomalyType: probs[0].anomalyType,
      eventCount: sb.acc.n, historyMs: b - since, influences: [], view: judged.view,
    }));
    if (p < WRITE_PROBABILITY_THRESHOLD) {
      const infl = computeInfluences(behaviour, sb, p, (f) => judgePerson(judgeInput, f).p);
      for (const i of infl) {
        const k = `${i.field}\u0000${i.value}`;
        const prev = acc.influences.get(k);
        if (!prev || prev.influence < i.influence) acc.influences.set(k, i);
      }
    }
    // ml-cpp weighs each person's bucket value (one sample: the bucket's sum, count, ...) by the sample-rate weight
    // alone; the pooled model then learns at most one observation's worth from the bucket.
    const learnWeight = rules.skipModelUpdate ? SKIP_MODEL_UPDATE_WEIGHT : 1;
    features.forEach((v, i) => samples[i].push({ value: v, weight: weights[r] * learnWeight }));
    if (newcomerSince(attr, person, personBuckets) !== undefined) newcomerSamples(features, learnWeight).forEach((s, i) => fresh[i].push(s));
    learnOwnHistory(view, attr, person, personBuckets, features, learnWeight, ctx);
    if (personBuckets >= NEWCOMER_BUCKETS) attr.newcomers.delete(person);
  });
  samples.forEach((s, i) => featureModel(attr.models, i).addBucket(b, s, 1));
  learnNewcomers(view, attr, fresh, ctx);
  if (link) link.pool.stage(link, attr.partition, b, fresh, () => newSeriesModels(view, ctx.bucketSpanMs, NEWCOMER_MIN_BUCKETS));
}

/** A person's record: its most anomalous attribute gives actual/typical; all attributes become causes[]. */
function personLeaf(acc: PersonAccum): ScoredLeaf {
  const best = acc.leafParts.reduce((a, c) => (c.p < a.p ? c : a));
  const p = acc.causes.length === 1 ? acc.causes[0].p : aggregateProbabilities(acc.causes.map((c) => c.p), ATTRIBUTE_WEIGHTS).probability;
  const causes = [...acc.causes].sort((a, b) => a.p - b.p).slice(0, 10);
  return leafOf({ ...best, by: null, p, eventCount: acc.eventCount, causes, influences: [...acc.influences.values()] });
}

export function scorePopulation(view: DetectorView, data: DetectorBucket | undefined, ctx: CloseContext): ScoredLeaf[] {
  if (!data || data.size === 0) return [];
  const leaves: ScoredLeaf[] = [];
  for (const [partition, attrs] of groupByPartition(data)) {
    const persons = admitPersons(view, partition, attrs, ctx);
    const byPerson = new Map<string, PersonAccum>();
    for (const [attribute, members] of attrs) {
      const key = attributeKey(partition, attribute);
      let attr = view.state.attributes.get(key);
      if (!attr) {
        if (!ctx.allowNew(NEW_MODEL_ESTIMATE_BYTES * view.behaviour.features.length)) continue;
        attr = {
          partition, attribute, models: newSeriesModels(view, ctx.bucketSpanMs), personBuckets: new Map(),
          firstSeen: ctx.bucketStartMs, lastSeen: ctx.bucketStartMs, newcomerModels: null, newcomers: new Map(), own: new Map(),
        };
        view.state.attributes.set(key, attr);
      }
      scoreAttribute(view, attr, members, persons, persons.size, ctx, byPerson);
    }
    for (const acc of byPerson.values()) leaves.push(personLeaf(acc));
  }
  return leaves;
}
