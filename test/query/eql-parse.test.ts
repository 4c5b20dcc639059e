import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventCategoryMatches, formatEql, parseEql, q } from '../../src/query/index.js';
import { QuerySyntaxError } from '../../src/errors.js';
import { stripLocations } from './strip-locations.js';

test('event query: category and condition', () => {
  const parsed = stripLocations(parseEql('process where process.name == "cmd.exe"'));
  assert.deepEqual(parsed, { kind: 'event', category: 'process', condition: q.term('process.name', 'cmd.exe') });
});

test('sequence with by, maxspan, per-step keys, runs, missing step and until', () => {
  const text = `sequence by host.id with maxspan=5m
    [process where process.name == "rclone.exe"] by process.entity_id
    [network where destination.port == 443] by process.entity_id with runs=3
    ![file where true] by process.entity_id
  until [process where event.type == "end"] by process.entity_id`;
  const s = parseEql(text);
  assert.equal(s.kind, 'sequence');
  if (s.kind !== 'sequence') return;
  assert.deepEqual(s.by, ['host.id']);
  assert.equal(s.maxspanMs, 300_000);
  assert.deepEqual(s.steps.map((x) => [x.category, x.by, x.runs, x.missing]), [
    ['process', ['process.entity_id'], undefined, undefined],
    ['network', ['process.entity_id'], 3, undefined],
    ['file', ['process.entity_id'], undefined, true],
  ]);
  assert.equal(s.until?.category, 'process');
  assert.deepEqual(s.steps[1].loc.start, { offset: 110, line: 3, column: 5 });
});

test('maxspan units and "with maxspan" before "by"', () => {
  const s = parseEql('sequence with maxspan=30s by user.name [any where true] [any where true]');
  assert.ok(s.kind === 'sequence');
  if (s.kind !== 'sequence') return;
  assert.equal(s.maxspanMs, 30_000);
  assert.deepEqual(s.by, ['user.name']);
  assert.equal((parseEql('sequence with maxspan=2h [a where true] [b where true]') as { maxspanMs: number }).maxspanMs, 7_200_000);
});

test('sample queries parse', () => {
  const s = parseEql('sample by host.id [process where true] [network where true]');
  assert.equal(s.kind, 'sample');
});

test('strings: escapes, single quotes, raw triple quotes; backquoted field names; comments', () => {
  const c = (text: string) => (stripLocations(parseEql(text)) as { condition: unknown }).condition;
  assert.deepEqual(c('any where a == "x\\"y\\\\z\\t"'), q.term('a', 'x"y\\z\t'));
  assert.deepEqual(c("any where a == 'single'"), q.term('a', 'single'));
  assert.deepEqual(c('any where a == """C:\\raw\\path"""'), q.term('a', 'C:\\raw\\path'));
  assert.deepEqual(c('any where `odd field`.x == 1 // trailing comment'), q.term('odd field.x', 1));
  assert.deepEqual(c('any where /* inline */ a == true'), q.term('a', true));
});

function errorAt(text: string): { line: number; column: number; offset: number; message: string } {
  try { parseEql(text); } catch (e) {
    assert.ok(e instanceof QuerySyntaxError, String(e));
    const loc = e.location!;
    return { line: loc.line!, column: loc.column!, offset: loc.offset!, message: e.message };
  }
  assert.fail(`expected ${JSON.stringify(text)} to fail`);
}

test('syntax errors with exact positions and clear messages', () => {
  let e = errorAt('process where process.name = "x"');
  assert.deepEqual([e.line, e.column, e.offset], [1, 28, 27]);
  assert.match(e.message, /use "=="/);

  e = errorAt('process where\n  process.name == "x" and\n  (a == 1');
  assert.deepEqual([e.line, e.column], [3, 10]);
  assert.match(e.message, /expected "\)"/);

  e = errorAt('process where a == "unterminated');
  assert.deepEqual([e.line, e.column], [1, 20]);

  e = errorAt('process where a == 1 | head 5');
  assert.deepEqual([e.line, e.column], [1, 22]);
  assert.match(e.message, /pipes/);

  e = errorAt('process where descendant of [process where true]');
  assert.match(e.message, /not supported/);

  e = errorAt('process where nosuchfn(a)');
  assert.deepEqual([e.line, e.column], [1, 15]);
  assert.match(e.message, /unknown function nosuchfn/);

  e = errorAt('process where cidrMatch(ip, "10.0.0.0/33")');
  assert.match(e.message, /not an IP address or CIDR/);

  e = errorAt('sequence [a where true] by x [b where true]');
  assert.match(e.message, /joins on 0 key\(s\) but the first one joins on 1/);

  e = errorAt('sequence [a where true]');
  assert.match(e.message, /at least two/);

  e = errorAt('process where a regex "[unclosed"');
  assert.deepEqual([e.line, e.column], [1, 23]);
  assert.match(e.message, /invalid regular expression/);
});

const ROUND_TRIP = [
  'process where process.name : ("cmd.exe", "power*") and not process.args like~ "-enc*"',
  'network where cidrMatch(destination.ip, "10.0.0.0/8") and destination.port in (139, 445) and source.bytes >= 1000',
  'any where ?process.parent.executable != null and process.name not in~ ("a", "b") and x == null',
  'file where length(file.name) > 10 and startsWith~(file.path, "C:\\\\Users") or (a + b) * 2 < c',
  'process where process.command_line regex ".*[0-9]{1,3}\\\\.[0-9]+.*" and `weird name`.x == -5',
  'sequence by host.id with maxspan=5m\n  [process where true] by user.name with runs=2\n  ![network where false] by user.name\nuntil [process where event.type == "end"] by user.name',
];

for (const text of ROUND_TRIP) {
  test(`round trip: ${text.split('\n')[0]}`, () => {
    const first = stripLocations(parseEql(text));
    assert.deepEqual(stripLocations(parseEql(formatEql(first))), first);
  });
}

test('event categories: any matches everything; otherwise any event.category value', () => {
  assert.equal(eventCategoryMatches({ event: { category: ['network', 'file'] } }, 'file'), true);
  assert.equal(eventCategoryMatches({ event: { category: 'network' } }, 'process'), false);
  assert.equal(eventCategoryMatches({}, 'any'), true);
  assert.equal(eventCategoryMatches({}, 'process'), false);
});
