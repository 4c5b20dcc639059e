import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { compileEsDsl, compilePredicate, parseEql, parseKql, parseLucene } from '../../src/query/index.js';

const fixtures = path.resolve('..', 'shared', 'fixtures', 'elastic');

function tomlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? tomlFiles(p) : name.endsWith('.toml') ? [p] : [];
  });
}

test('every kuery/lucene/eql rule query in the Elastic fixtures parses and compiles', (t) => {
  if (!existsSync(fixtures)) return t.skip('../shared not present');
  const failures: string[] = [];
  let parsed = 0;
  for (const file of tomlFiles(path.join(fixtures, 'rules'))) {
    const doc = parseToml(readFileSync(file, 'utf8')) as { rule?: { language?: string; query?: string } };
    const { language, query } = doc.rule ?? {};
    if (typeof query !== 'string' || !language || !['kuery', 'lucene', 'eql'].includes(language)) continue;
    try {
      if (language === 'eql') {
        const q = parseEql(query);
        if (q.kind === 'event') compilePredicate(q.condition);
        else for (const s of q.steps) compilePredicate(s.condition);
      } else {
        compilePredicate(language === 'kuery' ? parseKql(query) : parseLucene(query));
      }
      parsed++;
    } catch (e) {
      failures.push(`${path.basename(file)}: ${(e as Error).message}`);
    }
  }
  assert.deepEqual(failures, []);
  assert.ok(parsed >= 20, `only ${parsed} rule queries found`);
});

test('every module and datafeed query in the DED/LMD ML modules compiles', (t) => {
  if (!existsSync(fixtures)) return t.skip('../shared not present');
  let compiled = 0;
  for (const name of ['ded-ml.json', 'lmd-ml.json']) {
    const module = JSON.parse(readFileSync(path.join(fixtures, 'ml_module', name), 'utf8'));
    compilePredicate(compileEsDsl(module.attributes.query, `${name} module query`));
    compiled++;
    for (const feed of module.attributes.datafeeds) {
      compilePredicate(compileEsDsl(feed.config.query, `${name} ${feed.id}`));
      compiled++;
    }
  }
  assert.equal(compiled, 2 + 7 + 11);
});

test('the SMB rare-destination rule keeps internal traffic out and lets external SMB in', (t) => {
  const file = path.join(fixtures, 'rules', 'exfiltration', 'exfiltration_smb_rare_destination.toml');
  if (!existsSync(file)) return t.skip('../shared not present');
  const { rule } = parseToml(readFileSync(file, 'utf8')) as { rule: { query: string } };
  const matches = compilePredicate(parseKql(rule.query));
  const event = {
    event: { category: ['network'] }, host: { os: { type: 'windows' } }, process: { pid: 4 },
    network: { transport: 'tcp' }, destination: { port: 445, ip: '203.0.114.7' }, source: { ip: '10.0.0.5' },
  };
  assert.equal(matches(event), true);
  assert.equal(matches({ ...event, destination: { port: 445, ip: '192.168.1.20' } }), false);
  assert.equal(matches({ ...event, destination: { port: 445, ip: 'fe80::1' } }), false);
  assert.equal(matches({ ...event, destination: { port: 80, ip: '203.0.114.7' } }), false);
});
