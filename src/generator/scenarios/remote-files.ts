// Remote file transfer scenarios on file servers that the LMD jobs (count, size, rare extension/directory) should catch.
import { HOUR_MS, MINUTE_MS } from '../calendar.js';
import { fileEventDoc } from '../ecs-docs.js';
import { documentName, shareFolder } from '../file-names.js';
import type { Host } from '../organisation.js';
import { MB, ScenarioEvents, type ScenarioDefinition, type ScenarioPlanContext } from './scenario.js';

function fileServer(ctx: ScenarioPlanContext, index: number): Host {
  return ctx.org.fileServers[index % ctx.org.fileServers.length];
}

export const remoteFileSpike: ScenarioDefinition = {
  id: 'remote-file-spike', kind: 'lateral-file-transfer', core: true,
  plan(ctx, day) {
    const server = fileServer(ctx, 0);
    const intruder = ctx.takeWorkstation();
    const out = new ScenarioEvents();
    const start = ctx.dayStart(day) + 21 * HOUR_MS;
    for (let i = 0; i < 1500; i++) {
      const ms = start + Math.floor((i * HOUR_MS) / 1500);
      out.add('file', ms, fileEventDoc(ms, server, { action: 'creation', path: `${shareFolder(ctx.rng, intruder.department)}${documentName(ctx.rng)}`, size: ctx.rng.logNormal(250_000, 1.3), process: 'System', user: intruder.user, sourceIp: intruder.ip }));
    }
    return out.label({
      id: this.id, kind: this.kind, core: this.core,
      description: `${intruder.user} (from ${intruder.name}) creates 1,500 files over SMB on ${server.name} within one evening hour, about 50 times the usual rate`,
      entity: { 'host.name': server.name },
      expect: ['Spike in Remote File Transfers', 'Unusual Remote File Size', 'lmd_high_count_remote_file_transfer'],
    });
  },
};

export const remoteRareExtension: ScenarioDefinition = {
  id: 'remote-rare-extension', kind: 'lateral-file-transfer', core: false,
  plan(ctx, day) {
    const server = fileServer(ctx, 1);
    const intruder = ctx.takeWorkstation();
    const out = new ScenarioEvents();
    const start = ctx.dayStart(day) + 14 * HOUR_MS + 10 * MINUTE_MS;
    for (const [i, name] of ['inventory.ps1', 'collect.ps1', 'upload.ps1', 'cleanup.ps1'].entries()) {
      const ms = start + i * 30_000;
      out.add('file', ms, fileEventDoc(ms, server, { action: 'creation', path: `D:\\Shares\\Finance\\Reports\\2026\\${name}`, size: 6_000 + i * 900, process: 'System', user: intruder.user, sourceIp: intruder.ip }));
    }
    return out.label({
      id: this.id, kind: this.kind, core: this.core,
      description: `${intruder.user} drops four PowerShell scripts (.ps1, never seen on this share) into a finance folder on ${server.name}`,
      entity: { 'host.name': server.name, 'file.extension': 'ps1' },
      expect: ['Unusual Remote File Extension', 'lmd_rare_file_extension_remote_transfer'],
    });
  },
};

export const STAGING_DIRECTORY = 'C:\\ProgramData\\Microsoft\\Crypto\\Staging\\';

export const remoteRareDirectory: ScenarioDefinition = {
  id: 'remote-rare-directory', kind: 'lateral-file-transfer', core: false,
  plan(ctx, day) {
    const server = fileServer(ctx, 2);
    const intruder = ctx.takeWorkstation();
    const out = new ScenarioEvents();
    const start = ctx.dayStart(day) + 11 * HOUR_MS + 40 * MINUTE_MS;
    for (let i = 0; i < 5; i++) {
      const ms = start + i * 45_000;
      out.add('file', ms, fileEventDoc(ms, server, { action: 'creation', path: `${STAGING_DIRECTORY}${documentName(ctx.rng, 'xlsx')}`, size: ctx.rng.logNormal(20 * MB, 0.4), process: 'System', user: intruder.user, sourceIp: intruder.ip }));
    }
    return out.label({
      id: this.id, kind: this.kind, core: this.core,
      description: `${intruder.user} stages spreadsheets over SMB in ${STAGING_DIRECTORY} on ${server.name}, a directory nobody writes to`,
      entity: { 'host.name': server.name, file_directory: STAGING_DIRECTORY },
      expect: ['Unusual Remote File Directory', 'lmd_rare_file_path_remote_transfer'],
    });
  },
};
