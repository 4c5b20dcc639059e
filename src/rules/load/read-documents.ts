/** Finds rule/exception files under the given paths and reads them into JSON objects with a location each. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { parse as parseToml } from 'smol-toml';

export interface SourceDoc {
  file: string;
  /** `file` or `file:line` for NDJSON. */
  where: string;
  format: 'toml' | 'json';
  doc: Record<string, unknown>;
}

const EXTENSIONS = new Set(['.toml', '.json', '.ndjson', '.jsonl']);

/** Every rule-like file under `paths` (directories recursively, sorted so loading is deterministic). */
export function listRuleFiles(paths: string[], errors: Array<{ file: string; message: string }>): string[] {
  const out: string[] = [];
  const visit = (p: string, explicit: boolean): void => {
    let st;
    try {
      st = statSync(p);
    } catch {
      errors.push({ file: p, message: `${p}: no such file or directory` });
      return;
    }
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) if (!name.startsWith('.')) visit(join(p, name), false);
    } else if (explicit || EXTENSIONS.has(extname(p).toLowerCase())) {
      out.push(p);
    }
  };
  for (const p of paths) visit(p, true);
  return out;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message.split('\n')[0] : String(err);
}

/** The documents of one file; unreadable parts are reported in `errors` and skipped. */
export function readDocuments(file: string, errors: Array<{ file: string; message: string }>): SourceDoc[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    errors.push({ file, message: `${file}: cannot read: ${errorText(err)}` });
    return [];
  }
  const ext = extname(file).toLowerCase();
  if (ext === '.toml') {
    try {
      return [{ file, where: file, format: 'toml', doc: parseToml(text) as Record<string, unknown> }];
    } catch (err) {
      errors.push({ file, message: `${file}: TOML syntax error: ${errorText(err)}` });
      return [];
    }
  }
  if (ext === '.json') {
    try {
      const parsed: unknown = JSON.parse(text);
      const docs = Array.isArray(parsed) ? parsed : [parsed];
      return docs.flatMap((doc, i) => {
        if (isObject(doc)) return [{ file, where: Array.isArray(parsed) ? `${file}[${i}]` : file, format: 'json' as const, doc }];
        errors.push({ file, message: `${file}[${i}]: expected a JSON object` });
        return [];
      });
    } catch {
      // Kibana exports are NDJSON even when saved with a .json name: fall through to line-by-line.
    }
  }
  const out: SourceDoc[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    const where = `${file}:${i + 1}`;
    try {
      const doc: unknown = JSON.parse(line);
      if (isObject(doc)) out.push({ file, where, format: 'json', doc });
      else errors.push({ file, message: `${where}: expected a JSON object per line` });
    } catch (err) {
      errors.push({ file, message: `${where}: invalid JSON: ${errorText(err)}` });
    }
  });
  return out;
}
