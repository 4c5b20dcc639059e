/**
 * Per series and bucket, the statistics of each influencer value (§3.5), bounded: at most TALLY_CAPACITY values per
 * influencer field are tracked; when full, the value with the smallest contribution makes room (a heavy hitter such
 * as the host that carried the bytes is therefore kept). Only the top TOP_INFLUENCERS are reported.
 */
import { addDistinct, addNumber, newAccumulator, resetAccumulator, accumulatorFromJson, accumulatorToJson } from '../detectors/index.js';
import type { Accumulator, AccumulatorJson } from '../detectors/index.js';

export const TALLY_CAPACITY = 20;
export const TOP_INFLUENCERS = 10;
/** Distinct strings remembered per influencer value (distinct_count/info_content influence). */
const PART_MAX_DISTINCT = 256;
const PART_MAX_VALUES = 64;

/** field → value → statistics of the events carrying that value. */
export type InfluencerTally = Map<string, Map<string, Accumulator>>;

/** What an event adds: nothing but its presence, a number, or a string. */
export type TallyInput = { kind: 'none' } | { kind: 'number'; value: number; keepValues: boolean } | { kind: 'string'; values: string[] };

/** How much a value contributed, to decide which value to forget first. */
export function contribution(a: Accumulator): number {
  return a.count > 0 ? Math.abs(a.sum) + a.n : a.n;
}

/**
 * No tracked value contributes less than this: each was counted at least once (n ≥ 1). The first value found at it
 * is therefore the one the full scan would pick (the first smallest), and the scan can stop there.
 */
const LEAST_CONTRIBUTION = 1;

/**
 * Forgets the value with the smallest contribution and returns its statistics object for reuse: a month of flows
 * churns through millions of such short-lived values on busy series, and allocating each one anew shows up as GC time.
 */
function evictSmallest(values: Map<string, Accumulator>): Accumulator | undefined {
  let victim: string | undefined;
  let victimAcc: Accumulator | undefined;
  let smallest = Infinity;
  for (const [k, a] of values) {
    const c = contribution(a);
    if (c < smallest) {
      smallest = c;
      victim = k;
      victimAcc = a;
      if (c <= LEAST_CONTRIBUTION) break;
    }
  }
  if (victim !== undefined) values.delete(victim);
  return victimAcc;
}

export function tallyEvent(tally: InfluencerTally, influencerValues: ReadonlyArray<readonly [string, readonly string[]]>, input: TallyInput): void {
  for (const [field, values] of influencerValues) {
    if (values.length === 0) continue;
    let byValue = tally.get(field);
    if (!byValue) tally.set(field, (byValue = new Map()));
    for (const v of values) {
      let acc = byValue.get(v);
      if (!acc) {
        const reused = byValue.size >= TALLY_CAPACITY ? evictSmallest(byValue) : undefined;
        byValue.set(v, (acc = reused ? resetAccumulator(reused) : newAccumulator()));
      }
      acc.n++;
      if (input.kind === 'number') addNumber(acc, input.value, input.keepValues, PART_MAX_VALUES);
      else if (input.kind === 'string') for (const s of input.values) addDistinct(acc, s, PART_MAX_DISTINCT);
    }
  }
}

/** The top values of one field by contribution, largest first (ties by value for determinism). */
export function topValues(byValue: Map<string, Accumulator>, limit = TOP_INFLUENCERS): Array<[string, Accumulator]> {
  return [...byValue].sort((a, b) => contribution(b[1]) - contribution(a[1]) || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).slice(0, limit);
}

export type InfluencerTallyJson = Array<[string, Array<[string, AccumulatorJson]>]>;

export function tallyToJson(t: InfluencerTally): InfluencerTallyJson {
  return [...t].map(([f, m]) => [f, [...m].map(([v, a]) => [v, accumulatorToJson(a)] as [string, AccumulatorJson])]);
}

export function tallyFromJson(j: InfluencerTallyJson): InfluencerTally {
  return new Map(j.map(([f, entries]) => [f, new Map(entries.map(([v, a]) => [v, accumulatorFromJson(a)]))]));
}
