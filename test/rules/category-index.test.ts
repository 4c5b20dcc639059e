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
