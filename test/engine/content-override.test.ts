import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadRules } from '../../src/rules/index.js';
import { BUILTIN_CONTENT_DIR, findContent } from '../../src/engine/content-loader.js';

const fixtureRules = resolve('..', 'shared', 'fixtures', 'elastic', 'rules');

test("Elastic's own rules given with --content replace the bundled rules with the same rule_id", (t) => {
  if (!existsSync(fixtureRules)) return t.skip('../shared not present');
  const files = findContent([fixtureRules], true).ruleFiles;
  const report = loadRules(files, { overridableDir: BUILTIN_CONTENT_DIR });
  assert.deepEqual(report.errors, []);
  assert.equal(report.overridden?.length, 18, 'the 7 DED and 11 LMD ML rules');
  const port = report.loaded.filter((r) => r.name === 'Potential Data Exfiltration Activity to an Unusual Destination Port');
  assert.equal(port.length, 1);
  assert.match(port[0].file, /shared\/fixtures/);
  // Without the override option a duplicate rule_id stays an error, as Elastic's repository requires.
  assert.ok(loadRules(files).errors.some((e) => /duplicate/.test(e.message)));
});
