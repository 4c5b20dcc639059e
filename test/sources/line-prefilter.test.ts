/** Lines nobody can want are set aside from their raw fields, with exactly the verdict the judge would give them. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDetection } from '../../src/engine/build-detection.js';
import { eventInterestRef } from '../../src/engine/event-interest.js';
import { loadEventJudge } from '../../src/sources/event-interest-host.js';
import { parseLines, type ParseConfig } from '../../src/sources/parse-lines.js';
import { SqliteStore } from '../../src/store/index.js';
import type { EventInterestRef } from '../../src/sources/index.js';
import { FieldExtractor } from '../../src/sources/field-extractor.js';
import { compileLinePrefilter, JOBS_MAY, ONLY_OTHERS_MAY } from '../../src/sources/line-prefilter.js';
import { smallOrganisation, tmp } from '../engine/replay-helpers.js';

const FIXTURES = join('..', 'shared', 'fixtures', 'elastic');

for (const withRules of [false, true]) {
  test(`the line prefilter changes no verdict, route or event (${withRules ? 'jobs and rules' : 'jobs only'})`, async () => {
    const options = { content: withRules ? [] : [join(FIXTURES, 'ml_module', 'ded-ml.json'), join(FIXTURES, 'ml_module', 'lmd-ml.json')], builtin: withRules, geo: true };
    if (!withRules) {
      try {
        readFileSync(options.content[0]!);
      } catch {
        return; // the fixtures are absent: the bundled-content case below still runs
      }
    }
    const store = SqliteStore.open(join(tmp('prefilter'), 'outflow.db'));
    try {
      const detection = buildDetection(options, store, undefined);
      const interestOptions = { ...options, jobIds: detection.jobs.map((r) => r.job.id) };
      const withPrefilter = eventInterestRef(interestOptions);
      const without = { module: new URL('./judge-without-prefilter.ts', import.meta.url).href, options: interestOptions };
      const judge = await loadEventJudge(withPrefilter);
      await loadEventJudge(without);
      assert.ok(judge.wantedIf && judge.wantedIf.every((c) => c.length > 0), 'every consumer has conditions on raw fields');
      const config = (interest: EventInterestRef): ParseConfig => ({
        timeField: '@timestamp', numericFields: detection.numericFields, keepFields: detection.keepFields as string[],
        maxLineBytes: 1 << 20, output: 'batch', interest, sideFields: detection.sideFields,
      });
      const data = await smallOrganisation();
      let setAside = 0;
      for (const file of data.files) {
        const buf = readFileSync(file);
        const a = parseLines(buf, config(withPrefilter));
        const b = parseLines(buf, config(without));
        assert.deepEqual(a, b, file);
        setAside += [...a.touch!].filter((v) => v === 0).length;
      }
      assert.ok(setAside > 1000, `${setAside} lines unwanted`);
      // And the prefilter is what sets DNS lookups aside (no job or rule here reads them), before any event is made.
      const extractor = FieldExtractor.create(detection.keepFields as string[], detection.numericFields)!;
      const prefilter = compileLinePrefilter(judge.wantedIf, extractor, judge.wantedIfJobs)!;
      const dns = readFileSync(data.files.find((f) => f.endsWith('dns.ndjson'))!, 'utf8').split('\n').filter(Boolean);
      const kept = dns.filter((l) => {
        const b = Buffer.from(l);
        assert.ok(extractor.scan(b, 0, b.length));
        return prefilter(extractor);
      });
      // (The bundled rules read DNS lookups themselves.)
      if (!withRules) assert.equal(kept.length, 0, 'no DED or LMD job reads DNS lookups');
      // With the rules, the judge is told that no job can take a lookup; flows may go to jobs.
      const verdictOf = (line: string) => {
        const b = Buffer.from(line);
        assert.ok(extractor.scan(b, 0, b.length));
        return prefilter(extractor);
      };
      if (withRules) assert.ok(kept.length > 0 && kept.every((l) => verdictOf(l) === ONLY_OTHERS_MAY), 'DNS lookups: only rules may want them');
      const flows = readFileSync(data.files.find((f) => f.endsWith('network.ndjson'))!, 'utf8').split('\n').filter(Boolean);
      assert.ok(flows.some((l) => verdictOf(l) === JOBS_MAY), 'flows: jobs may take them');
    } finally {
      store.close();
    }
  });
}
