// Replays a dataset through the real `outflow replay` CLI with the bundled content, as a user would.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface ReplayPaths {
  db: string;
  alerts: string;
  results: string;
  deadLetter: string;
}

export function replayPaths(workDir: string): ReplayPaths {
  return { db: join(workDir, 'eval.db'), alerts: join(workDir, 'alerts.ndjson'), results: join(workDir, 'records.ndjson'), deadLetter: join(workDir, 'dead.ndjson') };
}

export interface ReplayRun {
  ok: boolean;
  message: string;
}

/** Runs `node --import tsx src/cli/main.ts replay …` from the repository root; never throws. */
export function runReplay(repoRoot: string, files: readonly string[], paths: ReplayPaths): ReplayRun {
  const cli = join(repoRoot, 'src', 'cli', 'main.ts');
  if (!existsSync(cli)) return { ok: false, message: `${cli} does not exist yet (the CLI is not built)` };
  const args = ['--import', 'tsx', cli, 'replay', ...files, '--db', paths.db, '--alerts', paths.alerts, '--results', paths.results, '--dead-letter', paths.deadLetter];
  const started = Date.now();
  const run = spawnSync(process.execPath, args, { cwd: repoRoot, stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (run.error) return { ok: false, message: `could not start the CLI: ${run.error.message}` };
  if (run.status !== 0) return { ok: false, message: `outflow replay exited with ${run.status ?? run.signal} after ${seconds}s` };
  if (!existsSync(paths.alerts)) return { ok: false, message: `outflow replay wrote no alerts file at ${paths.alerts}` };
  return { ok: true, message: `outflow replay finished in ${seconds}s` };
}
