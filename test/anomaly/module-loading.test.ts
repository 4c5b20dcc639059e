import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadJobs, parseJobDocument, resolveJobId, AnomalyJob, parseDurationMs, parseModelMemoryLimit } from '../../src/anomaly/index.js';
import { ConfigError } from '../../src/errors.js';
import { DED_MODULE, LMD_MODULE, haveFixtures, ML_MODULE_DIR, HOUR } from './helpers.js';

const noop = { onBadValue() {} };

test('DED module loads unchanged and every job is understood', (t) => {
  if (!haveFixtures) return t.skip('../shared not present');
  const jobs = loadJobs(DED_MODULE);
  assert.equal(jobs.length, 7);
  const port = jobs.find((j) => j.id === 'ded_high_sent_bytes_destination_port')!;
  assert.equal(port.bucketSpanMs, 3 * HOUR);
  assert.equal(port.timeField, '@timestamp');
  assert.equal(port.detectors.length, 1);
  assert.deepEqual(
    { fn: port.detectors[0].function, family: port.detectors[0].family, tail: port.detectors[0].tail, field: port.detectors[0].fieldName, over: port.detectors[0].overFieldName },
    { fn: 'high_sum', family: 'sum', tail: 'high', field: 'source.bytes', over: 'destination.port' },
  );
  assert.deepEqual(port.influencers, ['host.name', 'user.name', 'process.name', 'source.ip', 'destination.ip', 'destination.port']);
  assert.equal(port.module?.id, 'ded-ml');
  const rare = jobs.find((j) => j.id === 'ded_rare_process_writing_to_external_device')!;
  assert.equal(rare.bucketSpanMs, HOUR);
  assert.equal(rare.detectors[0].family, 'rare');
  assert.equal(rare.detectors[0].byFieldName, 'process.name');
  assert.equal(rare.detectors[0].partitionFieldName, 'host.name');
  for (const j of jobs) assert.equal(j.modelMemoryLimitBytes, 1024 * 1024 * 1024, j.id);
  for (const j of jobs) AnomalyJob.create(j, noop);
});

test('LMD module loads with its RDP time field and the file_directory runtime field', (t) => {
  if (!haveFixtures) return t.skip('../shared not present');
  const jobs = loadJobs(LMD_MODULE);
  assert.equal(jobs.length, 11);
  const spans = Object.fromEntries(jobs.map((j) => [j.id, j.bucketSpanMs / 60_000]));
  assert.equal(spans.lmd_high_count_remote_file_transfer, 60);
  assert.equal(spans.lmd_rare_file_extension_remote_transfer, 15);
  assert.equal(spans.lmd_high_mean_rdp_session_duration, 360);
  const rdp = jobs.filter((j) => j.id.includes('rdp'));
  assert.equal(rdp.length, 7);
  for (const j of rdp) assert.equal(j.timeField, 'session.start_time', j.id);
  const tow = jobs.find((j) => j.id === 'lmd_unusual_time_weekday_rdp_session_start')!;
  assert.deepEqual(tow.detectors.map((d) => d.family), ['time_of_day', 'time_of_week']);
  const varp = jobs.find((j) => j.id === 'lmd_high_var_rdp_session_duration')!;
  assert.deepEqual(varp.detectors.map((d) => [d.family, d.partitionFieldName]), [['varp', 'source.ip'], ['varp', 'destination.ip']]);
  const path_ = jobs.find((j) => j.id === 'lmd_rare_file_path_remote_transfer')!;
  assert.deepEqual(path_.datafeed.runtimeFields, [{ name: 'file_directory', builtin: 'lmd_file_directory' }]);
  const job = AnomalyJob.create(path_, noop);
  assert.ok(job.fieldsRead.includes('file.path'), 'reads the runtime field input');
  assert.ok(!job.fieldsRead.includes('file_directory'), 'the runtime field is computed, not read');
});

test('a directory of modules loads every job; _ea ids resolve', (t) => {
  if (!haveFixtures) return t.skip('../shared not present');
  const jobs = loadJobs(ML_MODULE_DIR);
  assert.equal(jobs.length, 18);
  const ids = jobs.map((j) => j.id);
  assert.equal(resolveJobId('ded_high_sent_bytes_destination_port_ea', ids), 'ded_high_sent_bytes_destination_port');
  assert.equal(resolveJobId('ded_high_sent_bytes_destination_port', ids), 'ded_high_sent_bytes_destination_port');
  assert.equal(resolveJobId('lmd_x_ea', ids), undefined);
  assert.equal(resolveJobId('a', ['a_ea']), 'a_ea');
});

test('the module and datafeed queries decide which events a job reads', (t) => {
  if (!haveFixtures) return t.skip('../shared not present');
  const port = AnomalyJob.create(loadJobs(DED_MODULE).find((j) => j.id === 'ded_high_sent_bytes_destination_port')!, noop);
  const flow = { '@timestamp': '2026-10-01T00:00:00Z', event: { category: ['network'] }, source: { bytes: 10 }, destination: { port: 443, ip: '1.2.3.4' } };
  assert.equal(port.accepts(flow), true);
  assert.equal(port.accepts({ ...flow, source: {} }), false, 'no source.bytes');
  assert.equal(port.accepts({ ...flow, event: { category: 'process' } }), false);
  const lmd = AnomalyJob.create(loadJobs(LMD_MODULE).find((j) => j.id === 'lmd_high_count_remote_file_transfer')!, noop);
  const creation = { '@timestamp': 1, event: { category: 'file', action: 'creation' }, process: { name: 'System' }, file: { name: 'a.txt' }, user: { name: 'bob' } };
  assert.equal(lmd.accepts(creation), true);
  assert.equal(lmd.accepts({ ...creation, user: { name: 'SYSTEM' } }), false, 'SYSTEM excluded');
  assert.equal(lmd.accepts({ ...creation, process: { name: 'explorer.exe' } }), false);
});

function expectConfigError(fn: () => unknown, job: string, key: string | RegExp): ConfigError {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof ConfigError, `expected ConfigError, got ${String(e)}`);
    assert.match(e.where, new RegExp(`job ${job}`));
    if (typeof key === 'string') assert.equal(e.key, key);
    else assert.match(e.key, key);
    assert.ok(e.fix, 'a fix is suggested');
    return e;
  }
  assert.fail('no error thrown');
}

const base = (detector: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  job_id: 'bad_job', analysis_config: { bucket_span: '1h', detectors: [detector] }, data_description: { time_field: '@timestamp' }, ...extra,
});

test('broken job files fail with the job id, the key and a fix', () => {
  expectConfigError(() => parseJobDocument(base({ function: 'rare', partition_field_name: 'host.name' }), 'x.json'), 'bad_job', 'analysis_config.detectors[0].by_field_name');
  expectConfigError(() => parseJobDocument(base({ function: 'freq_rare', by_field_name: 'a' }), 'x.json'), 'bad_job', 'analysis_config.detectors[0].over_field_name');
  expectConfigError(() => parseJobDocument(base({ function: 'high_sum' }), 'x.json'), 'bad_job', 'analysis_config.detectors[0].field_name');
  expectConfigError(() => parseJobDocument(base({ function: 'count', field_name: 'x' }), 'x.json'), 'bad_job', 'analysis_config.detectors[0].field_name');
  expectConfigError(() => parseJobDocument(base({ function: 'non_null_sum', field_name: 'x', over_field_name: 'y' }), 'x.json'), 'bad_job', 'analysis_config.detectors[0].over_field_name');
  expectConfigError(() => parseJobDocument(base({ function: 'lat_long', field_name: 'geo' }), 'x.json'), 'bad_job', 'analysis_config.detectors[0].function');
  expectConfigError(() => parseJobDocument(base({ function: 'hgih_sum', field_name: 'x' }), 'x.json'), 'bad_job', 'analysis_config.detectors[0].function');
  expectConfigError(() => parseJobDocument(base({ function: 'count' }, { analysis_config: { bucket_span: '1h', detectors: [{ function: 'count' }], categorization_field_name: 'message' } }), 'x.json'),
    'bad_job', 'analysis_config.categorization_field_name');
  expectConfigError(() => parseJobDocument(base({ function: 'count' }, { analysis_config: { bucket_span: '1h', detectors: [{ function: 'count' }], summary_count_field_name: 'doc_count' } }), 'x.json'),
    'bad_job', 'analysis_config.summary_count_field_name');
  expectConfigError(() => parseJobDocument(base({ function: 'count' }, { analysis_config: { bucket_span: '1h', detectors: [{ function: 'count' }], multivariate_by_fields: true } }), 'x.json'),
    'bad_job', 'analysis_config.multivariate_by_fields');
  expectConfigError(() => parseJobDocument(base({ function: 'count' }, { analysis_config: { bucket_span: 'soon', detectors: [{ function: 'count' }] } }), 'x.json'),
    'bad_job', 'analysis_config.bucket_span');
  expectConfigError(() => parseJobDocument(base({ function: 'count' }, { analysis_limits: { model_memory_limit: 'lots' } }), 'x.json'), 'bad_job', 'analysis_limits.model_memory_limit');
  expectConfigError(() => parseJobDocument(base({ function: 'count' }, { analysis_config: { bucket_span: '1h', detectors: [{ function: 'count', use_null: 'yes' }] } }), 'x.json'),
    'bad_job', 'analysis_config.detectors[0].use_null');
  expectConfigError(() => parseJobDocument(base({ function: 'count' }, { datafeed_config: { query: { match_all: {} }, aggregations: { buckets: {} } } }), 'x.json'), 'bad_job', 'datafeed.aggregations');
  expectConfigError(() => parseJobDocument(base({ function: 'count' }, { datafeed_config: { script_fields: { a: {} } } }), 'x.json'), 'bad_job', 'datafeed.script_fields');
  const e = expectConfigError(() => parseJobDocument(base({ function: 'count' }, {
    datafeed_config: { runtime_mappings: { my_field: { type: 'keyword', script: { source: "emit(doc['a'].value + 'x')" } } } },
  }), 'x.json'), 'bad_job', 'datafeed.runtime_mappings.my_field');
  assert.match(e.message, /derive the field upstream/);
  assert.match(e.message, /file_directory/, 'lists the built-ins');
});

test('custom_rules are validated like Elastic and scopes need a known filter', () => {
  const withRules = (rules: unknown[], fn = 'high_count', extra: Record<string, unknown> = {}) => base({ function: fn, by_field_name: 'process.name', custom_rules: rules }, extra);
  expectConfigError(() => parseJobDocument(withRules([{ actions: ['skip_result'] }]), 'x.json'), 'bad_job', 'analysis_config.detectors[0].custom_rules[0]');
  expectConfigError(() => parseJobDocument(withRules([{ conditions: [{ applies_to: 'actual', operator: 'gt', value: 1 }] }], 'rare'), 'x.json'),
    'bad_job', 'analysis_config.detectors[0].custom_rules[0].conditions[0].applies_to');
  expectConfigError(() => parseJobDocument(withRules([{ scope: { 'process.name': { filter_id: 'nope' } } }]), 'x.json'),
    'bad_job', 'analysis_config.detectors[0].custom_rules[0].scope.process.name.filter_id');
  expectConfigError(() => parseJobDocument(withRules([{ scope: { 'host.name': { filter_id: 'safe' } } }], 'high_count', { filters: { safe: ['a'] } }), 'x.json'),
    'bad_job', 'analysis_config.detectors[0].custom_rules[0].scope.host.name');
  const [ok] = parseJobDocument(withRules([{ actions: ['skip_result'], scope: { 'process.name': { filter_id: 'safe', filter_type: 'include' } } }], 'high_count',
    { filters: { safe: ['backup*', 'svc.exe'] } }), 'x.json');
  assert.deepEqual(ok.detectors[0].customRules[0].scope[0].items, ['backup*', 'svc.exe']);
});

test('job files, {job, datafeed} pairs, arrays and directories with sibling datafeeds', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'outflow-jobs-'));
  try {
    mkdirSync(path.join(dir, 'sub'));
    writeFileSync(path.join(dir, 'job.json'), JSON.stringify({ job_id: 'j1', analysis_config: { bucket_span: '15m', detectors: [{ function: 'count' }] }, data_description: { time_field: 't', time_format: 'epoch' } }));
    writeFileSync(path.join(dir, 'sub', 'feed.json'), JSON.stringify({ datafeed_id: 'datafeed-j1', job_id: 'j1', indices: ['logs-*'], query: { term: { 'event.category': 'network' } } }));
    writeFileSync(path.join(dir, 'pair.json'), JSON.stringify({ job: { job_id: 'j2', analysis_config: { bucket_span: 90, detectors: [{ function: 'mean', field_name: 'x' }] } }, datafeed: { job_id: 'j2', query: { match_all: {} } } }));
    writeFileSync(path.join(dir, 'notes.json'), JSON.stringify({ hello: 'world' }));
    const jobs = loadJobs(dir);
    assert.deepEqual(jobs.map((j) => j.id).sort(), ['j1', 'j2']);
    const j1 = jobs.find((j) => j.id === 'j1')!;
    assert.deepEqual(j1.datafeed.query, { term: { 'event.category': 'network' } });
    assert.equal(j1.timeFormat, 'epoch');
    assert.equal(j1.bucketSpanMs, 15 * 60_000);
    assert.equal(jobs.find((j) => j.id === 'j2')!.bucketSpanMs, 90_000);
    writeFileSync(path.join(dir, 'orphan.json'), JSON.stringify({ job_id: 'missing', query: { match_all: {} } }));
    assert.throws(() => loadJobs(dir), (e: unknown) => e instanceof ConfigError && /no job "missing"/.test(e.message));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('bucket spans and memory limits parse like Elastic', () => {
  assert.equal(parseDurationMs('3h'), 3 * HOUR);
  assert.equal(parseDurationMs('15m'), 900_000);
  assert.equal(parseDurationMs('90s'), 90_000);
  assert.equal(parseDurationMs('1d'), 24 * HOUR);
  assert.equal(parseDurationMs(300), 300_000);
  assert.equal(parseDurationMs('3 hours'), undefined);
  assert.equal(parseModelMemoryLimit('1024mb'), 1024 ** 3);
  assert.equal(parseModelMemoryLimit('512MB'), 512 * 1024 ** 2);
  assert.equal(parseModelMemoryLimit(16), 16 * 1024 ** 2);
  assert.equal(parseModelMemoryLimit('2gb'), 2 * 1024 ** 3);
  assert.equal(parseModelMemoryLimit(undefined), 1024 ** 3);
  assert.equal(parseModelMemoryLimit('-5mb'), undefined);
});
