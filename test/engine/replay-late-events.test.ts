/**
 * Events that arrive after the watermark has passed them are late: counted and dead-lettered with file and line,
 * whether a job wants them or not (unwanted ones reach the engine as times only, see ReadOptions.quietAsTimes).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readNdjson, run, tmp } from './replay-helpers.js';

const minute = (m: number) => new Date(Date.UTC(2026, 9, 1) + m * 60_000).toISOString();
const flow = (m: number) => JSON.stringify({
  '@timestamp': minute(m), event: { category: ['network'] }, host: { name: `ws-${m % 3}` },
  source: { ip: '10.0.0.5', bytes: 1000 + (m % 17) }, destination: { ip: '8.8.8.8', port: 443 }, pad: 'x'.repeat(80),
});
const lookup = (m: number) => JSON.stringify({
  '@timestamp': minute(m), event: { category: ['network'], type: ['protocol'] }, host: { name: 'ws-1' },
  dns: { question: { name: `n${m}.example.com` } }, pad: 'y'.repeat(80),
});

const JOB = {
  job_id: 'bytes_by_host',
  analysis_config: { bucket_span: '15m', detectors: [{ function: 'high_sum', field_name: 'source.bytes', by_field_name: 'host.name' }] },
  data_description: { time_field: '@timestamp' },
  datafeed_config: { query: { bool: { filter: [{ exists: { field: 'source.bytes' } }] } } },
};

for (const workers of [0, 2]) {
  test(`with ${workers} parser threads, late events are counted and dead-lettered, wanted or not`, async () => {
    const dir = tmp('late');
    const job = join(dir, 'job.json');
    writeFileSync(job, JSON.stringify(JOB));
    // Three days of a flow and a DNS lookup per minute (over 1 MiB, so several batches), then two stragglers.
    const lines: string[] = [];
    for (let m = 0; m < 3 * 24 * 60; m++) lines.push(flow(m), lookup(m));
    lines.push(flow(10), lookup(11), flow(3 * 24 * 60));
    const input = join(dir, 'in.ndjson');
    writeFileSync(input, lines.join('\n') + '\n');
    const out = tmp('late-out');
    const s = await run([input], out, { content: [job], builtin: false, workers });
    assert.equal(s.eventsRead, lines.length);
    assert.equal(s.eventsLate, 2);
    assert.equal(s.bad.late_event, 2);
    const late = readNdjson(join(out, 'dead.ndjson')).filter((d) => d.reason === 'late_event');
    assert.deepEqual(late.map((d) => d.line), [lines.length - 2, lines.length - 1]);
    assert.ok(late.every((d) => String(d.file).endsWith('in.ndjson')));
    assert.match(String(late[1].detail), new RegExp(`event time ${minute(11)}`));
    assert.equal(s.lastEventTime, Date.parse(minute(3 * 24 * 60)), 'the quiet lookups and the last flow move time on');
  });
}
