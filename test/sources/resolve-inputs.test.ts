/** Which files a user's paths, directories and globs select, in a stable order. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OutflowError } from '../../src/errors.js';
import { resolveInputs } from '../../src/sources/index.js';
import { tmpDir } from './tmp-files.js';

function tree(): string {
  const dir = tmpDir();
  mkdirSync(join(dir, 'logs', '2024-01'), { recursive: true });
  mkdirSync(join(dir, 'logs', '2024-02'), { recursive: true });
  for (const f of ['logs/2024-01/a.ndjson', 'logs/2024-01/b.ndjson.gz', 'logs/2024-02/c.jsonl', 'logs/2024-02/d.log', 'logs/2024-02/e.json.gz', 'logs/notes.txt', 'logs/top.json']) {
    writeFileSync(join(dir, f), 'x');
  }
  return dir;
}

test('a directory is read recursively, keeping only log extensions (and their .gz)', () => {
  const dir = tree();
  const got = resolveInputs([join(dir, 'logs')]).map((f) => f.path.slice(dir.length + 1));
  assert.deepEqual(got, ['logs/2024-01/a.ndjson', 'logs/2024-01/b.ndjson.gz', 'logs/2024-02/c.jsonl', 'logs/2024-02/d.log', 'logs/2024-02/e.json.gz', 'logs/top.json']);
});

test('globs: * and ? stay within a directory, ** crosses directories', () => {
  const dir = tree();
  const rel = (p: string): string[] => resolveInputs([join(dir, p)]).map((f) => f.path.slice(dir.length + 1));
  assert.deepEqual(rel('logs/*/*.gz'), ['logs/2024-01/b.ndjson.gz', 'logs/2024-02/e.json.gz']);
  assert.deepEqual(rel('logs/2024-0?/?.ndjson'), ['logs/2024-01/a.ndjson']);
  assert.deepEqual(rel('logs/**/*json*'), ['logs/2024-01/a.ndjson', 'logs/2024-01/b.ndjson.gz', 'logs/2024-02/c.jsonl', 'logs/2024-02/e.json.gz', 'logs/top.json']);
  assert.deepEqual(rel('logs/*.txt'), ['logs/notes.txt'], 'a glob selects any name it matches');
});

test('an explicit file is taken whatever its extension; duplicates are merged; stdin is "-"', () => {
  const dir = tree();
  const notes = join(dir, 'logs', 'notes.txt');
  const got = resolveInputs([notes, notes, join(dir, 'logs/*.txt'), '-']);
  assert.deepEqual(got.map((f) => f.path), ['-', notes]);
  assert.equal(got[0].size, -1);
  assert.equal(got[1].size, 1);
});

test('a path or glob that matches nothing is an input error naming it', () => {
  const dir = tree();
  for (const p of [join(dir, 'missing.ndjson'), join(dir, 'logs/*.parquet'), join(dir, 'nowhere/**/*.json')]) {
    assert.throws(
      () => resolveInputs([join(dir, 'logs'), p]),
      (err: unknown) => err instanceof OutflowError && err.code === 'input' && err.message === `no such file: ${p}`,
    );
  }
});
