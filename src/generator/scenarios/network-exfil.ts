// Network exfiltration scenarios that the DED jobs (bytes by port, country and IP) should catch.
import { HOUR_MS } from '../calendar.js';
import { addExfilFlows, GB, MB, ScenarioEvents, type ScenarioDefinition } from './scenario.js';

export const exfilToRarePort: ScenarioDefinition = {
  id: 'exfil-rare-port', kind: 'network-exfiltration', core: true,
  plan(ctx, day) {
    const host = ctx.takeWorkstation();
    const out = new ScenarioEvents();
    const ip = ctx.org.ipPool.take('NL');
    addExfilFlows(ctx, out, { host, ip, country: 'NL', port: 4444, process: 'powershell.exe' }, ctx.dayStart(day) + 21 * HOUR_MS, 6, 5 * GB);
    return out.label({
      id: this.id, kind: this.kind, core: this.core,
      description: `${host.name} sends about 5 GB to ${ip} on port 4444, a port no host used before, between 21:00 and midnight`,
      entity: { 'host.name': host.name, 'destination.port': 4444 },
      alsoMatches: [{ 'host.name': host.name, 'destination.ip': ip }],
      expect: ['Potential Data Exfiltration Activity to an Unusual Destination Port', 'ded_high_sent_bytes_destination_port'],
    });
  },
};

export const exfilToNewCountry: ScenarioDefinition = {
  id: 'exfil-new-country', kind: 'network-exfiltration', core: true,
  plan(ctx, day) {
    const host = ctx.takeWorkstation();
    const out = new ScenarioEvents();
    const ip = ctx.org.ipPool.take('RU');
    addExfilFlows(ctx, out, { host, ip, country: 'RU', port: 443, process: 'msedge.exe' }, ctx.dayStart(day) + 12 * HOUR_MS, 6, 3 * GB);
    return out.label({
      id: this.id, kind: this.kind, core: this.core,
      description: `${host.name} uploads about 3 GB over HTTPS to ${ip} in Russia, a country the organisation never sent data to`,
      entity: { 'host.name': host.name, 'destination.geo.country_iso_code': 'RU' },
      alsoMatches: [{ 'host.name': host.name, 'destination.ip': ip }],
      expect: ['Potential Data Exfiltration Activity to an Unusual ISO Code', 'ded_high_sent_bytes_destination_geo_country_iso_code'],
    });
  },
};

export const exfilToUnusualIp: ScenarioDefinition = {
  id: 'exfil-unusual-ip', kind: 'network-exfiltration', core: false,
  plan(ctx, day) {
    const host = ctx.takeWorkstation();
    const out = new ScenarioEvents();
    const ip = ctx.org.ipPool.take('US');
    addExfilFlows(ctx, out, { host, ip, country: 'US', port: 443, process: 'chrome.exe' }, ctx.dayStart(day) + 9 * HOUR_MS + 30 * 60_000, 5, 4 * GB);
    return out.label({
      id: this.id, kind: this.kind, core: this.core,
      description: `${host.name} uploads about 4 GB to a never-seen IP ${ip} in the United States on port 443 during office hours (common country and port)`,
      entity: { 'host.name': host.name, 'destination.ip': ip },
      expect: ['Potential Data Exfiltration Activity to an Unusual IP Address', 'ded_high_sent_bytes_destination_ip'],
    });
  },
};

export const exfilLowAndSlow: ScenarioDefinition = {
  id: 'exfil-low-and-slow', kind: 'network-exfiltration', core: false,
  plan(ctx, day) {
    const host = ctx.takeWorkstation();
    const out = new ScenarioEvents();
    const ip = ctx.org.ipPool.take('IE');
    const nights = Math.max(1, Math.min(5, ctx.days - day));
    for (let night = 0; night < nights; night++) {
      addExfilFlows(ctx, out, { host, ip, country: 'IE', port: 443, process: 'svchost.exe' }, ctx.dayStart(day + night) + HOUR_MS, 4, 300 * MB);
    }
    return out.label({
      id: this.id, kind: this.kind, core: this.core,
      description: `${host.name} leaks about 300 MB a night to ${ip} (Ireland, port 443) for ${nights} nights, disguised as svchost.exe`,
      entity: { 'host.name': host.name, 'destination.ip': ip },
      expect: ['Potential Data Exfiltration Activity to an Unusual IP Address', 'ded_high_sent_bytes_destination_ip'],
    });
  },
};
