/** Which flows reach the DED network jobs, as Elastic's egress transform decides, with drop counts by reason. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EcsEvent } from '../../src/ecs/index.js';
import { createDedEgressFilter, parseInternalNetworks } from '../../src/enrich/index.js';

const base = (): EcsEvent => ({
  event: { category: ['network'] },
  source: { ip: '10.1.1.1', bytes: 5000 },
  destination: { ip: '93.184.216.34', port: 443 },
  host: { os: { type: 'windows', family: 'windows' } },
  process: { name: 'rclone.exe' },
});

function withChange(change: (e: EcsEvent) => void): EcsEvent {
  const e = base();
  change(e);
  return e;
}

test('an internal → public flow with bytes passes; each exclusion drops under its reason', () => {
  const filter = createDedEgressFilter(parseInternalNetworks(undefined, 'test'));
  assert.ok(filter.accepts(base()));
  assert.ok(filter.accepts({ 'event.category': 'network', 'source.ip': '192.168.0.9', 'source.bytes': '12', 'destination.ip': '2606:4700::1111' }), 'flat and IPv6');
  const cases: Array<[string, EcsEvent]> = [
    ['not_network', withChange((e) => ((e.event as EcsEvent).category = ['file']))],
    ['source_not_internal', withChange((e) => ((e.source as EcsEvent).ip = '8.8.4.4'))],
    ['source_not_internal', withChange((e) => delete (e.source as EcsEvent).ip)],
    ['destination_not_public', withChange((e) => ((e.destination as EcsEvent).ip = '10.2.2.2'))],
    ['destination_not_public', withChange((e) => ((e.destination as EcsEvent).ip = '224.0.0.251'))],
    ['destination_not_public', withChange((e) => ((e.destination as EcsEvent).ip = '203.0.113.9'))],
    ['destination_not_public', withChange((e) => ((e.destination as EcsEvent).ip = 'ff02::1'))],
    ['not_egress_direction', withChange((e) => (e.network = { direction: 'inbound' }))],
    ['not_egress_direction', withChange((e) => (e.network = { direction: 'internal' }))],
    ['no_source_bytes', withChange((e) => ((e.source as EcsEvent).bytes = 0))],
    ['no_source_bytes', withChange((e) => delete (e.source as EcsEvent).bytes)],
    ['macos_host', withChange((e) => (e.host = { os: { type: 'macos' } }))],
    ['macos_host', withChange((e) => (e.host = { os: { family: 'macos' } }))],
    ['agent_process', withChange((e) => (e.process = { name: 'Filebeat.exe' }))],
    ['agent_process', withChange((e) => (e.process = { name: 'elastic-agent' }))],
  ];
  for (const [reason, event] of cases) assert.equal(filter.accepts(event), false, reason);
  assert.deepEqual(filter.dropped(), {
    not_network: 1,
    source_not_internal: 2,
    destination_not_public: 4,
    not_egress_direction: 2,
    no_source_bytes: 2,
    macos_host: 2,
    agent_process: 2,
  });
  assert.ok(filter.accepts(withChange((e) => (e.network = { direction: 'egress' }))), 'egress direction passes');
});

test('the configured internal networks decide what counts as a source inside', () => {
  const filter = createDedEgressFilter(parseInternalNetworks(['203.0.113.0/24'], 'test'));
  assert.equal(filter.accepts(base()), false, '10/8 is not internal here');
  assert.ok(filter.accepts(withChange((e) => ((e.source as EcsEvent).ip = '203.0.113.50'))));
});
