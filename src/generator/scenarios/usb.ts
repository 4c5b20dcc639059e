// USB scenarios: rare processes writing to removable media, and a first-ever device mount.
import { HOUR_MS, MINUTE_MS } from '../calendar.js';
import { fileEventDoc, usbMountDoc } from '../ecs-docs.js';
import { documentName } from '../file-names.js';
import { GB, MB, ScenarioEvents, type ScenarioDefinition } from './scenario.js';

export const usbRareProcessNewHost: ScenarioDefinition = {
  id: 'usb-rare-process-new-host', kind: 'usb-exfiltration', core: true,
  plan(ctx, day) {
    const host = ctx.takeWorkstation();
    const out = new ScenarioEvents();
    const device = { serial: ctx.rng.token(16, '0123456789ABCDEF'), vendor: 'Generic' };
    const start = ctx.dayStart(day) + 18 * HOUR_MS + 35 * MINUTE_MS;
    out.add('device', start, usbMountDoc(start, host, device.serial, device.vendor));
    for (let i = 0; i < 60; i++) {
      const ms = start + (i + 1) * 50_000;
      out.add('file', ms, fileEventDoc(ms, host, { action: 'creation', path: `E:\\dump\\${documentName(ctx.rng)}`, size: (4 * GB / 60) * (0.5 + ctx.rng.next()), process: 'robocopy.exe', user: host.user, usb: device }));
    }
    return out.label({
      id: this.id, kind: this.kind, core: this.core,
      description: `${host.name}, which never used USB storage, copies about 4 GB to a new USB stick with robocopy.exe in the evening`,
      entity: { 'host.name': host.name, 'process.name': 'robocopy.exe' },
      // The new stick's mount is part of the attack: an alert on it (first USB device on the host) detects it too.
      alsoMatches: [{ 'host.name': host.name, 'device.serial_number': device.serial }],
      expect: ['Unusual Process Writing Data to an External Device', 'Spike in Bytes Sent to an External Device', 'ded_rare_process_writing_to_external_device'],
    });
  },
};

export const usbRareProcessHabitualHost: ScenarioDefinition = {
  id: 'usb-rare-process-habitual-host', kind: 'usb-exfiltration', core: true,
  plan(ctx, day) {
    const habitual = ctx.org.workstations.filter((h) => h.usbDevice);
    const host = habitual[0] ?? ctx.takeWorkstation();
    const device = host.usbDevice ?? { serial: ctx.rng.token(16, '0123456789ABCDEF'), vendor: 'Kingston' };
    const out = new ScenarioEvents();
    const start = ctx.dayStart(day) + 12 * HOUR_MS + 20 * MINUTE_MS;
    out.add('file', start, fileEventDoc(start, host, { action: 'creation', path: 'E:\\Backup\\projects_2026.7z', size: 2.5 * GB, process: '7z.exe', user: host.user, usb: device }));
    for (let i = 1; i <= 8; i++) {
      const ms = start + i * 4 * MINUTE_MS;
      out.add('file', ms, fileEventDoc(ms, host, { action: 'creation', path: `E:\\Backup\\projects_2026.7z.${String(i).padStart(3, '0')}`, size: 700 * MB, process: '7z.exe', user: host.user, usb: device }));
    }
    return out.label({
      id: this.id, kind: this.kind, core: this.core,
      description: `${host.name}, whose owner copies files to USB daily with explorer.exe, writes about 8 GB of 7-Zip archives to the stick with 7z.exe`,
      entity: { 'host.name': host.name, 'process.name': '7z.exe' },
      expect: ['Unusual Process Writing Data to an External Device', 'Spike in Bytes Sent to an External Device', 'ded_rare_process_writing_to_external_device'],
    });
  },
};

export const usbFirstMount: ScenarioDefinition = {
  id: 'usb-first-mount', kind: 'usb-device', core: false,
  plan(ctx, day) {
    const host = ctx.takeWorkstation();
    const out = new ScenarioEvents();
    const serial = ctx.rng.token(16, '0123456789ABCDEF');
    const start = ctx.dayStart(day) + 10 * HOUR_MS + 15 * MINUTE_MS;
    out.add('device', start, usbMountDoc(start, host, serial, 'Generic'));
    for (let i = 1; i <= 3; i++) {
      const ms = start + i * 2 * MINUTE_MS;
      out.add('file', ms, fileEventDoc(ms, host, { action: 'creation', path: `E:\\${documentName(ctx.rng, 'xlsx')}`, size: 4 * MB, process: 'explorer.exe', user: host.user, usb: { vendor: 'Generic' } }));
    }
    return out.label({
      id: this.id, kind: this.kind, core: this.core,
      description: `A USB storage device is mounted for the first time on ${host.name} and three spreadsheets are copied to it`,
      entity: { 'host.name': host.name },
      expect: ['New USB Storage Device Mounted'],
    });
  },
};
