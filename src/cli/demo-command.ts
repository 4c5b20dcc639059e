/** `outflow demo`: generate a month of a small organisation with injected attacks, replay it, and show what was found. */
import type { Command } from 'commander';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generateDataset } from '../generator/index.js';
import { replay } from '../engine/replay.js';
import { formatSummary } from './format-summary.js';
import { alertEntity, formatAlert } from './alert-lines.js';

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('Generate a demo month (realistic organisation + labelled attacks), replay it with the bundled content and print the alerts')
    .option('--out <dir>', 'where the demo data, store and outputs go', 'outflow-demo')
    .option('--days <n>', 'days of logs', (v) => Number(v), 21)
    .option('--hosts <n>', 'hosts in the organisation', (v) => Number(v), 40)
    .option('--seed <n>', 'random seed (same seed, same data)', (v) => Number(v), 7)
    .action(async (o: { out: string; days: number; hosts: number; seed: number }) => {
      const out = resolve(o.out);
      mkdirSync(out, { recursive: true });
      // A demo always starts from nothing, so that what it prints is what this run found.
      for (const f of ['demo.db', 'demo.db-wal', 'demo.db-shm']) rmSync(join(out, f), { force: true });
      process.stderr.write(`Generating ${o.days} days of logs for ${o.hosts} hosts in ${out} …\n`);
      const data = await generateDataset({ seed: o.seed, days: o.days, hosts: o.hosts, outDir: join(out, 'data') });
      process.stderr.write(`  ${data.events} events in ${data.files.length} files; attacks are listed in ${data.labelsFile}\n`);
      const alertsFile = join(out, 'alerts.ndjson');
      const summary = await replay({
        inputs: data.files,
        content: [],
        builtin: true,
        db: join(out, 'demo.db'),
        results: join(out, 'records.ndjson'),
        alerts: alertsFile,
        deadLetter: join(out, 'dead-letter.ndjson'),
        latencyMs: 5 * 60_000,
        geo: true,
        restart: true,
        progress: true,
      });
      process.stderr.write(formatSummary(summary) + '\n\n');
      const alerts = readFileSync(alertsFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
      const latest = new Map<string, Record<string, unknown>>();
      for (const a of alerts) latest.set(String(a['kibana.alert.uuid']), a);
      // Repeats of one rule on one entity (a DNS tunnel fires every few minutes) are shown once, with their count.
      const groups = new Map<string, { first: Record<string, unknown>; count: number }>();
      for (const a of latest.values()) {
        const key = `${String(a['kibana.alert.rule.name'])}|${alertEntity(a)}`;
        const g = groups.get(key);
        if (g) g.count++;
        else groups.set(key, { first: a, count: 1 });
      }
      process.stdout.write(`${latest.size} alerts (${groups.size} after grouping repeats of a rule on the same entity):\n`);
      for (const g of groups.values()) {
        process.stdout.write(formatAlert(g.first) + (g.count > 1 ? `\n    (and ${g.count - 1} more like it)` : '') + '\n');
      }
      process.stdout.write(`\nAlerts: ${alertsFile}\nAnomaly records: ${join(out, 'records.ndjson')}\nStore: ${join(out, 'demo.db')}\n`);
    });
}
