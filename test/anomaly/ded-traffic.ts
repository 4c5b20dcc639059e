/** Synthetic DED-style egress flows: 3 weeks of ordinary 443/80 traffic plus an optional 3 GB burst to port 4444. */
import { DAY, HOUR, T0, rng } from './helpers.js';

export const BURST_TIME = T0 + 20 * DAY + 2 * HOUR + 10 * 60_000;
export const BURST_BUCKET = T0 + 20 * DAY; // 3h buckets: 00:00–03:00

export function dedFlows(opts: { days?: number; burst?: boolean; seed?: number } = {}): Array<Record<string, unknown>> {
  const random = rng(opts.seed ?? 7);
  const days = opts.days ?? 21;
  const events: Array<Record<string, unknown>> = [];
  const hosts = Array.from({ length: 12 }, (_, i) => `ws-${String(i + 1).padStart(3, '0')}`);
  for (let slot = 0; slot < days * 48; slot++) {
    const t = T0 + slot * 30 * 60_000;
    const hour = (slot / 2) % 24;
    const office = hour >= 8 && hour < 18;
    for (const host of hosts) {
      if (!office && random() < 0.7) continue;
      for (const [port, scale] of [[443, 2e5], [80, 3e4]] as const) {
        if (random() < 0.3) continue;
        const bytes = Math.round(scale * Math.exp(random() * 1.5) * (office ? 1 : 0.3));
        events.push({
          '@timestamp': t + Math.floor(random() * 1_800_000),
          event: { category: ['network'] },
          host: { name: host }, user: { name: `user-${host}` }, process: { name: port === 443 ? 'chrome.exe' : 'svchost.exe' },
          source: { ip: `10.0.0.${hosts.indexOf(host) + 10}`, bytes },
          destination: { ip: port === 443 ? '52.1.2.3' : '93.184.216.34', port },
        });
      }
    }
  }
  if (opts.burst !== false) {
    for (let i = 0; i < 6; i++) {
      events.push({
        '@timestamp': BURST_TIME + i * 60_000,
        event: { category: ['network'] },
        host: { name: 'ws-017' }, user: { name: 'alice' }, process: { name: 'rclone.exe' },
        source: { ip: '10.0.4.17', bytes: 512 * 1024 ** 2 },
        destination: { ip: '185.220.101.5', port: 4444 },
      });
    }
  }
  return events.sort((a, b) => (a['@timestamp'] as number) - (b['@timestamp'] as number));
}

/** The DED port job as the module defines it (inline, so the test runs without ../shared). */
export const DED_PORT_JOB = {
  job_id: 'ded_high_sent_bytes_destination_port',
  analysis_config: {
    bucket_span: '3h',
    detectors: [{ detector_description: 'High bytes sent to an unusual destination port', function: 'high_sum', field_name: 'source.bytes', over_field_name: 'destination.port', detector_index: 0 }],
    influencers: ['host.name', 'user.name', 'process.name', 'source.ip', 'destination.ip', 'destination.port'],
  },
  data_description: { time_field: '@timestamp', time_format: 'epoch_ms' },
  datafeed_config: { query: { bool: { filter: [{ term: { 'event.category': 'network' } }, { exists: { field: 'source.bytes' } }, { exists: { field: 'destination.port' } }] } } },
};
