/** `outflow alerts list|ack|close`: read alerts from the store and change their workflow status. */
import type { Command } from 'commander';
import { SqliteStore, type WorkflowStatus } from '../store/index.js';
import { formatAlert } from './alert-lines.js';

export function registerAlerts(program: Command): void {
  const alerts = program.command('alerts').description('List alerts in the store and set their workflow status');
  alerts
    .command('list')
    .option('--db <file>', 'SQLite store', './outflow.db')
    .option('--status <status>', 'open, acknowledged or closed')
    .option('--rule <rule_id>', 'only this rule')
    .option('--json', 'print NDJSON documents')
    .action((o: { db: string; status?: WorkflowStatus; rule?: string; json?: boolean }) => {
      const store = SqliteStore.open(o.db);
      try {
        for (const a of store.listAlerts({ status: o.status, ruleId: o.rule })) {
          process.stdout.write((o.json ? JSON.stringify(a.doc) : `${a.uuid} ${a.status}\n${formatAlert(a.doc)}`) + '\n');
        }
      } finally {
        store.close();
      }
    });
  for (const [name, status] of [['ack', 'acknowledged'], ['close', 'closed'], ['reopen', 'open']] as const) {
    alerts
      .command(name)
      .description(`mark alerts ${status}`)
      .argument('<uuids...>')
      .option('--db <file>', 'SQLite store', './outflow.db')
      .option('--reason <text>', 'why')
      .action((uuids: string[], o: { db: string; reason?: string }) => {
        const store = SqliteStore.open(o.db);
        try {
          const n = store.setAlertStatus(uuids, status, o.reason);
          process.stdout.write(`${n} alert(s) marked ${status}\n`);
        } finally {
          store.close();
        }
      });
  }
}
