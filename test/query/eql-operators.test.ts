import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compilePredicate, parseEql, type EqlEventQuery } from '../../src/query/index.js';

function matches(condition: string, event: Record<string, unknown>): boolean {
  const query = parseEql(`any where ${condition}`) as EqlEventQuery;
  return compilePredicate(query.condition)(event as never);
}

const proc = (name: string, extra: Record<string, unknown> = {}) => ({ process: { name, ...extra } });

test('== is case-sensitive and literal; != matches other values and missing fields', () => {
  assert.equal(matches('process.name == "cmd.exe"', proc('cmd.exe')), true);
  assert.equal(matches('process.name == "cmd.exe"', proc('CMD.EXE')), false);
  assert.equal(matches('process.name == "cmd*"', proc('cmd.exe')), false);
  assert.equal(matches('process.name != "cmd.exe"', proc('powershell.exe')), true);
  assert.equal(matches('process.name != "cmd.exe"', proc('cmd.exe')), false);
  assert.equal(matches('process.name != "cmd.exe"', {}), true);
});

test(': is case-insensitive with * wildcards, ? and backslashes are literal', () => {
  assert.equal(matches('process.name : "CMD.exe"', proc('cmd.EXE')), true);
  assert.equal(matches('process.name : "cmd*"', proc('CMD.exe')), true);
  assert.equal(matches('process.name : "cmd*"', proc('xcmd.exe')), false);
  assert.equal(matches('process.name : "a?c"', proc('abc')), false);
  assert.equal(matches('process.name : "a?c"', proc('A?C')), true);
  assert.equal(matches('process.executable : "C:\\\\Windows\\\\*"', { process: { executable: 'c:\\windows\\system32\\cmd.exe' } }), true);
  assert.equal(matches('process.executable : "C:\\\\Windows\\\\*"', { process: { executable: 'C:\\Temp\\cmd.exe' } }), false);
  assert.equal(matches('process.name : ("a.exe", "b*")', proc('B.exe')), true);
});

test('like / like~ use * and ? wildcards, case-sensitive unless ~', () => {
  assert.equal(matches('process.args like "--post-file*"', proc('wget', { args: ['-q', '--post-file=/etc/passwd'] })), true);
  assert.equal(matches('process.args like "--post-file*"', proc('wget', { args: ['--POST-FILE=x'] })), false);
  assert.equal(matches('process.args like~ "--post-file*"', proc('wget', { args: ['--POST-FILE=x'] })), true);
  assert.equal(matches('process.name like "a?c"', proc('abc')), true);
  assert.equal(matches('process.name like "a?c"', proc('abbc')), false);
});

test('regex / regex~ are anchored Lucene regular expressions', () => {
  const ipish = 'process.command_line regex ".*[0-9]{1,3}\\\\.[0-9]{1,3}\\\\.[0-9]{1,3}\\\\.[0-9]{1,3}.*"';
  assert.equal(matches(ipish, { process: { command_line: 'wget http://10.2.3.4/x' } }), true);
  assert.equal(matches(ipish, { process: { command_line: 'wget http://example.com/x' } }), false);
  assert.equal(matches('process.name regex "cmd"', proc('cmd.exe')), false);
  assert.equal(matches('process.name regex~ "CMD\\\\.exe"', proc('cmd.EXE')), true);
});

test('in, in~ and not in', () => {
  assert.equal(matches('process.name in ("pg_dump", "mysqldump")', proc('mysqldump')), true);
  assert.equal(matches('process.name in ("pg_dump", "mysqldump")', proc('MySQLDump')), false);
  assert.equal(matches('process.name in~ ("pg_dump", "mysqldump")', proc('MySQLDump')), true);
  assert.equal(matches('process.name not in ("pg_dump", "mysqldump")', proc('bash')), true);
  assert.equal(matches('process.name not in ("pg_dump", "mysqldump")', proc('pg_dump')), false);
  assert.equal(matches('destination.port in (139, 445)', { destination: { port: 445 } }), true);
});

test('numeric comparisons, null checks and optional fields', () => {
  assert.equal(matches('source.bytes > 1000', { source: { bytes: 1001 } }), true);
  assert.equal(matches('source.bytes > 1000', { source: { bytes: 1000 } }), false);
  assert.equal(matches('1000 < source.bytes', { source: { bytes: 1001 } }), true);
  assert.equal(matches('source.bytes <= 10', { source: { bytes: '10' } }), true);
  assert.equal(matches('?process.parent.executable != null', proc('x', { parent: { executable: '/bin/sh' } })), true);
  assert.equal(matches('?process.parent.executable != null', proc('x')), false);
  assert.equal(matches('process.parent.executable == null', proc('x')), true);
});

test('and / or / not precedence: not > and > or', () => {
  assert.equal(matches('not a == 1 and b == 1', { a: 2, b: 1 }), true);
  assert.equal(matches('not a == 1 and b == 1', { a: 1, b: 1 }), false);
  assert.equal(matches('a == 1 or b == 1 and c == 1', { a: 1 }), true);
  assert.equal(matches('(a == 1 or b == 1) and c == 1', { a: 1 }), false);
});

test('field-to-field comparisons and arithmetic', () => {
  assert.equal(matches('source.port == destination.port', { source: { port: 22 }, destination: { port: 22 } }), true);
  assert.equal(matches('source.port == destination.port', { source: { port: 22 }, destination: { port: 23 } }), false);
  assert.equal(matches('source.bytes + destination.bytes > 100', { source: { bytes: 60 }, destination: { bytes: 50 } }), true);
  assert.equal(matches('source.bytes * 2 == 10', { source: { bytes: 5 } }), true);
  assert.equal(matches('source.bytes / 2 == 2', { source: { bytes: 5 } }), true, 'integer division truncates');
  assert.equal(matches('-source.bytes < 0', { source: { bytes: 5 } }), true);
});

test('string functions, with ~ for case-insensitive variants', () => {
  const e = { a: 'Effect=Allow Principal=*', b: 'arn:aws:iam::111', c: '111', path: 'C:\\Users\\bob\\x.txt' };
  assert.equal(matches('stringContains(a, "Effect=Allow")', e), true);
  assert.equal(matches('stringContains(a, "effect=allow")', e), false);
  assert.equal(matches('stringContains~(a, "effect=allow")', e), true);
  assert.equal(matches('stringContains(b, c)', e), true);
  assert.equal(matches('startsWith(b, "arn:")', e), true);
  assert.equal(matches('endsWith~(path, ".TXT")', e), true);
  assert.equal(matches('endsWith(path, ".TXT")', e), false);
  assert.equal(matches('length(c) == 3', e), true);
  assert.equal(matches('indexOf(b, "iam") == 8', e), true);
  assert.equal(matches('substring(b, 0, 3) == "arn"', e), true);
  assert.equal(matches('substring(b, -3) == "111"', e), true);
  assert.equal(matches('between(path, "Users\\\\", "\\\\") == "bob"', e), true);
  assert.equal(matches('concat(c, "-", 2) == "111-2"', e), true);
  assert.equal(matches('number(c) == 111', e), true);
  assert.equal(matches('number("ff", 16) == 255', e), true);
  assert.equal(matches('string(add(1, 2)) == "3"', e), true);
  assert.equal(matches('modulo(7, 4) == 3 and subtract(7, 4) == 3 and multiply(2, 3) == 6 and divide(7, 2) == 3', e), true);
  assert.equal(matches('wildcard(path, "*\\\\bob\\\\*")', e), true);
});

test('cidrMatch and arrayContains', () => {
  assert.equal(matches('cidrMatch(destination.ip, "10.0.0.0/8", "192.168.0.0/16")', { destination: { ip: '192.168.1.1' } }), true);
  assert.equal(matches('cidrMatch(destination.ip, "10.0.0.0/8", "192.168.0.0/16")', { destination: { ip: '8.8.8.8' } }), false);
  assert.equal(matches('not cidrMatch(destination.ip, "10.0.0.0/8")', { destination: { ip: '8.8.8.8' } }), true);
  assert.equal(matches('arrayContains(tags, "b", "z")', { tags: ['a', 'b'] }), true);
  assert.equal(matches('arrayContains(tags, "z")', { tags: ['a', 'b'] }), false);
  assert.equal(matches('arrayContains~(tags, "B")', { tags: ['a', 'b'] }), true);
});

test('functions on missing fields are false, never a crash', () => {
  assert.equal(matches('startsWith(nope, "x")', {}), false);
  assert.equal(matches('length(nope) > 0', {}), false);
  assert.equal(matches('not stringContains(a, b)', { a: 'x' }), true);
});
