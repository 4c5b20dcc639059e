/**
 * Builds the detection side of a run from its options: anomaly jobs (restored from the store's snapshots when the
 * store has learned state), the rule engine, enrichment and the DED egress filter, and the field lists the readers
 * need for selective parsing.
 */
import { ConfigError } from '../errors.js';
import { AnomalyJob, FirstContactPool } from '../anomaly/index.js';
import { RuleEngine, loadRules, closableAlertUuids, type RuleLoadReport } from '../rules/index.js';
import { createDedEgressFilter, createEnricher, openGeoIp, parseInternalNetworks, type Enricher, type EgressFilter } from '../enrich/index.js';
import type { Store } from '../store/index.js';
import { BUILTIN_CONTENT_DIR, findContent, loadJobDefinitions } from './content-loader.js';
import type { RoutedJob } from './detection-pipeline.js';
import { describeJob, jobNumericFields, jobReadsEgressFlows } from './job-facts.js';
import { linkFirstContactSiblings } from './first-contact-siblings.js';

/** Store component of the first contacts shared by sibling jobs (anomaly/scoring/first-contact-pool.ts). */
const FIRST_CONTACT_COMPONENT = 'first-contacts';

export interface DetectionOptions {
  content: string[];
  builtin: boolean;
  internalNetworks?: string[];
  geo: boolean;
  /** A MaxMind-format city database of the user's, instead of the bundled country database (adds region and city). */
  geoDatabase?: string;
}

export interface Detection {
  jobs: RoutedJob[];
  rules: RuleEngine | undefined;
  enricher: Enricher;
  /** The GeoIP database's attribution (GeoIp.attribution); undefined with geo off. */
  geoSource: string | undefined;
  egress: EgressFilter;
  numericFields: string[];
  keepFields: string[] | 'all';
  /**
   * The kept fields that events only the jobs want need (sources' ReadOptions.sideFields): what the jobs, enrichment
   * and the egress filter read, and every kept field below an object field among them (an `exists` on `destination`
   * must see the same leaves).
   */
  sideFields: string[] | undefined;
  unsupportedRules: RuleLoadReport['unsupported'];
  /** Bundled rules the user's content replaced (same rule_id). */
  overriddenRules: NonNullable<RuleLoadReport['overridden']>;
  /** The learned state to checkpoint, as store components: every job, and the first contacts they share. */
  snapshots(): Array<[string, unknown]>;
  /** Closes stored open alerts that the loaded exceptions now match; returns how many. */
  closeAlertsMatchingExceptions(): number;
}


export function buildDetection(opts: DetectionOptions, store: Store, rulesState: unknown): Detection {
  const content = findContent(opts.content, opts.builtin);
  const defs = loadJobDefinitions(content.jobFiles);
  const callbacks = { onBadValue: () => {} };
  const jobs: RoutedJob[] = defs.map((def) => {
    const id = describeJob(def).id;
    const state = store.loadSnapshot(`job:${id}`);
    const job = state === undefined ? AnomalyJob.create(def, callbacks) : AnomalyJob.restore(def, state, callbacks);
    return { job, egressOnly: jobReadsEgressFlows(def) };
  });
  const poolState = store.loadSnapshot(FIRST_CONTACT_COMPONENT);
  const firstContacts = poolState === undefined ? new FirstContactPool() : FirstContactPool.fromJSON(poolState);
  linkFirstContactSiblings(jobs.map((r, i) => ({ job: r.job, def: defs[i], eventScope: r.egressOnly ? 'egress' : 'all' })), firstContacts);

  const report = loadRules(content.ruleFiles, { overridableDir: BUILTIN_CONTENT_DIR });
  if (report.errors.length) {
    const first = report.errors[0];
    throw new ConfigError(first.file, '(rule)', report.errors.map((e) => `${e.file}: ${e.message}`).join('\n  '), 'fix the rule file or leave it out of --content');
  }
  const jobIds = jobs.map((r) => r.job.id);
  const rules = report.loaded.length
    ? rulesState === undefined
      ? new RuleEngine(report, { jobIds })
      : RuleEngine.restore(report, { jobIds }, rulesState)
    : undefined;

  const internal = parseInternalNetworks(opts.internalNetworks, '--internal-networks');
  const geo = openGeoIp(opts.geo, opts.geoDatabase);
  const enricher = createEnricher({ geo, internal });
  const egress = createDedEgressFilter(internal);

  const fields = new Set<string>(['@timestamp', ...enricher.fieldsRead, ...egress.fieldsRead]);
  let all = false;
  for (const r of jobs) for (const f of r.job.fieldsRead) fields.add(f);
  const forJobs = [...fields];
  for (const f of rules?.fieldsRead ?? []) {
    if (f === '*') all = true;
    fields.add(f);
  }
  return {
    jobs,
    rules,
    enricher,
    geoSource: geo?.attribution,
    egress,
    numericFields: [...new Set(defs.flatMap(jobNumericFields))],
    keepFields: all ? 'all' : leafFields(fields),
    sideFields: all ? undefined : leafFields(fields).filter((k) => forJobs.some((f) => k === f || k.startsWith(`${f}.`))),
    unsupportedRules: report.unsupported,
    overriddenRules: report.overridden ?? [],
    snapshots() {
      const out: Array<[string, unknown]> = jobs.map((r) => [`job:${r.job.id}`, r.job.snapshot()]);
      out.push([FIRST_CONTACT_COMPONENT, structuredClone(firstContacts.toJSON())]);
      return out;
    },
    closeAlertsMatchingExceptions() {
      const open = store.listAlerts({ status: 'open' }).map((a) => a.doc);
      const uuids = closableAlertUuids(report, open);
      return uuids.length ? store.setAlertStatus(uuids, 'closed', 'matched an exception') : 0;
    },
  };
}

/**
 * Drops field-set names (`host`) when leaf fields below them (`host.name`) are kept too: the selective parser only
 * works on leaf paths, and what detection reads is named leaf by leaf.
 */
function leafFields(fields: Set<string>): string[] {
  const sorted = [...fields].sort();
  return sorted.filter((f) => !sorted.some((g) => g.startsWith(f + '.')));
}
