import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileEsDsl, compilePredicate, necessaryConditions, parseKql, type FieldCondition } from '../../src/query/index.js';
import { getField, type EcsEvent } from '../../src/ecs/index.js';

const dsl = (q: unknown) => compileEsDsl(q, 'test');

test('conditions of term, terms, exists, and/or and at_least', () => {
  const q = dsl({
    bool: {
      filter: [{ term: { 'event.category': 'network' } }, { exists: { field: 'source.bytes' } }, { terms: { 'event.action': ['a', 'b'] } }],
      must_not: [{ term: { 'user.name': 'SYSTEM' } }],
    },
  });
  assert.deepEqual(necessaryConditions(q), [
    { field: 'event.category', values: ['network'], caseInsensitive: false },
    { field: 'source.bytes' },
    { field: 'event.action', values: ['a', 'b'], caseInsensitive: false },
  ]);
  // Some branch must match: only what every branch requires survives, values merged.
  const either = dsl({ bool: { should: [{ term: { 'event.category': 'file' } }, { bool: { filter: [{ term: { 'event.category': 'network' } }, { exists: { field: 'destination' } }] } }] } });
  assert.deepEqual(necessaryConditions(either), [{ field: 'event.category', values: ['file', 'network'], caseInsensitive: false }]);
  const oneSilent = dsl({ bool: { should: [{ term: { 'event.category': 'file' } }, { exists: { field: 'session.start_time' } }] } });
  assert.deepEqual(necessaryConditions(oneSilent), []);
  // Numbers, booleans and addresses match by meaning, not spelling: only presence is required.
  assert.deepEqual(necessaryConditions(dsl({ term: { 'destination.port': 443 } })), [{ field: 'destination.port' }]);
  assert.deepEqual(necessaryConditions(dsl({ term: { 'destination.ip': '10.0.0.0/8' } })), [{ field: 'destination.ip' }]);
  assert.deepEqual(necessaryConditions(dsl({ term: { 'x.flag': 'true' } })), [{ field: 'x.flag' }]);
});

/** Whether the conditions hold on an event, as the line prefilter judges them (presence, or an equal value). */
function holds(conds: FieldCondition[], e: EcsEvent): boolean {
  return conds.every((c) => {
    const v = getField(e, c.field);
    if (v === undefined) return Object.keys(e).some((k) => k.startsWith(`${c.field}.`));
    if (!c.values) return true;
    const norm = (s: unknown) => (c.caseInsensitive ? String(s).toLowerCase() : String(s));
    const wanted = c.values.map(norm);
    return (Array.isArray(v) ? v : [v]).some((x) => typeof x !== 'string' || wanted.includes(norm(x)));
  });
}

test('a query never matches an event its conditions rule out', () => {
  const queries = [
    'event.category: network and source.bytes > 0 and not user.name: SYSTEM',
    'event.category: (file or network) and event.action: creation',
    '(event.category: file and file.name: *) or (event.category: network and destination.port: 4444)',
    'process.name: (sharingd or rclone.exe) and event.type: start',
    'event.category: process or dns.question.name: *',
  ].map((k) => parseKql(k));
  const pick = <T,>(xs: T[], i: number): T => xs[i % xs.length]!;
  let matched = 0;
  for (let i = 0; i < 4000; i++) {
    const e: Record<string, unknown> = {};
    if (i % 5) e['event.category'] = i % 7 === 0 ? [pick(['file', 'network', 'process'], i), 'host'] : pick(['file', 'network', 'process', 'Network'], i >> 1);
    if (i % 3) e['event.action'] = pick(['creation', 'deletion'], i >> 2);
    if (i % 4) e['source.bytes'] = pick([0, 10, 5000], i >> 3);
    if (i % 6) e['user.name'] = pick(['SYSTEM', 'anna'], i >> 4);
    if (i % 2) e['file.name'] = 'a.txt';
    if (i % 9) e['destination.port'] = pick([443, 4444], i >> 5);
    if (i % 11) e['process.name'] = pick(['sharingd', 'rclone.exe', 'chrome.exe'], i >> 6);
    if (i % 13) e['event.type'] = pick(['start', 'end'], i >> 7);
    if (i % 17 === 0) e['dns.question.name'] = 'x.example';
    const event = e as EcsEvent;
    for (const q of queries) {
      if (!compilePredicate(q)(event)) continue;
      matched++;
      assert.ok(holds(necessaryConditions(q), event), JSON.stringify({ q, e }));
    }
  }
  assert.ok(matched > 500, `only ${matched} matches: the property was barely tried`);
});
