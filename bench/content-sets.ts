/**
 * The two detection configurations the rule-cost part compares: the core engine (Elastic's DED and LMD anomaly
 * jobs, no rules) and the full one (the same jobs + the bundled content pack + every fixture rule). The pack carries
 * its own versions of Elastic's 18 ML rules under the same rule_ids, and the loader refuses a duplicate rule_id, so
 * a fixture rule whose rule_id the pack already has is left out (the pack's version runs instead).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseToml } from 'smol-toml';

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

function tomlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).sort().flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return tomlFiles(p);
    return name.endsWith('.toml') ? [p] : [];
  });
}

function ruleIdOf(file: string): string | undefined {
  try {
    const doc = parseToml(readFileSync(file, 'utf8')) as { rule?: { rule_id?: unknown } };
    return typeof doc.rule?.rule_id === 'string' ? doc.rule.rule_id : undefined;
  } catch {
    return undefined; // the loader reports unreadable files itself
  }
}

export function contentSets(): ContentSets {
  const notes: string[] = [];
  const haveModules = MODULES.every((m) => existsSync(m));
  const jobs = haveModules ? MODULES : [join(BUNDLED, 'jobs')];
  const jobsFrom = haveModules ? "Elastic's DED+LMD modules (../shared/fixtures)" : 'the bundled content/jobs';
  if (!haveModules) notes.push(`Elastic's ML modules not found under ${ELASTIC}/ml_module: the jobs come from content/jobs instead`);

  const packIds = new Set(tomlFiles(join(BUNDLED, 'rules')).map(ruleIdOf).filter((id) => id !== undefined));
  const fixtures = tomlFiles(FIXTURE_RULES);
  const extra = fixtures.filter((f) => {
    const id = ruleIdOf(f);
    return id === undefined || !packIds.has(id);
  });
  if (fixtures.length === 0) notes.push(`fixture rules not found at ${FIXTURE_RULES}: the full configuration has the content pack's rules only`);
  else if (extra.length < fixtures.length) {
    notes.push(`${fixtures.length - extra.length} of ${fixtures.length} fixture rules share a rule_id with the content pack; the pack's version of those runs`);
  }
  return {
    core: { label: 'core (jobs only)', content: jobs, builtin: false, describe: `${jobsFrom}, no rules` },
    full: {
      label: 'full (jobs + rules)',
      content: [...jobs, ...extra],
      builtin: true,
      describe: `${jobsFrom} + the content pack (content/) + ${extra.length} more fixture rules`,
    },
    notes,
  };
}
