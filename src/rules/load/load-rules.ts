/**
 * `loadRules(paths)`: detection-rules TOML, Kibana rule exports (NDJSON/JSON) and exception list files, from files
 * or directories. One bad rule never stops the others: it lands in `errors` or `unsupported` with the reason.
 */
import { attachExceptions } from '../exceptions/attach.js';
import { classifyDoc, ExceptionListCollector } from '../exceptions/exception-docs.js';
import type { LoadedRule, RuleLoadReport } from '../types.js';
import { buildRule } from './build-rule.js';
import { tomlToApiRule } from './normalize-toml.js';
import { listRuleFiles, readDocuments, type SourceDoc } from './read-documents.js';

function ruleObject(src: SourceDoc): { rule: Record<string, unknown>; keyPrefix: string } | { notARule: string } {
  if (src.format === 'toml') {
    const r = tomlToApiRule(src.doc);
    return 'rule' in r ? { rule: r.rule, keyPrefix: 'rule.' } : r;
  }
  return { rule: src.doc, keyPrefix: '' };
}

export interface LoadRulesOptions {
  /**
   * Files under this folder (the bundled content pack) may be overridden: a rule with the same rule_id in a later
   * file (the user's own content, e.g. Elastic's original of a rule the pack also ships) replaces the bundled one.
   */
  overridableDir?: string;
}

export function loadRules(paths: string[], options: LoadRulesOptions = {}): RuleLoadReport {
  const report: RuleLoadReport = { loaded: [], unsupported: [], errors: [], exceptionLists: [], overridden: [] };
  const exceptions = new ExceptionListCollector();
  const seen = new Map<string, LoadedRule>();

  for (const file of listRuleFiles(paths, report.errors)) {
    for (const src of readDocuments(file, report.errors)) {
      const kind = src.format === 'toml' ? 'rule' : classifyDoc(src.doc);
      if (kind === 'export_summary') continue;
      if (kind === 'exception_item') {
        exceptions.addItem(src.doc, file, src.where);
        continue;
      }
      if (kind === 'exception_list') {
        exceptions.addContainer(src.doc, file, src.where);
        continue;
      }
      if (kind === 'unknown') {
        report.errors.push({ file, message: `${src.where}: not a detection rule, exception list or export summary (no rule_id or list_id)` });
        continue;
      }
      const obj = ruleObject(src);
      if ('notARule' in obj) {
        report.errors.push({ file, message: `${src.where}: ${obj.notARule}` });
        continue;
      }
      const built = buildRule(obj.rule, { file: src.where, keyPrefix: obj.keyPrefix });
      if ('errors' in built) {
        for (const message of built.errors) report.errors.push({ file, message });
      } else if ('unsupported' in built) {
        report.unsupported.push(built.unsupported);
      } else {
        const first = seen.get(built.rule.id);
        if (first && options.overridableDir && first.file.startsWith(options.overridableDir) && !file.startsWith(options.overridableDir)) {
          report.loaded.splice(report.loaded.indexOf(first), 1);
          report.overridden?.push({ ruleId: built.rule.id, name: built.rule.name, bundled: first.file, by: file });
        } else if (first) {
          report.errors.push({ file, message: `${src.where} rule ${built.rule.id}: rule_id: duplicate, already loaded from ${first.file} (fix: give each rule a unique rule_id)` });
          continue;
        }
        built.rule.file = file;
        seen.set(built.rule.id, built.rule);
        report.loaded.push(built.rule);
      }
    }
  }
  report.errors.push(...exceptions.errors);
  report.exceptionLists = exceptions.result();
  attachExceptions(report.loaded, report.exceptionLists);
  return report;
}
