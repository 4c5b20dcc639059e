/**
 * Input shared by the input-reading benchmarks (sources.ts, scanner.ts): ~600-byte nested ECS flow lines, and the
 * fields each case reads (the flow case's, and what the bundled content reads from the generated dataset).
 */
export const KEEP = ['@timestamp', 'event.category', 'source.ip', 'source.bytes', 'destination.ip', 'destination.port', 'host.name', 'user.name', 'process.name', 'network.direction'];
/** What the bundled content and enrichment read from the generated dataset (about what `buildDetection` asks for). */
export const DATASET_KEEP = [
  ...KEEP,
  'destination.bytes', 'destination.domain', 'destination.geo.country_iso_code', 'dns.question.name', 'dns.question.registered_domain',
  'destination.registered_domain', 'event.action', 'event.outcome', 'file.path', 'file.directory', 'file.name', 'file.size',
  'host.os.type', 'host.os.family', 'process.executable', 'process.parent.name', 'process.args', 'cloud.provider',
  'aws.cloudtrail.user_identity.arn', 'source.geo.country_iso_code',
];

/** One nested ECS flow event (line i of the flow case). */
export function flowEvent(i: number): string {
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
