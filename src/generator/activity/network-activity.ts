// Benign network summaries: workstation SaaS habits, weekly report uploads, new-SaaS adoption, server traffic, internal flows.
import { MINUTE_MS, SLOT_MS, officeActivity } from '../calendar.js';
import type { DayContext } from '../day-context.js';
import { dnsQueryDoc, networkFlowDoc, type FlowSpec } from '../ecs-docs.js';
import type { EventSink } from '../event-sink.js';
import type { Destination, Host } from '../organisation.js';
import type { Rng } from '../random.js';

const SLOTS_PER_DAY = 48;

function emitFlow(ctx: DayContext, out: EventSink, slot: number, flow: FlowSpec): void {
  out.emit('network', ctx.dayStartMs + slot * SLOT_MS, networkFlowDoc(ctx.dayStartMs + slot * SLOT_MS, flow, ctx.rawGeo));
}

function emitExternal(ctx: DayContext, out: EventSink, rng: Rng, host: Host, slot: number, d: Destination, sent: number): void {
  emitFlow(ctx, out, slot, {
    host, process: d.process, destinationIp: d.ip, destinationPort: d.port, country: d.country,
    sentBytes: sent, receivedBytes: sent * rng.logNormal(5, 1),
  });
  // Most flows start with a lookup; resolver caching hides the rest.
  if (rng.chance(0.6)) {
    const ms = ctx.dayStartMs + slot * SLOT_MS + rng.int(0, 29) * MINUTE_MS + rng.int(0, 59_999);
    out.emit('dns', ms, dnsQueryDoc(ms, host, d.process, d.domain, d.ip));
  }
}

/**
 * Whether the workstation's owner is off today (4% of weekdays). Must be the first draw of the host's network stream:
 * the turnover activity asks the same question on a fresh copy of that stream and must get the same answer.
 */
export function takesDayOff(ctx: DayContext, networkRng: Rng): boolean {
  return !ctx.weekend && networkRng.chance(0.04);
}

/** A fresh copy of a host's daily network stream (see takesDayOff). */
export function hostNetworkRng(ctx: DayContext, host: Host): Rng {
  return ctx.rng('network', host.name);
}

function workstationDay(ctx: DayContext, out: EventSink, host: Host): void {
  const rng = hostNetworkRng(ctx, host);
  if (takesDayOff(ctx, rng)) return;
  const org = ctx.org;
  const destinations = [...host.destinations];
  const adopted = host.newSaasFromDay !== undefined && ctx.dayIndex >= host.newSaasFromDay;
  if (adopted) destinations.push({ ...org.newSaas[host.name.length % org.newSaas.length], affinity: 0.35 });
  for (let slot = 0; slot < SLOTS_PER_DAY; slot++) {
    const level = officeActivity(slot / 2, ctx.weekend) * host.activity;
    if (level < 0.005) continue;
    for (const d of destinations) {
      if (rng.chance(Math.min(0.95, level * d.affinity))) emitExternal(ctx, out, rng, host, slot, d, rng.logNormal(d.medianSentBytes, 1.1));
    }
    // Internal SMB to the file servers and DNS/LDAP to the domain controller (the DED filter drops these).
    if (rng.chance(level * 0.5)) {
      const fs = org.fileServers[rng.int(0, org.fileServers.length - 1)];
      emitFlow(ctx, out, slot, { host, process: 'System', destinationIp: fs.ip, destinationPort: 445, sentBytes: rng.logNormal(3_000_000, 1.2), receivedBytes: rng.logNormal(8_000_000, 1.2), direction: 'internal' });
    }
    if (rng.chance(level * 0.4)) {
      emitFlow(ctx, out, slot, { host, process: 'lsass.exe', destinationIp: org.domainController.ip, destinationPort: rng.pick([53, 88, 389]), sentBytes: rng.logNormal(20_000, 0.6), receivedBytes: rng.logNormal(40_000, 0.6), direction: 'internal' });
    }
  }
  // Initial sync when someone starts using the new SaaS: a one-off upload that looks like exfiltration to a new country.
  if (adopted && ctx.dayIndex === host.newSaasFromDay && !ctx.weekend) {
    const d = org.newSaas[host.name.length % org.newSaas.length];
    emitExternal(ctx, out, rng, host, rng.int(20, 30), d, rng.logNormal(120_000_000, 0.6));
  }
  // Friday afternoon report upload (tens to hundreds of MB to the CRM).
  if (host.weeklyReporter && ctx.weekday === 5) {
    const crm = host.destinations.find((d) => d.provider === 'salesforce') ?? host.destinations[0];
    if (crm) emitExternal(ctx, out, rng, host, rng.int(29, 32), crm, rng.logNormal(150_000_000, 0.5));
  }
  // Windows Update: large downloads, small uploads; patch Tuesday is busier.
  const updates = org.serverDestinations.updates[host.name.length % org.serverDestinations.updates.length];
  const updateChecks = ctx.patchTuesday ? 4 : 1;
  for (let i = 0; i < updateChecks; i++) {
    const slot = rng.int(18, 36);
    emitFlow(ctx, out, slot, { host, process: 'svchost.exe', destinationIp: updates.ip, destinationPort: 443, country: updates.country, sentBytes: rng.logNormal(60_000, 0.8), receivedBytes: rng.logNormal(ctx.patchTuesday ? 400_000_000 : 5_000_000, 0.7) });
  }
}

function backupServerDay(ctx: DayContext, out: EventSink, host: Host): void {
  const rng = ctx.rng('network', host.name);
  // Nightly 02:00 full/incremental upload to the off-site provider abroad: tens of GB, split over four half hours.
  const total = rng.logNormal(ctx.weekday === 6 ? 60_000_000_000 : 25_000_000_000, 0.25);
  for (let slot = 4; slot < 8; slot++) {
    const target = ctx.org.backupTargets[slot % ctx.org.backupTargets.length];
    emitFlow(ctx, out, slot, { host, process: 'VeeamAgent.exe', destinationIp: target.ip, destinationPort: 443, country: target.country, sentBytes: total / 4 * (0.8 + rng.next() * 0.4), receivedBytes: rng.logNormal(30_000_000, 0.3) });
  }
  // Sunday 04:10: the weekly rclone offsite sync (see process activity), a few more GB to the same provider.
  if (ctx.weekday === 0) {
    const target = ctx.org.backupTargets[0];
    emitFlow(ctx, out, 8, { host, process: 'rclone.exe', destinationIp: target.ip, destinationPort: 443, country: target.country, sentBytes: rng.logNormal(6_000_000_000, 0.3), receivedBytes: rng.logNormal(10_000_000, 0.3) });
  }
}

function buildServerDay(ctx: DayContext, out: EventSink, host: Host): void {
  const rng = ctx.rng('network', host.name);
  const { code, artifacts } = ctx.org.serverDestinations;
  for (let slot = 0; slot < SLOTS_PER_DAY; slot++) {
    const level = officeActivity(slot / 2, ctx.weekend);
    if (rng.chance(0.1 + level * 0.8)) {
      const d = rng.pick(code);
      emitFlow(ctx, out, slot, { host, process: d.process, destinationIp: d.ip, destinationPort: d.port, country: d.country, sentBytes: rng.logNormal(200_000, 0.8), receivedBytes: rng.logNormal(50_000_000, 1) });
    }
    // Builds publish artifacts to object storage.
    if (rng.chance(level * 0.4)) {
      const d = rng.pick(artifacts);
      emitFlow(ctx, out, slot, { host, process: 'aws', destinationIp: d.ip, destinationPort: 443, country: d.country, sentBytes: rng.logNormal(d.medianSentBytes, 0.7), receivedBytes: rng.logNormal(200_000, 0.5) });
    }
  }
}

function webServerDay(ctx: DayContext, out: EventSink, host: Host): void {
  const rng = ctx.rng('network', host.name);
  const { payment, updates } = ctx.org.serverDestinations;
  for (let slot = 0; slot < SLOTS_PER_DAY; slot++) {
    // Customers shop into the evening: the office curve shifted six hours later, never quite idle.
    const level = 0.3 + 0.7 * officeActivity((slot / 2 + 18) % 24, false);
    for (const d of payment) {
      if (rng.chance(level)) emitFlow(ctx, out, slot, { host, process: 'node', destinationIp: d.ip, destinationPort: 443, country: d.country, sentBytes: rng.logNormal(d.medianSentBytes, 0.6) * level, receivedBytes: rng.logNormal(30_000, 0.5) });
    }
  }
  const d = updates[1 % updates.length];
  emitFlow(ctx, out, rng.int(6, 8), { host, process: 'apt', destinationIp: d.ip, destinationPort: 80, country: d.country, sentBytes: rng.logNormal(40_000, 0.5), receivedBytes: rng.logNormal(30_000_000, 1) });
}

function infrastructureServerDay(ctx: DayContext, out: EventSink, host: Host): void {
  const rng = ctx.rng('network', host.name);
  const updates = ctx.org.serverDestinations.updates[0];
  emitFlow(ctx, out, rng.int(4, 10), { host, process: 'svchost.exe', destinationIp: updates.ip, destinationPort: 443, country: updates.country, sentBytes: rng.logNormal(80_000, 0.6), receivedBytes: rng.logNormal(ctx.patchTuesday ? 900_000_000 : 20_000_000, 0.5) });
  if (host.role !== 'domain-controller') return;
  // The DC forwards the organisation's DNS to public resolvers around the clock.
  for (let slot = 0; slot < SLOTS_PER_DAY; slot++) {
    const level = 0.1 + officeActivity(slot / 2, ctx.weekend);
    for (const d of ctx.org.serverDestinations.dns) {
      emitFlow(ctx, out, slot, { host, user: 'SYSTEM', process: 'dns.exe', destinationIp: d.ip, destinationPort: 53, country: d.country, sentBytes: rng.logNormal(d.medianSentBytes * level, 0.3), receivedBytes: rng.logNormal(d.medianSentBytes * 3 * level, 0.3) });
    }
  }
}

/** All benign network summaries (and their DNS lookups) for one day. */
export function networkActivity(ctx: DayContext, out: EventSink): void {
  for (const host of ctx.org.hosts) {
    switch (host.role) {
      case 'workstation': workstationDay(ctx, out, host); break;
      case 'backup': backupServerDay(ctx, out, host); infrastructureServerDay(ctx, out, host); break;
      case 'build': buildServerDay(ctx, out, host); break;
      case 'web': webServerDay(ctx, out, host); break;
      default: infrastructureServerDay(ctx, out, host);
    }
  }
}
