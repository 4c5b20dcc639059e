/** Words for ECS fields in explanations ("destination port", "process"), and how their values are printed. */
import { formatBytes, formatCount, formatSeconds } from './format.js';

const LABELS: Record<string, string> = {
  'destination.port': 'destination port',
  'destination.ip': 'destination IP',
  'destination.geo.country_iso_code': 'destination country',
  'destination.geo.country_name': 'destination country',
  'destination.geo.region_name': 'destination region',
  'destination.geo.continent_name': 'destination continent',
  'source.ip': 'source IP',
  'host.name': 'host',
  'user.name': 'user',
  'process.name': 'process',
  'file.extension': 'file extension',
  'file_directory': 'directory',
  'file.path': 'file path',
  'file.name': 'file',
  'event.action': 'action',
  'session.duration': 'session duration',
  'number_processes_per_session': 'processes per session',
  'total_length_process_args': 'length of process arguments',
  'source.bytes': 'bytes sent',
  'destination.bytes': 'bytes received',
  'file.size': 'bytes written',
};

export function fieldLabel(field: string): string {
  return LABELS[field] ?? field;
}

export function plural(label: string): string {
  if (/[^aeiou]y$/.test(label)) return `${label.slice(0, -1)}ies`;
  if (/(s|x|ch|sh)$/.test(label)) return `${label}es`;
  return `${label}s`;
}

/** Byte-valued fields are printed in KB/MB/GB. */
export function isByteField(field: string | undefined): boolean {
  return !!field && /(^|\.|_)(bytes|size)$/.test(field);
}

/**
 * Fields that hold a duration in seconds: the session length of Elastic's RDP transform. (ECS `event.duration` is in
 * nanoseconds and is not analysed by the bundled jobs.)
 */
const SECONDS_FIELDS = new Set(['session.duration']);

/** Whether values of the field, as the detector reports them, are durations (a variance of durations is not one). */
export function isDurationValue(field: string | undefined, family?: string): boolean {
  return !!field && SECONDS_FIELDS.has(field) && family !== 'varp';
}

export function formatFieldValue(field: string | undefined, x: number, family?: string): string {
  if (isByteField(field)) return formatBytes(x);
  return isDurationValue(field, family) ? formatSeconds(x) : formatCount(x);
}

/** What a host did with the bytes of this field: "sent", "received", "wrote". */
export function byteVerb(field: string | undefined): string {
  if (field === 'source.bytes') return 'sent';
  if (field === 'destination.bytes') return 'received';
  if (field?.startsWith('file.')) return 'wrote';
  return 'transferred';
}
