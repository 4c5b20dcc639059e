/**
 * The Store interface: where results, alerts, risk events, model snapshots and checkpoints live.
 * SQLite is the embedded default; other backends implement the same interface.
 */

/** An anomaly result document (bucket, record or influencer) in Elastic's shape, keyed by its deterministic `_id`. */
export interface ResultDoc {
  _id: string;
  job_id: string;
  result_type: string;
  timestamp: number;
  [field: string]: unknown;
}

/** An alert document (Elastic-like), keyed by `kibana.alert.uuid`. */
export type AlertDoc = Record<string, unknown>;

export type WorkflowStatus = 'open' | 'acknowledged' | 'closed';

export interface StoredAlert {
  uuid: string;
  ruleId: string;
  ruleName: string;
  timestamp: string;
  status: WorkflowStatus;
  doc: AlertDoc;
}

export interface AlertQuery {
  status?: WorkflowStatus;
  ruleId?: string;
  limit?: number;
}

export interface RecordQuery {
  jobId?: string;
  minScore?: number;
  limit?: number;
}

/** The complete engine state at one point of the input, written atomically with the results before it. */
export interface Checkpoint {
  version: number;
  /** Event-time watermark: everything before it has been processed. */
  watermark: number;
  inputs: Array<{ path: string; size: number; mtimeMs: number; offset: number; line: number; done: boolean }>;
  /** Engine-level state (reorder buffer, counters, rule engine state). Job models are stored as snapshots. */
  engine: unknown;
  /** Bytes written so far to each NDJSON output, so a resumed run can cut off what came after the checkpoint. */
  outputs: Record<string, number>;
}

export interface Store {
  readonly path: string;
  /** Runs `fn` in one transaction: either everything it wrote lands, or nothing. */
  transaction<T>(fn: () => T): T;
  upsertResults(docs: ResultDoc[]): void;
  /** Inserts alerts that are new (by uuid) and refreshes the document of existing ones without touching their workflow status. Returns how many were new. */
  putAlerts(alerts: AlertDoc[]): number;
  setAlertStatus(uuids: string[], status: WorkflowStatus, reason?: string): number;
  listAlerts(query?: AlertQuery): StoredAlert[];
  countAlerts(query?: AlertQuery): number;
  listRecords(query?: RecordQuery): ResultDoc[];
  countResults(resultType?: string): number;
  saveSnapshot(component: string, state: unknown): void;
  loadSnapshot(component: string): unknown | undefined;
  listSnapshots(): string[];
  saveCheckpoint(checkpoint: Checkpoint): void;
  loadCheckpoint(): Checkpoint | undefined;
  /** Forget engine state (snapshots, checkpoint) but keep results and alerts. */
  clearState(): void;
  close(): void;
}
