/**
 * Input-reading speed: readEvents (worker threads and in-thread, projected and whole documents) against a
 * bare single-threaded `JSON.parse` loop over the same 200k-line file of ~600-byte ECS flow events.
 * Run: node --import tsx bench/sources.ts [lines]   (prints events/s; no assertions)
 */
import { mkdtempSync, openSync, readSync, closeSync, writeFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeadLetter, readEvents, resolveInputs, type ReadOptions } from '../src/sources/index.js';

const LINES = Number(process.argv[2] ?? 200_000);
const KEEP = ['@timestamp', 'event.category', 'source.ip', 'source.bytes', 'destination.ip', 'destination.port', 'host.name', 'user.name', 'process.name', 'network.direction'];

function flowEvent(i: number): string {
  const t = Date.UTC(2024, 0, 1) + i * 1000;
  return JSON.stringify({
    '@timestamp': new Date(t).toISOString(),
    event: { kind: 'event', category: ['network'], type: ['connection', 'end'], action: 'network_flow', dataset: 'network_traffic.flow', duration: 1_000_000 + (i % 977) * 1000 },
    source: { ip: `10.0.${(i >> 8) & 255}.${i & 255}`, port: 49152 + (i % 16000), bytes: 200 + ((i * 7919) % 100_000), packets: 3 + (i % 50) },
    destination: { ip: `93.184.${(i >> 4) & 255}.${(i * 13) & 255}`, port: [443, 80, 22, 53][i % 4], bytes: 100 + ((i * 104729) % 50_000), packets: 2 + (i % 40) },
    network: { transport: 'tcp', type: 'ipv4', direction: 'egress', community_id: `1:${Buffer.from(String(i * 2654435761)).toString('base64').slice(0, 27)}=` },
    host: { name: `ws-${String(i % 150).padStart(3, '0')}`, os: { family: 'windows' } },
    user: { name: `user${i % 150}`, domain: 'CORP' },
    process: { name: ['chrome.exe', 'outlook.exe', 'svchost.exe', 'rclone.exe'][i % 4], pid: 1000 + (i % 5000) },
    ecs: { version: '8.11.0' },
  });
}

function bareJsonParseLoop(path: string): { events: number; sum: number } {
  const fd = openSync(path, 'r');
  const buf = Buffer.allocUnsafe(1024 * 1024);
  let carry = Buffer.alloc(0);
  let events = 0;
  let sum = 0;
  for (;;) {
    const n = readSync(fd, buf, 0, buf.length, null);
    if (n === 0) break;
    const data = carry.length ? Buffer.concat([carry, buf.subarray(0, n)]) : buf.subarray(0, n);
    let start = 0;
    for (let nl = data.indexOf(10, start); nl >= 0; nl = data.indexOf(10, start)) {
      const doc = JSON.parse(data.toString('utf8', start, nl)) as { source: { bytes: number } };
      sum += doc.source.bytes;
      events++;
      start = nl + 1;
    }
    carry = Buffer.from(data.subarray(start));
  }
  closeSync(fd);
  return { events, sum };
}

async function timeReadEvents(path: string, opts: Omit<ReadOptions, 'deadLetter'>): Promise<{ events: number; seconds: number }> {
  const t0 = performance.now();
  let events = 0;
  const deadLetter = new DeadLetter();
  for await (const batch of readEvents(resolveInputs([path]), { ...opts, deadLetter })) events += batch.events.length;
  await deadLetter.close();
  return { events, seconds: (performance.now() - t0) / 1000 };
}

const dir = mkdtempSync(join(tmpdir(), 'outflow-bench-sources-'));
try {
  const file = join(dir, 'flows.ndjson');
  const parts: string[] = [];
  for (let i = 0; i < LINES; i++) parts.push(flowEvent(i));
  writeFileSync(file, parts.join('\n') + '\n');
  parts.length = 0;
  const mb = statSync(file).size / 1e6;
  console.log(`input: ${LINES} lines, ${mb.toFixed(1)} MB (${Math.round((mb * 1e6) / LINES)} bytes/line)`);
  const rate = (events: number, s: number): string => `${Math.round(events / s).toLocaleString('en')} events/s (${s.toFixed(2)} s)`;

  bareJsonParseLoop(file); // warm the page cache and the JIT
  const t0 = performance.now();
  const bare = bareJsonParseLoop(file);
  const bareSeconds = (performance.now() - t0) / 1000;
  console.log(`bare JSON.parse loop, 1 thread:        ${rate(bare.events, bareSeconds)}`);

  const cases: Array<[string, Omit<ReadOptions, 'deadLetter'>]> = [
    ['readEvents, 2 workers, keepFields', { workers: 2, keepFields: KEEP, numericFields: ['source.bytes'] }],
    ['readEvents, 2 workers, whole docs', { workers: 2, numericFields: ['source.bytes'] }],
    ['readEvents, 2 workers, keepFields (2nd run)', { workers: 2, keepFields: KEEP, numericFields: ['source.bytes'] }],
    ['readEvents, in-thread, keepFields', { workers: 0, keepFields: KEEP, numericFields: ['source.bytes'] }],
    ['readEvents, in-thread, whole docs', { workers: 0, numericFields: ['source.bytes'] }],
  ];
  for (const [name, opts] of cases) {
    const r = await timeReadEvents(file, opts);
    console.log(`${(name + ':').padEnd(46)} ${rate(r.events, r.seconds)}  = ${(bareSeconds / r.seconds).toFixed(2)}× bare`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
