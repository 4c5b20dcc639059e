// Checks the bundled content pack: everything parses, ML rules point at bundled jobs, facts match Elastic's
// DED/LMD content, every rule carries a guide, and the texts are our own words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import {
  CONTENT_DIR, FIXTURE_DIR, fixturesPresent, jobIdsOf, listFiles, loadModule, loadRules, threatIds,
  type MlModule, type ModuleJob, type RuleFile,
} from './content-files.js';
import { sharedRuns, wordRuns } from './own-words.js';

const SKIP_NO_FIXTURES = '../shared not present';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const DATE = /^\d{4}\/\d{2}\/\d{2}$/;

const rules = loadRules(join(CONTENT_DIR, 'rules'));
const mlRules = rules.filter((r) => r.rule.type === 'machine_learning');
const otherRules = rules.filter((r) => r.rule.type !== 'machine_learning');
const modules = listFiles(join(CONTENT_DIR, 'jobs'), '.json').map(loadModule);
const jobsById = new Map<string, ModuleJob>(modules.flatMap((m) => m.attributes.jobs.map((j) => [j.id, j] as const)));

function fixtureModules(): MlModule[] {
  return listFiles(join(FIXTURE_DIR, 'ml_module'), '.json').map(loadModule);
}
function fixtureMlRules(): RuleFile[] {
  const root = join(FIXTURE_DIR, 'rules');
  return [...loadRules(join(root, 'ded')), ...loadRules(join(root, 'lmd'))];
}
function withoutOurTexts(job: ModuleJob): unknown {
  const { description: _d, custom_settings, ...config } = job.config;
  const { outflow: _o, ...elasticSettings } = custom_settings ?? {};
  const detectors = config.analysis_config.detectors.map(({ detector_description: _dd, ...d }) => d);
  return { ...config, custom_settings: elasticSettings, analysis_config: { ...config.analysis_config, detectors } };
}

test('every content file parses: TOML with smol-toml, JSON as JSON', () => {
  const tomlFiles = listFiles(CONTENT_DIR, '.toml');
  const jsonFiles = listFiles(CONTENT_DIR, '.json');
  assert.ok(tomlFiles.length >= 18 + 15, `expected the 18 ML rules and at least 15 own rules, found ${tomlFiles.length}`);
  assert.equal(listFiles(join(CONTENT_DIR, 'jobs'), '.json').length, 2, 'expected content/jobs/ded.json and lmd.json');
  for (const f of tomlFiles) assert.doesNotThrow(() => parseToml(readFileSync(f, 'utf8')), f);
  for (const f of jsonFiles) assert.doesNotThrow(() => JSON.parse(readFileSync(f, 'utf8')), f);
  for (const r of rules) {
    assert.ok(r.rule && typeof r.rule.name === 'string' && typeof r.rule.type === 'string', `${r.path}: [rule] with name and type`);
    assert.ok(DATE.test(String(r.metadata.creation_date)) && DATE.test(String(r.metadata.updated_date)), `${r.path}: metadata dates`);
    assert.equal(r.metadata.maturity, 'production', r.path);
  }
});

test('rule ids are UUIDs and unique across the pack', () => {
  const seen = new Map<string, string>();
  for (const r of rules) {
    assert.match(r.rule.rule_id, UUID, r.path);
    assert.ok(!seen.has(r.rule.rule_id), `${r.path} reuses the rule_id of ${seen.get(r.rule.rule_id)}`);
    seen.set(r.rule.rule_id, r.path);
  }
});

test('every rule is ours and comes with description, false positives, a triage guide and setup', () => {
  for (const { path, rule } of rules) {
    assert.deepEqual(rule.author, ['Outflow'], path);
    assert.equal(rule.license, 'Apache-2.0', path);
    assert.ok(rule.description.trim().length > 80, `${path}: description too short`);
    assert.ok((rule.false_positives ?? []).length > 0, `${path}: false_positives`);
    const note = rule.note ?? '';
    assert.ok(note.startsWith('## Triage and analysis'), `${path}: note must start with the triage heading`);
    for (const section of ['Investigation steps', 'False positive analysis', 'Response']) {
      assert.ok(note.includes(section), `${path}: note lacks "${section}"`);
    }
    assert.match(note, /\n1\. .*`[a-z@][\w.@]*`/, `${path}: investigation steps must be numbered and name ECS fields`);
    assert.ok((rule.setup ?? '').startsWith('## Setup'), `${path}: setup`);
    assert.ok(['low', 'medium', 'high', 'critical'].includes(rule.severity), `${path}: severity`);
    assert.ok(Number.isInteger(rule.risk_score) && rule.risk_score >= 0 && rule.risk_score <= 100, `${path}: risk_score`);
    assert.ok(threatIds(rule).length > 0, `${path}: ATT&CK mapping`);
  }
});

test('every ML rule points at a bundled job that lists the rule id as its alias', () => {
  assert.equal(mlRules.length, 18);
  for (const { path, rule } of mlRules) {
    const ids = jobIdsOf(rule);
    assert.ok(ids.length > 0, `${path}: machine_learning_job_id`);
    for (const id of ids) {
      const job = jobsById.get(id.replace(/_ea$/, ''));
      assert.ok(job, `${path}: job ${id} (without _ea) is not in content/jobs`);
      assert.ok((job.config.custom_settings?.outflow?.rule_job_ids as string[] | undefined)?.includes(id),
        `${job.id}: custom_settings.outflow.rule_job_ids must contain ${id}`);
    }
    assert.ok(Number.isInteger(rule.anomaly_threshold), `${path}: anomaly_threshold`);
  }
});

test('every query rule has a language, a query, an exfiltration or collection mapping and its type options', () => {
  assert.ok(otherRules.length >= 15);
  for (const { path, rule } of otherRules) {
    assert.ok(rule.query && rule.query.trim().length > 0, `${path}: query`);
    assert.ok(rule.note, `${path}: note`);
    assert.ok((rule.threat ?? []).length > 0, `${path}: threat`);
    assert.ok(threatIds(rule).some((id) => id === 'TA0010' || id === 'TA0009'), `${path}: maps to TA0010 or TA0009`);
    assert.ok(rule.from?.startsWith('now-') && rule.interval, `${path}: from/interval`);
    if (rule.type === 'eql') assert.equal(rule.language, 'eql', path);
    else assert.equal(rule.language, 'kuery', path);
    if (rule.type === 'threshold') {
      assert.ok(rule.threshold && rule.threshold.field.length > 0 && rule.threshold.value >= 1, `${path}: [rule.threshold]`);
    }
    if (rule.type === 'new_terms') {
      assert.ok(rule.new_terms && rule.new_terms.value.length > 0, `${path}: [rule.new_terms] fields`);
      assert.match(rule.new_terms.history_window_start[0]?.value ?? '', /^now-\d+[dhm]$/, `${path}: history window`);
    }
    assert.ok(['query', 'eql', 'threshold', 'new_terms'].includes(rule.type), `${path}: unexpected type ${rule.type}`);
  }
});

test('content jobs equal Elastic\'s modules in everything but the texts', (t) => {
  if (!fixturesPresent) return t.skip(SKIP_NO_FIXTURES);
  for (const fixture of fixtureModules()) {
    const ours = modules.find((m) => m.attributes.id === fixture.attributes.id);
    assert.ok(ours, `no content module for ${fixture.attributes.id}`);
    const a = ours.attributes;
    const f = fixture.attributes;
    assert.deepEqual(a.query, f.query, `${f.id}: module query`);
    assert.equal(a.type, f.type);
    assert.deepEqual(a.jobs.map((j) => j.id).sort(), f.jobs.map((j) => j.id).sort(), `${f.id}: job ids`);
    assert.deepEqual(a.datafeeds, f.datafeeds, `${f.id}: datafeeds (queries, runtime mappings) must be identical`);
    for (const fixtureJob of f.jobs) {
      const job = jobsById.get(fixtureJob.id)!;
      assert.deepEqual(withoutOurTexts(job), withoutOurTexts(fixtureJob), `${fixtureJob.id}: config`);
      assert.notEqual(job.config.description, fixtureJob.config.description, `${fixtureJob.id}: description must be ours`);
    }
  }
});

test('each Elastic DED/LMD rule has a content twin with the same facts', (t) => {
  if (!fixturesPresent) return t.skip(SKIP_NO_FIXTURES);
  const fixtures = fixtureMlRules();
  assert.equal(fixtures.length, 18);
  for (const { path, rule: elastic } of fixtures) {
    const twin = mlRules.find((r) => r.rule.rule_id === elastic.rule_id);
    assert.ok(twin, `no content twin for ${path} (${elastic.rule_id})`);
    const ours = twin.rule;
    for (const key of ['name', 'type', 'machine_learning_job_id', 'anomaly_threshold', 'from', 'interval', 'risk_score', 'severity'] as const) {
      assert.deepEqual(ours[key], elastic[key], `${twin.path}: ${key}`);
    }
    assert.deepEqual(ours.tags, elastic.tags, `${twin.path}: tags`);
    assert.deepEqual(threatIds(ours), threatIds(elastic), `${twin.path}: threat ids`);
  }
});

test('the own-words check catches a copied sentence and ignores shared field names', () => {
  const reference = wordRuns('Review the network traffic logs to identify the source IP address associated with the activity.');
  assert.ok(sharedRuns('First, review the network traffic logs to identify the source IP address quickly.', reference).length > 0);
  const fields = wordRuns('Check `aws.cloudtrail.user_identity.arn`, aws.cloudtrail.user_identity.type and source.ip values.');
  assert.equal(sharedRuns('Read `aws.cloudtrail.user_identity.arn`, aws.cloudtrail.user_identity.type and source.ip first.', fields).length, 0);
});

test('descriptions, guides, setup and false positives share no eight-word run with Elastic\'s texts', (t) => {
  if (!fixturesPresent) return t.skip(SKIP_NO_FIXTURES);
  const reference = new Set<string>();
  const add = (text: string | undefined) => { for (const run of wordRuns(text ?? '')) reference.add(run); };
  for (const { rule } of loadRules(join(FIXTURE_DIR, 'rules'))) {
    [rule.description, rule.note, rule.setup, ...(rule.false_positives ?? [])].forEach(add);
  }
  for (const m of fixtureModules()) {
    add(m.attributes.description);
    for (const j of m.attributes.jobs) {
      add(j.config.description);
      j.config.analysis_config.detectors.forEach((d) => add(d.detector_description));
    }
  }
  const copied: string[] = [];
  for (const { path, rule } of rules) {
    // The rule name is a fact shared with Elastic on purpose; it may appear in our headings.
    const texts = [rule.description, rule.note, rule.setup, ...(rule.false_positives ?? [])].map((x) => (x ?? '').split(rule.name).join(' '));
    for (const text of texts) for (const run of sharedRuns(text, reference)) copied.push(`${path}: "${run}"`);
  }
  for (const m of modules) {
    const texts = [m.attributes.description, ...m.attributes.jobs.flatMap((j) =>
      [j.config.description, ...j.config.analysis_config.detectors.map((d) => d.detector_description ?? '')])];
    for (const text of texts) for (const run of sharedRuns(text, reference)) copied.push(`${m.attributes.id}: "${run}"`);
  }
  assert.deepEqual(copied, [], 'texts copied from Elastic');
});

test('content/README.md lists every bundled job and rule', () => {
  const readme = readFileSync(join(CONTENT_DIR, 'README.md'), 'utf8');
  for (const id of jobsById.keys()) assert.ok(readme.includes(`\`${id}\``), `README lacks job ${id}`);
  for (const { path, rule } of rules) assert.ok(readme.includes(rule.name), `README lacks rule ${path}`);
});
