// The ordered list of attack scenarios, their schedule after the learning period, and selection by option.
import { getString } from '../../ecs/index.js';
import { ConfigError } from '../../errors.js';
import { DAY_MS } from '../calendar.js';
import type { Organisation } from '../organisation.js';
import type { ResolvedOptions } from '../options.js';
import { Rng } from '../random.js';
import { bucketMadePublic, snapshotSharedExternally } from './cloud.js';
import { dnsExfiltration } from './dns-exfil.js';
import { exfilLowAndSlow, exfilToNewCountry, exfilToRarePort, exfilToUnusualIp } from './network-exfil.js';
import { rdpFanOut, rdpLongSession, rdpManyProcesses, rdpOffHours } from './rdp.js';
import { remoteFileSpike, remoteRareDirectory, remoteRareExtension } from './remote-files.js';
import type { PlannedScenario, ScenarioDefinition, ScenarioPlanContext } from './scenario.js';
import { curlUpload, powershellUpload, rcloneUpload } from './upload-tools.js';
import { usbFirstMount, usbRareProcessHabitualHost, usbRareProcessNewHost } from './usb.js';

/** Order matters: scenario i runs on learning-end + (i mod attack days), so neighbours land on different days. */
export const SCENARIOS: readonly ScenarioDefinition[] = [
  exfilLowAndSlow, exfilToRarePort, remoteFileSpike, usbRareProcessNewHost, rdpLongSession, dnsExfiltration,
  exfilToNewCountry, remoteRareExtension, usbRareProcessHabitualHost, rcloneUpload, rdpManyProcesses, snapshotSharedExternally,
  curlUpload, remoteRareDirectory, rdpOffHours, exfilToUnusualIp, usbFirstMount, powershellUpload, rdpFanOut, bucketMadePublic,
];

/** First day attacks may happen: after two weeks of history when the month allows, else after half of it. */
export function attackStartDay(days: number): number {
  return days >= 17 ? 14 : Math.max(1, Math.floor(days / 2));
}

function selected(options: ResolvedOptions): (definition: ScenarioDefinition) => boolean {
  const choice = options.scenarios;
  if (choice === 'all') return () => true;
  if (choice === 'none') return () => false;
  if (choice === 'core') return (d) => d.core;
  const known = new Set(SCENARIOS.map((s) => s.id));
  const unknown = choice.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new ConfigError('generator', 'scenarios', `unknown scenario id(s) ${unknown.join(', ')}`, `use all, core, none or ids from: ${[...known].join(', ')}`);
  }
  return (d) => choice.includes(d.id);
}

/** The selected scenarios, plus every host any scenario (selected or not) touches. */
export interface ScenarioSet {
  selected: PlannedScenario[];
  /** Names of hosts that attack events come from or land on, independent of the selection. */
  touchedHosts: Set<string>;
}

function touchedHosts(org: Organisation, scenarios: readonly PlannedScenario[]): Set<string> {
  const byIp = new Map(org.hosts.map((h) => [h.ip, h.name]));
  const names = new Set<string>();
  for (const { doc } of scenarios.flatMap((s) => s.events)) {
    const host = getString(doc, 'host.name');
    const source = byIp.get(getString(doc, 'source.ip') ?? '');
    if (host) names.add(host);
    if (source) names.add(source);
  }
  return names;
}

/**
 * Plans every scenario (so hosts and times never depend on the selection) and returns the selected ones.
 * Scenario randomness is separate from benign traffic, so switching scenarios off leaves the rest unchanged.
 */
export function planScenarioSet(org: Organisation, options: ResolvedOptions): ScenarioSet {
  const keep = selected(options);
  const firstDay = attackStartDay(options.days);
  const attackDays = Math.max(1, options.days - firstDay);
  const hostRng = new Rng(options.seed, 'scenario-hosts');
  const pool = hostRng.shuffle(org.plainWorkstations.length > 0 ? org.plainWorkstations : org.workstations);
  let taken = 0;
  const all: PlannedScenario[] = [];
  const chosen: PlannedScenario[] = [];
  SCENARIOS.forEach((definition, index) => {
    const ctx: ScenarioPlanContext = {
      org, startMs: options.startMs, days: options.days, rawGeo: options.rawGeo,
      rng: new Rng(options.seed, 'scenario', definition.id),
      dayStart: (day) => options.startMs + day * DAY_MS,
      takeWorkstation: () => pool[taken++ % pool.length],
    };
    const scenario = definition.plan(ctx, firstDay + (index % attackDays));
    all.push(scenario);
    if (keep(definition)) chosen.push(scenario);
  });
  return { selected: chosen, touchedHosts: touchedHosts(org, all) };
}

/** The selected scenarios only (see planScenarioSet). */
export function planScenarios(org: Organisation, options: ResolvedOptions): PlannedScenario[] {
  return planScenarioSet(org, options).selected;
}
