/**
 * Retroactive exceptions: given stored alerts and new exception items, the uuids of open alerts the items
 * match (the engine closes them). ML alerts are matched on their anomaly fields and influencer values too.
 */
import type { EcsEvent } from '../../ecs/index.js';
import type { Alert, RuleLoadReport } from '../types.js';
import { anomalyExceptionView } from './anomaly-view.js';
import { compileExceptionItems } from './compile-exceptions.js';
import type { ExceptionItem } from './types.js';

export interface CloseScope {
  /** Rule ids the exception applies to; `['*']` or absent = every rule. */
  ruleIds?: string[];
}

export function applyExceptionToStoredAlerts(alerts: Iterable<Alert>, items: ExceptionItem[], scope: CloseScope = {}): string[] {
  const matches = compileExceptionItems(items);
  const all = !scope.ruleIds || scope.ruleIds.includes('*');
  const ruleIds = new Set(scope.ruleIds ?? []);
  const uuids: string[] = [];
  for (const alert of alerts) {
    const status = alert['kibana.alert.workflow_status'];
    if (status !== undefined && status !== 'open') continue;
    if (!all && !ruleIds.has(String(alert['kibana.alert.rule.rule_id']))) continue;
    const doc = alert['kibana.alert.rule.type'] === 'machine_learning' ? anomalyExceptionView(alert) : (alert as EcsEvent);
    if (matches(doc)) uuids.push(String(alert['kibana.alert.uuid']));
  }
  return uuids;
}

/** Open alerts that the exceptions now attached to their own rule match (what the engine closes after a reload). */
export function closableAlertUuids(report: RuleLoadReport, alerts: Iterable<Alert>): string[] {
  const byRule = new Map<string, Alert[]>();
  for (const alert of alerts) {
    const id = String(alert['kibana.alert.rule.rule_id']);
    const list = byRule.get(id) ?? [];
    list.push(alert);
    byRule.set(id, list);
  }
  const out: string[] = [];
  for (const rule of report.loaded) {
    const list = byRule.get(rule.id);
    if (list && rule.exceptions.length) for (const uuid of applyExceptionToStoredAlerts(list, rule.exceptions, { ruleIds: [rule.id] })) out.push(uuid);
  }
  return out;
}
