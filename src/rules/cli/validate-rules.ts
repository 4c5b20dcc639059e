/** `outflow rules validate`: what loaded per rule type, what is not supported and why, and the errors. */
import { loadRules } from '../load/load-rules.js';
import type { RuleLoadReport, RuleType } from '../types.js';

export interface RuleValidation {
  report: RuleLoadReport;
  /** Loaded rule count per type. */
  byType: Record<RuleType, number>;
  /** Printable report. */
  text: string;
  /** No errors (unsupported rules are not errors: they are skipped on purpose). */
  ok: boolean;
}

const TYPES: RuleType[] = ['query', 'eql', 'threshold', 'new_terms', 'machine_learning'];

export function validateRules(paths: string[]): RuleValidation {
  const report = loadRules(paths);
  const byType = Object.fromEntries(TYPES.map((t) => [t, 0])) as Record<RuleType, number>;
  const lines: string[] = [];
  for (const type of TYPES) {
    const rules = report.loaded.filter((r) => r.type === type);
    byType[type] = rules.length;
    if (rules.length === 0) continue;
    lines.push(`${type}: ${rules.length} loaded`);
    for (const r of rules) {
      lines.push(`  ok  ${r.id}  ${r.name}`);
      for (const w of r.warnings) lines.push(`      warning: ${w}`);
    }
  }
  if (report.unsupported.length) {
    lines.push(`not supported: ${report.unsupported.length}`);
    for (const u of report.unsupported) lines.push(`  --  ${u.ruleId ?? '?'}  ${u.name ?? u.file} (${u.type ?? '?'}): ${u.reason}`);
  }
  if (report.exceptionLists.length) {
    lines.push(`exception lists: ${report.exceptionLists.length}`);
    for (const l of report.exceptionLists) lines.push(`  ${l.listId}: ${l.items.length} item(s)${l.appliesTo.length ? `, applies to ${l.appliesTo.join(', ')}` : ''}`);
  }
  if (report.errors.length) {
    lines.push(`errors: ${report.errors.length}`);
    for (const e of report.errors) lines.push(`  !!  ${e.message}`);
  }
  lines.push(`${report.loaded.length} loaded, ${report.unsupported.length} not supported, ${report.errors.length} error(s)`);
  return { report, byType, text: lines.join('\n'), ok: report.errors.length === 0 };
}
