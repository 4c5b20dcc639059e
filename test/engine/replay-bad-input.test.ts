import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, OutflowError } from '../../src/errors.js';
import { readNdjson, run, tmp } from './replay-helpers.js';

const good = (i: number) => JSON.stringify({
  '@timestamp': new Date(Date.UTC(2026, 9, 1, 0, i)).toISOString(),
  event: { category: ['network'] }, host: { name: 'ws-1' }, source: { ip: '10.0.0.5', bytes: 1000 + i },
  destination: { ip: '8.8.8.8', port: 443 },
});

for (const workers of [0, 2]) test(`bad input is counted by reason, dead-lettered with file and line, and the run completes (${workers} parser threads)`, async () => {
  const dir = tmp('bad');
  const mixed = join(dir, 'mixed.ndjson');
  writeFileSync(mixed, [
    good(1),
    '{"@timestamp": "2026-10-01T00:02:00Z", "event": {"category": ["netw', // truncated JSON
    '[1, 2, 3]', // not an object
    good(3).replace('"bytes":1003', '"bytes":"abc"'), // source.bytes: "abc"
    JSON.stringify({ event: { category: ['network'] } }), // no @timestamp
    JSON.stringify({ '@timestamp': 'last tuesday' }), // unparsable @timestamp
    good(7),
  ].join('\n') + '\n');
  writeFileSync(join(dir, 'huge.ndjson'), good(8) + '\n' + '{"x":"' + 'a'.repeat(10 * 1024 * 1024) + '"}\n' + good(9) + '\n');
  writeFileSync(join(dir, 'garbage.ndjson'), Buffer.from([0x00, 0xff, 0xfe, 0x13, 0x37, 0x0a, 0x89, 0x50, 0x4e, 0x47, 0x0a]));
  writeFileSync(join(dir, 'empty.ndjson'), '');
  const out = tmp('bad-out');
  const s = await run([join(dir, '*.ndjson')], out, { builtin: true, workers });
  assert.equal(s.aborted, false);
  assert.equal(s.eventsRead, 5, 'good(1), the abc line (kept without source.bytes), good(7), good(8), good(9)');
  for (const reason of ['invalid_json', 'not_an_object', 'not_a_number:source.bytes', 'missing_timestamp', 'invalid_timestamp', 'line_too_long', 'empty_file']) {
    assert.ok(s.bad[reason] >= 1, `counted: ${reason} in ${JSON.stringify(s.bad)}`);
  }
  assert.ok((s.bad.binary_data ?? 0) + (s.bad.invalid_json ?? 0) >= 3, 'binary garbage is bad input');
  const dead = readNdjson(join(out, 'dead.ndjson'));
  const at = (reason: string) => dead.find((d) => d.reason === reason)!;
  assert.match(String(at('not_an_object').file), /mixed\.ndjson$/);
  assert.equal(at('not_an_object').line, 3);
  assert.equal(at('not_a_number:source.bytes').line, 4);
  assert.equal(at('line_too_long').line, 2);
  assert.match(String(at('empty_file').file), /empty\.ndjson$/);
});

test('a path that does not exist and a broken job file fail with a clear error', async () => {
  const out = tmp('errors');
  await assert.rejects(run([join(out, 'nope', '*.ndjson')], out), (e: unknown) => e instanceof OutflowError && /nope/.test(e.message));
  const job = join(out, 'broken-job.json');
  writeFileSync(job, JSON.stringify({ job_id: 'my_job', analysis_config: { bucket_span: '1h', detectors: [{ function: 'high_sum' }] }, data_description: { time_field: '@timestamp' } }));
  const input = join(out, 'in.ndjson');
  writeFileSync(input, good(1) + '\n');
  await assert.rejects(run([input], out, { content: [job], builtin: false }), (e: unknown) => e instanceof ConfigError && /my_job/.test(e.message) && /field_name/.test(e.message));
});

test('the CLI exits non-zero with the message on a missing path', () => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'replay', '/definitely/not/here.ndjson', '--db', join(tmp('cli'), 'x.db'), '--quiet'], { encoding: 'utf8' });
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /not\/here\.ndjson/);
});
