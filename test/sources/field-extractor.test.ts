/**
 * The field extractor reads only the wanted fields, and must give exactly what JSON.parse + projectFlat give,
 * never accept a line JSON.parse rejects, and leave every dead-letter reason as it was. Checked on thousands of
 * seeded random documents (nested, dotted and mixed keys, duplicates, escapes, unicode, all number forms).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EcsEvent } from '../../src/ecs/index.js';
import { projectFlat } from '../../src/sources/event-fields.js';
import { FieldExtractor } from '../../src/sources/field-extractor.js';
import { parseIsoUtc, parseIsoUtcBytes } from '../../src/sources/iso-time.js';
import { parseLines, type ParseConfig } from '../../src/sources/parse-lines.js';
import { eventsFromBatch } from '../../src/sources/projected-batch.js';
import { collect, tmpDir } from './tmp-files.js';
import { seededRandom as random } from '../support/seeded-random.js';
import { plain } from '../support/plain-event.js';


const KEYS = [
  '@timestamp', 'source', 'ip', 'bytes', 'source.ip', 'source.bytes', 'destination', 'port', 'destination.port', 'host', 'name',
  'host.name', 'event', 'category', 'event.category', 'user', 'user.name', 'geo', 'source.geo', 'country_iso_code',
  'geo.country_iso_code', 'source.geo.country_iso_code', 'x', 'y', 'y.z', 'z', '', 'sourc', 'sourcé', 'ho\\u0073t', 'na\\"me', '日本',
];
const STRINGS = [
  'ws-017', '10.0.0.1', 'zoë', '日本語', '😀', 'a\\nb', 'q\\"uote', 'back\\\\slash', '\\u00e9t\\u00e9', '\\ud83d\\ude00', 'lone \\ud800',
  '\\/path', 'tab\\t', '', ' spaced ', '2024-01-01T00:00:01.000Z', '2024-02-30T23:59:59Z', '1704067200000', '12.5', 'abc', 'x'.repeat(40),
];
const NUMBERS = ['0', '-0', '7', '-45', '3.14', '1e3', '1E-2', '-0.0e+0', '2.5E+2', '12345678901234567890', '9007199254740993', '1e400', '0.1', '100000000000000', '1704067200000'];
const SPACES = ['', '', '', ' ', '  ', '\t', '\r'];

/** What random documents are made of. */
interface Vocabulary {
  keys: readonly string[];
  strings: readonly string[];
  numbers: readonly string[];
}
const VOCABULARY: Vocabulary = { keys: KEYS, strings: STRINGS, numbers: NUMBERS };

/** Random JSON text (not via JSON.stringify, so duplicate keys, escapes and odd spacing can occur). */
function jsonText(rnd: () => number, depth: number, topLevel = false, vocabulary: Vocabulary = VOCABULARY): string {
  const { keys: KEYS, strings: STRINGS, numbers: NUMBERS } = vocabulary;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const ws = (): string => pick(SPACES);
  const roll = rnd();
  if (topLevel || (depth > 0 && roll < 0.35)) {
    const members: string[] = [];
    const count = topLevel ? 2 + Math.floor(rnd() * 6) : Math.floor(rnd() * 5);
    if (topLevel && rnd() < 0.85) members.push(`"@timestamp"${ws()}:${ws()}${rnd() < 0.8 ? '"2024-01-01T00:00:0' + Math.floor(rnd() * 10) + 'Z"' : jsonText(rnd, 0, false, vocabulary)}`);
    for (let i = 0; i < count; i++) members.push(`${ws()}"${pick(KEYS)}"${ws()}:${ws()}${jsonText(rnd, depth - 1, false, vocabulary)}${ws()}`);
    return `{${ws()}${members.join(',')}${ws()}}`;
  }
  if (depth > 0 && roll < 0.5) {
    const items = Array.from({ length: Math.floor(rnd() * 4) }, () => ws() + jsonText(rnd, depth - 1, false, vocabulary) + ws());
    return `[${items.join(',')}]`;
  }
  const leaf = rnd();
  if (leaf < 0.45) return `"${pick(STRINGS)}"`;
  if (leaf < 0.8) return pick(NUMBERS);
  return pick(['true', 'false', 'null']);
}

/** Breaks valid JSON in the ways files get broken: cut short, a byte changed, junk added. */
function damaged(rnd: () => number, text: string): string {
  const at = Math.floor(rnd() * text.length);
  const kind = rnd();
  if (kind < 0.4) return text.slice(0, at);
  if (kind < 0.7) return text.slice(0, at) + ['{', '}', '"', ',', ':', 'x', '\\', '\u0001', ']', '[', '\t'][Math.floor(rnd() * 11)] + text.slice(at + 1);
  if (kind < 0.85) return text + pick(rnd, [' x', '}', ',', '{}', ' "a"']);
  return text.slice(0, at) + '\u0007' + text.slice(at);
}

function pick<T>(rnd: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rnd() * xs.length)];
}

/** What the reader's full parse sees: the line's bytes decoded as UTF-8 (a lone surrogate cannot survive that). */
function parsesToObject(text: string): EcsEvent | undefined {
  try {
    const v: unknown = JSON.parse(Buffer.from(text, 'utf8').toString('utf8'));
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as EcsEvent) : undefined;
  } catch {
    return undefined;
  }
}

const KEEP_SETS: string[][] = [
  ['@timestamp', 'source.ip', 'source.bytes', 'destination.port', 'host.name', 'event.category', 'user.name', 'source.geo.country_iso_code'],
  ['@timestamp', 'source', 'host.name', 'y.z'],
  ['x', 'y.z', 'sourc', '日本', 'geo'],
];

test('random documents: the extractor gives exactly the JSON.parse projection, or declines', () => {
  const rnd = random(20240101);
  for (const keep of KEEP_SETS) {
    const extractor = FieldExtractor.create(keep)!;
    let extracted = 0;
    let total = 0;
    for (let n = 0; n < 2000; n++) {
      const text = jsonText(rnd, 3, true);
      const doc = parsesToObject(text);
      assert.ok(doc, `generator makes valid objects: ${text}`);
      const got = extractor.project(text);
      total++;
      if (got === undefined) continue; // declined: the reader parses this line whole
      extracted++;
      assert.deepEqual(got, projectFlat(doc, keep), `keep ${keep.join(',')} of ${text}`);
    }
    // These documents spell fields many ways at once; declining is for those unusual lines only.
    assert.ok(extracted > total * 0.3, `extracted ${extracted} of ${total} for ${keep.join(',')}`);
  }
});

test('damaged documents are never accepted when JSON.parse rejects them', () => {
  const rnd = random(7);
  const extractor = FieldExtractor.create(KEEP_SETS[0])!;
  let rejected = 0;
  for (let n = 0; n < 4000; n++) {
    const text = damaged(rnd, jsonText(rnd, 3, true));
    const doc = parsesToObject(text);
    const got = extractor.project(text);
    if (doc === undefined) {
      rejected++;
      assert.equal(got, undefined, `accepted invalid or non-object JSON: ${JSON.stringify(text)}`);
    } else if (got !== undefined) {
      assert.deepEqual(got, projectFlat(doc, KEEP_SETS[0]), text);
    }
  }
  assert.ok(rejected > 2000, 'most damage makes the JSON invalid');
});

/** Keys that share prefixes, empty path components, non-ASCII, and spellings of keys the plan cannot match raw. */
const ODD_VOCABULARY: Vocabulary = {
  keys: [
    ...KEYS, 'a', 'a.', 'a..b', '.b', 'b', 'sourcex', 'source.', 'ünï', 'ün', 'na\\"me', 'na"me'.replace('"', '\\u0022'), 'k'.repeat(70), 'destination.geo', 'ip.x',
  ],
  strings: [...STRINGS, 'ünï', '\\u0000', '\\\\', '€'.repeat(20), '\\ud83d'],
  numbers: [...NUMBERS, '123456789012345', '-123456789012345', '1234567890123456', '0e0', '-1.5e-7', '1E+400', '-0.000001', '5e-324', '4.9e-325', '99999999999999999999999'],
};
const ODD_KEEP_SETS: string[][] = [
  ['a..b', 'na"me', 'ünï', 'source.ip', 'sourcex', 'destination.geo.country_iso_code', 'k'.repeat(70)],
  ['a.', '.b', 'ün', 'ip.x', 'y.z', 'x'],
];

test('odd keys, deep documents and every number form: the JSON.parse projection, or declined', () => {
  const rnd = random(31337);
  for (const keep of ODD_KEEP_SETS) {
    const extractor = FieldExtractor.create(keep)!;
    let extracted = 0;
    for (let n = 0; n < 2000; n++) {
      const text = jsonText(rnd, 2 + Math.floor(rnd() * 4), true, ODD_VOCABULARY);
      const doc = parsesToObject(text);
      assert.ok(doc, `generator makes valid objects: ${text}`);
      const got = extractor.project(text);
      if (got === undefined) continue;
      extracted++;
      assert.deepEqual(got, projectFlat(doc, keep), `keep ${keep.join(',')} of ${text}`);
    }
    assert.ok(extracted > 600, `extracted ${extracted} of 2000 for ${keep.join(',')}`);
  }
});

test('a key spelled with an escape is never matched by its raw bytes', () => {
  const extractor = FieldExtractor.create(['na"me', 'host'])!;
  for (const text of ['{"na\\"me":"q","host":"h"}', '{"ho\\u0073t":"h"}', '{"na\\u0022me":1}']) {
    const got = extractor.project(text);
    assert.ok(got === undefined || assert.deepEqual(got, projectFlat(JSON.parse(text) as EcsEvent, ['na"me', 'host'])) === undefined, text);
  }
  assert.deepEqual(plain(extractor.project('{"host":"h","name":1}')), { 'na"me': undefined, host: 'h' });
});

test('deeply nested values are skipped or read whole; nesting beyond the skip stack is left to JSON.parse', () => {
  const extractor = FieldExtractor.create(['x', 'source.ip'])!;
  for (const depth of [1, 50, 511, 512, 513, 2000]) {
    const deep = '['.repeat(depth) + '{"a":[1,{"b":"c"}]}' + ']'.repeat(depth);
    for (const text of [`{"y":${deep},"x":1}`, `{"x":${deep}}`, `{"source":{"z":${deep},"ip":"a"}}`]) {
      const got = extractor.project(text);
      const expected = projectFlat(JSON.parse(text) as EcsEvent, ['x', 'source.ip']);
      if (depth < 500) assert.deepEqual(got, expected, `depth ${depth}`);
      else assert.ok(got === undefined || assert.deepEqual(got, expected) === undefined, `depth ${depth}`);
    }
  }
});

test('malformed numbers and literals are never accepted, wherever they stand in the line', () => {
  const extractor = FieldExtractor.create(['n', 'source.bytes'])!;
  const bad = ['01', '-01', '1.', '.5', '-', '+1', '--1', '1e', '1e+', '1.e5', '0x1f', 'NaN', 'Infinity', '-Infinity', '1_000', 'tru', 'nul', 'falsey', 'True', '1.5.2', '2e5e5'];
  for (const b of bad) {
    for (const text of [`{"n":${b}}`, `{"m":${b},"n":1}`, `{"source":{"bytes":${b}}}`, `{"z":[${b}]}`, `{"n":${b}`, `{"m":${b}`]) {
      assert.equal(parsesToObject(text), undefined, `JSON.parse rejects ${text}`);
      assert.equal(extractor.project(text), undefined, `accepted ${text}`);
      // The same line inside a block, followed by its newline and more lines.
      const block = Buffer.from(`${text}\n{"n":2}\n`);
      assert.equal(extractor.scan(block, 0, text.length), false, `accepted in a block: ${text}`);
    }
  }
});

/** The kept values of the extractor's last scan, as the flat projection holds them. */
function keptValues(extractor: FieldExtractor): EcsEvent {
  const out: EcsEvent = {};
  for (let k = 0; k < extractor.keptCount; k++) out[extractor.wanted[k]] = extractor.value(k);
  return out;
}

test('a line is read only up to its end, whatever bytes follow it in the buffer', () => {
  const rnd = random(404);
  const keep = KEEP_SETS[0];
  const extractor = FieldExtractor.create(keep)!;
  const after = ['', '\n', '\r\n', '"}', '}', ' ', '0', '"', '\\', ']', ',"source":{"ip":"x"}}', 'é'];
  for (let n = 0; n < 1500; n++) {
    const whole = jsonText(rnd, 3, true);
    const text = rnd() < 0.5 ? damaged(rnd, whole) : whole;
    const line = Buffer.from(text, 'utf8');
    const alone = extractor.project(line);
    const lead = pick(rnd, ['', '\n', '{"a":"b"}\n']);
    const buf = Buffer.from(lead + text + pick(rnd, after), 'utf8');
    const start = Buffer.byteLength(lead);
    const ok = extractor.scan(buf, start, start + line.length);
    assert.equal(ok, alone !== undefined, `scan of ${JSON.stringify(text)} in ${JSON.stringify(buf.toString())}`);
    if (ok) assert.deepEqual(keptValues(extractor), plain(alone), text);
  }
});

test('the scan of a line in a block reads no byte past the newline that ends it', () => {
  const rnd = random(77);
  const extractor = FieldExtractor.create(KEEP_SETS[0])!;
  const lines: string[] = [];
  for (let n = 0; n < 300; n++) {
    const text = jsonText(rnd, 3, true);
    lines.push(rnd() < 0.5 ? damaged(rnd, text).replace(/\n/g, ' ') : text);
  }
  const block = Buffer.from(lines.join('\n') + '\n', 'utf8');
  let lowest = Infinity;
  let highest = -1;
  const watched = new Proxy(block, {
    get(target, key) {
      if (typeof key === 'string' && /^\d+$/.test(key)) {
        lowest = Math.min(lowest, Number(key));
        highest = Math.max(highest, Number(key));
      }
      const value = Reflect.get(target, key) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  let start = 0;
  for (const text of lines) {
    const end = start + Buffer.byteLength(text);
    lowest = Infinity;
    highest = -1;
    extractor.scan(watched, start, end);
    assert.ok(lowest >= start && highest <= end, `read ${lowest}..${highest} of line ${start}..${end}: ${JSON.stringify(text)}`);
    start = end + 1;
  }
});

test('ordinary ECS lines are all extracted, none declined', () => {
  const extractor = FieldExtractor.create(KEEP_SETS[0])!;
  for (let i = 0; i < 500; i++) {
    const doc = {
      '@timestamp': new Date(Date.UTC(2024, 0, 1) + i * 1000).toISOString(),
      event: { kind: 'event', category: ['network'], type: ['connection', 'end'], duration: i * 1000 },
      source: { ip: `10.0.0.${i % 256}`, port: 49152 + i, bytes: i * 7, geo: { country_iso_code: 'NL' } },
      destination: { ip: '93.184.216.34', port: 443 },
      host: { name: `ws-${i % 7}`, os: { family: 'windows' } },
      user: { name: i % 3 ? `user${i}` : null },
      'process.name': 'rclone.exe',
      tags: [{ a: 1 }, 'x'],
    };
    const text = JSON.stringify(doc);
    assert.deepEqual(extractor.project(text), projectFlat(doc as unknown as EcsEvent, KEEP_SETS[0]), text);
  }
});

test('nested, dotted and mixed spellings of a field all read the same value', () => {
  const extractor = FieldExtractor.create(['source.geo.country_iso_code', 'source.bytes'])!;
  for (const text of [
    '{"source":{"geo":{"country_iso_code":"NL"},"bytes":5}}',
    '{"source.geo.country_iso_code":"NL","source.bytes":5}',
    '{"source":{"geo.country_iso_code":"NL"},"source.bytes":5}',
    '{"source.geo":{"country_iso_code":"NL"},"source":{"bytes":5}}',
  ]) {
    assert.deepEqual(plain(extractor.project(text)), { 'source.geo.country_iso_code': 'NL', 'source.bytes': 5 }, text);
  }
});

test('values keep their JSON types: strings with escapes and unicode, every number form, null, arrays, objects', () => {
  const extractor = FieldExtractor.create(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'])!;
  const text = '{"a":"zo\\u00eb \\"q\\" 😀","b":-0,"c":1.5e3,"d":12345678901234567890,"e":null,"f":[1,"x",true,null],"g":{"k":[{"m":1}]},"h":1e400}';
  const got = extractor.project(text)!;
  assert.deepEqual(plain(got), JSON.parse(text));
  assert.ok(Object.is(got.b, -0), '-0 stays negative zero');
  assert.equal(got.h, Infinity);
});

test('duplicate keys: the last one wins, as with JSON.parse', () => {
  const extractor = FieldExtractor.create(['source.ip'])!;
  for (const text of ['{"source":{"ip":"a"},"source":{"port":1}}', '{"source":{"ip":"a","ip":"b"}}', '{"source.ip":"flat","source":{"ip":"nested"}}']) {
    const expected = projectFlat(JSON.parse(text) as EcsEvent, ['source.ip']);
    const got = extractor.project(text) ?? projectFlat(JSON.parse(text) as EcsEvent, ['source.ip']);
    assert.deepEqual(got, expected, text);
  }
});

test('one kept field inside another (host and host.name) is left to the full parse', () => {
  assert.equal(FieldExtractor.create(['host', 'host.name']), undefined);
  assert.ok(FieldExtractor.create(['host', 'hostname']));
});

test('ISO timestamps read directly equal Date.parse, and other shapes are left to it', () => {
  const rnd = random(99);
  const two = (n: number): string => String(n).padStart(2, '0');
  for (let n = 0; n < 5000; n++) {
    const year = pick(rnd, [1, 99, 100, 1969, 1970, 2024, 9999]);
    let s = `${String(year).padStart(4, '0')}-${two(Math.floor(rnd() * 14))}-${two(Math.floor(rnd() * 33))}T${two(Math.floor(rnd() * 26))}:${two(Math.floor(rnd() * 62))}:${two(Math.floor(rnd() * 62))}`;
    s += pick(rnd, ['', '.', '.1', '.12', '.123', '.123456789', '.5x']) + pick(rnd, ['Z', 'Z', 'z', '+00:00', '']);
    const fast = parseIsoUtc(s);
    if (!Number.isNaN(fast)) assert.equal(fast, Date.parse(s), s);
    const bytes = Buffer.from(`"${s}"`);
    assert.ok(Object.is(parseIsoUtcBytes(bytes, 1, bytes.length - 1), fast), `bytes and string agree on ${s}`);
  }
  assert.equal(parseIsoUtc('2024-02-30T12:00:00.5Z'), Date.parse('2024-02-30T12:00:00.5Z'));
  assert.ok(Number.isNaN(parseIsoUtc('2024-01-01T00:00:00+01:00')), 'offsets go to Date.parse');
});

function config(over: Partial<ParseConfig>): ParseConfig {
  return { timeField: '@timestamp', numericFields: ['source.bytes'], keepFields: ['@timestamp', 'source.ip', 'source.bytes'], maxLineBytes: 1 << 20, output: 'objects', ...over };
}

test('a block parses to the same events, times and dead letters with and without the extractor', () => {
  const lines = [
    '{"@timestamp":"2024-01-01T00:00:01Z","source":{"ip":"10.0.0.1","bytes":5}}',
    '{"@timestamp":"2024-01-01T00:00:02Z","source":{"ip":', // truncated
    '42',
    '[{"@timestamp":"2024-01-01T00:00:02Z"}]',
    '{"source":{"ip":"10.0.0.1"}}', // no time
    '{"@timestamp":null}',
    '{"@timestamp":"last tuesday"}',
    '{"@timestamp":1704067200000,"source.bytes":"lots","source.ip":"10.0.0.2"}', // bad number: removed, event kept
    '{"@timestamp":"2024-01-01T00:00:03Z","source":{"bytes":[1,"2",3]}}',
    '{"@timestamp":"2024-01-01T00:00:04Z","source":{"bytes":["x"]}}',
    '{"@timestamp":"2024-01-01T00:00:05Z","source":{"bytes":"12"}}',
    '{"@timestamp":"2024-01-01T00:00:06Z","source":{"bytes":1e400}}',
    '{"@timestamp":"2024-01-01T00:00:07Z","source":[{"ip":"a"},{"ip":"b"}]}', // array on the way: full parse
    '\u0000\u0001binary',
    '{"@timestamp":"2024-01-01T00:00:08Z","msg":"raw\ttab"}', // control character inside a string
    '   ',
    '{"@timestamp":"2024-01-01T00:00:09Z"}  trailing',
    '{"@timestamp":"2024-01-01T00:00:10Z","source":{"ip":"\\u0031\\u0030.0.0.9"}}\r',
  ];
  const buf = Buffer.from(lines.join('\n') + '\n', 'utf8');
  for (const numericFields of [['source.bytes'], ['source.bytes', 'destination.port', 'source.bytes']]) {
    const full = parseLines(buf, config({ numericFields, selective: false }));
    const fast = parseLines(buf, config({ numericFields }));
    assert.deepEqual(fast, full);
    assert.deepEqual(
      full.bad.map((b) => [b.reason, b.relLine]),
      [
        ['invalid_json', 1], ['not_an_object', 2], ['not_an_object', 3], ['missing_timestamp', 4], ['missing_timestamp', 5],
        ['invalid_timestamp', 6], ['not_a_number:source.bytes', 7], ['not_a_number:source.bytes', 9], ['not_a_number:source.bytes', 11],
        ['binary_data', 13], ['invalid_json', 14], ['invalid_json', 16],
      ],
    );
    const batched = parseLines(buf, config({ numericFields, output: 'batch' }));
    assert.deepEqual(eventsFromBatch(batched.batch!), full.events);
    assert.deepEqual([...batched.times], [...full.times]);
  }
});

test('random blocks: extractor and full parse agree on every event and dead letter', () => {
  const rnd = random(42);
  const lines: string[] = [];
  for (let n = 0; n < 1500; n++) {
    const text = jsonText(rnd, 3, true);
    lines.push(rnd() < 0.2 ? damaged(rnd, text).replace(/[\n]/g, ' ') : text);
  }
  const buf = Buffer.from(lines.join('\n'), 'utf8');
  for (const keep of KEEP_SETS) {
    const keepFields = [...new Set(['@timestamp', ...keep])];
    for (const numericFields of [[], ['source.bytes', 'destination.port']]) {
      const full = parseLines(buf, config({ keepFields, numericFields, selective: false }));
      const fast = parseLines(buf, config({ keepFields, numericFields }));
      assert.deepEqual(fast, full, `keep ${keepFields.join(',')}`);
    }
  }
});

test('readEvents in worker threads with the extractor matches the full parse in-thread', async () => {
  const dir = tmpDir();
  const rnd = random(5);
  const lines: string[] = [];
  for (let n = 0; n < 2500; n++) {
    const text = jsonText(rnd, 3, true);
    lines.push(rnd() < 0.1 ? damaged(rnd, text).replace(/\n/g, ' ') : text);
  }
  const file = join(dir, 'random.ndjson');
  writeFileSync(file, lines.join('\n') + '\n');
  const opts = { keepFields: KEEP_SETS[0], numericFields: ['source.bytes'], batchBytes: 32_768 };
  const full = await collect([file], { ...opts, workers: 0, selective: false } as Parameters<typeof collect>[1]);
  const threaded = await collect([file], { ...opts, workers: 2 });
  const inThread = await collect([file], { ...opts, workers: 0 });
  assert.ok(full.events.length > 1500, 'most lines are events');
  assert.deepEqual(threaded.events, full.events);
  assert.deepEqual(inThread.events, full.events);
  assert.deepEqual(threaded.records, full.records);
  assert.deepEqual(inThread.records, full.records);
});
