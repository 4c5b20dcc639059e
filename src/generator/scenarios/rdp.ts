// RDP scenarios for the LMD session jobs: long sessions, process-heavy sessions, night starts and fan-out.
import { HOUR_MS, MINUTE_MS } from '../calendar.js';
import { rdpSessionDoc } from '../ecs-docs.js';
import type { Host } from '../organisation.js';
import { nextWeekday, ScenarioEvents, type ScenarioDefinition, type ScenarioPlanContext } from './scenario.js';

function admin(ctx: ScenarioPlanContext, index: number): Host {
  return ctx.org.admins[index % ctx.org.admins.length];
}

function windowsServer(ctx: ScenarioPlanContext, name: string): Host {
  return ctx.org.hosts.find((h) => h.name === name) ?? ctx.org.domainController;
}

const EXPECT_RDP = ['lmd_high_mean_rdp_session_duration', 'lmd_high_var_rdp_session_duration'];

/**
 * The LMD RDP jobs analyse sessions per client and, separately, per target: an alert on either end of the session
 * during the attack is about the attack.
 */
function sessionEndpoints(source: string, destination: string): Array<Record<string, string>> {
  return [{ 'source.ip': source }, { 'destination.ip': destination }];
}

export const rdpLongSession: ScenarioDefinition = {
  id: 'rdp-long-session', kind: 'rdp-anomaly', core: false,
  plan(ctx, day) {
    const source = admin(ctx, 1);
    const destination = ctx.org.domainController;
    const out = new ScenarioEvents();
    const start = ctx.dayStart(day) + 10 * HOUR_MS + 5 * MINUTE_MS;
    const duration = 11 * 3600;
    out.add('rdp', start, rdpSessionDoc(start, { source, destination, user: source.adminAccount ?? source.user, durationSeconds: duration, processes: 22, argsLength: 1300 }), duration * 1000);
    return out.label({
      id: this.id, kind: this.kind, core: this.core,
      description: `An RDP session from ${source.name} to ${destination.name} lasts 11 hours (admin sessions usually last minutes)`,
      entity: { 'source.ip': source.ip, 'destination.ip': destination.ip },
      alsoMatches: sessionEndpoints(source.ip, destination.ip),
      expect: ['High Mean of RDP Session Duration', 'High Variance in RDP Session Duration', ...EXPECT_RDP],
    });
  },
};

export const rdpManyProcesses: ScenarioDefinition = {
  id: 'rdp-many-processes', kind: 'rdp-anomaly', core: false,
  plan(ctx, day) {
    const source = admin(ctx, 2);
    const destination = windowsServer(ctx, 'fs-01');
    const out = new ScenarioEvents();
    const start = ctx.dayStart(day) + 15 * HOUR_MS + 20 * MINUTE_MS;
    out.add('rdp', start, rdpSessionDoc(start, { source, destination, user: source.adminAccount ?? source.user, durationSeconds: 2400, processes: 460, argsLength: 41_000 }), 2_400_000);
    return out.label({
      id: this.id, kind: this.kind, core: this.core,
      description: `An RDP session from ${source.name} to ${destination.name} starts 460 processes with 41,000 characters of arguments (discovery and staging scripts)`,
      entity: { 'source.ip': source.ip, 'destination.ip': destination.ip },
      alsoMatches: sessionEndpoints(source.ip, destination.ip),
      expect: ['Spike in Number of Processes in an RDP Session', 'High Mean of Process Arguments in an RDP Session', 'lmd_high_sum_rdp_number_of_processes', 'lmd_high_mean_rdp_process_args'],
    });
  },
};

export const rdpOffHours: ScenarioDefinition = {
  id: 'rdp-off-hours', kind: 'rdp-anomaly', core: false,
  plan(ctx, day) {
    const source = admin(ctx, 0);
    const destination = ctx.org.backupServer;
    const sunday = nextWeekday(ctx, day, 0);
    const out = new ScenarioEvents();
    const start = ctx.dayStart(sunday) + 3 * HOUR_MS + 10 * MINUTE_MS;
    out.add('rdp', start, rdpSessionDoc(start, { source, destination, user: source.adminAccount ?? source.user, durationSeconds: 1500, processes: 16, argsLength: 900 }), 1_500_000);
    return out.label({
      id: this.id, kind: this.kind, core: this.core,
      description: `${source.name} opens an RDP session to ${destination.name} at 03:10 on a Sunday; admins only work weekdays 08:30-17:30`,
      entity: { 'source.ip': source.ip, 'destination.ip': destination.ip },
      alsoMatches: sessionEndpoints(source.ip, destination.ip),
      expect: ['Unusual Time or Day for an RDP Session', 'lmd_unusual_time_weekday_rdp_session_start'],
    });
  },
};

export const rdpFanOut: ScenarioDefinition = {
  id: 'rdp-fan-out', kind: 'rdp-anomaly', core: false,
  plan(ctx, day) {
    const source = admin(ctx, 2);
    const targets = ctx.rng.sample(ctx.org.hosts.filter((h) => h !== source && h.os === 'windows'), 15);
    const out = new ScenarioEvents();
    const start = ctx.dayStart(day) + 13 * HOUR_MS;
    targets.forEach((destination, i) => {
      const ms = start + i * 6 * MINUTE_MS;
      out.add('rdp', ms, rdpSessionDoc(ms, { source, destination, user: source.adminAccount ?? source.user, durationSeconds: 180, processes: 6, argsLength: 300 }), 180_000);
    });
    return out.label({
      id: this.id, kind: this.kind, core: this.core,
      description: `${source.name} opens short RDP sessions to ${targets.length} different hosts within 90 minutes`,
      entity: { 'source.ip': source.ip },
      expect: ['Spike in Number of Connections Made from a Source IP', 'lmd_high_rdp_distinct_count_destination_ip_for_source'],
    });
  },
};
