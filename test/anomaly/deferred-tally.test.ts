import { test } from 'node:test';
import assert from 'node:assert/strict';
import { influencerValues } from '../../src/anomaly/influencer-values.js';
import { tallyEvent, tallyToJson, TALLY_CAPACITY, type InfluencerTally, type TallyInput } from '../../src/anomaly/series/influencer-tally.js';
import {
  PENDING_LIMIT, detectorBucketFromJson, detectorBucketToJson, newSeriesBucket, noteForTally, tallyOf,
} from '../../src/anomaly/series/series-bucket.js';
import type { EcsEvent } from '../../src/ecs/index.js';

const FIELDS = ['host.name', 'destination.ip'];

/** A busy series: more distinct destinations than the tally keeps, so which value is evicted depends on order. */
function events(n: number): Array<{ event: EcsEvent; input: TallyInput }> {
  const out: Array<{ event: EcsEvent; input: TallyInput }> = [];
  let seed = 7;
  for (let i = 0; i < n; i++) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const event = { host: { name: `ws-${seed % 5}` }, destination: { ip: `203.0.113.${seed % (TALLY_CAPACITY * 3)}` } } as unknown as EcsEvent;
    out.push({ event, input: { kind: 'number', value: seed % 100_000, keepValues: false } });
  }
  return out;
}

function eagerTally(evs: Array<{ event: EcsEvent; input: TallyInput }>): InfluencerTally {
  const tally: InfluencerTally = new Map();
  for (const e of evs) tallyEvent(tally, influencerValues(e.event, FIELDS), e.input);
  return tally;
}

const split = { partition: '', by: null, over: 'x' };

test('the deferred influencer tally equals tallying each event as it arrives', () => {
  for (const n of [1, 50, PENDING_LIMIT - 1, PENDING_LIMIT, PENDING_LIMIT * 2 + 17]) {
    const evs = events(n);
    const sb = newSeriesBucket(split, FIELDS);
    for (const e of evs) noteForTally(sb, e.event, e.input);
    // A long log has been tallied part of the way already; nothing is lost or counted twice.
    assert.ok(sb.pendingEvents.length < PENDING_LIMIT);
    assert.deepEqual(tallyToJson(tallyOf(sb)), tallyToJson(eagerTally(evs)), `${n} events`);
    assert.equal(sb.pendingEvents.length, 0);
  }
});

test('a snapshot of an open bucket carries the events not yet tallied', () => {
  const evs = events(300);
  const sb = newSeriesBucket(split, FIELDS);
  for (const e of evs.slice(0, 200)) noteForTally(sb, e.event, e.input);
  const [restored] = [...detectorBucketFromJson(detectorBucketToJson(new Map([['x', sb]])), FIELDS).values()];
  for (const e of evs.slice(200)) noteForTally(restored!, e.event, e.input);
  assert.deepEqual(tallyToJson(tallyOf(restored!)), tallyToJson(eagerTally(evs)));
});
