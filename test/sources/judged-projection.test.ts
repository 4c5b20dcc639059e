/**
 * In batches the judge's event is built with only the fields the judge reads (EventJudge.fieldsRead); its verdicts
 * and routes must be those it gives the whole projected event (which it sees when events are delivered as objects).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDetection } from '../../src/engine/build-detection.js';
import { eventInterestRef } from '../../src/engine/event-interest.js';
import { loadEventJudge } from '../../src/sources/event-interest-host.js';
import { parseLines, type ParseConfig } from '../../src/sources/parse-lines.js';
import { SqliteStore } from '../../src/store/index.js';
import { smallOrganisation, tmp } from '../engine/replay-helpers.js';

const FIXTURES = join('..', 'shared', 'fixtures', 'elastic');

test('the judge gives the same verdicts and routes on its own smaller events as on whole projected ones', async (t) => {
  const fixtures = [join(FIXTURES, 'ml_module', 'ded-ml.json'), join(FIXTURES, 'ml_module', 'lmd-ml.json'), join(FIXTURES, 'rules')];
  if (!fixtures.every((f) => existsSync(f))) t.diagnostic('../shared/fixtures is absent: the bundled content only');
  const content = fixtures.every((f) => existsSync(f)) ? fixtures : [];
  const store = SqliteStore.open(join(tmp('judged-projection'), 'outflow.db'));
  try {
    const options = { content, builtin: true, geo: true };
    const detection = buildDetection(options, store, undefined);
    const interest = eventInterestRef({ ...options, jobIds: detection.jobs.map((r) => r.job.id) });
    const judge = await loadEventJudge(interest);
    const keep = detection.keepFields as string[];
    assert.ok(judge.fieldsRead && judge.fieldsRead.length > 0, 'the judge says what it reads');
    assert.ok(keep.filter((k) => judge.fieldsRead!.some((f) => k === f || k.startsWith(f + '.'))).length < keep.length, 'and it is less than every kept field');
    const config = (output: ParseConfig['output']): ParseConfig => ({
      timeField: '@timestamp', numericFields: detection.numericFields, keepFields: keep, maxLineBytes: 1 << 20, output, interest,
    });
    const data = await smallOrganisation();
    let wanted = 0;
    for (const file of data.files) {
      const buf = readFileSync(file);
      const batched = parseLines(buf, config('batch'));
      const whole = parseLines(buf, config('objects'));
      assert.deepEqual([...batched.touch!], [...whole.touch!], `verdicts in ${file}`);
      assert.deepEqual([...(batched.routes ?? [])], [...(whole.routes ?? [])], `routes in ${file}`);
      wanted += [...batched.touch!].filter((v) => v < 0).length;
    }
    assert.ok(wanted > 1000, `${wanted} events wanted`);
  } finally {
    store.close();
  }
});
