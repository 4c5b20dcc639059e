/** `kibana.alert.reason` in Elastic's wording (Kibana's reason formatters), built from the alert's source fields. */
import type { EcsEvent } from '../../ecs/index.js';
import { getString, isoTime } from '../../ecs/index.js';

/** "process event with process rclone.exe, by alice on ws-017 created low alert Rclone Upload." */
export function eventReason(doc: EcsEvent, ruleName: string, severity: string): string {
  const f = (path: string): string | undefined => getString(doc, path);
  const category = f('event.category');
  let text = category ? `${category} event` : 'Event';
  const processName = f('process.name');
  if (processName) text += ` with process ${processName},`;
  const parent = f('process.parent.name');
  if (parent) text += ` parent process ${parent},`;
  const fileName = f('file.name');
  if (fileName) text += ` file ${fileName},`;
  const src = f('source.ip') ?? f('source.address');
  if (src) text += ` source ${src}:${f('source.port') ?? ''},`;
  const dst = f('destination.ip') ?? f('destination.address');
  if (dst) text += ` destination ${dst}:${f('destination.port') ?? ''},`;
  const user = f('user.name');
  if (user) text += ` by ${user}`;
  const host = f('host.name');
  if (host) text += ` on ${host}`;
  return `${text} created ${severity} alert ${ruleName}.`;
}

/** "Alert <name> created at <ts> with a low severity and risk score of 21 by alice on ws-017." */
export function anomalyReason(doc: EcsEvent, ruleName: string, severity: string, riskScore: number, tickMs: number): string {
  const user = getString(doc, 'user.name');
  const host = getString(doc, 'host.name');
  return `Alert ${ruleName} created at ${isoTime(tickMs)} with a ${severity} severity and risk score of ${riskScore}${user ? ` by ${user}` : ''}${host ? ` on ${host}` : ''}.`;
}
