import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteStore } from '../../src/store/index.js';
import { run, smallOrganisation, tmp } from './replay-helpers.js';

function hostOf(doc: Record<string, unknown>): string[] {
  const h = (doc.host as { name?: unknown } | undefined)?.name ?? doc['host.name'];
  return Array.isArray(h) ? h.map(String) : h === undefined ? [] : [String(h)];
}

test('an exception for the nightly backup server closes its open alerts and stops new ones', async () => {
  const data = await smallOrganisation();
  const dir = tmp('exceptions');
  const db = join(dir, 'outflow.db');
  await run(data.files, dir);
  const count = (status: 'open' | 'closed') => {
    const s = SqliteStore.open(db);
    try {
      return s.listAlerts({ status }).filter((a) => hostOf(a.doc).includes('bk-01')).length;
    } finally {
      s.close();
    }
  };
  const openBefore = count('open');
  assert.ok(openBefore > 0, 'the backup server raised alerts (its Sunday rclone sync)');

  const exceptions = join(dir, 'backup-exception.ndjson');
  writeFileSync(exceptions, [
    { list_id: 'backup-server', name: 'Nightly backup server', description: 'bk-01 uploads backups every night', type: 'detection', namespace_type: 'single', outflow: { applies_to: ['*'] } },
    { list_id: 'backup-server', item_id: 'bk-01', type: 'simple', namespace_type: 'single', entries: [{ field: 'host.name', operator: 'included', type: 'match', value: 'bk-01' }] },
  ].map((d) => JSON.stringify(d)).join('\n') + '\n');

  const again = await run(data.files, dir, { content: [exceptions], restart: true });
  assert.equal(again.alertsClosedByExceptions, openBefore);
  assert.equal(count('open'), 0);
  assert.equal(count('closed'), openBefore);
  assert.equal(again.alertsNew, 0, 'no alert for bk-01, and none twice for anything else');
});
