/**
 * Outflow's two extra views of a population person, on top of Elastic's pooled model (§1.2). Elastic compares every
 * person only with the pooled population, which fails both ways for exfiltration:
 *
 * - **Established persons** (a destination that has received data in many buckets over several days) that always
 *   receive a lot are flagged forever: the nightly backup target is in the population's far tail every night. Here an
 *   established person is anomalous only if its value is unusual BOTH for the population AND for its own history:
 *   p = max(p_population, p_own). This is the intersection-union test: "unusual for everyone and unusual for itself"
 *   is rejected at level α only if each of the two is, and its p-value is the larger of the two. The own history is a
 *   seasonal TimeSeriesModel of the person's buckets with data (not zero-filled: how much it takes when it takes any).
 * - **Newcomers** (a person in its first buckets) are judged against what newcomers usually take, a pooled model of
 *   the values persons send in their first buckets, instead of against a population that may contain a heavy member:
 *   "5 GB to a port nobody used before" is the exfiltration signature even when port 443 routinely gets 20 GB. Until
 *   that model has seen enough newcomers it is not trusted and the population judges, as in Elastic.
 *
 * Everyone else (neither new nor established yet) is judged by the population alone, exactly as in Elastic.
 */
import type { SeriesProbability, Tail } from '../maths/index.js';
import type { FamilyBehaviour } from '../detectors/index.js';
import { learnFeatures, type FeatureModels } from '../series/feature-models.js';
import type { PersonSeries, PopulationAttribute } from '../series/model-state.js';
import { combinedP, probabilities } from './feature-probability.js';
import type { PopulationView } from './leaf.js';

const DAY_MS = 86_400_000;

/**
 * Persons first seen during the attribute's first day are founders, never newcomers: they were there before we
 * started watching, and any routine destination shows up within one daily cycle. Counting them as newcomers would
 * teach the newcomer model that "new" destinations take what the backup target takes.
 */
export const FOUNDER_PERIOD_MS = DAY_MS;
/**
 * A newcomer phase is the person's first two buckets with data: the first is usually partial (the person appeared
 * mid-bucket), so a transfer that starts late in it lands mostly in the second.
 */
export const NEWCOMER_BUCKETS = 2;
/** Each newcomer counts once in total in the newcomer model, however many of its phase buckets it had data in. */
const NEWCOMER_SAMPLE_WEIGHT = 1 / NEWCOMER_BUCKETS;
/**
 * The newcomer model is trusted after it has learned newcomers in this many buckets: its spread is estimated from
 * different persons, and about 30 observations is where an estimated spread stops being badly over-confident.
 */
export const NEWCOMER_MIN_BUCKETS = 30;
/**
 * An own history is trusted after this many buckets with data (enough to estimate a level and a spread; the model's
 * prior keeps it broad until then)...
 */
export const ESTABLISHED_MIN_BUCKETS = 8;
/** ...on at least this many distinct days: a habit recurs over days, one long burst (an exfiltration) is not one. */
export const ESTABLISHED_MIN_DAYS = 3;

/** What the scorer needs to judge one person-attribute bucket. */
export interface JudgeInput {
  behaviour: FamilyBehaviour;
  tail: Tail;
  bucketStartMs: number;
  attr: PopulationAttribute;
  person: string;
  /** Buckets in which the person had this attribute, this one included. */
  personBuckets: number;
  /** Sibling jobs' pooled newcomer models (first-contact-pool.ts), used while the attribute's own are not trusted. */
  shared?: { models: FeatureModels; overFields: string[] };
}

export interface Judgement {
  p: number;
  informative: boolean;
  /** Probabilities of the view that limited p: its typical, bounds and impacts are reported. */
  shown: SeriesProbability[];
  view: PopulationView;
}

const utcDay = (t: number): number => Math.floor(t / DAY_MS);

/** The bucket the person's newcomer phase started, or undefined when it is not (or no longer) a newcomer. */
export function newcomerSince(attr: PopulationAttribute, person: string, personBuckets: number): number | undefined {
  return personBuckets <= NEWCOMER_BUCKETS ? attr.newcomers.get(person) : undefined;
}

/** Called on a person's first bucket with an attribute: after the founder period it starts a newcomer phase. */
export function admitNewcomer(attr: PopulationAttribute, person: string, personBuckets: number, bucketStartMs: number): void {
  if (personBuckets === 1 && bucketStartMs >= attr.firstSeen + FOUNDER_PERIOD_MS) attr.newcomers.set(person, bucketStartMs);
}

export function isEstablished(own: PersonSeries | undefined): own is PersonSeries {
  return own !== undefined && own.days >= ESTABLISHED_MIN_DAYS;
}

/** Judges a person's feature values with the view its history calls for (before anything is learned from them). */
export function judgePerson(x: JudgeInput, features: number[]): Judgement {
  const { behaviour, tail, bucketStartMs: b, attr, person } = x;
  const popProbs = probabilities(attr.models, behaviour, tail, b, features);
  const pop = combinedP(popProbs);
  const since = newcomerSince(attr, person, x.personBuckets);
  if (since !== undefined) {
    const phase = { firstSeenMs: since, newcomerBucket: x.personBuckets };
    if (attr.newcomerModels) {
      const newProbs = probabilities(attr.newcomerModels, behaviour, tail, b, features);
      const fresh = combinedP(newProbs);
      if (fresh.informative) return { ...fresh, shown: newProbs, view: { kind: 'newcomer', ...phase } };
    }
    if (x.shared) {
      const sharedProbs = probabilities(x.shared.models, behaviour, tail, b, features);
      const first = combinedP(sharedProbs);
      if (first.informative) return { ...first, shown: sharedProbs, view: { kind: 'newcomer', ...phase, firstContactOf: x.shared.overFields } };
    }
  }
  const own = attr.own.get(person);
  if (pop.informative && isEstablished(own)) {
    const ownProbs = probabilities(own.models, behaviour, tail, b, features);
    const self = combinedP(ownProbs);
    if (self.informative) {
      const ownBinds = self.p >= pop.p;
      return {
        p: Math.max(pop.p, self.p), informative: true, shown: ownBinds ? ownProbs : popProbs,
        view: {
          kind: 'established',
          population: { typical: popProbs[0].typical, upper: popProbs[0].upper, p: pop.p },
          own: { typical: ownProbs[0].typical, lower: ownProbs[0].lower, upper: ownProbs[0].upper, seasonal: ownProbs[0].seasonal, p: self.p },
        },
      };
    }
  }
  return { ...pop, shown: popProbs, view: since === undefined ? { kind: 'population' } : { kind: 'population', newcomer: { firstSeenMs: since, newcomerBucket: x.personBuckets } } };
}

/** Newcomer samples of one bucket, one list per feature (every newcomer weighs the same: none is chatty yet). */
export function newcomerSamples(features: number[], learnWeight: number): Array<{ value: number; weight: number }> {
  return features.map((value) => ({ value, weight: NEWCOMER_SAMPLE_WEIGHT * learnWeight }));
}

/** Learns the person's own history for this bucket (the model exists from its second bucket with data). */
export function learnOwn(own: PersonSeries, bucketStartMs: number, features: number[], learnWeight: number): void {
  learnFeatures(own.models, bucketStartMs, features, learnWeight);
  own.lastSeen = bucketStartMs;
  const day = utcDay(bucketStartMs);
  if (day !== own.lastDay) {
    own.days++;
    own.lastDay = day;
  }
}

/** A fresh own-history series; its models score only after ESTABLISHED_MIN_BUCKETS buckets. */
export function newPersonSeries(models: FeatureModels, bucketStartMs: number): PersonSeries {
  return { models, since: bucketStartMs, lastSeen: bucketStartMs, days: 0, lastDay: -1 };
}
