/**
 * The data of one series (partition × by × over value) in one open bucket: its feature accumulator and its
 * influencer tally. Plain data, serialisable for snapshots.
 */
import { accumulatorFromJson, accumulatorToJson, newAccumulator } from '../detectors/index.js';
import type { Accumulator, AccumulatorJson } from '../detectors/index.js';
import { tallyFromJson, tallyToJson, type InfluencerTally, type InfluencerTallyJson } from './influencer-tally.js';

export interface SplitValues {
  /** "" when the detector has no partition field or the event has no value (§1.2). */
  partition: string;
  by: string | null;
  over: string | null;
}

export interface SeriesBucket extends SplitValues {
  acc: Accumulator;
  influencers: InfluencerTally;
}

/** seriesKey → data, for one detector and one bucket. */
export type DetectorBucket = Map<string, SeriesBucket>;

const SEP = '\u0000';
const NONE = '\u0001';

/**
 * The series' key within its detector. A series split by one value only (partition alone, or by alone with an empty
 * partition) is keyed by that value's string itself, so the model state shares it with the series instead of holding
 * a second, longer copy per series. Which of by/over is null is fixed by the detector's config, and composite keys
 * contain SEP, so a bare key meets a composite one only for values that contain U+0000 (as composite keys already
 * could among themselves).
 */
export function seriesKey(s: SplitValues): string {
  if (s.over === null) {
    if (s.by === null) return s.partition;
    if (s.partition === '') return s.by;
  }
  return `${s.partition}${SEP}${s.by ?? NONE}${SEP}${s.over ?? NONE}`;
}

export function newSeriesBucket(s: SplitValues): SeriesBucket {
  return { partition: s.partition, by: s.by, over: s.over, acc: newAccumulator(), influencers: new Map() };
}

export interface SeriesBucketJson { p: string; b: string | null; o: string | null; acc: AccumulatorJson; inf: InfluencerTallyJson }

export function detectorBucketToJson(b: DetectorBucket): SeriesBucketJson[] {
  return [...b.values()].map((s) => ({ p: s.partition, b: s.by, o: s.over, acc: accumulatorToJson(s.acc), inf: tallyToJson(s.influencers) }));
}

export function detectorBucketFromJson(j: SeriesBucketJson[]): DetectorBucket {
  const out: DetectorBucket = new Map();
  for (const s of j) {
    const sb: SeriesBucket = { partition: s.p, by: s.b, over: s.o, acc: accumulatorFromJson(s.acc), influencers: tallyFromJson(s.inf) };
    out.set(seriesKey(sb), sb);
  }
  return out;
}
