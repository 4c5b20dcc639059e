/**
 * The learned state of one detector: individual series models (partition × by), pooled population models
 * (partition × attribute, with per-person bucket counts for the §1.2 weights, plus Outflow's newcomer and
 * own-history views, see scoring/population-views.ts) and rarity models (per partition).
 * Plain maps in insertion order, so a snapshot restores the exact iteration order and therefore identical output.
 */
import { RarityModel } from '../maths/index.js';
import { featureModelsFromJson, featureModelsToJson, type FeatureModels } from './feature-models.js';
import { seriesKey } from './series-bucket.js';

export interface IndividualSeries {
  partition: string;
  by: string | null;
  /** One model per feature (three for `metric`). */
  models: FeatureModels;
  /**
   * First and last bucket with data, as bucket numbers (bucket start ÷ bucket span): small integers that V8 keeps
   * inside the object, where epoch milliseconds would each be a separately allocated number (32 B per series).
   */
  firstBucket: number;
  lastBucket: number;
  bucketsWithData: number;
}

/**
 * The bucket number of a bucket start, and back; exact, since bucket starts are whole multiples of the span. The
 * quotient is returned through `| 0` when it is an int32: a division yields a boxed double even when the result is
 * whole, and V8 keeps a field unboxed only while every value stored in it is a small integer.
 */
export function bucketNumber(bucketStartMs: number, bucketSpanMs: number): number {
  const n = bucketStartMs / bucketSpanMs;
  return n === (n | 0) ? n | 0 : n;
}
export const bucketStart = (bucket: number, bucketSpanMs: number): number => bucket * bucketSpanMs;

export interface PersonStats { buckets: number; firstSeen: number; lastSeen: number }

/** One person's own history for one attribute: the buckets in which it had data (never zero-filled). */
export interface PersonSeries {
  /** One model per feature. */
  models: FeatureModels;
  /** The bucket the model started learning (the person's second bucket with data for this attribute). */
  since: number;
  lastSeen: number;
  /** Distinct UTC days with data since then, and the last of them (a habit must recur over days). */
  days: number;
  lastDay: number;
}

export interface PopulationAttribute {
  partition: string;
  attribute: string | null;
  models: FeatureModels;
  /** Buckets in which each person had this attribute (ml-cpp's person-attribute bucket counts). */
  personBuckets: Map<string, number>;
  firstSeen: number;
  lastSeen: number;
  /** Pooled model of what newcomers send in their first buckets; null until the first newcomer. */
  newcomerModels: FeatureModels | null;
  /** Persons now in their newcomer phase → their first bucket. Persons present from the start never enter. */
  newcomers: Map<string, number>;
  /** Own-history models, created lazily at a person's second bucket with data. */
  own: Map<string, PersonSeries>;
}

export interface RarityPartition {
  partition: string;
  model: RarityModel;
  /** Buckets (or person-buckets, for population rare) the model has learned. */
  observations: number;
  firstSeen: number;
  lastSeen: number;
}

export interface DetectorModelState {
  individual: Map<string, IndividualSeries>;
  attributes: Map<string, PopulationAttribute>;
  /** partition → over value → stats, for population detectors (frequencies and memory). */
  persons: Map<string, Map<string, PersonStats>>;
  rarity: Map<string, RarityPartition>;
}

export function emptyModelState(): DetectorModelState {
  return { individual: new Map(), attributes: new Map(), persons: new Map(), rarity: new Map() };
}

interface PersonSeriesJson { m: unknown[]; s: number; l: number; d: number; ld: number }

const personSeriesToJson = (v: PersonSeries): PersonSeriesJson => ({ m: featureModelsToJson(v.models), s: v.since, l: v.lastSeen, d: v.days, ld: v.lastDay });
const personSeriesFromJson = (v: PersonSeriesJson): PersonSeries => ({
  models: featureModelsFromJson(v.m), since: v.s, lastSeen: v.l, days: v.d, lastDay: v.ld,
});

interface StateJson {
  individual: Array<[string, { p: string; b: string | null; m: unknown[]; f: number; l: number; n: number }]>;
  attributes: Array<[string, {
    p: string; a: string | null; m: unknown[]; pb: Array<[string, number]>; f: number; l: number;
    /** Added with the newcomer and own-history views; absent in older snapshots. */
    nm?: unknown[] | null; nc?: Array<[string, number]>; ow?: Array<[string, PersonSeriesJson]>;
  }]>;
  persons: Array<[string, Array<[string, PersonStats]>]>;
  rarity: Array<[string, { p: string; m: unknown; o: number; f: number; l: number }]>;
}

/** Snapshots keep epoch milliseconds everywhere, whatever the in-memory form. */
export function modelStateToJson(s: DetectorModelState, bucketSpanMs: number): StateJson {
  return {
    individual: [...s.individual].map(([k, v]) => [k, {
      p: v.partition, b: v.by, m: featureModelsToJson(v.models),
      f: bucketStart(v.firstBucket, bucketSpanMs), l: bucketStart(v.lastBucket, bucketSpanMs), n: v.bucketsWithData,
    }]),
    attributes: [...s.attributes].map(([k, v]) => [k, {
      p: v.partition, a: v.attribute, m: featureModelsToJson(v.models), pb: [...v.personBuckets], f: v.firstSeen, l: v.lastSeen,
      nm: v.newcomerModels ? featureModelsToJson(v.newcomerModels) : null, nc: [...v.newcomers],
      ow: [...v.own].map(([pk, ps]) => [pk, personSeriesToJson(ps)] as [string, PersonSeriesJson]),
    }]),
    persons: [...s.persons].map(([k, v]) => [k, [...v].map(([pk, ps]) => [pk, { ...ps }] as [string, PersonStats])]),
    rarity: [...s.rarity].map(([k, v]) => [k, { p: v.partition, m: v.model.toJSON(), o: v.observations, f: v.firstSeen, l: v.lastSeen }]),
  };
}

export function modelStateFromJson(raw: unknown, bucketSpanMs: number): DetectorModelState {
  const j = raw as StateJson;
  return {
    // Keyed afresh rather than by the stored key: older snapshots used a longer key format for every series.
    individual: new Map(j.individual.map(([, v]) => [seriesKey({ partition: v.p, by: v.b, over: null }), {
      partition: v.p, by: v.b, models: featureModelsFromJson(v.m),
      firstBucket: bucketNumber(v.f, bucketSpanMs), lastBucket: bucketNumber(v.l, bucketSpanMs), bucketsWithData: v.n,
    }])),
    attributes: new Map(j.attributes.map(([k, v]) => [k, {
      partition: v.p, attribute: v.a, models: featureModelsFromJson(v.m), personBuckets: new Map(v.pb), firstSeen: v.f, lastSeen: v.l,
      newcomerModels: v.nm ? featureModelsFromJson(v.nm) : null,
      newcomers: new Map(v.nc ?? []),
      own: new Map((v.ow ?? []).map(([pk, ps]) => [pk, personSeriesFromJson(ps)])),
    }])),
    persons: new Map(j.persons.map(([k, v]) => [k, new Map(v.map(([pk, ps]) => [pk, { ...ps }]))])),
    rarity: new Map(j.rarity.map(([k, v]) => [k, { partition: v.p, model: RarityModel.fromJSON(v.m), observations: v.o, firstSeen: v.f, lastSeen: v.l }])),
  };
}
