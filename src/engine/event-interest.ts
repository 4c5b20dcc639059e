/**
 * The event judge of a replay (see EventJudge in src/sources): built in each parser thread from the same content and
 * options as the engine, it tells which events some job's datafeed (with the module query and runtime fields) or some
 * rule's query wants. Unwanted events then reach the engine only as their time, line and rule touch mask; events only
 * the jobs want reach it whole but are not offered to the rules (their touch mask is applied instead).
 *
 * Exactness: the engine runs everything again on the events judged wanted, so the judge only has to be a superset —
 * an event it calls unwanted must be one no job accepts and no rule keeps, and an event it keeps from the rules one
 * no rule keeps (rule-interest.ts). It sees events enriched
 * like the engine's: geo/AS data is looked up here too when a test reads it, and the cheap derived fields always.
 */
import type { EcsEvent } from '../ecs/index.js';
import { buildEventView } from '../anomaly/datafeed-filter.js';
import { loadRules } from '../rules/index.js';
import { ruleInterest } from '../rules/run/rule-interest.js';
import { ALL_FIELDS, type FieldCondition } from '../query/index.js';
import { createDedEgressFilter, createEnricher, openGeoIp, parseInternalNetworks } from '../enrich/index.js';
import type { EventInterestRef, EventJudge, LineCondition } from '../sources/index.js';
import { BUILTIN_CONTENT_DIR, findContent, loadJobDefinitions } from './content-loader.js';
import { jobReadsEgressFlows } from './job-facts.js';
import { MAX_ROUTED_JOBS, routeMask, type RoutableJob } from './job-route.js';

/** What the judge is built from: the replay options that decide jobs, rules and enrichment (plain data). */
export interface EventInterestOptions {
  content: string[];
  builtin: boolean;
  internalNetworks?: string[];
  geo: boolean;
  /** The run's city database, if the user gave one (see DetectionOptions.geoDatabase). */
  geoDatabase?: string;
  /**
   * The engine's jobs, in its order: the judge routes events to them (SourceEvent.route) only when it loaded the very
   * same jobs in the same order. Absent: no routes.
   */
  jobIds?: string[];
}

/** This module, as readEvents' workers import it (compiled .js, or .ts under tsx). */
const SELF = new URL(import.meta.url.endsWith('.ts') ? './event-interest.ts' : './event-interest.js', import.meta.url).href;

export function eventInterestRef(options: EventInterestOptions): EventInterestRef {
  return { module: SELF, options };
}

/** Enriched fields that need the geo/AS databases (the other enrichment is cheap and always done). */
const GEO_PREFIXES = ['source.geo', 'destination.geo', 'source.as', 'destination.as'];

/**
 * Whether a test can see geo/AS fields. A field-set name above them (`destination`, as in the DED module query's
 * `exists`) cannot: on the flat events judged here it has no value of its own, and it exists whenever `destination.ip`
 * does — which geo enrichment requires anyway.
 */
function readsGeo(fields: string[]): boolean {
  return fields.some((f) => f === ALL_FIELDS || f.includes('*') || GEO_PREFIXES.some((g) => f === g || f.startsWith(g + '.')));
}


export function createEventJudge(options: EventInterestOptions): EventJudge {
  const content = findContent(options.content, options.builtin);
  const defs = loadJobDefinitions(content.jobFiles);
  const views = defs.map(buildEventView);
  const report = loadRules(content.ruleFiles, { overridableDir: BUILTIN_CONTENT_DIR });
  const rules = ruleInterest(report.loaded);
  const fields = [...views.flatMap((v) => v.fieldsRead), ...rules.fieldsRead];
  const internal = parseInternalNetworks(options.internalNetworks, '--internal-networks');
  const enricher = createEnricher({ geo: options.geo && readsGeo(fields) ? openGeoIp(true, options.geoDatabase) : undefined, internal });
  const acceptedByAJob = (event: EcsEvent): boolean => {
    try {
      for (const v of views) if (v.accepts(event)) return true;
      return false;
    } catch {
      return true; // the engine meets the same failure on the event, as it would without a judge
    }
  };
  const ids = defs.map((d) => d.id);
  const routable: RoutableJob[] | undefined =
    ids.length <= MAX_ROUTED_JOBS && options.jobIds !== undefined && JSON.stringify(options.jobIds) === JSON.stringify(ids)
      ? defs.map((d, i) => ({ accepts: views[i]!.accepts, egressOnly: jobReadsEgressFlows(d) }))
      : undefined;
  const egress = createDedEgressFilter(internal);
  // A field the judge adds itself (enrichment) may be missing from the raw line: it may hold whenever a field it is
  // derived from is there. Wildcard field names are not judged on raw lines.
  const onRawFields = (conds: FieldCondition[]): LineCondition[] =>
    conds.filter((c) => !c.field.includes('*')).map((c) => {
      const from = enricher.writtenFrom[c.field];
      return from ? { ...c, derivedFrom: from } : c;
    });
  const wantedIf = [...views.map((v) => onRawFields(v.necessary)), ...rules.wantedIf.map(onRawFields)];
  const wantedIfJobs = views.length;
  const routeOf = (event: EcsEvent): number => {
    try {
      return routeMask(routable!, egress, event);
    } catch {
      return -1; // the engine meets the same failure on the event, as it would without a route
    }
  };
  let last: EcsEvent | undefined;
  /** The route of `last`, once worked out (judging may need it first). */
  let lastRoute: number | undefined;
  return {
    wantedIf,
    wantedIfJobs,
    // Routing reads `event.category` (job-route.ts) besides the jobs' queries and the egress filter.
    fieldsRead: [...new Set([...fields, ...enricher.fieldsRead, ...egress.fieldsRead, 'event.category'])],
    judge(event, jobsExcluded = false) {
      enricher.enrich(event);
      last = event;
      // No job's conditions hold on the line (the line prefilter said so): none takes it, and nothing is dropped.
      lastRoute = jobsExcluded && routable ? 0 : undefined;
      const forRules = rules.judge(event);
      if (forRules === -1) return -1;
      // A job takes the event, or some job accepts it and the egress filter drops it (its bit is then set), or a query
      // failed (-1, as acceptedByAJob says): non-zero exactly when acceptedByAJob is true, at one evaluation.
      const taken = jobsExcluded ? false : routable ? (lastRoute = routeOf(event)) !== 0 : acceptedByAJob(event);
      // Only the jobs want it: the engine skips offering it to the rules and applies their touches instead.
      return taken ? -2 - forRules : forRules;
    },
    route: routable && (() => (lastRoute ??= routeOf(last!))),
  };
}
