/** Typed access to Elasticsearch DSL JSON with ConfigErrors that name the exact key path and the fix. */
import { ConfigError } from '../../errors.js';
import type { Scalar } from '../ast.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export class DslReader {
  constructor(readonly where: string) {}

  fail(path: string, problem: string, fix?: string): ConfigError {
    return new ConfigError(this.where, path, problem, fix);
  }

  object(value: unknown, path: string, what = 'an object'): JsonObject {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw this.fail(path, `expected ${what}, got ${describe(value)}`);
    return value as JsonObject;
  }

  /** `{ "<field>": spec }` plus optional extra keys such as boost/_name; returns the one field and its spec. */
  singleField(value: unknown, path: string, extraKeys: string[] = ['boost', '_name']): { field: string; spec: Json } {
    const obj = this.object(value, path);
    const fields = Object.keys(obj).filter((k) => !extraKeys.includes(k));
    if (fields.length !== 1) throw this.fail(path, `expected exactly one field name, got ${fields.length ? fields.join(', ') : 'none'}`, 'write {"<field>": …}');
    return { field: fields[0], spec: obj[fields[0]] };
  }

  scalar(value: unknown, path: string): Scalar {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
    throw this.fail(path, `expected a string, number or boolean, got ${describe(value)}`);
  }

  string(value: unknown, path: string): string {
    if (typeof value === 'string') return value;
    throw this.fail(path, `expected a string, got ${describe(value)}`);
  }

  boolean(value: unknown, path: string, fallback: boolean): boolean {
    if (value === undefined) return fallback;
    if (typeof value === 'boolean') return value;
    if (value === 'true' || value === 'false') return value === 'true';
    throw this.fail(path, `expected true or false, got ${describe(value)}`);
  }

  /** Clauses given as one object or an array of objects (both are valid in `bool`). */
  clauses(value: unknown, path: string): Array<{ clause: Json; path: string }> {
    if (value === undefined) return [];
    if (Array.isArray(value)) return value.map((clause, i) => ({ clause: clause as Json, path: `${path}[${i}]` }));
    return [{ clause: value as Json, path }];
  }

  /** Rejects keys we do not understand instead of silently ignoring them. */
  onlyKeys(obj: JsonObject, allowed: string[], path: string): void {
    for (const key of Object.keys(obj)) {
      if (!allowed.includes(key)) throw this.fail(`${path}.${key}`, `unsupported option ${key}`, `remove it; supported: ${allowed.join(', ')}`);
    }
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}
