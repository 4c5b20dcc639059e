/** Internal network membership for IPv4 and IPv6, defaults, and configuration errors that name the bad entry. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError } from '../../src/errors.js';
import { parseInternalNetworks } from '../../src/enrich/index.js';

test('the defaults cover RFC 1918, loopback, link-local, CGNAT and IPv6 ULA/link-local/loopback', () => {
  const n = parseInternalNetworks(undefined, 'outflow.yaml');
  for (const ip of ['10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '127.0.0.1', '169.254.1.1', '100.64.0.1', '::1', 'fd12:3456::1', 'fe80::1%eth0', '::ffff:10.0.0.5']) {
    assert.ok(n.contains(ip), ip);
  }
  for (const ip of ['8.8.8.8', '172.32.0.1', '100.128.0.1', '2001:4860::8888', '::ffff:8.8.8.8', 'not-an-ip', '', '10.0.0', '10.0.0.256']) {
    assert.ok(!n.contains(ip), ip);
  }
});

test('custom ranges replace the defaults; bare addresses and /0 work', () => {
  const n = parseInternalNetworks(['203.0.113.0/24', '2001:db8:abcd::/48', '198.51.100.7'], 'cfg');
  assert.ok(n.contains('203.0.113.77'));
  assert.ok(!n.contains('203.0.114.1'));
  assert.ok(n.contains('2001:db8:abcd:12::1'));
  assert.ok(!n.contains('2001:db8:abce::1'));
  assert.ok(n.contains('198.51.100.7') && !n.contains('198.51.100.8'));
  assert.ok(!n.contains('10.0.0.1'), 'defaults are replaced');
  assert.ok(parseInternalNetworks(['0.0.0.0/0'], 'cfg').contains('8.8.8.8'));
  assert.deepEqual(n.cidrs, ['203.0.113.0/24', '2001:db8:abcd::/48', '198.51.100.7']);
});

test('a bad range is a ConfigError naming the file, the index and the fix', () => {
  for (const bad of ['10.0.0.0/33', '10.0.0/8', 'fe80::/129', 'corp-lan', '1.2.3.4/abc']) {
    assert.throws(
      () => parseInternalNetworks(['10.0.0.0/8', bad], 'outflow.yaml'),
      (err: unknown) =>
        err instanceof ConfigError && err.where === 'outflow.yaml' && err.key === 'internal_networks[1]' && err.message.includes(bad) && err.message.includes('fix:'),
      bad,
    );
  }
});
