/** `outflow rules list|validate|test`: inspect rule files without running a replay. */
import type { Command } from 'commander';
import { findContent } from '../engine/content-loader.js';
import { loadRules, validateRules, testRule } from '../rules/index.js';
import { formatAlert } from './alert-lines.js';

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export function registerRules(program: Command): void {
  const rules = program.command('rules').description('List, validate and try detection rules');
  rules
    .command('list')
    .description('list the rules a replay would load (bundled pack plus --content)')
    .option('--content <path>', 'extra rule files or directories (repeatable)', collect, [])
    .option('--no-builtin', 'leave out the bundled content pack')
    .action((o: { content: string[]; builtin: boolean }) => {
      const files = findContent(o.content, o.builtin).ruleFiles;
      const report = loadRules(files);
      for (const r of report.loaded) process.stdout.write(`${r.id}  ${r.type.padEnd(16)}  ${r.name}\n`);
      for (const u of report.unsupported) process.stdout.write(`(not supported) ${u.ruleId ?? ''}  ${u.type ?? ''}  ${u.name ?? u.file}: ${u.reason}\n`);
      for (const e of report.errors) process.stdout.write(`(error) ${e.file}: ${e.message}\n`);
    });
  rules
    .command('validate')
    .description('load rule files and print, per type, what loaded, what is not supported and why, and errors')
    .argument('<paths...>')
    .action((paths: string[]) => {
      const { text, ok } = validateRules(paths);
      process.stdout.write(text + '\n');
      if (!ok) process.exitCode = 1;
    });
  rules
    .command('test')
    .description('run one rule (a file, or a rule_id or name from the loaded content) over a file of NDJSON events and print its alerts')
    .argument('<rule>')
    .argument('<events>')
    .option('--content <path>', 'where to look the rule up (repeatable)', collect, [])
    .option('--json', 'print alert documents as NDJSON')
    .action((rule: string, events: string, o: { content: string[]; json?: boolean }) => {
      const alerts = testRule(rule, events, findContent(o.content, true).ruleFiles);
      for (const a of alerts) process.stdout.write((o.json ? JSON.stringify(a) : formatAlert(a as Record<string, unknown>)) + '\n');
      process.stderr.write(`${alerts.length} alert(s)\n`);
    });
}
