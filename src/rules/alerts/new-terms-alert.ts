/** new_terms alerts: the event that first showed a value tuple, with `kibana.alert.new_terms`. */
import { formatDuration } from '../duration.js';
import type { Alert, LoadedRule } from '../types.js';
import { describeEvent, withMeaning } from './describe-event.js';
import { buildEventAlert, type EventHit } from './event-alert.js';

export function buildNewTermsAlert(rule: LoadedRule, hit: EventHit, terms: string[], tickMs: number): Alert {
  if (rule.logic.type !== 'new_terms') throw new Error(`rule ${rule.id} is not a new_terms rule`);
  const { fields, historyWindowMs } = rule.logic;
  const pairs = fields.map((f, i) => `${f} ${terms[i]}`).join(', ');
  const first = `first ${pairs} in ${formatDuration(historyWindowMs)}`;
  const explanation = withMeaning(`${describeEvent(hit.event)} (${first})`, rule.outflow.meaning, rule.name);
  const alert = buildEventAlert(rule, hit, tickMs, explanation);
  alert['kibana.alert.new_terms'] = terms;
  return alert;
}
