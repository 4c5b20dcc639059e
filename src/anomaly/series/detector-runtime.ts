/**
 * One detector of a running job: routes each accepted event to its series in the open bucket (split values per
 * §1.2, the feature input, the influencer tally), and on bucket close hands the bucket to the right scorer
 * (individual, population or rare). Owns the detector's learned state.
 */
import { fieldReader, numberOf, stringOf, valuesOf, type FieldReader } from '../../ecs/index.js';
import type { EcsEvent } from '../../ecs/index.js';
import type { DetectorDefinition } from '../config/job-definition.js';
import { addDistinct, addNumber, familyBehaviour, timeInPeriod, type FamilyBehaviour } from '../detectors/index.js';
import type { CloseContext, DetectorView } from '../scoring/close-context.js';
import { INDIVIDUAL_SERIES_OVERHEAD_BYTES, PERSON_OVERHEAD_BYTES, SERIES_OVERHEAD_BYTES } from '../scoring/close-context.js';
import type { ScoredLeaf } from '../scoring/leaf.js';
import { scoreIndividual } from '../scoring/score-individual.js';
import { scorePopulation } from '../scoring/score-population.js';
import { scoreRare } from '../scoring/score-rare.js';
import type { TallyInput } from './influencer-tally.js';
import { featureModelsBytes } from './feature-models.js';
import {
  bucketStart, emptyModelState, modelStateFromJson, modelStateToJson,
  type DetectorModelState, type IndividualSeries, type PersonSeries, type PopulationAttribute,
} from './model-state.js';
import {
  detectorBucketFromJson, detectorBucketToJson, newSeriesBucket, noteForTally, seriesKey,
  type DetectorBucket, type SeriesBucketJson, type SplitValues,
} from './series-bucket.js';

export type BadValueReporter = (field: string, value: unknown) => void;

/** Something the memory guard may drop to get back under the soft limit. */
export interface PrunableEntity { lastSeen: number; bytes: number; remove(): void }

/** A pooled attribute with its newcomer model (its own histories are counted, and pruned, one by one). */
const attributeBytes = (a: PopulationAttribute): number =>
  SERIES_OVERHEAD_BYTES + featureModelsBytes(a.models) + (a.newcomerModels ? featureModelsBytes(a.newcomerModels) : 0);
const personSeriesBytes = (own: PersonSeries): number => SERIES_OVERHEAD_BYTES + featureModelsBytes(own.models);

/** Everything a population keeps about a person that is dropped with it (bucket counts, newcomer phase, own history). */
function forgetPerson(s: DetectorModelState, partition: string, person: string): void {
  for (const a of s.attributes.values()) {
    if (a.partition !== partition) continue;
    a.personBuckets.delete(person);
    a.newcomers.delete(person);
    a.own.delete(person);
  }
}

export class DetectorRuntime implements DetectorView {
  readonly behaviour: FamilyBehaviour;
  state: DetectorModelState = emptyModelState();
  private open = new Map<number, DetectorBucket>();
  /** Readers of the fields the detector splits on and reads (see fieldReader). */
  private readonly read: { partition?: FieldReader; by?: FieldReader; over?: FieldReader; field?: FieldReader };

  /** `influencerFields`: the job's influencers, tallied per series (§3.5). */
  constructor(readonly def: DetectorDefinition, readonly bucketSpanMs: number, private readonly influencerFields: readonly string[] = []) {
    this.behaviour = familyBehaviour(def.family);
    const reader = (f: string | undefined) => (f ? fieldReader(f) : undefined);
    this.read = { partition: reader(def.partitionFieldName), by: reader(def.byFieldName), over: reader(def.overFieldName), field: reader(def.fieldName) };
  }

  private individualBytes(v: IndividualSeries): number {
    return INDIVIDUAL_SERIES_OVERHEAD_BYTES + featureModelsBytes(v.models);
  }

  /** When an individual series last had data, in epoch ms (what pruning compares). */
  private lastSeenMs(v: IndividualSeries): number {
    return bucketStart(v.lastBucket, this.bucketSpanMs);
  }

  /** Event fields this detector reads. */
  fields(): string[] {
    const d = this.def;
    return [d.fieldName, d.byFieldName, d.overFieldName, d.partitionFieldName].filter((f): f is string => !!f);
  }

  private splitValues(event: EcsEvent): SplitValues | undefined {
    const d = this.def;
    const read = this.read;
    const partition = read.partition ? (stringOf(read.partition(event)) ?? '') : '';
    let by: string | null = null;
    let over: string | null = null;
    if (read.by) {
      const v = stringOf(read.by(event));
      if (v === undefined && !d.useNull) return undefined;
      by = v ?? '';
    }
    if (read.over) {
      const v = stringOf(read.over(event));
      if (v === undefined && !d.useNull) return undefined;
      over = v ?? '';
    }
    return { partition, by, over };
  }

  /** Reads the feature input; undefined = nothing to add (missing value, or bad value already reported). */
  private readInput(event: EcsEvent, timeMs: number, onBad: BadValueReporter): TallyInput | undefined {
    const b = this.behaviour;
    const field = this.def.fieldName;
    switch (b.input) {
      case 'none':
        return { kind: 'none' };
      case 'time':
        return { kind: 'number', value: timeInPeriod(timeMs, b.periodSeconds ?? 86_400), keepValues: false };
      case 'number': {
        const raw = this.read.field!(event);
        const x = numberOf(raw);
        if (x === undefined) return undefined;
        if (Number.isNaN(x)) {
          onBad(field!, raw);
          return undefined;
        }
        return { kind: 'number', value: x, keepValues: b.keepValues };
      }
      case 'string': {
        const values = valuesOf(this.read.field!(event));
        if (values.length === 0) return undefined;
        return { kind: 'string', values: values.map(String) };
      }
    }
  }

  ingest(event: EcsEvent, bucketStartMs: number, timeMs: number, onBad: BadValueReporter): void {
    const split = this.splitValues(event);
    if (!split) return;
    const input = this.readInput(event, timeMs, onBad);
    if (!input) return;
    let bucket = this.open.get(bucketStartMs);
    if (!bucket) this.open.set(bucketStartMs, (bucket = new Map()));
    const key = seriesKey(split);
    let sb = bucket.get(key);
    if (!sb) bucket.set(key, (sb = newSeriesBucket(split, this.influencerFields)));
    sb.acc.n++;
    if (input.kind === 'number') addNumber(sb.acc, input.value, input.keepValues);
    else if (input.kind === 'string') for (const s of input.values) addDistinct(sb.acc, s);
    noteForTally(sb, event, input);
  }

  /** Feature values of an open bucket per series, without closing it (diagnostics and tests). */
  peekFeatures(bucketStartMs: number): Array<SplitValues & { features: number[] | undefined; events: number }> {
    return [...(this.open.get(bucketStartMs)?.values() ?? [])].map((sb) => ({
      partition: sb.partition, by: sb.by, over: sb.over, features: this.behaviour.extract(sb.acc), events: sb.acc.n,
    }));
  }

  close(ctx: CloseContext): ScoredLeaf[] {
    const data = this.open.get(ctx.bucketStartMs);
    this.open.delete(ctx.bucketStartMs);
    if (this.behaviour.modelKind === 'rarity') return scoreRare(this, data, ctx);
    if (this.def.overFieldName) return scorePopulation(this, data, ctx);
    return scoreIndividual(this, data, ctx);
  }

  /** Drops series, persons and partitions not seen since `cutoffMs` (model_prune_window). Returns how many. */
  pruneOlderThan(cutoffMs: number): number {
    const s = this.state;
    let n = 0;
    for (const [k, v] of s.individual) if (this.lastSeenMs(v) < cutoffMs) { s.individual.delete(k); n++; }
    for (const [k, v] of s.attributes) {
      if (v.lastSeen < cutoffMs) { s.attributes.delete(k); n++; continue; }
      for (const [person, own] of v.own) if (own.lastSeen < cutoffMs) { v.own.delete(person); n++; }
    }
    for (const [k, v] of s.rarity) if (v.lastSeen < cutoffMs) { s.rarity.delete(k); n++; }
    for (const [partition, persons] of s.persons) {
      for (const [person, stats] of persons) {
        if (stats.lastSeen >= cutoffMs) continue;
        persons.delete(person);
        forgetPerson(s, partition, person);
        n++;
      }
      if (persons.size === 0) s.persons.delete(partition);
    }
    return n;
  }

  /** Everything that could be pruned, with its size. */
  prunable(): PrunableEntity[] {
    const s = this.state;
    const out: PrunableEntity[] = [];
    for (const [k, v] of s.individual) {
      out.push({ lastSeen: this.lastSeenMs(v), bytes: this.individualBytes(v), remove: () => s.individual.delete(k) });
    }
    for (const [k, v] of s.attributes) {
      out.push({ lastSeen: v.lastSeen, bytes: attributeBytes(v), remove: () => s.attributes.delete(k) });
      // An own history can go on its own: the person falls back to the population view until it is re-learned.
      for (const [person, own] of v.own) out.push({ lastSeen: own.lastSeen, bytes: personSeriesBytes(own), remove: () => v.own.delete(person) });
    }
    for (const [partition, persons] of s.persons) {
      for (const [person, stats] of persons) {
        out.push({
          lastSeen: stats.lastSeen, bytes: PERSON_OVERHEAD_BYTES,
          remove: () => {
            persons.delete(person);
            forgetPerson(s, partition, person);
          },
        });
      }
    }
    for (const [k, v] of s.rarity) {
      out.push({ lastSeen: v.lastSeen, bytes: SERIES_OVERHEAD_BYTES + v.model.approxBytes(), remove: () => s.rarity.delete(k) });
    }
    return out;
  }

  approxBytes(): number {
    const s = this.state;
    let bytes = 0;
    for (const v of s.individual.values()) bytes += this.individualBytes(v);
    for (const v of s.attributes.values()) {
      bytes += attributeBytes(v) + 16 * v.personBuckets.size + 16 * v.newcomers.size;
      for (const own of v.own.values()) bytes += personSeriesBytes(own);
    }
    for (const persons of s.persons.values()) bytes += PERSON_OVERHEAD_BYTES * persons.size;
    for (const v of s.rarity.values()) bytes += SERIES_OVERHEAD_BYTES + v.model.approxBytes();
    return bytes;
  }

  seriesCount(): number {
    const s = this.state;
    let persons = 0;
    for (const p of s.persons.values()) persons += p.size;
    let ownHistories = 0;
    for (const a of s.attributes.values()) ownHistories += a.own.size;
    return s.individual.size + s.attributes.size + s.rarity.size + persons + ownHistories;
  }

  toJSON(): { state: unknown; open: Array<[number, SeriesBucketJson[]]> } {
    return { state: modelStateToJson(this.state, this.bucketSpanMs), open: [...this.open].map(([b, d]) => [b, detectorBucketToJson(d)]) };
  }

  restore(json: { state: unknown; open: Array<[number, SeriesBucketJson[]]> }): void {
    this.state = modelStateFromJson(json.state, this.bucketSpanMs);
    this.open = new Map(json.open.map(([b, d]) => [b, detectorBucketFromJson(d, this.influencerFields)]));
  }
}
