// Benign RDP sessions: admins on servers during office hours, helpdesk remote support on workstations.
import { HOUR_MS, MINUTE_MS } from '../calendar.js';
import type { DayContext } from '../day-context.js';
import { rdpSessionDoc } from '../ecs-docs.js';
import type { EventSink } from '../event-sink.js';
import type { Host } from '../organisation.js';
import type { Rng } from '../random.js';

function session(ctx: DayContext, out: EventSink, rng: Rng, source: Host, destination: Host, user: string): void {
  const startMs = ctx.dayStartMs + rng.int(8 * 60 + 30, 17 * 60 + 30) * MINUTE_MS + rng.int(0, 59_999);
  const processes = Math.max(2, Math.round(rng.logNormal(14, 0.5)));
  out.emit('rdp', startMs, rdpSessionDoc(startMs, {
    source, destination, user,
    durationSeconds: Math.min(4 * HOUR_MS / 1000, rng.logNormal(1500, 0.7)),
    processes, argsLength: Math.round(processes * rng.logNormal(55, 0.3)),
  }));
}

/** All benign RDP sessions for one day. */
export function rdpActivity(ctx: DayContext, out: EventSink): void {
  if (ctx.weekend) return;
  const windowsServers = ctx.org.hosts.filter((h) => h.role !== 'workstation' && h.os === 'windows');
  const [firstAdmin, ...otherAdmins] = ctx.org.admins;
  for (const admin of ctx.org.admins) {
    const rng = ctx.rng('rdp', admin.name);
    for (let n = rng.int(1, 4); n > 0; n--) session(ctx, out, rng, admin, rng.pick(windowsServers), admin.adminAccount ?? admin.user);
  }
  // The first admin also does helpdesk: remote support on a couple of workstations.
  if (firstAdmin) {
    const rng = ctx.rng('rdp-helpdesk', firstAdmin.name);
    const others = ctx.org.workstations.filter((w) => w !== firstAdmin && !otherAdmins.includes(w));
    for (let n = rng.int(0, 3); n > 0; n--) session(ctx, out, rng, firstAdmin, rng.pick(others), firstAdmin.adminAccount ?? firstAdmin.user);
  }
}
