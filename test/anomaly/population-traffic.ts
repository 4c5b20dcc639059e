/**
 * Synthetic egress traffic for the population views: ordinary destinations (a few MB per 3h, some at night too),
 * optionally a nightly backup target (about 20 GB at 02:00), a heavy everyday member (2–21 GB per 3h in office
 * hours) and a steady trickle of new destinations that take a few tens of KB in their first hours.
 */
import { DAY, HOUR, T0, rng } from './helpers.js';

export const GB = 1024 ** 3;
export const MB = 1024 ** 2;
export const KB = 1024;

export interface TrafficOptions {
  days: number;
  seed?: number;
  /** Nightly backup to BACKUP_IP; `backupSpikeDay` multiplies that night's upload by 10. */
  backup?: boolean;
  backupSpikeDay?: number;
  /** An everyday heavy member (HEAVY_IP) in office hours. */
  heavy?: boolean;
  /** New destinations appearing from day 2 on, about one every 3 hours. */
  newcomers?: boolean;
  /** Extra flows: [time, destination ip, bytes]. */
  extra?: Array<[number, string, number]>;
}

export const BACKUP_IP = '203.0.113.50';
export const HEAVY_IP = '198.51.100.7';

type Flow = Record<string, unknown>;

function flow(t: number, ip: string, bytes: number, host = 'ws-001'): Flow {
  return {
    '@timestamp': t, event: { category: ['network'] }, host: { name: host }, process: { name: 'chrome.exe' },
    source: { ip: '10.0.0.10', bytes: Math.round(bytes) }, destination: { ip, port: 443 },
  };
}

/** exp(N(0, sd)) with a Box-Muller pair from the seeded generator. */
function logNormal(random: () => number, median: number, sd: number): number {
  const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return median * Math.exp(sd * z);
}

export function populationTraffic(o: TrafficOptions): Flow[] {
  const random = rng(o.seed ?? 11);
  const out: Flow[] = [];
  const ordinary = Array.from({ length: 20 }, (_, i) => `52.10.0.${i + 1}`);
  let newcomerId = 0;
  for (let slot = 0; slot < o.days * 8; slot++) {
    const bucket = T0 + slot * 3 * HOUR;
    const hour = (slot % 8) * 3;
    const office = hour >= 6 && hour < 18;
    for (const ip of ordinary) {
      if (!office && random() < 0.6) continue;
      out.push(flow(bucket + Math.floor(random() * 3 * HOUR), ip, logNormal(random, office ? 4 * MB : MB, 0.8)));
    }
    if (o.heavy && office) out.push(flow(bucket + HOUR, HEAVY_IP, 2 * GB + random() * 19 * GB, 'build-01'));
    if (o.backup && hour === 0) {
      const day = Math.floor(slot / 8);
      const size = logNormal(random, 20 * GB, 0.2) * (day === o.backupSpikeDay ? 10 : 1);
      for (let i = 0; i < 4; i++) out.push(flow(bucket + 2 * HOUR + i * 10 * 60_000, BACKUP_IP, size / 4, 'bk-01'));
    }
    if (o.newcomers && slot >= 8) {
      // A new destination: tens of KB in its first 3h, a little in the next, then gone.
      const ip = `100.64.${Math.floor(newcomerId / 250)}.${(newcomerId % 250) + 1}`;
      newcomerId++;
      out.push(flow(bucket + Math.floor(random() * 3 * HOUR), ip, logNormal(random, 40 * KB, 1)));
      if (random() < 0.5) out.push(flow(bucket + 3 * HOUR + Math.floor(random() * 3 * HOUR), ip, logNormal(random, 40 * KB, 1)));
    }
  }
  for (const [t, ip, bytes] of o.extra ?? []) out.push(flow(t, ip, bytes, 'ws-041'));
  return out.sort((a, b) => (a['@timestamp'] as number) - (b['@timestamp'] as number));
}

/** `high_sum(source.bytes) over destination.ip`, 3h buckets, like the DED IP job. */
export const IP_JOB = {
  job_id: 'pop_ip',
  analysis_config: {
    bucket_span: '3h',
    detectors: [{ function: 'high_sum', field_name: 'source.bytes', over_field_name: 'destination.ip' }],
    influencers: ['host.name', 'destination.ip'],
  },
};

export const nightOf = (day: number): number => T0 + day * DAY;
