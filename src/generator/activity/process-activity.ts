// Benign process starts: office apps, admin tools (including the harmless nslookup/curl look-alikes), server jobs.
import { HOUR_MS, MINUTE_MS, officeActivity } from '../calendar.js';
import type { DayContext } from '../day-context.js';
import { processStartDoc, type ProcessSpec } from '../ecs-docs.js';
import type { EventSink } from '../event-sink.js';
import type { Host } from '../organisation.js';
import type { Rng } from '../random.js';

const WIN = 'C:\\Program Files';
const OFFICE_APPS: readonly ProcessSpec[] = [
  { name: 'chrome.exe', executable: `${WIN}\\Google\\Chrome\\Application\\chrome.exe`, args: ['chrome.exe'], parentName: 'explorer.exe' },
  { name: 'msedge.exe', executable: `${WIN} (x86)\\Microsoft\\Edge\\Application\\msedge.exe`, args: ['msedge.exe'], parentName: 'explorer.exe' },
  { name: 'OUTLOOK.EXE', executable: `${WIN}\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE`, args: ['OUTLOOK.EXE'], parentName: 'explorer.exe' },
  { name: 'EXCEL.EXE', executable: `${WIN}\\Microsoft Office\\root\\Office16\\EXCEL.EXE`, args: ['EXCEL.EXE'], parentName: 'explorer.exe' },
  { name: 'WINWORD.EXE', executable: `${WIN}\\Microsoft Office\\root\\Office16\\WINWORD.EXE`, args: ['WINWORD.EXE'], parentName: 'explorer.exe' },
  { name: 'Teams.exe', executable: 'C:\\Users\\Public\\AppData\\Local\\Microsoft\\Teams\\Teams.exe', args: ['Teams.exe', '--processStart'], parentName: 'explorer.exe' },
  { name: 'notepad.exe', executable: 'C:\\Windows\\System32\\notepad.exe', args: ['notepad.exe'], parentName: 'explorer.exe' },
  { name: 'svchost.exe', executable: 'C:\\Windows\\System32\\svchost.exe', args: ['svchost.exe', '-k', 'netsvcs'], parentName: 'services.exe' },
];

function adminTools(host: Host, rng: Rng): ProcessSpec[] {
  const server = rng.pick(['fs-01', 'dc-01', 'bk-01']);
  return [
    { name: 'powershell.exe', executable: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe', args: ['powershell.exe', '-NoProfile', '-Command', `Get-Service -ComputerName ${server}`], parentName: 'explorer.exe', user: host.adminAccount },
    { name: 'mstsc.exe', executable: 'C:\\Windows\\System32\\mstsc.exe', args: ['mstsc.exe', `/v:${server}`], parentName: 'explorer.exe' },
    // Harmless diagnostics that share a process name with DNS-exfiltration and upload tooling.
    { name: 'nslookup.exe', executable: 'C:\\Windows\\System32\\nslookup.exe', args: ['nslookup.exe', `${server}.corp.contoso.local`], parentName: 'cmd.exe' },
    { name: 'curl.exe', executable: 'C:\\Windows\\System32\\curl.exe', args: ['curl.exe', '-s', '-o', 'NUL', '-w', '%{http_code}', 'https://status.contoso.com/health'], parentName: 'powershell.exe' },
    { name: 'mmc.exe', executable: 'C:\\Windows\\System32\\mmc.exe', args: ['mmc.exe', 'dsa.msc'], parentName: 'explorer.exe' },
  ];
}

function workstationDay(ctx: DayContext, out: EventSink, host: Host): void {
  const rng = ctx.rng('process', host.name);
  let pid = 4000 + rng.int(0, 2000);
  const tools = host.adminAccount ? adminTools(host, rng) : [];
  for (let hour = 0; hour < 24; hour++) {
    const level = officeActivity(hour, ctx.weekend) * host.activity;
    const starts = rng.poisson(level * 6);
    for (let i = 0; i < starts; i++) {
      const spec = tools.length > 0 && rng.chance(0.3) ? rng.pick(tools) : rng.pick(OFFICE_APPS);
      const ms = ctx.dayStartMs + hour * HOUR_MS + rng.int(0, HOUR_MS - 1);
      pid += rng.int(4, 400);
      out.emit('process', ms, processStartDoc(ms, host, spec, pid));
    }
  }
}

function serverDay(ctx: DayContext, out: EventSink, host: Host): void {
  const rng = ctx.rng('process', host.name);
  let pid = 2000 + rng.int(0, 2000);
  const at = (hour: number, minute: number) => ctx.dayStartMs + hour * HOUR_MS + minute * MINUTE_MS + rng.int(0, 59_999);
  const start = (ms: number, spec: ProcessSpec) => out.emit('process', ms, processStartDoc(ms, host, spec, (pid += rng.int(4, 400))));
  if (host.role === 'backup') {
    start(at(2, 0), { name: 'VeeamAgent.exe', executable: `${WIN}\\Veeam\\Endpoint Backup\\VeeamAgent.exe`, args: ['VeeamAgent.exe', '/backup', '/job:Nightly-Offsite'], parentName: 'Veeam.EndPoint.Service.exe', user: 'svc_backup' });
    // A weekly offsite sync with rclone: the same tool attackers use, run by the backup account on Sunday nights.
    if (ctx.weekday === 0) {
      start(at(4, 10), { name: 'rclone.exe', executable: 'C:\\Tools\\rclone\\rclone.exe', args: ['rclone.exe', 'sync', 'D:\\Backups\\Offsite', 'swissvault:corp-offsite', '--transfers', '4'], parentName: 'taskeng.exe', user: 'svc_backup' });
    }
  } else if (host.role === 'build') {
    for (let hour = 0; hour < 24; hour++) {
      const builds = rng.poisson(officeActivity(hour, ctx.weekend) * 2);
      for (let i = 0; i < builds; i++) {
        const ms = at(hour, rng.int(0, 59));
        const build = rng.token(6, '0123456789abcdef');
        start(ms, { name: 'git', executable: '/usr/bin/git', args: ['git', 'fetch', '--prune', 'origin'], parentName: 'bash', user: 'ci' });
        start(ms + 20_000, { name: 'node', executable: '/usr/bin/node', args: ['node', 'scripts/build.js', '--release'], parentName: 'bash', user: 'ci' });
        start(ms + 240_000, { name: 'aws', executable: '/usr/local/bin/aws', args: ['aws', 's3', 'cp', `dist/app-${build}.tar.gz`, `s3://contoso-artifacts/builds/app-${build}.tar.gz`], parentName: 'bash', user: 'ci' });
      }
    }
  } else if (host.role === 'web') {
    start(at(6, rng.int(0, 50)), { name: 'apt', executable: '/usr/bin/apt', args: ['apt', 'update'], parentName: 'systemd', user: 'root' });
  }
  if (host.os === 'windows') {
    start(at(rng.int(0, 23), rng.int(0, 59)), { name: 'MsMpEng.exe', executable: 'C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\MsMpEng.exe', args: ['MsMpEng.exe'], parentName: 'services.exe', user: 'SYSTEM' });
  }
}

/** All benign process starts for one day. */
export function processActivity(ctx: DayContext, out: EventSink): void {
  for (const host of ctx.org.hosts) {
    if (host.role === 'workstation') workstationDay(ctx, out, host);
    else serverDay(ctx, out, host);
  }
}
