/**
 * The data of one series (partition × by × over value) in one open bucket: its feature accumulator and its
 * influencer tally. Plain data, serialisable for snapshots.
 *
 * The tally is only read when the series turns out anomalous (influence.ts) or is snapshotted, which is rare, while
 * keeping it up to date cost more than anything else per event. So events are logged (`pendingEvents`) and tallied,
 * in arrival order, when the tally is first read — the same tally as eagerly, for a fraction of the work. A long log
 * is tallied early (PENDING_LIMIT) so that an open bucket's memory stays bounded on a busy series. Events are not
 * changed once the jobs have them, so reading their influencer values late reads what an eager tally read.
 */
import type { EcsEvent } from '../../ecs/index.js';
import { accumulatorFromJson, accumulatorToJson, newAccumulator } from '../detectors/index.js';
import { influencerValues } from '../influencer-values.js';
import type { Accumulator, AccumulatorJson } from '../detectors/index.js';
import {
  tallyEvent, tallyFromJson, tallyToJson, type InfluencerTally, type InfluencerTallyJson, type TallyInput,
} from './influencer-tally.js';

export interface SplitValues {
  /** "" when the detector has no partition field or the event has no value (§1.2). */
  partition: string;
  by: string | null;
  over: string | null;
}

export interface SeriesBucket extends SplitValues {
  acc: Accumulator;
  /** Up to date only after settleTally(); read it through tallyOf(). */
  influencers: InfluencerTally;
  /** The job's influencer fields (what an event's influencer values are read from). */
  influencerFields: readonly string[];
  /** Events not yet tallied, with their inputs, in arrival order. */
  pendingEvents: EcsEvent[];
  pendingInputs: TallyInput[];
}

/** seriesKey → data, for one detector and one bucket. */
export type DetectorBucket = Map<string, SeriesBucket>;

/**
 * Events logged per series bucket before they are tallied anyway: bounds what a busy series holds on to (the events
 * themselves are shared with the other jobs and live until their buckets close).
 */
export const PENDING_LIMIT = 4096;

/** Notes an event (as the job sees it) for the influencer tally; see the file comment. */
export function noteForTally(sb: SeriesBucket, event: EcsEvent, input: TallyInput): void {
  sb.pendingEvents.push(event);
  sb.pendingInputs.push(input);
  if (sb.pendingEvents.length >= PENDING_LIMIT) settleTally(sb);
}

/** Tallies the logged events, in order. */
function settleTally(sb: SeriesBucket): void {
  const events = sb.pendingEvents;
  if (events.length === 0) return;
  const inputs = sb.pendingInputs;
  for (let i = 0; i < events.length; i++) tallyEvent(sb.influencers, influencerValues(events[i]!, sb.influencerFields), inputs[i]!);
  sb.pendingEvents = [];
  sb.pendingInputs = [];
}

/** The series bucket's influencer tally, complete. */
export function tallyOf(sb: SeriesBucket): InfluencerTally {
  settleTally(sb);
  return sb.influencers;
}

const SEP = '\u0000';
const NONE = '\u0001';

/**
 * The series' key within its detector. A series split by one value only (partition alone, or by or over alone with an
 * empty partition) is keyed by that value's string itself, so the model state shares it with the series instead of holding
 * a second, longer copy per series. Which of by/over is null is fixed by the detector's config, and composite keys
 * contain SEP, so a bare key meets a composite one only for values that contain U+0000 (as composite keys already
 * could among themselves).
 */
export function seriesKey(s: SplitValues): string {
  if (s.partition === '') {
    // A population's members (over alone) are keyed by the value too: no string is built per event, and the map
    // finds the event's own string, whose hash is already known.
    if (s.over === null) return s.by ?? '';
    if (s.by === null) return s.over;
  } else if (s.over === null && s.by === null) return s.partition;
  return `${s.partition}${SEP}${s.by ?? NONE}${SEP}${s.over ?? NONE}`;
}

export function newSeriesBucket(s: SplitValues, influencerFields: readonly string[]): SeriesBucket {
  return {
    partition: s.partition, by: s.by, over: s.over, acc: newAccumulator(), influencers: new Map(), influencerFields,
    pendingEvents: [], pendingInputs: [],
  };
}

export interface SeriesBucketJson { p: string; b: string | null; o: string | null; acc: AccumulatorJson; inf: InfluencerTallyJson }

export function detectorBucketToJson(b: DetectorBucket): SeriesBucketJson[] {
  return [...b.values()].map((s) => ({ p: s.partition, b: s.by, o: s.over, acc: accumulatorToJson(s.acc), inf: tallyToJson(tallyOf(s)) }));
}

export function detectorBucketFromJson(j: SeriesBucketJson[], influencerFields: readonly string[]): DetectorBucket {
  const out: DetectorBucket = new Map();
  for (const s of j) {
    const sb: SeriesBucket = {
      partition: s.p, by: s.b, over: s.o, acc: accumulatorFromJson(s.acc), influencers: tallyFromJson(s.inf), influencerFields,
      pendingEvents: [], pendingInputs: [],
    };
    out.set(seriesKey(sb), sb);
  }
  return out;
}
