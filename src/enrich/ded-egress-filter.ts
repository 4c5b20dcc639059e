/**
 * The flows Elastic's DED transform (ml_network_ded.all) lets through to the network exfiltration jobs:
 * internal source → public destination, bytes actually sent, not inbound/internal by the log's own
 * direction, not macOS hosts (host.os.type macos, or host.os.family macos/darwin), not Elastic's own agents. Each dropped event is counted under its reason.
 */
import { fieldReader, numberOf, stringOf, valuesOf, type EcsEvent } from '../ecs/index.js';
import type { InternalNetworks } from './internal-networks.js';
import { addressFactsCache } from './address-facts.js';

export interface EgressFilter {
  accepts(event: EcsEvent): boolean;
  dropped(): Record<string, number>;
  /** Fields the filter reads: keep these in a projection. */
  fieldsRead: string[];
}

/**
 * Elastic's transform lists elastic-agent, metricbeat, filebeat, packetbeat and winlogbeat (with and without
 * `.exe`); we add the other Beats, Endpoint, Fleet Server, APM Server and osquery, which also talk to the
 * cluster all day. Compared case-insensitively, `.exe` stripped.
 */
export const AGENT_PROCESS_NAMES: readonly string[] = [
  'elastic-agent', 'elastic-endpoint', 'endpoint-security', 'fleet-server', 'apm-server',
  'filebeat', 'metricbeat', 'packetbeat', 'auditbeat', 'winlogbeat', 'heartbeat', 'functionbeat', 'journalbeat',
  'osquerybeat', 'osqueryd',
];
const agentNames = new Set(AGENT_PROCESS_NAMES);

/** Verdicts per process name as logged: a month of flows comes from a few hundred names (bounded all the same). */
const agentVerdicts = new Map<string, boolean>();

function isAgentProcess(name: string): boolean {
  let verdict = agentVerdicts.get(name);
  if (verdict === undefined) {
    verdict = agentNames.has(name.toLowerCase().replace(/\.exe$/, ''));
    if (agentVerdicts.size >= 10_000) agentVerdicts.clear();
    agentVerdicts.set(name, verdict);
  }
  return verdict;
}

const NOT_EGRESS_DIRECTIONS = new Set(['inbound', 'ingress', 'internal']);

/** Drop reasons, in the order they are checked (an event counts under the first that applies). */
export type EgressDropReason =
  | 'not_network'
  | 'source_not_internal'
  | 'destination_not_public'
  | 'not_egress_direction'
  | 'no_source_bytes'
  | 'macos_host'
  | 'agent_process';

export function createDedEgressFilter(internal: InternalNetworks): EgressFilter {
  const counts = new Map<EgressDropReason, number>();
  // A month of flows has a few thousand distinct addresses: each is parsed and classified once.
  const addresses = addressFactsCache(internal, undefined);
  const drop = (reason: EgressDropReason): false => {
    counts.set(reason, (counts.get(reason) ?? 0) + 1);
    return false;
  };
  const read = {
    category: fieldReader('event.category'), source: fieldReader('source.ip'), destination: fieldReader('destination.ip'),
    direction: fieldReader('network.direction'), bytes: fieldReader('source.bytes'), osType: fieldReader('host.os.type'),
    osFamily: fieldReader('host.os.family'), process: fieldReader('process.name'),
  };
  return {
    fieldsRead: ['event.category', 'source.ip', 'destination.ip', 'network.direction', 'source.bytes', 'host.os.type', 'host.os.family', 'process.name'],
    dropped: () => Object.fromEntries(counts),
    accepts(event: EcsEvent): boolean {
      if (!valuesOf(read.category(event)).includes('network')) return drop('not_network');
      const src = stringOf(read.source(event));
      if (src === undefined || !addresses.get(src).internal) return drop('source_not_internal');
      const dst = stringOf(read.destination(event));
      if (dst === undefined || !addresses.get(dst).public) return drop('destination_not_public');
      const direction = stringOf(read.direction(event))?.toLowerCase();
      if (direction !== undefined && NOT_EGRESS_DIRECTIONS.has(direction)) return drop('not_egress_direction');
      const bytes = numberOf(read.bytes(event));
      if (bytes === undefined || Number.isNaN(bytes) || bytes === 0) return drop('no_source_bytes');
      const osType = stringOf(read.osType(event))?.toLowerCase();
      const osFamily = stringOf(read.osFamily(event))?.toLowerCase();
      if (osType === 'macos' || osFamily === 'macos' || osFamily === 'darwin') return drop('macos_host');
      const proc = stringOf(read.process(event));
      if (proc !== undefined && isAgentProcess(proc)) return drop('agent_process');
      return true;
    },
  };
}
