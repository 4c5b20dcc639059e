// Schedules the month's org-wide novelties: new ports and countries at their weekly rates, heavy one-offs spread out.
import { DAY_MS, isWeekend } from '../calendar.js';
import type { Host } from '../organisation.js';
import { Rng } from '../random.js';
import type { TurnoverEpisode } from './episode.js';
import { EpisodePlanner } from './episode-planner.js';
import { HEAVY_ONE_OFFS } from './heavy-one-offs.js';
import type { NewcomerIpSource } from './newcomer-ips.js';
import {
  HEAVY_ONE_OFFS_PER_WEEK, NEW_COUNTRY_EPISODES_PER_WEEKDAY, NEW_PORT_EPISODES_PER_WEEKDAY, organisationScale, WEEKEND_EPISODE_FACTOR,
} from './rates.js';

export interface EpisodePlanInput {
  seed: number;
  days: number;
  startMs: number;
  workstations: readonly Host[];
  /** Hosts an attack scenario touches: novelties stay off them so that no benign flow is mistaken for a detection. */
  avoidHosts: ReadonlySet<string>;
  ips: NewcomerIpSource;
}

/** Days of the heavy one-offs: evenly spread over days 1…days-1, moved to the next (or previous) weekday. */
function heavyDays(input: EpisodePlanInput): number[] {
  const count = Math.max(1, Math.round((input.days / 7) * HEAVY_ONE_OFFS_PER_WEEK));
  const weekday = (day: number) => !isWeekend(input.startMs + day * DAY_MS);
  return Array.from({ length: count }, (_, k) => {
    const ideal = Math.max(1, Math.min(input.days - 1, Math.floor(((k + 0.5) * input.days) / count)));
    for (let d = ideal; d < input.days; d++) if (weekday(d)) return d;
    for (let d = ideal; d >= 1; d--) if (weekday(d)) return d;
    return ideal;
  });
}

/** Every org-wide novelty of the month in day order; the first day is left as the baseline. */
export function planEpisodes(input: EpisodePlanInput): TurnoverEpisode[] {
  const free = input.workstations.filter((h) => !input.avoidHosts.has(h.name));
  const planner = new EpisodePlanner(new Rng(input.seed, 'turnover-plan'), free.length > 0 ? free : input.workstations, input.ips);
  const scale = organisationScale(input.workstations.length);
  const heavy = heavyDays(input);
  const episodes: TurnoverEpisode[] = [];
  for (let day = 1; day < input.days; day++) {
    const factor = isWeekend(input.startMs + day * DAY_MS) ? WEEKEND_EPISODE_FACTOR : 1;
    const ports = planner.rng.poisson(NEW_PORT_EPISODES_PER_WEEKDAY * scale * factor);
    for (let i = 0; i < ports; i++) episodes.push(planner.portEpisode(day));
    const countries = planner.rng.poisson(NEW_COUNTRY_EPISODES_PER_WEEKDAY * scale * factor);
    for (let i = 0; i < countries; i++) {
      const episode = planner.countryEpisode(day);
      if (episode) episodes.push(episode);
    }
    heavy.forEach((heavyDay, k) => {
      if (heavyDay === day) episodes.push(HEAVY_ONE_OFFS[k % HEAVY_ONE_OFFS.length](planner, day));
    });
  }
  return episodes;
}
