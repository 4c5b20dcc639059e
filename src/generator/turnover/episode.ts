// A planned, labelled novelty (a new port, a new country, a heavier one-off) and how it shows up day by day.
import { isWeekend, SLOTS_PER_DAY } from '../calendar.js';
import type { DayContext } from '../day-context.js';
import type { EventSink } from '../event-sink.js';
import type { BenignLookalike } from '../options.js';
import type { Host } from '../organisation.js';
import { emitNovelFlow, type NovelDestination } from './novel-flow.js';

export interface TurnoverEpisode {
  /** Unique, readable id: names the episode's random stream and its benign label. */
  id: string;
  description: string;
  host: Host;
  day: number;
  firstSlot: number;
  slots: number;
  destination: NovelDestination;
  /** Bytes sent on the first day, split over `slots` consecutive half hours. */
  firstDaySentBytes: number;
  /** Received bytes per sent byte. */
  receivedRatio: number;
  /** Chance per later weekday that the host uses the destination again (0: a one-off), and the median bytes then. */
  recurChance: number;
  recurMedianSentBytes: number;
}

// Weekend re-use is rare: the services are work or evening habits of office PCs.
const WEEKEND_RECUR_FACTOR = 0.15;
// Re-use happens in office hours (08:00–18:30).
const REUSE_SLOTS = Array.from({ length: 21 }, (_, i) => 16 + i);

/**
 * The benign label of an episode (the evaluation attributes false alerts carrying its entity to it). Host and IP,
 * not the novel port or country: the DED jobs' alerts all carry host.name and destination.ip as influencers, while
 * only the port job's carry the port and only the country job's the country.
 */
export function episodeLabel(episode: TurnoverEpisode): BenignLookalike {
  return { id: episode.id, description: episode.description, entity: { 'host.name': episode.host.name, 'destination.ip': episode.destination.ip } };
}

/** Emits the episode's flows for the day `ctx` describes: the first contact, or a later re-use. */
export function emitEpisodeDay(ctx: DayContext, out: EventSink, episode: TurnoverEpisode): void {
  if (ctx.dayIndex < episode.day) return;
  const rng = ctx.rng('turnover-episode', episode.id);
  const { host, destination } = episode;
  if (ctx.dayIndex === episode.day) {
    for (let i = 0; i < episode.slots && episode.firstSlot + i < SLOTS_PER_DAY; i++) {
      const sent = (episode.firstDaySentBytes / episode.slots) * (0.8 + rng.next() * 0.4);
      emitNovelFlow(ctx, out, rng, host, episode.firstSlot + i, destination, { sent, received: sent * episode.receivedRatio }, i === 0);
    }
    return;
  }
  const chance = episode.recurChance * (isWeekend(ctx.dayStartMs) ? WEEKEND_RECUR_FACTOR : 1);
  if (!rng.chance(chance)) return;
  for (const slot of rng.sample(REUSE_SLOTS, rng.int(1, 3))) {
    const sent = rng.logNormal(episode.recurMedianSentBytes, 0.8);
    emitNovelFlow(ctx, out, rng, host, slot, destination, { sent, received: sent * episode.receivedRatio }, rng.chance(0.4));
  }
}
