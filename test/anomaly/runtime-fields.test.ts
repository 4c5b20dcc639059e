import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { RUNTIME_FIELD_DERIVATIONS, scriptFingerprint } from '../../src/anomaly/index.js';
import { LMD_MODULE, haveFixtures } from './helpers.js';

const fileDirectory = RUNTIME_FIELD_DERIVATIONS.find((d) => d.usualName === 'file_directory')!;

test("LMD's file_directory Painless script is recognised by its fingerprint", (t) => {
  if (!haveFixtures) return t.skip('../shared not present');
  const mod = JSON.parse(readFileSync(LMD_MODULE, 'utf8'));
  const feed = mod.attributes.datafeeds.find((d: { job_id: string }) => d.job_id === 'lmd_rare_file_path_remote_transfer');
  const source = feed.config.runtime_mappings.file_directory.script.source as string;
  assert.equal(scriptFingerprint(source), fileDirectory.fingerprint);
  // Reformatting (CRLF → LF, spaces, quote style) keeps the fingerprint.
  assert.equal(scriptFingerprint(source.replace(/\r\n/g, '\n   ').replace(/"/g, "'")), fileDirectory.fingerprint);
});

test('file_directory computes what the Painless emits', () => {
  const dir = (path: unknown) => fileDirectory.derive({ file: { path } as never });
  assert.equal(dir('C:\\Users\\bob\\Documents\\report.docx'), 'C:\\Users\\bob\\Documents\\');
  assert.equal(dir('/home/bob/upload/data.tar.gz'), '/home/bob/upload/', 'slashes are kept in the output');
  assert.equal(dir('/srv/share/'), '/srv/share/', 'trailing separator: nothing removed');
  assert.equal(dir('report.docx'), '', 'a bare name leaves an empty directory');
  assert.equal(dir('/data/x/data/x'), '/data//data/', 'Java replace removes every occurrence of the name');
  assert.equal(fileDirectory.derive({}), 'None');
  assert.equal(dir('a'.repeat(1025)), 'None', 'ignore_above 1024: no doc value');
  assert.equal(dir(['/b/two.txt', '/a/one.txt']), '/a/', 'first doc value in sorted order');
});
