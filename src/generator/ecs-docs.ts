// Builders for the ECS documents the generator writes, shaped like Elastic Agent / Elastic Defend output.
import type { EcsEvent, EcsValue } from '../ecs/index.js';
import { isoTime } from '../ecs/index.js';
import { geoFields } from './countries.js';
import type { Host } from './organisation.js';

/** A nested ECS object (an event's sub-object). */
type EcsObject = { [key: string]: EcsValue };

/** The host object every endpoint event carries. */
export function hostObject(host: Host): EcsObject {
  return { name: host.name, id: host.id, os: { type: host.os } };
}

export interface FlowSpec {
  host: Host;
  user?: string;
  process: string;
  destinationIp: string;
  destinationPort: number;
  /** ISO country of the destination; undefined for internal destinations. */
  country?: string;
  sentBytes: number;
  receivedBytes: number;
  direction?: 'egress' | 'internal';
}

/** One network summary document per host × destination × 30 min, like the DED transform pivot writes. */
export function networkFlowDoc(slotStartMs: number, flow: FlowSpec, rawGeo: boolean): EcsEvent {
  const destination: EcsObject = { ip: flow.destinationIp, port: flow.destinationPort, bytes: Math.round(flow.receivedBytes) };
  if (flow.country && !rawGeo) destination.geo = geoFields(flow.country);
  return {
    '@timestamp': isoTime(slotStartMs),
    event: { category: 'network', type: 'connection', kind: 'event' },
    network: { direction: flow.direction ?? 'egress', transport: flow.destinationPort === 53 ? 'udp' : 'tcp' },
    host: hostObject(flow.host),
    user: { name: flow.user ?? flow.host.user },
    process: { name: flow.process },
    source: { ip: flow.host.ip, bytes: Math.round(flow.sentBytes) },
    destination,
  };
}

export function dnsQueryDoc(ms: number, host: Host, processName: string, queryName: string, resolvedIp?: string): EcsEvent {
  const labels = queryName.split('.');
  const dns: EcsObject = {
    question: { name: queryName, type: 'A', registered_domain: labels.slice(-2).join('.') },
  };
  if (resolvedIp) dns.resolved_ip = [resolvedIp];
  return {
    '@timestamp': isoTime(ms),
    event: { category: 'network', type: 'protocol', action: 'lookup_requested', kind: 'event' },
    network: { protocol: 'dns' },
    host: hostObject(host),
    user: { name: host.user },
    process: { name: processName },
    dns,
  };
}

export interface ProcessSpec {
  name: string;
  executable: string;
  args: string[];
  parentName: string;
  user?: string;
}

export function processStartDoc(ms: number, host: Host, spec: ProcessSpec, pid: number): EcsEvent {
  return {
    '@timestamp': isoTime(ms),
    event: { category: 'process', type: 'start', action: 'start', kind: 'event' },
    host: hostObject(host),
    user: { name: spec.user ?? host.user },
    process: {
      name: spec.name, executable: spec.executable, pid, args: spec.args, command_line: spec.args.join(' '),
      parent: { name: spec.parentName },
    },
  };
}

export interface FileSpec {
  action: 'creation' | 'modification' | 'overwrite';
  path: string;
  size: number;
  process: string;
  user: string;
  usb?: { vendor: string };
  sourceIp?: string;
}

/** Splits a Windows or POSIX path into name and extension. */
function fileNameParts(path: string): { name: string; extension?: string } {
  const name = path.split(/[\\/]/).pop() ?? path;
  const dot = name.lastIndexOf('.');
  return dot > 0 ? { name, extension: name.slice(dot + 1).toLowerCase() } : { name };
}

export function fileEventDoc(ms: number, host: Host, spec: FileSpec): EcsEvent {
  const parts = fileNameParts(spec.path);
  const file: EcsObject = { path: spec.path, name: parts.name, size: Math.round(spec.size) };
  if (parts.extension) file.extension = parts.extension;
  if (spec.usb) file.Ext = { device: { bus_type: 'USB', vendor: spec.usb.vendor } };
  const doc: EcsEvent = {
    '@timestamp': isoTime(ms),
    event: { category: 'file', type: spec.action === 'creation' ? 'creation' : 'change', action: spec.action, kind: 'event' },
    host: hostObject(host),
    user: { name: spec.user },
    process: spec.process === 'System' ? { name: 'System', pid: 4 } : { name: spec.process },
    file,
  };
  if (spec.sourceIp) doc.source = { ip: spec.sourceIp };
  return doc;
}

/** A removable-media mount, like Elastic Defend's device events. */
export function usbMountDoc(ms: number, host: Host, serial: string, vendor: string): EcsEvent {
  return {
    '@timestamp': isoTime(ms),
    event: { category: 'host', type: 'device', action: 'mount', outcome: 'success', kind: 'event' },
    host: hostObject(host),
    user: { name: host.user },
    device: { serial_number: serial, manufacturer: vendor },
    volume: { removable: true, bus_type: 'USB', device_name: 'E:' },
  };
}

export interface RdpSessionSpec {
  source: Host;
  destination: Host;
  user: string;
  durationSeconds: number;
  processes: number;
  argsLength: number;
}

/** One RDP session summary, like the LMD RDP transform writes (one doc per session). */
export function rdpSessionDoc(startMs: number, spec: RdpSessionSpec): EcsEvent {
  return {
    '@timestamp': isoTime(startMs),
    event: { kind: 'event', dataset: 'rdp.sessions' },
    session: {
      start_time: isoTime(startMs),
      end_time: isoTime(startMs + spec.durationSeconds * 1000),
      duration: Math.round(spec.durationSeconds),
    },
    number_processes_per_session: spec.processes,
    total_length_process_args: spec.argsLength,
    source: { ip: spec.source.ip },
    destination: { ip: spec.destination.ip },
    host: { name: spec.destination.name },
    user: { name: spec.user },
  };
}

export interface CloudTrailSpec {
  provider: string;
  action: string;
  user: string;
  sourceIp: string;
  userAgent: string;
  requestParameters?: Record<string, string>;
  outcome?: 'success' | 'failure';
}

/** A CloudTrail record as the Elastic AWS integration maps it. */
export function cloudTrailDoc(ms: number, accountId: string, spec: CloudTrailSpec): EcsEvent {
  const aws: EcsObject = { event_type: 'AwsApiCall', user_identity: { type: 'IAMUser' } };
  if (spec.requestParameters) {
    // The integration flattens request parameters into a "{key=value, …}" string.
    aws.request_parameters = `{${Object.entries(spec.requestParameters).map(([k, v]) => `${k}=${v}`).join(', ')}}`;
  }
  return {
    '@timestamp': isoTime(ms),
    event: { dataset: 'aws.cloudtrail', provider: spec.provider, action: spec.action, outcome: spec.outcome ?? 'success', kind: 'event' },
    data_stream: { dataset: 'aws.cloudtrail' },
    cloud: { provider: 'aws', account: { id: accountId }, region: 'eu-west-1' },
    user: { name: spec.user },
    source: { ip: spec.sourceIp },
    user_agent: { original: spec.userAgent },
    aws: { cloudtrail: aws },
  };
}
