/**
 * Full-text style tests without an index: values equal the query exactly (keyword fields), or their
 * lower-cased word tokens contain the query's tokens (text fields); free text looks in every field.
 */
import type { EcsEvent, EcsValue } from '../../ecs/index.js';
import type { FieldScalar } from './scalars.js';
import { compileWildcard } from './wildcard.js';

const WORD = /[\p{L}\p{N}]+/gu;

export function tokenize(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/** `match`: exact value, or any (operator or) / all (operator and) query tokens among the value's tokens. */
export function compileMatch(query: string, operator: 'or' | 'and'): (v: FieldScalar) => boolean {
  const wanted = tokenize(query);
  return (v) => {
    const s = String(v);
    if (s === query) return true;
    if (wanted.length === 0) return false;
    const have = tokenize(s);
    return operator === 'and' ? wanted.every((t) => have.includes(t)) : wanted.some((t) => have.includes(t));
  };
}

/** `match_phrase`: exact value, or the phrase's tokens appear consecutively in the value's tokens. */
export function compileMatchPhrase(phrase: string): (v: FieldScalar) => boolean {
  const wanted = tokenize(phrase);
  return (v) => {
    const s = String(v);
    if (s === phrase) return true;
    if (wanted.length === 0) return false;
    const have = tokenize(s);
    outer: for (let i = 0; i + wanted.length <= have.length; i++) {
      for (let j = 0; j < wanted.length; j++) if (have[i + j] !== wanted[j]) continue outer;
      return true;
    }
    return false;
  };
}

/** Free text: some scalar anywhere in the event contains `value` (case-insensitive) or matches the pattern. */
export function compileAnyField(value: string, isPattern: boolean): (event: EcsEvent) => boolean {
  const lower = value.toLowerCase();
  const test = isPattern ? compileWildcard(value, true) : (s: string) => s.toLowerCase().includes(lower);
  const visit = (node: EcsValue | undefined): boolean => {
    if (node === undefined || node === null) return false;
    if (typeof node !== 'object') return test(String(node));
    if (Array.isArray(node)) {
      for (const el of node) if (visit(el)) return true;
      return false;
    }
    for (const key in node) if (visit(node[key])) return true;
    return false;
  };
  return (event) => {
    for (const key in event) if (visit(event[key])) return true;
    return false;
  };
}
