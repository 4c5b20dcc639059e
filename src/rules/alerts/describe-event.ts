/**
 * One event in plain words for `outflow.explanation`: who did what where
 * ("rclone.exe on ws-017 (user alice) ran `rclone copy C:\finance remote:x`").
 */
import type { EcsEvent } from '../../ecs/index.js';
import { getString, getValues } from '../../ecs/index.js';

const MAX_COMMAND = 200;

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function hostOf(e: EcsEvent): string | undefined {
  return getString(e, 'host.name') ?? getString(e, 'host.hostname') ?? getString(e, 'host.id');
}

function userOf(e: EcsEvent): string | undefined {
  return getString(e, 'user.name') ?? getString(e, 'aws.cloudtrail.user_identity.arn') ?? getString(e, 'user.email') ?? getString(e, 'user.id');
}

function describeProcess(e: EcsEvent, host?: string, user?: string): string | undefined {
  const name = getString(e, 'process.name') ?? getString(e, 'process.executable');
  if (!name) return undefined;
  const where = `${name}${host ? ` on ${host}` : ''}${user ? ` (user ${user})` : ''}`;
  const cmd = getString(e, 'process.command_line') ?? (getValues(e, 'process.args').join(' ') || undefined);
  const isProcessEvent = getValues(e, 'event.category').includes('process');
  if (cmd) return `${where} ran \`${clip(cmd, MAX_COMMAND)}\``;
  if (isProcessEvent) return `${where} started`;
  return undefined;
}

function describeCloudCall(e: EcsEvent, user?: string): string | undefined {
  const action = getString(e, 'event.action');
  const provider = getString(e, 'event.provider') ?? getString(e, 'cloud.service.name');
  if (!action || !(provider || getString(e, 'cloud.provider'))) return undefined;
  let text = `${user ?? 'an unknown identity'} called ${action}${provider ? ` on ${provider}` : ''}`;
  const account = getString(e, 'cloud.account.id');
  if (account) text += ` in account ${account}`;
  const region = getString(e, 'cloud.region');
  if (region) text += ` (${region})`;
  const ip = getString(e, 'source.ip');
  if (ip) text += ` from ${ip}`;
  if (getString(e, 'event.outcome') === 'failure') text += ', which failed';
  return text;
}

function describeFile(e: EcsEvent, host?: string): string | undefined {
  const path = getString(e, 'file.path') ?? getString(e, 'file.name');
  if (!path) return undefined;
  const actor = getString(e, 'process.name') ?? 'a process';
  const action = getString(e, 'event.action') ?? 'touched';
  return `${actor}${host ? ` on ${host}` : ''} ${action} file ${path}`;
}

function describeNetwork(e: EcsEvent, host?: string): string | undefined {
  const query = getString(e, 'dns.question.name');
  const from = host ?? getString(e, 'source.ip') ?? 'a host';
  if (query) return `${from} looked up ${query}`;
  const dst = getString(e, 'destination.ip') ?? getString(e, 'destination.domain');
  if (!dst) return undefined;
  const port = getString(e, 'destination.port');
  const proto = getString(e, 'network.protocol') ?? getString(e, 'network.transport');
  return `${from} connected to ${dst}${port ? `:${port}` : ''}${proto ? ` over ${proto}` : ''}`;
}

/** Who did what where, in one clause. */
export function describeEvent(e: EcsEvent): string {
  const host = hostOf(e);
  const user = userOf(e);
  const text = describeProcess(e, host, user) ?? describeCloudCall(e, user) ?? describeFile(e, host) ?? describeNetwork(e, host);
  if (text) return text;
  const what = getString(e, 'event.action') ?? getString(e, 'event.category') ?? 'an event';
  return `${what}${host ? ` on ${host}` : ''}${user ? ` by ${user}` : ''}`;
}

/** Ends a description with what the rule means (our `meaning`), or the rule's name when it has none. */
export function withMeaning(description: string, meaning: string | undefined, ruleName: string): string {
  return meaning ? `${description}, ${meaning}` : `${description} (matches “${ruleName}”)`;
}
