import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { SqliteStore } from '../../src/store/index.js';
import { readNdjson, run, smallOrganisation, splitByTime, tmp } from './replay-helpers.js';

function storedRecords(db: string): Array<[string, unknown, unknown]> {
  const s = SqliteStore.open(db);
  try {
    return s.listRecords().map((r) => [r._id, r.record_score, r.initial_record_score]);
  } finally {
    s.close();
  }
}

function storedAlerts(db: string): string[] {
  const s = SqliteStore.open(db);
  try {
    return s.listAlerts().map((a) => a.uuid).sort();
  } finally {
    s.close();
  }
}

// Checkpoints by event count (every 5,000 events), and by wall-clock time with parser threads (after every batch).
const CHECKPOINTING = [
  { name: 'every 5,000 events', options: { checkpointEvery: 5000 } },
  { name: 'by wall-clock time, with parser threads', options: { checkpointEvery: undefined, checkpointSeconds: 0, workers: 2 } },
];

for (const { name, options } of CHECKPOINTING) test(`a run stopped mid-way and started again writes exactly what an uninterrupted run writes (checkpoints ${name})`, async () => {
  const data = await smallOrganisation();
  const whole = tmp('whole');
  const full = await run(data.files, whole);
  assert.ok(full.recordsWritten > 0, 'the dataset produces anomaly records');

  const broken = tmp('broken');
  const stopped = await run(data.files, broken, { abortAfterEvents: Math.floor(full.eventsRead * 0.55), ...options });
  assert.equal(stopped.aborted, true);
  const resumed = await run(data.files, broken, { workers: options.workers });
  assert.equal(resumed.resumedFromCheckpoint, true);
  assert.ok(resumed.eventsRead < full.eventsRead, 'the second run starts from the checkpoint, not from the beginning');

  assert.deepEqual(storedRecords(join(broken, 'outflow.db')), storedRecords(join(whole, 'outflow.db')));
  assert.deepEqual(storedAlerts(join(broken, 'outflow.db')), storedAlerts(join(whole, 'outflow.db')));
  // The NDJSON outputs are cut back to the checkpoint and continued, so they match too.
  assert.deepEqual(readNdjson(join(broken, 'records.ndjson')), readNdjson(join(whole, 'records.ndjson')));
  assert.deepEqual(readNdjson(join(broken, 'alerts.ndjson')), readNdjson(join(whole, 'alerts.ndjson')));
});

test('rerunning the same inputs into the same store adds no alert', async () => {
  const data = await smallOrganisation();
  const dir = tmp('rerun');
  const first = await run(data.files, dir);
  assert.ok(first.alertsNew > 0);
  const again = await run(data.files, dir, { restart: true });
  assert.equal(again.alertsNew, 0);
  assert.equal(storedAlerts(join(dir, 'outflow.db')).length, first.alertsNew);
});

test('a second replay over the next days continues the learned state', async () => {
  const data = await smallOrganisation();
  const cut = Date.parse('2026-10-12T00:00:00Z');
  const parts = splitByTime(data.files, cut, tmp('split'));

  const continued = tmp('continued');
  const week1 = await run(parts.before, continued);
  const week2 = await run(parts.after, continued);
  assert.equal(week2.resumedFromCheckpoint, false);
  const modelled = (s: typeof week1) => s.jobs.reduce((n, j) => n + j.seriesModelled, 0);
  assert.ok(modelled(week2) >= modelled(week1), 'the models of the first run are there in the second');

  const cold = tmp('cold');
  const alone = await run(parts.after, cold);
  const high = (dir: string) => storedRecords(join(dir, 'outflow.db')).filter(([, s]) => (s as number) >= 75).length;
  // With what it learned, the continued run judges the last days; a cold start on them is still warming up.
  assert.ok(alone.recordsWritten < week2.recordsWritten || high(cold) < high(continued),
    `continued run: ${week2.recordsWritten} records; cold start: ${alone.recordsWritten}`);
});

test('a CLI replay killed with SIGKILL resumes and ends with the same records and alerts', async () => {
  const { spawn } = await import('node:child_process');
  const { existsSync } = await import('node:fs');
  const data = await smallOrganisation();
  const whole = tmp('kill-ref');
  await run(data.files, whole);

  const dir = tmp('killed');
  const db = join(dir, 'outflow.db');
  const args = ['--import', 'tsx', 'src/cli/main.ts', 'replay', ...data.files, '--db', db, '--workers', '0', '--quiet',
    '--results', join(dir, 'records.ndjson'), '--alerts', join(dir, 'alerts.ndjson'), '--dead-letter', join(dir, 'dead.ndjson'), '--checkpoint-every', '4000'];
  const child = spawn(process.execPath, args, { stdio: 'ignore' });
  // Kill it as soon as it has written a checkpoint (it is then mid-way: the data takes several checkpoints).
  const hasCheckpoint = () => {
    if (!existsSync(db)) return false;
    try {
      const s = SqliteStore.open(db);
      try {
        return s.loadCheckpoint() !== undefined;
      } finally {
        s.close();
      }
    } catch {
      return false;
    }
  };
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let killed = false;
  for (let i = 0; i < 600 && child.exitCode === null; i++) {
    await new Promise((r) => setTimeout(r, 100));
    if (hasCheckpoint()) {
      child.kill('SIGKILL');
      killed = true;
      break;
    }
  }
  await exited;
  assert.ok(killed, 'the replay was killed after its first checkpoint');
  const resumed = await run(data.files, dir);
  assert.equal(resumed.resumedFromCheckpoint, true);
  assert.deepEqual(storedRecords(db), storedRecords(join(whole, 'outflow.db')));
  assert.deepEqual(storedAlerts(db), storedAlerts(join(whole, 'outflow.db')));
});
