/**
 * The learned state of one detector: individual series models (partition × by), pooled population models
 * (partition × attribute, with per-person bucket counts for the §1.2 weights) and rarity models (per partition).
 * Plain maps in insertion order, so a snapshot restores the exact iteration order and therefore identical output.
 */
import { RarityModel, TimeSeriesModel } from '../maths/index.js';

export interface IndividualSeries {
  partition: string;
  by: string | null;
  /** One model per feature (three for `metric`). */
  models: TimeSeriesModel[];
  firstSeen: number;
  lastSeen: number;
  bucketsWithData: number;
}

export interface PersonStats { buckets: number; firstSeen: number; lastSeen: number }

export interface PopulationAttribute {
  partition: string;
  attribute: string | null;
  models: TimeSeriesModel[];
  /** Buckets in which each person had this attribute (ml-cpp's person-attribute bucket counts). */
  personBuckets: Map<string, number>;
  firstSeen: number;
  lastSeen: number;
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

interface StateJson {
  individual: Array<[string, { p: string; b: string | null; m: unknown[]; f: number; l: number; n: number }]>;
  attributes: Array<[string, { p: string; a: string | null; m: unknown[]; pb: Array<[string, number]>; f: number; l: number }]>;
  persons: Array<[string, Array<[string, PersonStats]>]>;
  rarity: Array<[string, { p: string; m: unknown; o: number; f: number; l: number }]>;
}

export function modelStateToJson(s: DetectorModelState): StateJson {
  return {
    individual: [...s.individual].map(([k, v]) => [k, { p: v.partition, b: v.by, m: v.models.map((m) => m.toJSON()), f: v.firstSeen, l: v.lastSeen, n: v.bucketsWithData }]),
    attributes: [...s.attributes].map(([k, v]) => [k, { p: v.partition, a: v.attribute, m: v.models.map((m) => m.toJSON()), pb: [...v.personBuckets], f: v.firstSeen, l: v.lastSeen }]),
    persons: [...s.persons].map(([k, v]) => [k, [...v].map(([pk, ps]) => [pk, { ...ps }] as [string, PersonStats])]),
    rarity: [...s.rarity].map(([k, v]) => [k, { p: v.partition, m: v.model.toJSON(), o: v.observations, f: v.firstSeen, l: v.lastSeen }]),
  };
}

export function modelStateFromJson(raw: unknown): DetectorModelState {
  const j = raw as StateJson;
  return {
    individual: new Map(j.individual.map(([k, v]) => [k, {
      partition: v.p, by: v.b, models: v.m.map((m) => TimeSeriesModel.fromJSON(m)), firstSeen: v.f, lastSeen: v.l, bucketsWithData: v.n,
    }])),
    attributes: new Map(j.attributes.map(([k, v]) => [k, {
      partition: v.p, attribute: v.a, models: v.m.map((m) => TimeSeriesModel.fromJSON(m)), personBuckets: new Map(v.pb), firstSeen: v.f, lastSeen: v.l,
    }])),
    persons: new Map(j.persons.map(([k, v]) => [k, new Map(v.map(([pk, ps]) => [pk, { ...ps }]))])),
    rarity: new Map(j.rarity.map(([k, v]) => [k, { partition: v.p, model: RarityModel.fromJSON(v.m), observations: v.o, firstSeen: v.f, lastSeen: v.l }])),
  };
}
