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

/**
 * Rules that every network event touches (SourceEvent.touch): a new_terms rule, whose touches stop mattering once its
 * history has started, and a sequence, whose touches always matter. The lookups then reach the engine as quiet
 * events with touch notes, taken both ways.
 */
const TOUCHED_BY_NETWORK = [
  {
    rule_id: 'new-smb', name: 'New SMB destination', description: 't', risk_score: 21, severity: 'low', type: 'new_terms', language: 'kuery',
    query: 'event.category: network and destination.port: 445', new_terms_fields: ['host.name'], history_window_start: 'now-1d', interval: '5m', from: 'now-6m',
  },
  {
    rule_id: 'seq', name: 'Lookup then upload', description: 't', risk_score: 21, severity: 'low', type: 'eql', language: 'eql', interval: '5m', from: 'now-6m',
    query: 'sequence by host.name with maxspan=1m [network where dns.question.name == "never.example"] [network where source.bytes > 1000000000]',
  },
];

for (const [workers, rules] of [[0, false], [2, false], [0, true], [2, true]] as const) {
  test(`with ${workers} parser threads${rules ? ' and rules every network event touches' : ''}, late events are counted and dead-lettered, wanted or not`, async () => {
    const dir = tmp('late');
    const job = join(dir, 'job.json');
    writeFileSync(job, JSON.stringify(JOB));
    const content = [job];
    if (rules) {
      content.push(join(dir, 'rules.ndjson'));
      writeFileSync(content[1], TOUCHED_BY_NETWORK.map((r) => JSON.stringify(r)).join('\n') + '\n');
    }
    // Three days of a flow and a DNS lookup per minute (over 1 MiB, so several batches), then two stragglers.
    const lines: string[] = [];
    for (let m = 0; m < 3 * 24 * 60; m++) lines.push(flow(m), lookup(m));
    lines.push(flow(10), lookup(11), flow(3 * 24 * 60));
    const input = join(dir, 'in.ndjson');
    writeFileSync(input, lines.join('\n') + '\n');
    const out = tmp('late-out');
    const s = await run([input], out, { content, builtin: false, workers });
    if (rules) assert.equal(s.rules.length, 2, 'both rules loaded');
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
