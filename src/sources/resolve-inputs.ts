/** Expands files, directories, globs and `-` (stdin) into a sorted list of inputs. */
import { readdirSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { OutflowError } from '../errors.js';
import type { InputFile } from './types.js';
import { globDepth, globToRegExp, hasGlobChars, splitGlobBase } from './glob.js';

/** Extensions picked up when a directory is given (each also with `.gz`). */
export const LOG_EXTENSIONS = ['.json', '.ndjson', '.jsonl', '.log'];

export const STDIN_INPUT: InputFile = { path: '-', size: -1, mtimeMs: 0 };

/**
 * Files, directories (recursive, log extensions only), globs and `-`, deduplicated and sorted by path.
 * A pattern that matches nothing throws `OutflowError('no such file: …', 'input')`.
 */
export function resolveInputs(patterns: string[]): InputFile[] {
  const found = new Map<string, InputFile>();
  for (const pattern of patterns) {
    const matches = pattern === '-' ? [STDIN_INPUT] : hasGlobChars(pattern) ? expandGlob(pattern) : expandPath(pattern);
    if (matches.length === 0) throw new OutflowError(`no such file: ${pattern}`, 'input', { file: pattern });
    for (const m of matches) found.set(m.path, m);
  }
  return [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export function isLogFileName(name: string): boolean {
  const lower = name.toLowerCase();
  const base = lower.endsWith('.gz') ? lower.slice(0, -3) : lower;
  return LOG_EXTENSIONS.some((ext) => base.endsWith(ext));
}

function expandPath(path: string): InputFile[] {
  const st = statOrUndefined(path);
  if (!st) return [];
  if (st.isDirectory()) return walk(path, '', undefined, (rel) => isLogFileName(rel));
  return [toInput(path, st)];
}

function expandGlob(pattern: string): InputFile[] {
  const { base, rest } = splitGlobBase(pattern);
  const re = globToRegExp(rest);
  const st = statOrUndefined(base);
  if (!st?.isDirectory()) return [];
  return walk(base, '', globDepth(rest), (rel) => re.test(rel));
}

/** Recursive walk; symlinked directories are not followed, so link loops cannot hang the run. */
function walk(root: string, rel: string, maxDepth: number | undefined, accept: (rel: string) => boolean, depth = 1): InputFile[] {
  const out: InputFile[] = [];
  let entries;
  try {
    entries = readdirSync(rel === '' ? root : join(root, rel), { withFileTypes: true });
  } catch {
    return out; // unreadable directory: nothing to read from it
  }
  for (const entry of entries) {
    const childRel = rel === '' ? entry.name : `${rel}/${entry.name}`;
    const full = join(root, childRel);
    if (entry.isDirectory()) {
      if (maxDepth === undefined || depth < maxDepth) out.push(...walk(root, childRel, maxDepth, accept, depth + 1));
      continue;
    }
    if (!accept(childRel)) continue;
    const st = statOrUndefined(full);
    if (st?.isFile()) out.push(toInput(full, st));
  }
  return out;
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function toInput(path: string, st: Stats): InputFile {
  return { path, size: st.size, mtimeMs: st.mtimeMs };
}
