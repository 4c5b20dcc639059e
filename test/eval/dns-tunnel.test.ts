// The DNS-tunnel query-name heuristic: ordering of scores, threshold choice, and quality on real labelled names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { splitQueryName, tunnelScore } from '../../eval/dns-tunnel-heuristic.js';
import { chooseThreshold, evaluateDnsTunnelHeuristic, parseLabelledNames } from '../../eval/dns-tunnel.js';

test('registered domains include country second levels', () => {
  assert.deepEqual(splitQueryName('www.bbc.co.uk.'), { subdomain: 'www', registeredDomain: 'bbc.co.uk' });
  assert.deepEqual(splitQueryName('a.b.example.org'), { subdomain: 'a.b', registeredDomain: 'example.org' });
});

test('encoded subdomains score far above ordinary names', () => {
  const tunnel = tunnelScore('12-MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43UOV3HO6DZPIYTE.cdn-telemetry-sync.net');
  const base64 = tunnelScore('q+Z8AnwaBA.hidemyself.org.');
  for (const benign of ['google.com.', 'www.bbc.co.uk', 'outlook.office365.com', 'fs-01.corp.contoso.local']) {
    assert.ok(tunnelScore(benign) < base64, `${benign} should score below a base64 label`);
  }
  assert.ok(tunnel > 0.7, `long base32 chunk scored ${tunnel}`);
  assert.equal(tunnelScore('example.com'), 0);
});

test('threshold choice maximises F1 on the training names', () => {
  const names = parseLabelledNames('1,q+Z8AnwaBA.hidemyself.org.\n1,dIUAAA2ECCJAAAQAGUR4QUAAAAMFAAAAC37CAA.tunnel.tuns.org.\n0,google.com.\n0,www.bbc.co.uk.\nbroken line\n');
  assert.equal(names.length, 4);
  const chosen = chooseThreshold(names.map((n) => ({ tunnel: n.tunnel, score: tunnelScore(n.name) })));
  assert.deepEqual([chosen.precision, chosen.recall], [1, 1]);
});

test('netrack-learn validate split: precision and recall stay high with the train threshold', (t) => {
  const dir = path.resolve('..', 'shared', 'fixtures', 'data', 'dns-tunnel', 'netrack-learn');
  if (!existsSync(dir)) {
    t.skip('../shared not present');
    return;
  }
  const result = evaluateDnsTunnelHeuristic(dir);
  assert.ok(result, 'train.csv/validate.csv should be there');
  assert.ok(result.validate.precision >= 0.95, `precision ${result.validate.precision}`);
  assert.ok(result.validate.recall >= 0.95, `recall ${result.validate.recall}`);
});
