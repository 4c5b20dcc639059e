/** KQL literals: quoted strings and unquoted values (which may hold spaces, `*` wildcards and `\` escapes). */
import type { SourceText } from '../text/source-text.js';
import { escapeWildcardLiteral } from '../text/wildcard-escape.js';

export interface KqlLiteral {
  /** Unescaped text (a `*` wildcard appears as `*`). */
  text: string;
  /** Elasticsearch wildcard pattern: wildcards as `*`, literal `*`, `?` and `\` escaped. */
  pattern: string;
  quoted: boolean;
  hasWildcard: boolean;
  start: number;
  end: number;
}

const SPECIAL = new Set(['\\', '(', ')', ':', '<', '>', '"', '*', '{', '}']);
const ESCAPABLE = new Set(['\\', '(', ')', ':', '<', '>', '"', '*', '{', '}']);
const WHITESPACE_ESCAPES: Record<string, string> = { t: '\t', r: '\r', n: '\n' };

export function isKqlSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';
}

/** True when `keyword` (case-insensitive) starts at `i` and is followed by whitespace, `(` or `"`. */
export function keywordAt(text: string, i: number, keyword: string): boolean {
  if (text.slice(i, i + keyword.length).toLowerCase() !== keyword) return false;
  const next = text[i + keyword.length];
  return isKqlSpace(next) || next === '(' || next === '"';
}

/** Reads a quoted string starting at the `"` at `start`. */
export function readQuoted(src: SourceText, start: number): KqlLiteral {
  const text = src.text;
  let i = start + 1;
  let out = '';
  while (i < text.length && text[i] !== '"') {
    const ch = text[i];
    if (ch === '\\' && i + 1 < text.length) {
      const next = text[i + 1];
      if (next === '"' || next === '\\') { out += next; i += 2; continue; }
      if (WHITESPACE_ESCAPES[next]) { out += WHITESPACE_ESCAPES[next]; i += 2; continue; }
      if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
        out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
        i += 6;
        continue;
      }
      // Kibana keeps unknown escapes as written (`"a\*b"` is the text a\*b).
      out += ch;
      i += 1;
      continue;
    }
    out += ch;
    i += 1;
  }
  if (i >= text.length) throw src.error('unterminated quoted string (missing closing ")', start);
  return { text: out, pattern: escapeWildcardLiteral(out), quoted: true, hasWildcard: false, start, end: i + 1 };
}

/**
 * Reads an unquoted value. Inner whitespace belongs to the value unless what follows it is
 * the end, a special character, or a keyword (`or`/`and`/`not` followed by whitespace).
 */
export function readUnquoted(src: SourceText, start: number): KqlLiteral {
  const text = src.text;
  let i = start;
  let out = '';
  let pattern = '';
  let hasWildcard = false;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '\\') {
      const next = text[i + 1];
      if (next === undefined) throw src.error('a backslash must escape a character', i);
      if (ESCAPABLE.has(next) || isKqlSpace(next)) { out += next; pattern += escapeWildcardLiteral(next); i += 2; continue; }
      if (WHITESPACE_ESCAPES[next]) { out += WHITESPACE_ESCAPES[next]; pattern += WHITESPACE_ESCAPES[next]; i += 2; continue; }
      if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
        const c = String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
        out += c; pattern += escapeWildcardLiteral(c); i += 6; continue;
      }
      const kw = ['and', 'or', 'not'].find((k) => text.slice(i + 1, i + 1 + k.length).toLowerCase() === k);
      if (kw) { const w = text.slice(i + 1, i + 1 + kw.length); out += w; pattern += w; i += 1 + kw.length; continue; }
      throw src.error(`invalid escape \\${next} (escape only \\ ( ) : < > " * { } whitespace, or a keyword)`, i);
    }
    if (ch === '*') { out += ch; pattern += '*'; hasWildcard = true; i += 1; continue; }
    if (SPECIAL.has(ch)) break;
    if (isKqlSpace(ch)) {
      let j = i;
      while (isKqlSpace(text[j])) j++;
      if (j >= text.length || SPECIAL.has(text[j]) && text[j] !== '\\' && text[j] !== '*') break;
      if (keywordAt(text, j, 'or') || keywordAt(text, j, 'and') || keywordAt(text, j, 'not')) break;
      const gap = text.slice(i, j);
      out += gap; pattern += gap; i = j;
      continue;
    }
    out += ch; pattern += escapeWildcardLiteral(ch); i += 1;
  }
  return { text: out, pattern, quoted: false, hasWildcard, start, end: i };
}
