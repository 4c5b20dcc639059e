/** The embedded default store: one SQLite file (better-sqlite3, WAL), schema-versioned. */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { OutflowError } from '../errors.js';
import type { AlertDoc, AlertQuery, Checkpoint, RecordQuery, ResultDoc, Store, StoredAlert, WorkflowStatus } from './store.js';

/** Bump when the tables change; older files are migrated, newer ones refused. */
export const STORE_SCHEMA_VERSION = 1;
const APPLICATION_ID = 0x4f55544c; // "OUTL": marks the file as ours

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS results (
  id TEXT PRIMARY KEY, job_id TEXT NOT NULL, result_type TEXT NOT NULL, timestamp INTEGER NOT NULL,
  score REAL, doc TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS results_by_type_time ON results (result_type, job_id, timestamp);
CREATE TABLE IF NOT EXISTS alerts (
  uuid TEXT PRIMARY KEY, rule_id TEXT NOT NULL, rule_name TEXT NOT NULL, timestamp TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open', status_reason TEXT, doc TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS alerts_by_status ON alerts (status, timestamp);
CREATE TABLE IF NOT EXISTS snapshots (component TEXT PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS checkpoint (id INTEGER PRIMARY KEY CHECK (id = 1), data BLOB NOT NULL);
`;

function scoreOf(doc: ResultDoc): number | null {
  const s = doc.record_score ?? doc.anomaly_score ?? doc.influencer_score;
  return typeof s === 'number' ? s : null;
}

function pack(value: unknown): Buffer {
  return gzipSync(Buffer.from(JSON.stringify(value)), { level: 1 });
}
function unpack(data: Buffer): unknown {
  return JSON.parse(gunzipSync(data).toString('utf8'));
}

export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly stmts;

  static open(path: string): SqliteStore {
    return new SqliteStore(path);
  }

  private constructor(readonly path: string) {
    const existed = path !== ':memory:' && existsSync(path);
    try {
      this.db = new Database(path);
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
      if (existed) this.checkExisting();
      this.db.exec(SCHEMA);
      this.db.pragma(`application_id = ${APPLICATION_ID}`);
      this.db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)').run('schema_version', String(STORE_SCHEMA_VERSION));
    } catch (e) {
      if (e instanceof OutflowError) throw e;
      throw new OutflowError(
        `${path}: cannot open the Outflow store (${(e as Error).message}); the file is corrupt or not an Outflow database — pass another --db path or remove it`,
        'store',
      );
    }
    const db = this.db;
    this.stmts = {
      upsertResult: db.prepare(
        'INSERT INTO results (id, job_id, result_type, timestamp, score, doc) VALUES (?, ?, ?, ?, ?, ?) ' +
          'ON CONFLICT(id) DO UPDATE SET score = excluded.score, doc = excluded.doc',
      ),
      insertAlert: db.prepare(
        "INSERT INTO alerts (uuid, rule_id, rule_name, timestamp, status, doc) VALUES (?, ?, ?, ?, 'open', ?) " +
          'ON CONFLICT(uuid) DO UPDATE SET doc = excluded.doc WHERE alerts.doc <> excluded.doc',
      ),
      alertExists: db.prepare('SELECT 1 FROM alerts WHERE uuid = ?'),
      setStatus: db.prepare('UPDATE alerts SET status = ?, status_reason = ? WHERE uuid = ?'),
      saveSnapshot: db.prepare('INSERT INTO snapshots (component, data) VALUES (?, ?) ON CONFLICT(component) DO UPDATE SET data = excluded.data'),
      loadSnapshot: db.prepare('SELECT data FROM snapshots WHERE component = ?'),
      listSnapshots: db.prepare('SELECT component FROM snapshots ORDER BY component'),
      saveCheckpoint: db.prepare('INSERT INTO checkpoint (id, data) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET data = excluded.data'),
      loadCheckpoint: db.prepare('SELECT data FROM checkpoint WHERE id = 1'),
    };
  }

  /** Refuses files that are not ours or that a newer Outflow wrote, before anything is changed in them. */
  private checkExisting(): void {
    const tables = this.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>;
    if (tables.length === 0) return;
    const appId = this.db.pragma('application_id', { simple: true }) as number;
    const hasMeta = tables.some((t) => t.name === 'meta');
    if (appId !== APPLICATION_ID || !hasMeta) {
      throw new OutflowError(`${this.path}: this SQLite file is not an Outflow store; pass another --db path`, 'store');
    }
    const row = this.db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get() as { value: string } | undefined;
    const version = Number(row?.value ?? 0);
    if (version > STORE_SCHEMA_VERSION) {
      throw new OutflowError(
        `${this.path}: written by a newer Outflow (store schema ${version}, this version reads up to ${STORE_SCHEMA_VERSION}); upgrade Outflow or use another --db`,
        'store',
      );
    }
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  upsertResults(docs: ResultDoc[]): void {
    const s = this.stmts.upsertResult;
    this.transaction(() => {
      for (const d of docs) s.run(d._id, d.job_id, d.result_type, d.timestamp, scoreOf(d), JSON.stringify(d));
    });
  }

  putAlerts(alerts: AlertDoc[]): number {
    let added = 0;
    this.transaction(() => {
      for (const a of alerts) {
        const uuid = String(a['kibana.alert.uuid']);
        const isNew = this.stmts.alertExists.get(uuid) === undefined;
        this.stmts.insertAlert.run(
          uuid,
          String(a['kibana.alert.rule.rule_id'] ?? ''),
          String(a['kibana.alert.rule.name'] ?? ''),
          String(a['kibana.alert.original_time'] ?? a['@timestamp'] ?? ''),
          JSON.stringify(a),
        );
        if (isNew) added++;
      }
    });
    return added;
  }

  setAlertStatus(uuids: string[], status: WorkflowStatus, reason?: string): number {
    let changed = 0;
    this.transaction(() => {
      for (const u of uuids) changed += this.stmts.setStatus.run(status, reason ?? null, u).changes;
    });
    return changed;
  }

  private alertWhere(q: AlertQuery): { sql: string; args: unknown[] } {
    const where: string[] = [];
    const args: unknown[] = [];
    if (q.status) {
      where.push('status = ?');
      args.push(q.status);
    }
    if (q.ruleId) {
      where.push('rule_id = ?');
      args.push(q.ruleId);
    }
    return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', args };
  }

  listAlerts(q: AlertQuery = {}): StoredAlert[] {
    const w = this.alertWhere(q);
    const rows = this.db
      .prepare(`SELECT uuid, rule_id, rule_name, timestamp, status, doc FROM alerts ${w.sql} ORDER BY timestamp, uuid LIMIT ?`)
      .all(...w.args, q.limit ?? -1) as Array<{ uuid: string; rule_id: string; rule_name: string; timestamp: string; status: WorkflowStatus; doc: string }>;
    return rows.map((r) => {
      const doc = JSON.parse(r.doc) as AlertDoc;
      doc['kibana.alert.workflow_status'] = r.status;
      return { uuid: r.uuid, ruleId: r.rule_id, ruleName: r.rule_name, timestamp: r.timestamp, status: r.status, doc };
    });
  }

  countAlerts(q: AlertQuery = {}): number {
    const w = this.alertWhere(q);
    return (this.db.prepare(`SELECT count(*) AS n FROM alerts ${w.sql}`).get(...w.args) as { n: number }).n;
  }

  listRecords(q: RecordQuery = {}): ResultDoc[] {
    const where = ["result_type = 'record'"];
    const args: unknown[] = [];
    if (q.jobId) {
      where.push('job_id = ?');
      args.push(q.jobId);
    }
    if (q.minScore !== undefined) {
      where.push('score >= ?');
      args.push(q.minScore);
    }
    const rows = this.db
      .prepare(`SELECT doc FROM results WHERE ${where.join(' AND ')} ORDER BY timestamp, id LIMIT ?`)
      .all(...args, q.limit ?? -1) as Array<{ doc: string }>;
    return rows.map((r) => JSON.parse(r.doc) as ResultDoc);
  }

  countResults(resultType?: string): number {
    const row = resultType
      ? this.db.prepare('SELECT count(*) AS n FROM results WHERE result_type = ?').get(resultType)
      : this.db.prepare('SELECT count(*) AS n FROM results').get();
    return (row as { n: number }).n;
  }

  saveSnapshot(component: string, state: unknown): void {
    this.stmts.saveSnapshot.run(component, pack(state));
  }

  loadSnapshot(component: string): unknown | undefined {
    const row = this.stmts.loadSnapshot.get(component) as { data: Buffer } | undefined;
    return row ? unpack(row.data) : undefined;
  }

  listSnapshots(): string[] {
    return (this.stmts.listSnapshots.all() as Array<{ component: string }>).map((r) => r.component);
  }

  saveCheckpoint(checkpoint: Checkpoint): void {
    this.stmts.saveCheckpoint.run(pack(checkpoint));
  }

  loadCheckpoint(): Checkpoint | undefined {
    const row = this.stmts.loadCheckpoint.get() as { data: Buffer } | undefined;
    return row ? (unpack(row.data) as Checkpoint) : undefined;
  }

  clearState(): void {
    this.db.exec('DELETE FROM snapshots; DELETE FROM checkpoint;');
  }

  close(): void {
    this.db.close();
  }
}
