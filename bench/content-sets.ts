/**
 * The two detection configurations the rule-cost part compares: the core engine (Elastic's DED and LMD anomaly
 * jobs, no rules) and the full one (the same jobs + the bundled content pack + every fixture rule). The pack carries
 * its own versions of Elastic's 18 ML rules under the same rule_ids; Elastic's originals given with --content replace
 * them, as they would for a user.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface ContentSet {
  label: string;
  content: string[];
  builtin: boolean;
  /** Where the content comes from, printed with the results. */
  describe: string;
}

export interface ContentSets {
  core: ContentSet;
  full: ContentSet;
  notes: string[];
}

/** Fixture paths relative to the repository root (the bench runs from there: `npm run bench`). */
const ELASTIC = resolve('..', 'shared', 'fixtures', 'elastic');
const MODULES = ['ded-ml.json', 'lmd-ml.json'].map((f) => resolve(ELASTIC, 'ml_module', f));
const FIXTURE_RULES = resolve(ELASTIC, 'rules');
const BUNDLED = resolve('content');

export function contentSets(): ContentSets {
  const notes: string[] = [];
  const haveModules = MODULES.every((m) => existsSync(m));
  const jobs = haveModules ? MODULES : [join(BUNDLED, 'jobs')];
  const jobsFrom = haveModules ? "Elastic's DED+LMD modules (../shared/fixtures)" : 'the bundled content/jobs';
  if (!haveModules) notes.push(`Elastic's ML modules not found under ${ELASTIC}/ml_module: the jobs come from content/jobs instead`);

  const haveRules = existsSync(FIXTURE_RULES);
  if (!haveRules) notes.push(`fixture rules not found at ${FIXTURE_RULES}: the full configuration has the content pack's rules only`);
  else notes.push("Elastic's 18 DED/LMD ML rules replace the content pack's versions (same rule_id), as they would for a user");
  return {
    core: { label: 'core (jobs only)', content: jobs, builtin: false, describe: `${jobsFrom}, no rules` },
    full: {
      label: 'full (jobs + rules)',
      content: haveRules ? [...jobs, FIXTURE_RULES] : jobs,
      builtin: true,
      describe: `${jobsFrom} + the content pack (content/)${haveRules ? " + every Elastic fixture rule (../shared/fixtures/elastic/rules)" : ''}`,
    },
    notes,
  };
}
