import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteStore, STORE_SCHEMA_VERSION } from '../../src/store/index.js';
import { OutflowError } from '../../src/errors.js';
import { tempDir } from '../support/temp-dir.js';

const dir = tempDir('store');

test('results upsert by _id; alerts insert once by uuid and keep their workflow status', () => {
  const s = SqliteStore.open(join(dir, 'a.db'));
  s.upsertResults([{ _id: 'r1', job_id: 'j', result_type: 'record', timestamp: 1, record_score: 80 }]);
  s.upsertResults([{ _id: 'r1', job_id: 'j', result_type: 'record', timestamp: 1, record_score: 60 }]);
  assert.equal(s.countResults('record'), 1);
  assert.equal(s.listRecords({ minScore: 70 }).length, 0);
  const alert = { 'kibana.alert.uuid': 'u1', 'kibana.alert.rule.rule_id': 'r', 'kibana.alert.rule.name': 'R', '@timestamp': 't' };
  assert.equal(s.putAlerts([alert]), 1);
  assert.equal(s.setAlertStatus(['u1'], 'acknowledged'), 1);
  assert.equal(s.putAlerts([{ ...alert, extra: 1 }]), 0);
  const [stored] = s.listAlerts();
  assert.equal(stored.status, 'acknowledged');
  assert.equal(stored.doc.extra, 1);
  s.close();
});

test('snapshots and checkpoints round-trip; clearState keeps alerts', () => {
  const s = SqliteStore.open(join(dir, 'b.db'));
  s.saveSnapshot('job:x', { a: [1, 2, 3] });
  s.saveCheckpoint({ version: 1, watermark: 5, inputs: [], engine: { z: 1 }, outputs: {} });
  s.putAlerts([{ 'kibana.alert.uuid': 'u', 'kibana.alert.rule.rule_id': 'r', 'kibana.alert.rule.name': 'R' }]);
  s.close();
  const t = SqliteStore.open(join(dir, 'b.db'));
  assert.deepEqual(t.loadSnapshot('job:x'), { a: [1, 2, 3] });
  assert.equal(t.loadCheckpoint()?.watermark, 5);
  t.clearState();
  assert.equal(t.loadCheckpoint(), undefined);
  assert.equal(t.countAlerts(), 1);
  t.close();
});

test('a corrupt file, a foreign SQLite file and a newer store are refused with a clear error', () => {
  const corrupt = join(dir, 'corrupt.db');
  writeFileSync(corrupt, 'this is not sqlite at all'.repeat(100));
  assert.throws(() => SqliteStore.open(corrupt), (e: unknown) => e instanceof OutflowError && /corrupt or not an Outflow database/.test(e.message));

  const foreign = join(dir, 'foreign.db');
  const f = new Database(foreign);
  f.exec('CREATE TABLE x (a)');
  f.close();
  assert.throws(() => SqliteStore.open(foreign), /not an Outflow store/);

  const newer = join(dir, 'newer.db');
  SqliteStore.open(newer).close();
  const n = new Database(newer);
  n.prepare("UPDATE meta SET value = ? WHERE key = 'schema_version'").run(String(STORE_SCHEMA_VERSION + 1));
  n.close();
  assert.throws(() => SqliteStore.open(newer), /newer Outflow/);
});
