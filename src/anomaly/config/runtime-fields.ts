/**
 * Datafeed runtime_mappings. We cannot run Painless, so each script a supported module uses is recognised by a
 * fingerprint of its normalised source and replaced by a built-in derivation that computes exactly what the script
 * emits. Unknown scripts are a ConfigError (see job-config.ts) telling the user to derive the field upstream.
 */
import { createHash } from 'node:crypto';
import { getValues } from '../../ecs/index.js';
import type { EcsEvent } from '../../ecs/index.js';

export interface RuntimeFieldDerivation {
  /** Stable name of the built-in, used in messages and snapshots. */
  builtin: string;
  /** The runtime field name the shipped module gives it (informational: any name with the same script works). */
  usualName: string;
  /** What it computes, for docs and error messages. */
  description: string;
  /** Fingerprint of the normalised Painless source (see scriptFingerprint). */
  fingerprint: string;
  /** Event fields it reads (part of the job's fieldsRead). */
  inputs: string[];
  derive(event: EcsEvent): string | undefined;
}

/** Whitespace removed and quotes unified, so reformatting or CRLF line ends do not change the fingerprint. */
export function normaliseScript(source: string): string {
  return source.replace(/\s+/g, '').replace(/"/g, "'");
}

export function scriptFingerprint(source: string): string {
  return createHash('sha256').update(normaliseScript(source)).digest('hex').slice(0, 16);
}

/** ECS keyword fields have ignore_above 1024: longer values have no doc values, so Painless sees size() == 0. */
const KEYWORD_IGNORE_ABOVE = 1024;

/** Doc values of a keyword field as Painless sees them: sorted, de-duplicated, long values dropped. */
function keywordDocValues(event: EcsEvent, field: string): string[] {
  const values = getValues(event, field).map(String).filter((v) => v.length <= KEYWORD_IGNORE_ABOVE);
  return [...new Set(values)].sort();
}

/**
 * LMD `file_directory` (lmd_rare_file_path_remote_transfer). The Painless:
 *   st  = file.path with '/' → '\', split on '\', last piece (the file name; '' when the path ends in a separator)
 *   st1 = the ORIGINAL file.path with every occurrence of st removed (Java String.replace replaces all)
 *   emit(st1), or 'None' when the document has no file.path doc value.
 * So "/home/a/x.txt" → "/home/a/", "C:\\Users\\a\\x.txt" → "C:\\Users\\a\\", and a name that also occurs inside the
 * directory is removed there too, exactly like Elastic.
 */
function lmdFileDirectory(event: EcsEvent): string {
  const values = keywordDocValues(event, 'file.path');
  if (values.length === 0) return 'None';
  const path = values[0];
  const pieces = path.replace(/\//g, '\\').split('\\');
  const name = pieces[pieces.length - 1];
  return name === '' ? path : path.split(name).join('');
}

export const RUNTIME_FIELD_DERIVATIONS: readonly RuntimeFieldDerivation[] = [
  {
    builtin: 'lmd_file_directory',
    usualName: 'file_directory',
    description: "directory part of file.path as LMD's Painless computes it ('None' without file.path)",
    fingerprint: 'e5160af91405027f',
    inputs: ['file.path'],
    derive: lmdFileDirectory,
  },
];

export function findDerivation(source: string): RuntimeFieldDerivation | undefined {
  const fp = scriptFingerprint(source);
  return RUNTIME_FIELD_DERIVATIONS.find((d) => d.fingerprint === fp);
}

export function derivationByBuiltin(builtin: string): RuntimeFieldDerivation | undefined {
  return RUNTIME_FIELD_DERIVATIONS.find((d) => d.builtin === builtin);
}
