import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EcsEvent } from '../../src/ecs/index.js';
import { AnomalyJob, FirstContactPool, type AnomalyResultBatch, type RecordResult } from '../../src/anomaly/index.js';
import { linkFirstContactSiblings } from '../../src/engine/first-contact-siblings.js';
import { DAY, HOUR, jobDef, latestRecords, newJob, T0 } from './helpers.js';
import { GB, IP_JOB, KB, MB, populationTraffic } from './population-traffic.js';

const PORT_JOB = {
  ...IP_JOB,
  job_id: 'pop_port',
  analysis_config: { ...IP_JOB.analysis_config, detectors: [{ function: 'high_sum', field_name: 'source.bytes', over_field_name: 'destination.port' }] },
};

type Flow = Record<string, unknown>;

/** A flow to a port nobody used before (the traffic generator sends everything else to 443). */
function toPort(t: number, ip: string, port: number, bytes: number, host = 'ws-007'): Flow {
  return {
    '@timestamp': t, event: { category: ['network'] }, host: { name: host }, process: { name: 'app.exe' },
    source: { ip: '10.0.0.17', bytes: Math.round(bytes) }, destination: { ip, port },
  };
}

const EXFIL_PORT = 4444;
const EXFIL_TIME = T0 + 13 * DAY + 21 * HOUR + 5 * 60_000;

/**
 * Sixteen days of egress: ordinary destinations and an everyday heavy member on 443, a trickle of new IPs (tens of
 * KB), five benign new ports over the first ten days (100 KB – 2 MB), then 5 GB to a never-used port on day 13 and
 * one more ordinary new port (800 KB) on day 15.
 */
function traffic(): Flow[] {
  const flows = populationTraffic({ days: 16, heavy: true, newcomers: true });
  const benign: Array<[number, number, number]> = [[2, 8443, 300 * KB], [4, 3478, 2 * MB], [6, 5222, 100 * KB], [8, 993, 600 * KB], [10, 8080, 1.5 * MB]];
  for (const [day, port, bytes] of benign) flows.push(toPort(T0 + day * DAY + 10 * HOUR, `52.20.0.${port % 250}`, port, bytes));
  flows.push(toPort(EXFIL_TIME, '185.220.101.9', EXFIL_PORT, 5 * GB, 'ws-119'));
  flows.push(toPort(T0 + 15 * DAY + 11 * HOUR, '52.20.0.77', 19302, 800 * KB));
  return flows.sort((a, b) => (a['@timestamp'] as number) - (b['@timestamp'] as number));
}

/** Feeds the jobs together, as the engine does: every job is advanced to each event's time before it is ingested. */
function runTogether(jobs: AnomalyJob[], events: Flow[]): RecordResult[] {
  const records: RecordResult[] = [];
  const add = (b: AnomalyResultBatch): void => void records.push(...b.records);
  for (const e of events) {
    const t = e['@timestamp'] as number;
    for (const job of jobs) {
      add(job.advanceTo(t));
      if (job.accepts(e as EcsEvent)) job.ingest(e as EcsEvent);
    }
  }
  for (const job of jobs) add(job.flush());
  return latestRecords(records);
}

function siblings(order: 'ip-first' | 'port-first'): { ip: AnomalyJob; port: AnomalyJob; pool: FirstContactPool; jobs: AnomalyJob[] } {
  const ipDef = jobDef(IP_JOB);
  const portDef = jobDef(PORT_JOB);
  const ip = newJob(ipDef);
  const port = newJob(portDef);
  const pool = new FirstContactPool();
  const linked = linkFirstContactSiblings([{ job: ip, def: ipDef, eventScope: 'all' }, { job: port, def: portDef, eventScope: 'all' }], pool);
  assert.equal(linked, 2, 'both detectors are linked');
  return { ip, port, pool, jobs: order === 'ip-first' ? [ip, port] : [port, ip] };
}

const portRecords = (records: RecordResult[]): RecordResult[] => records.filter((r) => r.job_id === 'pop_port');

test('a never-used port taking 5 GB is judged by the first contacts of sibling jobs and scores ≥ 75', () => {
  const events = traffic();
  const { jobs } = siblings('ip-first');
  const records = portRecords(runTogether(jobs, events));
  const exfil = records.find((r) => r.over_field_value === String(EXFIL_PORT));
  assert.ok(exfil, 'the new port is reported');
  assert.ok(exfil.record_score >= 75, `record_score ${exfil.record_score}`);
  assert.match(exfil.explanation, /^ws-119 sent [\d.]+ GB to destination port 4444 in the 3h from 21:00 UTC; this destination port never received data before, and new destinations of any kind \(IP, port\) typically receive under [\d.]+ [KM]B in their first 3 hours — [\d,]+× the usual\.$/);

  const loudNewcomers = records.filter((r) => r.over_field_value !== String(EXFIL_PORT) && r.record_score >= 75);
  assert.deepEqual(loudNewcomers.map((r) => `${r.over_field_value}: ${r.record_score.toFixed(0)}`), [], 'ordinary new ports and port 443 stay below 75');
});

test('alone, the port job has too few newcomers and the heavy port 443 hides the same upload', () => {
  const alone = newJob(jobDef(PORT_JOB));
  const records = portRecords(runTogether([alone], traffic()));
  const exfil = records.find((r) => r.over_field_value === String(EXFIL_PORT));
  assert.ok(!exfil || exfil.record_score < 75, `without siblings the population judges it: ${exfil?.record_score}`);
});

test('siblings give identical results whatever order they close their buckets in, and the pool snapshot restores exactly', () => {
  const events = traffic();
  const a = runTogether(siblings('ip-first').jobs, events);
  const b = runTogether(siblings('port-first').jobs, events);
  const key = (r: RecordResult): string => `${r._id} ${r.record_score} ${r.probability}`;
  assert.deepEqual(b.map(key).sort(), a.map(key).sort());

  // Stop both jobs and the pool mid-way, restore them from JSON, continue: same records as never stopping.
  const cut = events.findIndex((e) => (e['@timestamp'] as number) >= T0 + 9 * DAY);
  const first = siblings('ip-first');
  const before = runTogether(first.jobs, events.slice(0, cut)).length;
  assert.ok(before > 0);
  const snapshots = first.jobs.map((j) => JSON.parse(JSON.stringify(j.snapshot())) as unknown);
  const pool = FirstContactPool.fromJSON(JSON.parse(JSON.stringify(first.pool.toJSON())));
  const ipDef = jobDef(IP_JOB);
  const portDef = jobDef(PORT_JOB);
  const restored = [ipDef, portDef].map((def, i) => AnomalyJob.restore(def, snapshots[i], { onBadValue: () => {} }));
  linkFirstContactSiblings([{ job: restored[0], def: ipDef, eventScope: 'all' }, { job: restored[1], def: portDef, eventScope: 'all' }], pool);

  const continued = runTogether(restored, events.slice(cut));
  const uninterrupted = runTogether(siblings('ip-first').jobs, events).filter((r) => r.timestamp >= T0 + 9 * DAY - 3 * HOUR);
  const tail = (rs: RecordResult[]): string[] => rs.filter((r) => r.timestamp >= T0 + 9 * DAY).map(key).sort();
  assert.deepEqual(tail(continued), tail(uninterrupted));
});

test('detectors with nothing in common are not linked', () => {
  const ipDef = jobDef(IP_JOB);
  const other = jobDef({ ...PORT_JOB, analysis_config: { ...PORT_JOB.analysis_config, bucket_span: '1h' } });
  const copy = jobDef({ ...IP_JOB, job_id: 'pop_ip_copy' });
  const pool = new FirstContactPool();
  const linked = linkFirstContactSiblings([
    { job: newJob(ipDef), def: ipDef, eventScope: 'all' },
    { job: newJob(other), def: other, eventScope: 'all' },
    { job: newJob(copy), def: copy, eventScope: 'all' },
  ], pool);
  assert.equal(linked, 0, 'another bucket span is another metric; a copy over the same field adds nothing');
  const egress = jobDef(PORT_JOB);
  assert.equal(linkFirstContactSiblings([{ job: newJob(ipDef), def: ipDef, eventScope: 'all' }, { job: newJob(egress), def: egress, eventScope: 'egress' }], pool), 0,
    'jobs that see different events are not siblings');
});
