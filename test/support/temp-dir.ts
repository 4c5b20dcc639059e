/** Temporary directories for tests, removed when the test process exits (each test file runs in its own process). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const created: string[] = [];
process.on('exit', () => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

/** A fresh directory `<tmp>/outflow-<prefix>-XXXXXX`, gone after the run. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `outflow-${prefix}-`));
  created.push(dir);
  return dir;
}
