import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileEsDsl, compilePredicate, referencedFields } from '../../src/query/index.js';
import { ConfigError } from '../../src/errors.js';

const matches = (dsl: unknown, event: Record<string, unknown>): boolean => compilePredicate(compileEsDsl(dsl, 'job x'))(event as never);

const remoteTransfer = {
  bool: {
    must_not: [{ terms: { 'user.name': ['SYSTEM', 'root'] } }],
    filter: [
      { term: { 'event.category': 'file' } },
      { term: { 'event.action': 'creation' } },
      { terms: { 'process.name': ['System', 'scp', 'sshd'] } },
      { exists: { field: 'file.name' } },
    ],
  },
};

test('bool filter/must_not with term, terms, exists (the LMD datafeed shape)', () => {
  const base = { event: { category: ['file'], action: 'creation' }, process: { name: 'sshd' }, file: { name: 'a.zip' }, user: { name: 'bob' } };
  assert.equal(matches(remoteTransfer, base), true);
  assert.equal(matches(remoteTransfer, { ...base, user: { name: 'root' } }), false);
  assert.equal(matches(remoteTransfer, { ...base, process: { name: 'bash' } }), false);
  assert.equal(matches(remoteTransfer, { ...base, file: {} }), false);
  assert.equal(matches(remoteTransfer, { ...base, event: { category: 'network', action: 'creation' } }), false);
});

test('should: one must match without must/filter; only scores with them; minimum_should_match counts', () => {
  const onlyShould = { bool: { should: [{ term: { a: 1 } }, { term: { b: 1 } }] } };
  assert.equal(matches(onlyShould, { a: 1 }), true);
  assert.equal(matches(onlyShould, { c: 1 }), false);
  const withFilter = { bool: { filter: { term: { c: 1 } }, should: [{ term: { a: 1 } }] } };
  assert.equal(matches(withFilter, { c: 1 }), true);
  const two = { bool: { should: [{ term: { a: 1 } }, { term: { b: 1 } }, { term: { c: 1 } }], minimum_should_match: 2 } };
  assert.equal(matches(two, { a: 1, c: 1 }), true);
  assert.equal(matches(two, { a: 1 }), false);
  const pct = { bool: { should: [{ term: { a: 1 } }, { term: { b: 1 } }, { term: { c: 1 } }], minimum_should_match: '-34%' } };
  assert.equal(matches(pct, { a: 1, b: 1 }), true, '3 - floor(3*0.34)=2 needed');
  assert.equal(matches(pct, { a: 1 }), false);
});

test('term options, range with from/to and dates, prefix, wildcard, regexp, match, match_phrase, ids', () => {
  assert.equal(matches({ term: { 'user.name': { value: 'BOB', case_insensitive: true } } }, { user: { name: 'bob' } }), true);
  assert.equal(matches({ term: { 'user.name': 'BOB' } }, { user: { name: 'bob' } }), false);
  assert.equal(matches({ range: { bytes: { from: 5, to: 10, include_upper: false } } }, { bytes: 10 }), false);
  assert.equal(matches({ range: { bytes: { from: 5, to: 10 } } }, { bytes: 10 }), true);
  assert.equal(matches({ range: { '@timestamp': { gte: '2024-03-01T00:00:00Z', lt: '2024-03-02' } } }, { '@timestamp': '2024-03-01T12:00:00Z' }), true);
  assert.equal(matches({ range: { '@timestamp': { gte: 'now-1d' } } }, { '@timestamp': Date.now() - 3_600_000 }), true);
  assert.equal(matches({ range: { '@timestamp': { gte: 'now-1d' } } }, { '@timestamp': Date.now() - 3 * 86_400_000 }), false);
  assert.equal(matches({ prefix: { 'file.path': '/tmp/' } }, { file: { path: '/tmp/x' } }), true);
  assert.equal(matches({ prefix: { 'file.path': '/tmp/' } }, { file: { path: '/var/tmp/x' } }), false);
  assert.equal(matches({ wildcard: { 'host.name': { value: 'WS-*', case_insensitive: true } } }, { host: { name: 'ws-1' } }), true);
  assert.equal(matches({ regexp: { 'host.name': 'ws-[0-9]+' } }, { host: { name: 'ws-12' } }), true);
  assert.equal(matches({ regexp: { 'host.name': 'ws-[0-9]+' } }, { host: { name: 'ws-12a' } }), false);
  assert.equal(matches({ match: { message: 'failed password' } }, { message: 'Password accepted' }), true);
  assert.equal(matches({ match: { message: { query: 'failed password', operator: 'and' } } }, { message: 'Password accepted' }), false);
  assert.equal(matches({ match_phrase: { message: 'failed password' } }, { message: 'Failed password for root' }), true);
  assert.equal(matches({ match_phrase: { message: 'failed password' } }, { message: 'password failed' }), false);
  assert.equal(matches({ ids: { values: ['a1'] } }, { _id: 'a1' }), true);
});

test('query_string, constant_score, dis_max and nested', () => {
  assert.equal(matches({ query_string: { query: 'process.name:(rclone.exe OR mega*)' } }, { process: { name: 'megacmd' } }), true);
  assert.equal(matches({ query_string: { query: 'rclone', default_field: 'process.name' } }, { user: { name: 'rclone' } }), false);
  assert.equal(matches({ constant_score: { filter: { term: { a: 1 } } } }, { a: 1 }), true);
  assert.equal(matches({ dis_max: { queries: [{ term: { a: 1 } }, { term: { b: 1 } }] } }, { b: 1 }), true);
  const nested = { nested: { path: 'users', query: { bool: { filter: [{ term: { 'users.first': 'Alice' } }, { term: { 'users.last': 'White' } }] } } } };
  assert.equal(matches(nested, { users: [{ first: 'Alice', last: 'Smith' }, { first: 'Bob', last: 'White' }] }), false);
  assert.equal(matches(nested, { users: [{ first: 'Alice', last: 'White' }] }), true);
  assert.deepEqual(referencedFields(compileEsDsl(nested, 'x')), ['users', 'users.first', 'users.last']);
});

function configError(dsl: unknown): ConfigError {
  try { compileEsDsl(dsl, 'ded-ml.json job ded_x datafeed'); } catch (e) { assert.ok(e instanceof ConfigError, String(e)); return e; }
  assert.fail('expected a ConfigError');
}

test('unsupported or malformed queries name the file/job, the key path and a fix', () => {
  let e = configError({ bool: { filter: [{ term: { a: 1 } }, { geo_distance: { distance: '10km' } }] } });
  assert.equal(e.key, 'query.bool.filter[1].geo_distance');
  assert.match(e.message, /^ded-ml\.json job ded_x datafeed: query\.bool\.filter\[1\]\.geo_distance: unsupported query type geo_distance \(fix: use one of /);
  e = configError({ term: { a: 1 }, exists: { field: 'b' } });
  assert.equal(e.key, 'query');
  e = configError({ terms: { 'user.name': { index: 'users', id: '2', path: 'names' } } });
  assert.equal(e.key, 'query.terms.user.name');
  e = configError({ bool: { filter: { exists: {} } } });
  assert.equal(e.key, 'query.bool.filter.exists.field');
  e = configError({ bool: { must: [], flter: [] } });
  assert.equal(e.key, 'query.bool.flter');
  e = configError({ query_string: { query: 'a:(b' } });
  assert.equal(e.key, 'query.query_string.query');
  assert.match(e.message, /line 1, column 5/);
  e = configError('not an object');
  assert.equal(e.key, 'query');
});
