/** Reading behaviour a user relies on: gzip, CRLF/BOM, interleaving by time, exact resume, projection, threads. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { getField } from '../../src/ecs/index.js';
import type { FilePosition, SourceEvent } from '../../src/sources/index.js';
import { collect, ecsLine, tmpDir, type Collected } from './tmp-files.js';

const flows = (n: number, step = 1, offset = 0): string[] =>
  Array.from({ length: n }, (_, i) => ecsLine(offset + i * step, { source: { ip: '10.0.0.1', bytes: i }, destination: { port: 443 }, seq: i }));

test('gzip input gives the same events as the plain file', async () => {
  const dir = tmpDir();
  const text = flows(300).join('\n') + '\n';
  writeFileSync(join(dir, 'plain.ndjson'), text);
  writeFileSync(join(dir, 'packed.ndjson.gz'), gzipSync(text));
  const plain = await collect([join(dir, 'plain.ndjson')]);
  const packed = await collect([join(dir, 'packed.ndjson.gz')]);
  assert.equal(packed.events.length, 300);
  assert.deepEqual(packed.events.map((e) => [e.event, e.time, e.origin.line]), plain.events.map((e) => [e.event, e.time, e.origin.line]));
  const last = packed.batches.at(-1)!.positions[0];
  assert.deepEqual(last, { path: join(dir, 'packed.ndjson.gz'), offset: Buffer.byteLength(text), line: 300, done: true });
});

test('CRLF line endings and a UTF-8 BOM are accepted', async () => {
  const dir = tmpDir();
  const file = join(dir, 'windows.ndjson');
  writeFileSync(file, '\uFEFF' + [ecsLine(1, { user: { name: 'zoë' } }), ecsLine(2)].join('\r\n') + '\r\n');
  const got = await collect([file]);
  assert.equal(got.deadLetter.total(), 0);
  assert.deepEqual(got.events.map((e) => [e.origin.line, e.time]), [[1, Date.UTC(2024, 0, 1, 0, 0, 1)], [2, Date.UTC(2024, 0, 1, 0, 0, 2)]]);
  assert.equal(getField(got.events[0].event, 'user.name'), 'zoë');
  assert.equal(got.batches.at(-1)!.positions[0].offset, statSync(file).size);
});

test('several files are interleaved by event time, each kept in line order', async () => {
  const dir = tmpDir();
  // Three "log types" covering the same hours, and one file of a later day.
  writeFileSync(join(dir, 'a-flows.ndjson'), flows(200, 3, 0).join('\n') + '\n');
  writeFileSync(join(dir, 'b-dns.ndjson'), flows(200, 3, 1).join('\n') + '\n');
  writeFileSync(join(dir, 'c-proc.ndjson.gz'), gzipSync(flows(200, 3, 2).join('\n') + '\n'));
  writeFileSync(join(dir, '0-next-day.ndjson'), flows(50, 1, 86_400).join('\n') + '\n');
  const got = await collect([dir], { batchBytes: 2000 });
  assert.equal(got.events.length, 650);
  // Out-of-order distance is bounded by one batch, far less than the 600 s each file spans.
  let maxLag = 0;
  let latest = -Infinity;
  for (const e of got.events) {
    latest = Math.max(latest, e.time);
    maxLag = Math.max(maxLag, latest - e.time);
  }
  assert.ok(maxLag <= 60_000, `events lag the newest seen by at most a batch (lag ${maxLag} ms)`);
  // The next-day file, sorted first by name, comes last because of its times.
  assert.ok(got.events.slice(-50).every((e) => e.origin.file.endsWith('0-next-day.ndjson')));
  for (const name of ['a-flows.ndjson', 'b-dns.ndjson', 'c-proc.ndjson.gz']) {
    const lines = got.events.filter((e) => e.origin.file.endsWith(name)).map((e) => e.origin.line);
    assert.deepEqual(lines, Array.from({ length: 200 }, (_, i) => i + 1), `${name} keeps line order`);
  }
});

test('resuming from a saved position yields exactly the remaining events, plain and gzip', async () => {
  const dir = tmpDir();
  const bad = ['{"broken', '', ecsLine(5, { seq: 'x' })];
  const text = [...flows(120), ...bad, ...flows(80, 1, 200)].join('\n') + '\n';
  for (const name of ['resume.ndjson', 'resume.ndjson.gz']) {
    const file = join(dir, name);
    writeFileSync(file, name.endsWith('.gz') ? gzipSync(text) : text);
    const full = await collect([file], { batchBytes: 1500 });
    assert.ok(full.batches.length > 5, 'several batches');
    const cut = Math.floor(full.batches.length / 2);
    const seen = full.batches.slice(0, cut + 1).reduce((n, b) => n + b.events.length, 0);
    const pos = full.batches[cut].positions[0];
    const startAt = new Map<string, FilePosition>([[file, { offset: pos.offset, line: pos.line }]]);
    const rest = await collect([file], { batchBytes: 1500, startAt });
    const key = (e: (typeof full.events)[number]): string => `${e.origin.line}:${e.time}:${JSON.stringify(e.event)}`;
    assert.deepEqual(rest.events.map(key), full.events.slice(seen).map(key));
    assert.deepEqual(rest.batches.at(-1)!.positions[0], full.batches.at(-1)!.positions[0]);
  }
});

test('keepFields projects to a flat object with dotted keys plus the time field', async () => {
  const dir = tmpDir();
  const file = join(dir, 'p.ndjson');
  writeFileSync(file, ecsLine(1, { source: { ip: '10.1.1.1', port: 5 }, 'destination.port': 443, host: { name: 'ws1' } }) + '\n');
  const got = await collect([file], { keepFields: ['source.ip', 'destination.port', 'user.name'] });
  // Every kept field is an own property (undefined when absent), so a miss needs no walk; JSON leaves those out.
  assert.deepEqual(JSON.parse(JSON.stringify(got.events[0].event)), { '@timestamp': '2024-01-01T00:00:01.000Z', 'source.ip': '10.1.1.1', 'destination.port': 443 });
  assert.ok('user.name' in got.events[0].event);
  assert.equal(getField(got.events[0].event, 'source.ip'), '10.1.1.1');
});

test('worker threads and in-thread parsing give identical event sequences and dead letters', async () => {
  const dir = tmpDir();
  const lines = flows(3000);
  lines.splice(100, 0, 'garbage', '{"@timestamp":"nope"}', ecsLine(9, { source: { bytes: 'NaN-ish' } }));
  writeFileSync(join(dir, 'w1.ndjson'), lines.join('\n') + '\n');
  writeFileSync(join(dir, 'w2.ndjson.gz'), gzipSync(flows(2000, 2, 1).join('\r\n')));
  for (const keepFields of [['source.ip', 'source.bytes'], 'all'] as const) {
    const opts = { batchBytes: 16_384, numericFields: ['source.bytes'], keepFields: keepFields === 'all' ? ('all' as const) : [...keepFields] };
    const inThread = await collect([dir], { ...opts, workers: 0 });
    const threaded = await collect([dir], { ...opts, workers: 2 });
    assert.equal(threaded.events.length, 5001);
    // Parser threads read plain files in byte ranges of their own (line-range.ts), so blocks end elsewhere than the
    // chunker's and files interleave differently (the engine's watermark restores event-time order). Within a file,
    // events, positions and dead letters are the same.
    assert.deepEqual(perFile(threaded), perFile(inThread));
  }
});

function perFile(c: Collected): Record<string, { events: SourceEvent[]; end: unknown; records: Collected['records'] }> {
  const out: Record<string, { events: SourceEvent[]; end: unknown; records: Collected['records'] }> = {};
  const of = (file: string) => (out[basename(file)] ??= { events: [], end: undefined, records: [] });
  for (const e of c.events) of(e.origin.file).events.push(e);
  for (const b of c.batches) for (const p of b.positions) if (p.done) of(p.path).end = { ...p, path: basename(p.path) };
  for (const r of c.records) of(r.file).records.push(r);
  return out;
}

test('epoch-millisecond timestamps and a custom time field are read', async () => {
  const dir = tmpDir();
  const file = join(dir, 't.ndjson');
  writeFileSync(file, '{"@timestamp":1704067200000}\n{"event":{"created":"2024-01-01T00:00:05Z"}}\n');
  const a = await collect([file]);
  assert.deepEqual(a.events.map((e) => e.time), [1704067200000]);
  const b = await collect([file], { timeField: 'event.created' });
  assert.deepEqual(b.events.map((e) => e.time), [1704067205000]);
  assert.deepEqual(b.records.map((r) => [r.reason, r.line]), [['missing_timestamp', 1]]);
});
