/** Attaches exception lists to the rules they apply to: by `exceptions_list` reference or our `outflow.applies_to`. */
import type { LoadedRule } from '../types.js';
import { unsupportedExceptionReasons } from './compile-exceptions.js';
import type { ExceptionItem, ExceptionList } from './types.js';

function applies(appliesTo: string[] | undefined, ruleId: string): boolean {
  return !!appliesTo && (appliesTo.includes('*') || appliesTo.includes(ruleId));
}

export function attachExceptions(rules: LoadedRule[], lists: ExceptionList[]): void {
  const byId = new Map(lists.map((l) => [l.listId, l]));
  for (const rule of rules) {
    const items = new Set<ExceptionItem>();
    for (const ref of rule.exceptionsList) {
      const list = byId.get(ref.list_id);
      if (!list) {
        rule.warnings.push(`exception list ${ref.list_id} is referenced but was not loaded; pass its export file with the rules`);
        continue;
      }
      for (const item of list.items) items.add(item);
    }
    for (const list of lists) {
      const listApplies = applies(list.appliesTo, rule.id);
      for (const item of list.items) if (listApplies || applies(item.outflow?.applies_to, rule.id)) items.add(item);
    }
    rule.exceptions = [...items];
    rule.warnings.push(...unsupportedExceptionReasons(rule.exceptions));
  }
}
