// The simulated organisation: hosts, their owners and roles, and each host's habitual internet destinations.
import { Rng } from './random.js';
import { IpPool } from './ip-pool.js';
import {
  ARTIFACT_STORE, BACKUP_CLOUD, CODE_HOSTING, NEW_SAAS, OS_UPDATES, PAYMENT_API, PUBLIC_DNS, WORKSTATION_PROVIDERS,
  type Provider,
} from './providers.js';

export type HostRole = 'workstation' | 'file-server' | 'backup' | 'build' | 'web' | 'domain-controller';

/** One IP of one provider, as a host habitually reaches it. */
export interface Destination {
  provider: string;
  ip: string;
  country: string;
  port: number;
  process: string;
  domain: string;
  medianSentBytes: number;
  /** Chance (at full office activity) that the host talks to it in a 30-minute slot. */
  affinity: number;
}

export interface Host {
  name: string;
  id: string;
  ip: string;
  role: HostRole;
  os: 'windows' | 'linux';
  user: string;
  department: string;
  /** Personal activity multiplier: some people are busier than others. */
  activity: number;
  destinations: Destination[];
  /** Hosts whose owner copies files to a USB stick most days (with explorer.exe). */
  usbDevice?: { serial: string; vendor: string };
  /** Uploads the weekly report on Friday afternoons. */
  weeklyReporter: boolean;
  /** Day index from which the host uses the new SaaS service (undefined: never). */
  newSaasFromDay?: number;
  /** The admin account used for RDP and cloud work, for IT staff. */
  adminAccount?: string;
}

export interface Organisation {
  hosts: Host[];
  workstations: Host[];
  fileServers: Host[];
  backupServer: Host;
  buildServer: Host;
  webServers: Host[];
  domainController: Host;
  admins: Host[];
  /** Workstations without special habits, free for scenarios. */
  plainWorkstations: Host[];
  newSaas: Destination[];
  backupTargets: Destination[];
  serverDestinations: { code: Destination[]; artifacts: Destination[]; payment: Destination[]; updates: Destination[]; dns: Destination[] };
  ipPool: IpPool;
  cloudAccountId: string;
  publicEgressIp: string;
}

const FIRST_NAMES = ['anna', 'ben', 'carla', 'david', 'emma', 'felix', 'greta', 'hugo', 'ines', 'jonas', 'klara', 'lena', 'mats', 'nora', 'oskar', 'paula', 'quentin', 'rosa', 'sven', 'tara', 'uwe', 'vera', 'wim', 'xenia', 'yann', 'zoe'];
const LAST_NAMES = ['jensen', 'keller', 'moreau', 'novak', 'olsen', 'petit', 'quinn', 'richter', 'silva', 'tanaka', 'berg', 'costa', 'dubois', 'evans', 'fischer', 'garcia', 'hansen', 'ito', 'jung', 'kovac'];
export const DEPARTMENTS = ['Finance', 'Sales', 'HR', 'Engineering', 'Marketing', 'Legal', 'Operations'];

/** A GUID-shaped host.id derived from the host name, stable across runs. */
function hostId(rng: Rng): string {
  const hex = rng.token(32, '0123456789abcdef');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function destinationsOf(provider: Provider, pool: IpPool, ipsPerCountry: number): Destination[] {
  const out: Destination[] = [];
  for (const country of provider.countries) {
    for (let i = 0; i < ipsPerCountry; i++) {
      out.push({
        provider: provider.id, ip: pool.take(country), country, port: provider.ports[i % provider.ports.length],
        process: provider.processes[i % provider.processes.length], domain: provider.domains[i % provider.domains.length],
        medianSentBytes: provider.medianSentBytes, affinity: 0.5,
      });
    }
  }
  return out;
}

/** Builds the organisation for `hostCount` hosts over `days` days. */
export function buildOrganisation(seed: number, hostCount: number, days: number): Organisation {
  const rng = new Rng(seed, 'organisation');
  const ipPool = new IpPool(seed);
  const fileServerCount = Math.max(1, Math.round(hostCount / 60));
  const webServerCount = hostCount >= 40 ? 2 : 1;
  const serverCount = fileServerCount + webServerCount + 3;
  const workstationCount = hostCount - serverCount;

  const makeHost = (name: string, role: HostRole, ip: string, os: Host['os'], user: string, department: string): Host => ({
    name, id: hostId(rng), ip, role, os, user, department, activity: 1, destinations: [], weeklyReporter: false,
  });

  const fileServers = Array.from({ length: fileServerCount }, (_, i) =>
    makeHost(`fs-${String(i + 1).padStart(2, '0')}`, 'file-server', `10.10.0.${20 + i}`, 'windows', 'SYSTEM', 'IT'));
  const backupServer = makeHost('bk-01', 'backup', '10.10.0.10', 'windows', 'svc_backup', 'IT');
  const buildServer = makeHost('build-01', 'build', '10.10.0.11', 'linux', 'ci', 'Engineering');
  const webServers = Array.from({ length: webServerCount }, (_, i) =>
    makeHost(`web-${String(i + 1).padStart(2, '0')}`, 'web', `10.10.1.${10 + i}`, 'linux', 'www-data', 'Engineering'));
  const domainController = makeHost('dc-01', 'domain-controller', '10.10.0.2', 'windows', 'SYSTEM', 'IT');

  const workstationProviderDestinations = WORKSTATION_PROVIDERS.map((p) => destinationsOf(p, ipPool, 2));
  const newSaas = destinationsOf(NEW_SAAS, ipPool, 2);
  const adoptionStart = Math.max(1, Math.floor(days * 0.4));

  const usedNames = new Set<string>();
  const workstations: Host[] = [];
  for (let i = 0; i < workstationCount; i++) {
    let user = `${rng.pick(FIRST_NAMES)}.${rng.pick(LAST_NAMES)}`;
    while (usedNames.has(user)) user = `${rng.pick(FIRST_NAMES)}.${rng.pick(LAST_NAMES)}${rng.int(2, 9)}`;
    usedNames.add(user);
    const n = i + 1;
    const host = makeHost(`ws-${String(n).padStart(3, '0')}`, 'workstation', `10.20.${Math.floor(n / 250)}.${(n % 250) + 5}`,
      'windows', user, i < 3 ? 'IT' : rng.pick(DEPARTMENTS));
    host.activity = 0.6 + rng.next() * 0.8;
    // Each person uses a personal mix of services; within a service, one or two of its IPs.
    const providerCount = rng.int(4, WORKSTATION_PROVIDERS.length);
    for (const index of rng.sample(WORKSTATION_PROVIDERS.map((_, k) => k), providerCount)) {
      for (const destination of rng.sample(workstationProviderDestinations[index], rng.int(1, 3))) {
        host.destinations.push({ ...destination, affinity: 0.25 + rng.next() * 0.6 });
      }
    }
    host.weeklyReporter = host.department === 'Finance' || rng.chance(0.05);
    if (rng.chance(0.7)) host.newSaasFromDay = adoptionStart + Math.floor(rng.next() * Math.max(1, days - adoptionStart));
    workstations.push(host);
  }

  // The first three workstations belong to IT admins; a few others are habitual USB users.
  const admins = workstations.slice(0, Math.min(3, workstations.length));
  for (const admin of admins) admin.adminAccount = `adm-${admin.user.split('.')[0]}`;
  const usbCount = Math.max(1, Math.round(workstationCount * 0.06));
  const usbCandidates = workstations.slice(admins.length);
  for (const host of rng.sample(usbCandidates, usbCount)) {
    host.usbDevice = { serial: rng.token(16, '0123456789ABCDEF'), vendor: rng.pick(['SanDisk', 'Kingston', 'Samsung']) };
  }
  const plainWorkstations = usbCandidates.filter((h) => !h.usbDevice);

  const serverDestinations = {
    code: destinationsOf(CODE_HOSTING, ipPool, 3),
    artifacts: destinationsOf(ARTIFACT_STORE, ipPool, 2),
    payment: destinationsOf(PAYMENT_API, ipPool, 1),
    updates: destinationsOf(OS_UPDATES, ipPool, 1),
    dns: destinationsOf(PUBLIC_DNS, ipPool, 2),
  };
  const backupTargets = destinationsOf(BACKUP_CLOUD, ipPool, 2);

  const servers = [...fileServers, backupServer, buildServer, ...webServers, domainController];
  return {
    hosts: [...workstations, ...servers], workstations, fileServers, backupServer, buildServer, webServers, domainController,
    admins, plainWorkstations, newSaas, backupTargets, serverDestinations, ipPool,
    cloudAccountId: String(100000000000 + rng.int(0, 899999999)).padStart(12, '1'),
    publicEgressIp: ipPool.take('DE'),
  };
}
