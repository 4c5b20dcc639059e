/** Runs one bench part in a child Node process (own heap, own flags, own peak RSS) and returns the JSON it wrote. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** How much of a failing child's stderr is kept for the error message. */
const STDERR_TAIL_CHARS = 4000;

/** The first line that names an error (e.g. "RangeError: Maximum call stack size exceeded"), else the last line. */
function errorLine(stderr: string): string {
  const lines = stderr.split('\n').map((l) => l.trim()).filter(Boolean);
  return lines.find((l) => /^[A-Za-z]*Error\b|^Error:/.test(l)) ?? lines.at(-1) ?? '(no output)';
}

export async function runChild<T>(script: string, config: unknown, nodeFlags: string[] = []): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'outflow-bench-child-'));
  const resultFile = join(dir, 'result.json');
  const scriptPath = fileURLToPath(new URL(script, import.meta.url));
  try {
    let stderr = '';
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(process.execPath, [...nodeFlags, '--import', import.meta.resolve('tsx'), scriptPath, JSON.stringify(config), resultFile], {
        stdio: ['ignore', 'inherit', 'pipe'],
      });
      // Shown as it comes (the child's warnings belong in the bench log) and kept for the error message.
      child.stderr.on('data', (chunk: Buffer) => {
        process.stderr.write(chunk);
        stderr = (stderr + chunk.toString('utf8')).slice(-STDERR_TAIL_CHARS);
      });
      child.on('error', reject);
      child.on('close', (c, signal) => resolve(signal ? -1 : c));
    });
    if (code !== 0) throw new Error(`${script} exited with ${String(code)}: ${errorLine(stderr)}`);
    return JSON.parse(readFileSync(resultFile, 'utf8')) as T;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
