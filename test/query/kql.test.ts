import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compilePredicate, formatQuery, parseKql, type QueryNode } from '../../src/query/index.js';
import { QuerySyntaxError } from '../../src/errors.js';
import { stripLocations } from './strip-locations.js';

const matches = (kql: string, event: Record<string, unknown>): boolean => compilePredicate(parseKql(kql))(event as never);

test('field:value is exact and case-sensitive on keyword values, any array element may match', () => {
  assert.equal(matches('process.name : "rclone.exe"', { process: { name: 'rclone.exe' } }), true);
  assert.equal(matches('process.name : "rclone.exe"', { process: { name: 'RClone.exe' } }), false);
  assert.equal(matches('process.name : "rclone.exe"', { process: { name: 'rclone.exe.bak' } }), false);
  assert.equal(matches('event.category: "network"', { event: { category: ['network', 'file'] } }), true);
  assert.equal(matches('event.category: "network"', { 'event.category': ['file'] }), false);
});

test('unquoted wildcards, exists, numbers and booleans', () => {
  assert.equal(matches('process.name : rclone*', { process: { name: 'rclone.exe' } }), true);
  assert.equal(matches('process.name : rclone*', { process: { name: 'xrclone' } }), false);
  assert.equal(matches('url.path: *S3 Browser*', { url: { path: 'get S3 Browser 9' } }), true);
  assert.equal(matches('user.name: *', { user: { name: 'bob' } }), true);
  assert.equal(matches('user.name: *', { user: { id: 1 } }), false);
  assert.equal(matches('destination.port: 443', { destination: { port: 443 } }), true);
  assert.equal(matches('destination.port: 443', { destination: { port: '443' } }), true);
  assert.equal(matches('destination.port: 443', { destination: { port: 4433 } }), false);
  assert.equal(matches('volume.removable: true', { volume: { removable: true } }), true);
  assert.equal(matches('volume.removable: true', { volume: { removable: false } }), false);
});

test('a quoted "*" is a literal star, an escaped \\* too', () => {
  assert.equal(matches('a: "x*"', { a: 'x*' }), true);
  assert.equal(matches('a: "x*"', { a: 'xy' }), false);
  assert.equal(matches('a: x\\*', { a: 'x*' }), true);
  assert.equal(matches('a: x\\*', { a: 'xy' }), false);
});

test('and / or / not (any case), groups and value lists', () => {
  const q = 'host.os.type:(macos OR windows) AND NOT event.outcome:failure';
  assert.equal(matches(q, { host: { os: { type: 'windows' } }, event: { outcome: 'success' } }), true);
  assert.equal(matches(q, { host: { os: { type: 'linux' } }, event: { outcome: 'success' } }), false);
  assert.equal(matches(q, { host: { os: { type: 'macos' } }, event: { outcome: 'failure' } }), false);
  // and binds tighter than or
  assert.equal(matches('a:1 or b:1 and c:1', { a: 1 }), true);
  assert.equal(matches('(a:1 or b:1) and c:1', { a: 1 }), false);
  assert.equal(matches('tags:(x and y)', { tags: ['x', 'y'] }), true);
  assert.equal(matches('tags:(x and y)', { tags: ['x'] }), false);
  assert.equal(matches('tags:(not x)', { tags: ['y'] }), true);
});

test('ranges on numbers and dates', () => {
  assert.equal(matches('bytes >= 10', { bytes: 10 }), true);
  assert.equal(matches('bytes > 10', { bytes: 10 }), false);
  assert.equal(matches('bytes < 10', { bytes: '9' }), true);
  assert.equal(matches('@timestamp >= "2024-01-02"', { '@timestamp': '2024-01-02T00:00:01Z' }), true);
  assert.equal(matches('@timestamp >= "2024-01-02"', { '@timestamp': '2024-01-01T23:59:59Z' }), false);
});

test('CIDR values on ip fields match addresses inside the block (IPv4 and IPv6)', () => {
  assert.equal(matches('source.ip: 10.0.0.0/8', { source: { ip: '10.1.2.3' } }), true);
  assert.equal(matches('source.ip: 10.0.0.0/8', { source: { ip: '11.1.2.3' } }), false);
  assert.equal(matches('destination.ip: "FE80::/10"', { destination: { ip: 'fe80::1' } }), true);
  assert.equal(matches('destination.ip: "::1"', { destination: { ip: '0:0:0:0:0:0:0:1' } }), true);
  assert.equal(matches('destination.ip: "::1"', { destination: { ip: '::2' } }), false);
});

test('nested queries match within one object of an array', () => {
  const q = 'users:{ first: "Alice" and last: "White" }';
  assert.equal(matches(q, { users: [{ first: 'Alice', last: 'Smith' }, { first: 'Alice', last: 'White' }] }), true);
  assert.equal(matches(q, { users: [{ first: 'Alice', last: 'Smith' }, { first: 'Bob', last: 'White' }] }), false);
});

test('free text searches any field, case-insensitively', () => {
  assert.equal(matches('mimikatz', { process: { command_line: 'C:\\tmp\\MimiKatz.exe' } }), true);
  assert.equal(matches('mimikatz', { process: { command_line: 'notepad' } }), false);
  assert.equal(matches('"two words"', { message: 'has Two Words in it' }), true);
});

test('empty query matches everything', () => {
  assert.deepEqual(stripLocations(parseKql('  ')), { type: 'match_all' });
});

test('escaped keywords and special characters are literal values', () => {
  assert.deepEqual(stripLocations(parseKql('a: \\and')), { type: 'term', field: 'a', value: 'and', caseInsensitive: false });
  assert.deepEqual(stripLocations(parseKql('a: x\\:y\\(z\\)')), { type: 'term', field: 'a', value: 'x:y(z)', caseInsensitive: false });
});

test('nodes carry their source location', () => {
  const node = parseKql('a:1 and\n  b:2') as Extract<QueryNode, { type: 'and' }>;
  assert.deepEqual(node.children[1].loc, { start: { offset: 10, line: 2, column: 3 }, end: { offset: 13, line: 2, column: 6 } });
});

function syntaxError(text: string): QuerySyntaxError {
  try { parseKql(text); } catch (e) { assert.ok(e instanceof QuerySyntaxError, String(e)); return e; }
  assert.fail(`expected ${JSON.stringify(text)} to fail`);
}

test('syntax errors report exact line, column and offset', () => {
  const missingParen = syntaxError('a:(x or y');
  assert.deepEqual(missingParen.location, { line: 1, column: 10, offset: 9 });
  assert.match(missingParen.message, /expected "\)" to close "\(" at line 1, column 3/);

  const noValue = syntaxError('a:1 and\n  b:');
  assert.deepEqual(noValue.location, { line: 2, column: 5, offset: 12 });

  const unterminated = syntaxError('a: "abc');
  assert.deepEqual(unterminated.location, { line: 1, column: 4, offset: 3 });

  const junk = syntaxError('a:1 b:2');
  assert.deepEqual(junk.location, { line: 1, column: 6, offset: 5 });
  assert.match(junk.message, /expected "and", "or" or end of query/);
});

const ROUND_TRIP = [
  'process.name : "rclone.exe"',
  'process.name : rclone* and not user.name: (root or SYSTEM)',
  'a:1 or b:2 and (c:3 or not d:*)',
  'bytes >= 10 and bytes < "20"',
  'users:{ first: "Alice" and last: White }',
  'free text and "quoted phrase" and wild*card',
  'a: "quote \\" and \\\\ backslash" and path: C\\:\\\\dir\\\\*',
  'url.original: *S3 Browser*',
  'x:(a or (b and not c))',
];

for (const q of ROUND_TRIP) {
  test(`round trip: ${q}`, () => {
    const first = stripLocations(parseKql(q));
    assert.deepEqual(stripLocations(parseKql(formatQuery(first))), first);
  });
}
