import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compilePredicate, formatQuery, parseLucene } from '../../src/query/index.js';
import { QuerySyntaxError } from '../../src/errors.js';
import { stripLocations } from './strip-locations.js';

const matches = (q: string, event: Record<string, unknown>, opts = {}): boolean => compilePredicate(parseLucene(q, opts))(event as never);

test('field groups, AND/OR/NOT with precedence, leading NOT is kept', () => {
  assert.equal(matches('process.name:(rclone.exe OR mega.exe)', { process: { name: 'mega.exe' } }), true);
  assert.equal(matches('process.name:(rclone.exe OR mega.exe)', { process: { name: 'curl' } }), false);
  assert.equal(matches('NOT user.name:root', { user: { name: 'root' } }), false);
  assert.equal(matches('NOT user.name:root', { user: { name: 'bob' } }), true);
  assert.equal(matches('a:1 OR b:1 AND c:1', { a: 1 }), true);
  assert.equal(matches('(a:1 OR b:1) AND c:1', { a: 1 }), false);
  assert.equal(matches('a:1 && !b:1', { a: 1, b: 1 }), false);
});

test('+ and - prefixes: required, prohibited, optional', () => {
  assert.equal(matches('+a:1 -b:1 c:1', { a: 1 }), true);
  assert.equal(matches('+a:1 -b:1 c:1', { a: 1, b: 1 }), false);
  assert.equal(matches('+a:1 -b:1 c:1', { c: 1 }), false);
  assert.equal(matches('-b:1', { a: 1 }), true);
});

test('default operator between bare clauses is OR unless AND is configured', () => {
  assert.equal(matches('a:1 b:1', { a: 1 }), true);
  assert.equal(matches('a:1 b:1', { a: 1 }, { defaultOperator: 'and' }), false);
});

test('ranges, comparisons, wildcards, regexes and _exists_', () => {
  assert.equal(matches('bytes:[10 TO 20]', { bytes: 20 }), true);
  assert.equal(matches('bytes:[10 TO 20}', { bytes: 20 }), false);
  assert.equal(matches('bytes:{10 TO *]', { bytes: 11 }), true);
  assert.equal(matches('bytes:>=5', { bytes: 5 }), true);
  assert.equal(matches('bytes:<5', { bytes: 5 }), false);
  assert.equal(matches('host.name:ws-0?7', { host: { name: 'ws-017' } }), true);
  assert.equal(matches('host.name:ws-0?7', { host: { name: 'ws-0177' } }), false);
  assert.equal(matches('dns.question.name:/[a-z0-9]{20,}\\.example\\.com/', { dns: { question: { name: 'aaaaaaaaaabbbbbbbbbbcc.example.com' } } }), true);
  assert.equal(matches('dns.question.name:/[a-z0-9]{20,}\\.example\\.com/', { dns: { question: { name: 'short.example.com' } } }), false);
  assert.equal(matches('_exists_:file.hash.sha256', { file: { hash: { sha256: 'ab' } } }), true);
  assert.equal(matches('_exists_:file.hash.sha256', { file: {} }), false);
});

test('terms without a field search the default field or any field', () => {
  assert.equal(matches('rclone', { process: { name: 'RClone.exe' } }), true);
  assert.equal(matches('rclone', { process: { name: 'RClone.exe' } }, { defaultField: 'user.name' }), false);
  assert.equal(matches('bob', { user: { name: 'bob' } }, { defaultField: 'user.name' }), true);
});

test('errors carry positions; fuzzy search is rejected rather than misread', () => {
  const at = (q: string) => { try { parseLucene(q); } catch (e) { assert.ok(e instanceof QuerySyntaxError); return e.location; } assert.fail('no error'); };
  assert.deepEqual(at('a:(b OR c'), { line: 1, column: 10, offset: 9 });
  assert.deepEqual(at('a:[1 TO 2'), { line: 1, column: 10, offset: 9 });
  assert.deepEqual(at('name:roam~'), { line: 1, column: 10, offset: 9 });
  assert.deepEqual(at('a:1 AND\n/re'), { line: 2, column: 1, offset: 8 });
});

for (const q of ['a:1 AND (b:"x y" OR NOT c:d*)', 'bytes:[10 TO 20} AND port:>=1024', 'host.name:/ws-[0-9]+/ OR _exists_:user.name', 'path:C\\:\\\\dir\\\\*']) {
  test(`round trip: ${q}`, () => {
    const first = stripLocations(parseLucene(q));
    assert.deepEqual(stripLocations(parseLucene(formatQuery(first, 'lucene'))), first);
  });
}
