/**
 * Which anomaly jobs take an event: those whose datafeed (and module) query accepts it, except that the jobs reading
 * Elastic's DED egress flows take a network event only when it passes the egress filter. The parser threads' judge
 * works this out for the events it lets through (SourceEvent.route, a bit per job) and the engine does it itself
 * for the others, both with this function, so the two cannot disagree.
 */
import { fieldReader, type EcsEvent } from '../ecs/index.js';
import type { EgressFilter } from '../enrich/index.js';

/** Jobs a route can name: bits 0–29 of a non-negative int32; bit 30 says the egress filter dropped the event. */
export const MAX_ROUTED_JOBS = 30;
export const EGRESS_DROPPED = 1 << 30;

export interface RoutableJob {
  accepts(event: EcsEvent): boolean;
  egressOnly: boolean;
}

/**
 * Calls `take(i)` for each job `i` that takes the event, in job order; returns true when the egress filter dropped
 * it for some job that otherwise would have taken it.
 */
export function routeEvent(jobs: readonly RoutableJob[], egress: EgressFilter | undefined, event: EcsEvent, take: (job: number) => void): boolean {
  let egressPassed: boolean | undefined;
  for (let i = 0; i < jobs.length; i++) {
    const job = jobs[i]!;
    if (!job.accepts(event)) continue;
    if (job.egressOnly && isNetworkEvent(event)) {
      egressPassed ??= egress ? egress.accepts(event) : true;
      if (!egressPassed) continue;
    }
    take(i);
  }
  return egressPassed === false;
}

/** The route of an event as a bit mask (see SourceEvent.route); only for at most MAX_ROUTED_JOBS jobs. */
export function routeMask(jobs: readonly RoutableJob[], egress: EgressFilter | undefined, event: EcsEvent): number {
  let mask = 0;
  const dropped = routeEvent(jobs, egress, event, (i) => {
    mask |= 1 << i;
  });
  return dropped ? mask | EGRESS_DROPPED : mask;
}

const readCategory = fieldReader('event.category');

function isNetworkEvent(event: EcsEvent): boolean {
  const category = readCategory(event);
  // `getValues(…).includes('network')` without the array: only a scalar or an array element can equal it.
  return category === 'network' || (Array.isArray(category) && category.includes('network'));
}
