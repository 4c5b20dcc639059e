// Benign file activity: SMB writes on file servers (with patch-day spikes), deployments over SSH, habitual USB copies.
import { HOUR_MS, MINUTE_MS, officeActivity } from '../calendar.js';
import type { DayContext } from '../day-context.js';
import { fileEventDoc, usbMountDoc } from '../ecs-docs.js';
import type { EventSink } from '../event-sink.js';
import { documentName, pickExtension, shareFolder } from '../file-names.js';
import type { Host } from '../organisation.js';

function fileServerDay(ctx: DayContext, out: EventSink, server: Host): void {
  const rng = ctx.rng('files', server.name);
  const writers = ctx.org.workstations;
  // Busy servers: about two creations per hour per ten users at full office activity.
  const perHourAtPeak = Math.max(4, (writers.length / ctx.org.fileServers.length) * 0.5);
  for (let hour = 0; hour < 24; hour++) {
    const creations = rng.poisson(perHourAtPeak * officeActivity(hour, ctx.weekend));
    for (let i = 0; i < creations; i++) {
      const writer = rng.pick(writers);
      const ms = ctx.dayStartMs + hour * HOUR_MS + rng.int(0, HOUR_MS - 1);
      const action = rng.chance(0.75) ? 'creation' : 'modification';
      const path = `${shareFolder(rng, writer.department)}${documentName(rng)}`;
      out.emit('file', ms, fileEventDoc(ms, server, { action, path, size: rng.logNormal(250_000, 1.3), process: 'System', user: writer.user, sourceIp: writer.ip }));
    }
  }
  // Patch Tuesday: the deployment service copies hundreds of update packages in the evening; other Tuesdays, a few
  // antivirus definition files. Real-life look-alikes for "spike in remote file transfers" and "rare extension".
  if (ctx.weekday === 2) {
    const count = ctx.patchTuesday ? rng.int(300, 600) : rng.int(20, 40);
    const folder = ctx.patchTuesday ? 'D:\\Shares\\IT\\Deploy\\Updates\\' : 'D:\\Shares\\IT\\Defs\\';
    for (let i = 0; i < count; i++) {
      const ms = ctx.dayStartMs + 20 * HOUR_MS + rng.int(0, 2 * HOUR_MS - 1);
      const ext = ctx.patchTuesday ? rng.pick(['msu', 'cab', 'cab', 'exe']) : 'vdm';
      const path = `${folder}kb${rng.int(5000000, 5099999)}_${rng.token(3)}.${ext}`;
      out.emit('file', ms, fileEventDoc(ms, server, { action: 'creation', path, size: rng.logNormal(ctx.patchTuesday ? 80_000_000 : 3_000_000, 0.8), process: 'System', user: 'svc_sccm', sourceIp: ctx.org.backupServer.ip }));
    }
  }
}

function webDeploymentDay(ctx: DayContext, out: EventSink, server: Host): void {
  if (ctx.weekend) return;
  const rng = ctx.rng('files', server.name);
  for (let d = rng.int(0, 3); d > 0; d--) {
    const ms = ctx.dayStartMs + rng.int(10, 17) * HOUR_MS + rng.int(0, HOUR_MS - 1);
    const release = `/var/www/releases/${rng.token(7, '0123456789abcdef')}/`;
    for (const name of ['app.tar.gz', 'manifest.json', 'checksums.txt']) {
      out.emit('file', ms + rng.int(0, 20_000), fileEventDoc(ms, server, { action: 'creation', path: `${release}${name}`, size: name.endsWith('gz') ? rng.logNormal(40_000_000, 0.3) : rng.int(300, 4000), process: 'sshd', user: 'deploy', sourceIp: ctx.org.buildServer.ip }));
    }
  }
}

function habitualUsbDay(ctx: DayContext, out: EventSink, host: Host): void {
  const rng = ctx.rng('usb', host.name);
  const device = host.usbDevice;
  if (!device || ctx.weekend || !rng.chance(0.85)) return;
  const mountMs = ctx.dayStartMs + 8 * HOUR_MS + rng.int(30, 150) * MINUTE_MS;
  out.emit('device', mountMs, usbMountDoc(mountMs, host, device.serial, device.vendor));
  const copies = rng.int(3, 40);
  for (let i = 0; i < copies; i++) {
    const ms = mountMs + rng.int(1, 8 * 60) * MINUTE_MS;
    const action = rng.chance(0.8) ? 'creation' : rng.pick(['modification', 'overwrite'] as const);
    out.emit('file', ms, fileEventDoc(ms, host, { action, path: `E:\\${rng.pick(['Work', 'Transfer', 'Backup'])}\\${documentName(rng, pickExtension(rng))}`, size: rng.logNormal(2_000_000, 1.4), process: 'explorer.exe', user: host.user, usb: device }));
  }
}

/** All benign file and device events for one day. */
export function fileActivity(ctx: DayContext, out: EventSink): void {
  for (const server of ctx.org.fileServers) fileServerDay(ctx, out, server);
  for (const server of ctx.org.webServers) webDeploymentDay(ctx, out, server);
  for (const host of ctx.org.workstations) habitualUsbDay(ctx, out, host);
}
