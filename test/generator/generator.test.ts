// The dataset generator: deterministic output, labels that match the events, raw geo, office rhythm, real geolocation.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { getField, getString, type EcsEvent } from '../../src/ecs/index.js';
import { ConfigError } from '../../src/errors.js';
import { generateDataset, lookupCountry, type DatasetLabels, type GeneratedDataset } from '../../src/generator/index.js';

const DAYS = 18;
const HOSTS = 14;
const START = '2026-10-01T00:00:00Z';
let root: string;
let first: GeneratedDataset;
let second: GeneratedDataset;
let raw: GeneratedDataset;

before(async () => {
  root = mkdtempSync(join(tmpdir(), 'outflow-generator-'));
  const base = { seed: 42, days: DAYS, hosts: HOSTS, start: START };
  first = await generateDataset({ ...base, outDir: join(root, 'a') });
  second = await generateDataset({ ...base, outDir: join(root, 'b') });
  raw = await generateDataset({ ...base, rawGeo: true, scenarios: 'core', outDir: join(root, 'raw') });
});

after(() => rmSync(root, { recursive: true, force: true }));

function checksum(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

function readEvents(dataset: GeneratedDataset, stream: string): EcsEvent[] {
  const file = dataset.files.find((f) => basename(f) === `${stream}.ndjson`);
  assert.ok(file, `${stream}.ndjson should be written`);
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as EcsEvent);
}

function labelsOf(dataset: GeneratedDataset): DatasetLabels {
  return JSON.parse(readFileSync(dataset.labelsFile, 'utf8')) as DatasetLabels;
}

/** Like the LMD runtime field: the file path without its last segment. */
function fileDirectory(event: EcsEvent): string | undefined {
  const path = getString(event, 'file.path');
  if (!path) return undefined;
  const normalised = path.replace(/\//g, '\\');
  return normalised.slice(0, normalised.lastIndexOf('\\') + 1);
}

test('the same seed writes byte-identical files', () => {
  assert.equal(first.events, second.events);
  for (const [i, file] of first.files.entries()) assert.equal(checksum(file), checksum(second.files[i]), basename(file));
  assert.equal(checksum(first.labelsFile), checksum(second.labelsFile));
});

test('a month-like dataset: every stream has events, sorted by time', () => {
  assert.equal(first.hostDays, DAYS * HOSTS);
  for (const file of first.files) {
    const events = readEvents(first, basename(file, '.ndjson'));
    assert.ok(events.length > 0, `${basename(file)} is empty`);
    const times = events.map((e) => Date.parse(String(e['@timestamp'])));
    assert.ok(times.every((t, i) => i === 0 || t >= times[i - 1]), `${basename(file)} is not sorted`);
  }
});

test('every scenario entity appears in the events inside its labelled window, after two weeks of history', () => {
  const labels = labelsOf(first);
  assert.equal(labels.scenarios.length, 20);
  assert.ok(labels.scenarios.some((s) => s.core) && labels.scenarios.some((s) => !s.core));
  const all = first.files.flatMap((f) => readEvents(first, basename(f, '.ndjson')));
  const learningEnd = Date.parse(START) + 14 * 86_400_000;
  for (const scenario of labels.scenarios) {
    const start = Date.parse(scenario.start);
    const end = Date.parse(scenario.end);
    assert.ok(start >= learningEnd, `${scenario.id} starts before two weeks of history`);
    const found = all.some((event) => {
      const t = Date.parse(String(event['@timestamp']));
      if (t < start || t > end) return false;
      return Object.entries(scenario.entity).every(([field, value]) => {
        const actual = field === 'file_directory' ? fileDirectory(event) : getField(event, field);
        return actual !== undefined && String(actual) === String(value);
      });
    });
    assert.ok(found, `no event carries ${JSON.stringify(scenario.entity)} between ${scenario.start} and ${scenario.end} (${scenario.id})`);
  }
});

test('rawGeo leaves geo enrichment to the engine; otherwise egress flows carry the country', () => {
  const rawFlows = readEvents(raw, 'network');
  assert.ok(rawFlows.length > 1000);
  assert.ok(rawFlows.every((e) => getField(e, 'destination.geo') === undefined));
  const enriched = readEvents(first, 'network').filter((e) => getField(e, 'network.direction') === 'egress');
  assert.ok(enriched.every((e) => typeof getField(e, 'destination.geo.country_iso_code') === 'string'));
  assert.ok(labelsOf(raw).scenarios.every((s) => s.core), "scenarios: 'core' keeps only core scenarios");
});

test('office-hours rhythm: weekday 10:00 flows far outnumber Sunday 03:00 flows', () => {
  let weekday10 = 0;
  let sunday3 = 0;
  for (const event of readEvents(first, 'network')) {
    const date = new Date(String(event['@timestamp']));
    const day = date.getUTCDay();
    const hour = date.getUTCHours();
    if (day >= 1 && day <= 5 && hour === 10) weekday10++;
    if (day === 0 && hour === 3) sunday3++;
  }
  // 18 days from Thursday 1 Oct: 12 weekdays, 3 Sundays. Compare per-day averages.
  assert.ok(weekday10 / 12 > 10 * Math.max(1, sunday3 / 3), `weekday 10:00 ${weekday10 / 12}/day vs Sunday 03:00 ${sunday3 / 3}/day`);
});

test('external destination IPs geolocate with DB-IP to the country the dataset claims', () => {
  const claimed = new Map<string, string>();
  for (const event of readEvents(first, 'network')) {
    const country = getString(event, 'destination.geo.country_iso_code');
    if (country) claimed.set(String(getField(event, 'destination.ip')), country);
  }
  assert.ok(claimed.size > 20);
  for (const [ip, country] of claimed) assert.equal(lookupCountry(ip), country, ip);
});

test('bad options are rejected with a ConfigError that names the key', async () => {
  await assert.rejects(generateDataset({ seed: 1, days: 10, hosts: 3, outDir: join(root, 'bad') }), (e: unknown) => e instanceof ConfigError && /hosts/.test(e.message));
  await assert.rejects(generateDataset({ seed: 1, days: 10, hosts: 20, scenarios: ['no-such-attack'], outDir: join(root, 'bad') }), (e: unknown) => e instanceof ConfigError && /no-such-attack/.test(e.message));
});
