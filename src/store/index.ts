/** Stores: the interface and the embedded SQLite default. */
export type { Store, ResultDoc, AlertDoc, StoredAlert, AlertQuery, RecordQuery, Checkpoint, WorkflowStatus } from './store.js';
export { SqliteStore, STORE_SCHEMA_VERSION } from './sqlite-store.js';
