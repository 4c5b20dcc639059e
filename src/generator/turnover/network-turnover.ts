// The organisation's network novelty as one daily activity: per-host newcomer IPs plus planned org-wide episodes.
import type { DayContext } from '../day-context.js';
import type { EventSink } from '../event-sink.js';
import type { BenignLookalike } from '../options.js';
import type { Organisation } from '../organisation.js';
import { emitEpisodeDay, episodeLabel, type TurnoverEpisode } from './episode.js';
import { HostNewcomers } from './host-newcomers.js';
import { NewcomerIpSource } from './newcomer-ips.js';
import { planEpisodes } from './plan-episodes.js';

export interface TurnoverOptions {
  seed: number;
  days: number;
  startMs: number;
  /** Hosts touched by attack scenarios (planned or not): org-wide novelties avoid them. */
  avoidHosts: ReadonlySet<string>;
}

/**
 * Stateful across days (newcomer IPs are never reused; some newcomers are revisited later), so `day` must be called
 * for day 0, 1, 2… in order. Its randomness is its own: the other activities' events are the same with or without it.
 */
export class NetworkTurnover {
  private readonly episodes: TurnoverEpisode[];
  private readonly newcomers: HostNewcomers;

  constructor(org: Organisation, options: TurnoverOptions) {
    // Every pool address is excluded, including those scenarios take later: an attack's "never seen" IP stays unseen.
    const ips = new NewcomerIpSource(options.seed, org.ipPool.allAddresses());
    this.episodes = planEpisodes({ ...options, workstations: org.workstations, ips });
    this.newcomers = new HostNewcomers(ips);
  }

  day(ctx: DayContext, out: EventSink): void {
    this.newcomers.day(ctx, out);
    for (const episode of this.episodes) emitEpisodeDay(ctx, out, episode);
  }

  /** Benign look-alike labels: every planned episode and every bulk newcomer generated so far. */
  benignLookalikes(): BenignLookalike[] {
    return [...this.episodes.map(episodeLabel), ...this.newcomers.labels()];
  }
}
