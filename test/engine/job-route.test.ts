import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEventJudge } from '../../src/engine/event-interest.js';
import { buildDetection } from '../../src/engine/build-detection.js';
import { EGRESS_DROPPED, routeMask } from '../../src/engine/job-route.js';
import { SqliteStore } from '../../src/store/index.js';
import type { EcsEvent } from '../../src/ecs/index.js';
import { smallOrganisation, tmp } from './replay-helpers.js';

const options = { content: [], builtin: true, geo: true };

function engineSide() {
  const store = SqliteStore.open(join(tmp('route'), 'outflow.db'));
  const detection = buildDetection(options, store, undefined);
  const jobs = detection.jobs.map((r) => ({ accepts: (e: EcsEvent) => r.job.accepts(e), egressOnly: r.egressOnly }));
  return { detection, jobs, close: () => store.close() };
}

const flow = (source: string, destination: string): EcsEvent => ({
  '@timestamp': '2026-10-05T10:00:00Z', 'event.category': ['network'], 'source.ip': source, 'destination.ip': destination,
  'destination.port': 443, 'source.bytes': 5_000_000, 'host.name': 'ws-001', 'process.name': 'chrome.exe',
}) as unknown as EcsEvent;

test('the parser thread routes events to exactly the jobs the engine would hand them to', async () => {
  const { detection, jobs, close } = engineSide();
  try {
    const ids = detection.jobs.map((r) => r.job.id);
    const judge = createEventJudge({ ...options, jobIds: ids });
    assert.ok(judge.route, 'a judge that loaded the engine\'s jobs routes');
    const dedNetwork = ids.map((id, i) => (id.startsWith('ded_high_sent_bytes') ? 1 << i : 0)).reduce((a, b) => a | b, 0);
    assert.ok(dedNetwork !== 0);

    // Outbound to a public address: every DED network job; inbound: the egress filter drops it for all of them.
    assert.ok(judge.judge(flow('10.20.0.8', '8.8.8.8')) < 0, 'wanted');
    assert.equal(judge.route!() & dedNetwork, dedNetwork);
    assert.equal(judge.judge(flow('8.8.8.8', '10.20.0.8')) < 0, true);
    const inbound = judge.route!();
    assert.equal(inbound & dedNetwork, 0);
    assert.equal(inbound & EGRESS_DROPPED, EGRESS_DROPPED);

    // The generated organisation's events: the judge's route equals the engine's own routing of the same event.
    const data = await smallOrganisation();
    let routed = 0;
    for (const file of data.files) {
      const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean).slice(0, 400);
      for (const line of lines) {
        const event = JSON.parse(line) as EcsEvent;
        const engineEvent = structuredClone(event);
        detection.enricher.enrich(engineEvent);
        if (judge.judge(event) >= 0) continue;
        const route = judge.route!();
        assert.equal(route, routeMask(jobs, detection.egress, engineEvent), `${file}: ${line}`);
        if ((route & ~EGRESS_DROPPED) !== 0) routed++;
      }
    }
    assert.ok(routed > 100, `only ${routed} events reached a job`);
  } finally {
    close();
  }
});

test('a judge that loaded other jobs than the engine does not route', () => {
  assert.equal(createEventJudge({ ...options, jobIds: ['some_other_job'] }).route, undefined);
  assert.equal(createEventJudge(options).route, undefined);
});
