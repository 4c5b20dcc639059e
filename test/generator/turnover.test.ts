// Network turnover in the generated month: never-seen IPs, ports and countries keep appearing, labelled heavy one-offs,
// and the attacks stay exactly as novel as before.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDataset, type DatasetLabels, type GeneratedDataset } from '../../src/generator/index.js';

const DAYS = 21;
const HOSTS = 36;
const START_MS = Date.parse('2026-10-01T00:00:00Z');
const DAY_MS = 86_400_000;
const FIRST_WEEK_END = 7;

interface Flow {
  day: number;
  ms: number;
  host: string;
  ip: string;
  port: number;
  country?: string;
  sent: number;
  line: string;
}

let root: string;
let withAttacks: GeneratedDataset;
let withoutAttacks: GeneratedDataset;
let flows: Flow[];
let labels: DatasetLabels;

function readFlows(dataset: GeneratedDataset): Flow[] {
  const file = dataset.files.find((f) => f.endsWith('network.ndjson'));
  assert.ok(file, 'network.ndjson is written');
  const text = readFileSync(file, 'utf8');
  const out: Flow[] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    const e = JSON.parse(line) as {
      '@timestamp': string; network: { direction: string }; host: { name: string };
      source: { bytes: number }; destination: { ip: string; port: number; geo?: { country_iso_code: string } };
    };
    if (e.network.direction !== 'egress') continue;
    const ms = Date.parse(e['@timestamp']);
    out.push({
      day: Math.floor((ms - START_MS) / DAY_MS), ms, host: e.host.name, ip: e.destination.ip, port: e.destination.port,
      country: e.destination.geo?.country_iso_code, sent: e.source.bytes, line,
    });
  }
  return out;
}

/** Day each value of `key` first appears on, in file order (the file is sorted by time). */
function firstSeenDay(key: (f: Flow) => string | number | undefined): Map<string | number, number> {
  const first = new Map<string | number, number>();
  for (const flow of flows) {
    const k = key(flow);
    if (k !== undefined && !first.has(k)) first.set(k, flow.day);
  }
  return first;
}

function isWeekday(day: number): boolean {
  const weekday = new Date(START_MS + day * DAY_MS).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

before(async () => {
  root = mkdtempSync(join(tmpdir(), 'outflow-turnover-'));
  const base = { seed: 7, days: DAYS, hosts: HOSTS, start: new Date(START_MS).toISOString() };
  withAttacks = await generateDataset({ ...base, outDir: join(root, 'all') });
  withoutAttacks = await generateDataset({ ...base, scenarios: 'none', outDir: join(root, 'none') });
  flows = readFlows(withAttacks);
  labels = JSON.parse(readFileSync(withAttacks.labelsFile, 'utf8')) as DatasetLabels;
});

after(() => rmSync(root, { recursive: true, force: true }));

test('after the first week, workstations keep reaching never-seen IPs with a few percent of their flows', () => {
  const firstDay = firstSeenDay((f) => f.ip);
  for (let day = FIRST_WEEK_END; day < DAYS; day++) {
    const today = flows.filter((f) => f.day === day && f.host.startsWith('ws-'));
    const toNew = today.filter((f) => firstDay.get(f.ip) === day);
    const newIps = new Set(toNew.map((f) => f.ip)).size;
    const share = toNew.length / today.length;
    if (isWeekday(day)) {
      assert.ok(share > 0.015 && share < 0.07, `day ${day}: ${(share * 100).toFixed(1)}% of workstation flows go to never-seen IPs`);
      const workstations = new Set(today.map((f) => f.host)).size;
      assert.ok(newIps / workstations > 1 && newIps / workstations < 4, `day ${day}: ${newIps} new IPs for ${workstations} workstations`);
    } else {
      assert.ok(newIps >= 1, `weekend day ${day} has no new IP at all`);
    }
  }
});

test('newcomers carry KB in their first day, with a long tail up to hundreds of MB', () => {
  const firstDay = firstSeenDay((f) => f.ip);
  const sentOnFirstDay = new Map<string, number>();
  for (const f of flows) {
    if (f.day >= FIRST_WEEK_END && firstDay.get(f.ip) === f.day) sentOnFirstDay.set(f.ip, (sentOnFirstDay.get(f.ip) ?? 0) + f.sent);
  }
  const volumes = [...sentOnFirstDay.values()];
  assert.ok(median(volumes) < 300_000, `median first-day volume ${median(volumes)} bytes`);
  assert.ok(volumes.filter((v) => v > 100_000_000).length >= 1, 'no newcomer above 100 MB: the long tail is missing');
});

test('new non-standard ports appear after the first week with modest bytes, and some are used again later', () => {
  const firstDay = firstSeenDay((f) => f.port);
  const attackPorts = new Set(labels.scenarios.map((s) => s.entity['destination.port']).filter((p) => p !== undefined));
  const newPorts = [...firstDay].filter(([port, day]) => day >= FIRST_WEEK_END && !attackPorts.has(port)).map(([port]) => port);
  // ~3 port episodes a week for 55 workstations, fewer in this smaller organisation; most bring a port nobody used.
  assert.ok(newPorts.length >= 2 && newPorts.length <= 12, `new ports after the first week: ${newPorts.join(', ')}`);
  const laterPorts = [...firstDay].filter(([, day]) => day >= 1).map(([port]) => port).filter((p) => !attackPorts.has(p));
  const firstDayBytes = laterPorts.map((port) => flows.filter((f) => f.port === port && f.day === firstDay.get(port)).reduce((s, f) => s + f.sent, 0));
  assert.ok(median(firstDayBytes) < 10_000_000, `median first-day bytes on new ports: ${median(firstDayBytes)}`);
  const recurring = laterPorts.filter((port) => new Set(flows.filter((f) => f.port === port).map((f) => f.day)).size >= 3);
  assert.ok(recurring.length >= 1, 'no new port is used again on later days');
});

test('new countries appear now and then after the first week, with small volumes, never the attackers\' countries', () => {
  const firstDay = firstSeenDay((f) => f.country);
  const attackCountries = new Set(labels.scenarios.map((s) => s.entity['destination.geo.country_iso_code']).filter((c) => c !== undefined));
  const newCountries = [...firstDay].filter(([country, day]) => day >= FIRST_WEEK_END && !attackCountries.has(country)).map(([c]) => String(c));
  // A couple per week org-wide; the new-SaaS country (CA) counts too.
  assert.ok(newCountries.length >= 2 && newCountries.length <= 10, `new countries after the first week: ${newCountries.join(', ')}`);
  const small = newCountries.filter((c) => flows.filter((f) => f.country === c && f.day === firstDay.get(c)).reduce((s, f) => s + f.sent, 0) < 5_000_000);
  assert.ok(small.length >= newCountries.length / 2, `most first visits to a new country are small: ${small.join(', ')} of ${newCountries.join(', ')}`);
  for (const country of ['RU', 'BR']) {
    const benign = flows.filter((f) => f.country === country && !labels.scenarios.some((s) => s.entity['host.name'] === f.host));
    assert.equal(benign.length, 0, `benign traffic to ${country}`);
  }
});

test('heavy benign one-offs are labelled look-alikes, and every turnover label points at traffic in the data', () => {
  const ids = labels.benign.map((b) => b.id);
  for (const prefix of ['file-share-upload-', 'vendor-support-session-', 'cloud-storage-switch-']) {
    assert.ok(ids.some((id) => id.startsWith(prefix)), `no ${prefix}… label in ${ids.join(', ')}`);
  }
  assert.equal(new Set(ids).size, ids.length, 'benign label ids are unique');
  const sentTo = (host: string, ip: string) => flows.filter((f) => f.host === host && f.ip === ip).reduce((s, f) => s + f.sent, 0);
  const upload = labels.benign.find((b) => b.id.startsWith('file-share-upload-'))!;
  const uploaded = sentTo(String(upload.entity['host.name']), String(upload.entity['destination.ip']));
  assert.ok(uploaded > 200_000_000 && uploaded < 450_000_000, `file-share upload sent ${uploaded} bytes`);
  const session = labels.benign.find((b) => b.id.startsWith('vendor-support-session-'))!;
  assert.ok(flows.some((f) => f.host === session.entity['host.name'] && f.ip === session.entity['destination.ip'] && f.port === 5938));
  const turnoverLabels = labels.benign.filter((b) => /^(new-port|new-country|bulk-newcomer|file-share|vendor-support|cloud-storage|partner-transfer)-/.test(b.id));
  assert.ok(turnoverLabels.length >= 5);
  for (const label of turnoverLabels) {
    assert.ok(sentTo(String(label.entity['host.name']), String(label.entity['destination.ip'])) > 0, `${label.id} has no traffic`);
  }
});

test('attacks stay novel: their never-seen IP, port and country appear nowhere before the attack starts', () => {
  const firstMs = (match: (f: Flow) => boolean) => flows.find(match)?.ms ?? Number.POSITIVE_INFINITY;
  for (const scenario of labels.scenarios) {
    const start = Date.parse(scenario.start);
    const { 'destination.ip': ip, 'destination.port': port, 'destination.geo.country_iso_code': country } = scenario.entity;
    if (ip !== undefined) assert.ok(firstMs((f) => f.ip === ip) >= start, `${scenario.id}: ${ip} seen before the attack`);
    if (port !== undefined) assert.ok(firstMs((f) => f.port === port) >= start, `${scenario.id}: port ${port} seen before the attack`);
    if (country !== undefined) assert.ok(firstMs((f) => f.country === country) >= start, `${scenario.id}: ${country} seen before the attack`);
  }
});

test('switching the attacks off leaves all benign traffic, turnover included, unchanged', () => {
  const benignLines = readFlows(withoutAttacks).map((f) => f.line);
  const all = flows.map((f) => f.line);
  let i = 0;
  for (const line of all) if (i < benignLines.length && line === benignLines[i]) i++;
  assert.equal(i, benignLines.length, 'the benign flows are not a subsequence of the flows with attacks');
  assert.ok(all.length > benignLines.length, 'the attacks add flows');
  const noAttackLabels = JSON.parse(readFileSync(withoutAttacks.labelsFile, 'utf8')) as DatasetLabels;
  assert.deepEqual(noAttackLabels.benign, labels.benign);
});
