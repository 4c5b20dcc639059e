import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compilePredicate, formatQuery, parseEql, parseKql, q, referencedFields, type EqlEventQuery } from '../../src/query/index.js';
import { OutflowError } from '../../src/errors.js';

const run = (node: Parameters<typeof compilePredicate>[0], event: Record<string, unknown>) => compilePredicate(node)(event as never);

test('constructors build nodes that evaluate like parsed ones (exception lists use these)', () => {
  const exception = q.and(q.term('process.name', 'rclone.exe'), q.not(q.terms('user.name', ['svc', 'backup'])), q.exists('destination.ip'));
  assert.equal(run(exception, { process: { name: 'rclone.exe' }, user: { name: 'eve' }, destination: { ip: '1.2.3.4' } }), true);
  assert.equal(run(exception, { process: { name: 'rclone.exe' }, user: { name: 'svc' }, destination: { ip: '1.2.3.4' } }), false);
  assert.equal(run(q.wildcard('file.path', 'c:\\\\users\\\\*', true), { file: { path: 'C:\\Users\\bob' } }), true);
  assert.equal(run(q.wildcard('file.path', 'c:\\\\users\\\\*', false), { file: { path: 'C:\\Users\\bob' } }), false);
  assert.equal(run(q.cidr('source.ip', '10.0.0.0/8', '2001:db8::/32'), { source: { ip: '2001:db8::5' } }), true);
  assert.equal(run(q.cidr('source.ip', '10.0.0.0/8', '2001:db8::/32'), { source: { ip: '2001:db9::5' } }), false);
  assert.equal(run(q.cidr('source.ip', '::ffff:0:0/96'), { source: { ip: '1.2.3.4' } }), true, 'IPv4 is IPv4-mapped for v6 blocks');
  assert.equal(run(q.atLeast(2, q.term('a', 1), q.term('b', 1), q.term('c', 1)), { a: 1, b: 1 }), true);
  assert.equal(run(q.atLeast(2, q.term('a', 1), q.term('b', 1), q.term('c', 1)), { a: 1 }), false);
  assert.equal(run(q.prefix('user.name', 'ADM', true), { user: { name: 'admin' } }), true);
  assert.equal(run(q.range('bytes', { gt: 5, lte: 10 }), { bytes: [1, 7] }), true);
  assert.equal(run(q.range('bytes', { gt: 5, lte: 10 }), { bytes: [1, 11] }), false);
  assert.equal(run(q.range('user.name', { gte: 'm' }), { user: { name: 'nina' } }), true, 'string bounds compare as text');
});

test('dotted and nested field storage both work', () => {
  const p = compilePredicate(parseKql('source.ip: 10.0.0.0/8 and destination.port: 22'));
  assert.equal(p({ 'source.ip': '10.1.1.1', destination: { port: 22 } }), true);
  assert.equal(p({ source: { ip: '10.1.1.1' }, 'destination.port': '22' }), true);
});

test('bad or odd values never crash: objects, nulls, NaN-ish strings, invalid IPs', () => {
  const p = compilePredicate(parseKql('a: 5 and b > 3 and c: 10.0.0.0/8 and d: x*'));
  for (const event of [{}, { a: null }, { a: { nested: 5 } }, { b: 'not a number' }, { c: 'not-an-ip' }, { c: '999.1.1.1' }, { d: [null, 7] }]) {
    assert.equal(p(event as never), false);
  }
  const e = compilePredicate((parseEql('any where length(a) > 2 and cidrMatch(b, "10.0.0.0/8")') as EqlEventQuery).condition);
  assert.equal(e({ a: { x: 1 }, b: ['x', null] } as never), false);
});

test('invalid constants in built nodes fail at compile time with an OutflowError', () => {
  assert.throws(() => compilePredicate(q.cidr('ip', '10.0.0.0/99')), OutflowError);
  assert.throws(() => compilePredicate(q.regexp('f', 'a&b')), /intersection/);
});

test('referencedFields lists every field a query reads, with * for free text', () => {
  assert.deepEqual(referencedFields(parseKql('a:1 and (b:* or not c > 2) and d:{ e: 1 }')), ['a', 'b', 'c', 'd', 'd.e']);
  const eql = parseEql('any where stringContains(x, y) and length(z) > 1 and w in ("a") and ?v == null') as EqlEventQuery;
  assert.deepEqual(referencedFields(eql.condition), ['v', 'w', 'x', 'y', 'z']);
  assert.deepEqual(referencedFields(parseKql('free text')), ['*']);
});

test('formatQuery prints readable canonical text per dialect', () => {
  const node = parseKql('process.name: rclone* and not user.name: (root or SYSTEM) and bytes >= 10');
  assert.equal(formatQuery(node), 'process.name: rclone* and not user.name: ("root" or "SYSTEM") and bytes >= "10"');
  assert.equal(formatQuery(node, 'lucene'), 'process.name:rclone* AND NOT user.name:("root" OR "SYSTEM") AND bytes:>="10"');
  assert.equal(formatQuery(node, 'eql'), 'process.name like "rclone*" and user.name not in ("root", "SYSTEM") and bytes >= "10"');
});

test('terms lists: exact strings, numbers as text, booleans, IPv6 spellings and CIDR blocks', () => {
  const ports = q.terms('destination.port', [139, 445]);
  assert.equal(run(ports, { destination: { port: '445' } }), true);
  assert.equal(run(ports, { destination: { port: 4450 } }), false);
  const ips = parseKql('destination.ip: (10.0.0.0/8 or "::1" or 192.168.1.1)');
  assert.equal(ips.type, 'terms');
  assert.equal(run(ips, { destination: { ip: '10.9.9.9' } }), true);
  assert.equal(run(ips, { destination: { ip: '0:0::1' } }), true);
  assert.equal(run(ips, { destination: { ip: '192.168.1.1' } }), true);
  assert.equal(run(ips, { destination: { ip: '192.168.1.2' } }), false);
  assert.equal(run(q.terms('flag', [true]), { flag: 'true' }), true);
  assert.equal(run(q.terms('name', ['Bob'], true), { name: 'BOB' }), true);
  assert.equal(run(q.terms('name', ['Bob']), { name: 'BOB' }), false);
});
