/** Lucene query_string lexemes: unquoted terms (with `*`/`?` wildcards and `\` escapes), phrases, regexes. */
import type { SourceText } from '../text/source-text.js';
import { escapeWildcardLiteral } from '../text/wildcard-escape.js';

export interface LuceneTerm {
  text: string;
  /** Elasticsearch wildcard pattern (wildcards unescaped, literal `*?\` escaped). */
  pattern: string;
  hasWildcard: boolean;
  start: number;
  end: number;
}

/** Characters that end an unquoted term (`-` and `+` are allowed inside one). */
const TERM_STOP = new Set([' ', '\t', '\n', '\r', '(', ')', ':', '^', '[', ']', '"', '{', '}', '~', '/']);

export function isLuceneSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';
}

export function readTerm(src: SourceText, start: number, stopAtColon = true): LuceneTerm {
  const t = src.text;
  let i = start;
  let text = '';
  let pattern = '';
  let hasWildcard = false;
  while (i < t.length) {
    const ch = t[i];
    if (ch === '\\') {
      if (i + 1 >= t.length) throw src.error('a backslash must escape a character', i);
      text += t[i + 1];
      pattern += escapeWildcardLiteral(t[i + 1]);
      i += 2;
      continue;
    }
    if (ch === '*' || ch === '?') { text += ch; pattern += ch; hasWildcard = true; i++; continue; }
    if (TERM_STOP.has(ch) && (stopAtColon || ch !== ':')) break;
    text += ch;
    pattern += escapeWildcardLiteral(ch);
    i++;
  }
  return { text, pattern, hasWildcard, start, end: i };
}

/** Reads `"…"`; `\` escapes the next character. */
export function readPhrase(src: SourceText, start: number): { text: string; end: number } {
  const t = src.text;
  let i = start + 1;
  let text = '';
  while (i < t.length && t[i] !== '"') {
    if (t[i] === '\\' && i + 1 < t.length) { text += t[i + 1]; i += 2; continue; }
    text += t[i++];
  }
  if (i >= t.length) throw src.error('unterminated phrase (missing closing ")', start);
  return { text, end: i + 1 };
}

/** Reads `/regex/`; `\/` stays an escaped slash in the pattern. */
export function readRegex(src: SourceText, start: number): { pattern: string; end: number } {
  const t = src.text;
  let i = start + 1;
  let pattern = '';
  while (i < t.length && t[i] !== '/') {
    if (t[i] === '\\' && i + 1 < t.length) {
      pattern += t[i + 1] === '/' ? '/' : t[i] + t[i + 1];
      i += 2;
      continue;
    }
    pattern += t[i++];
  }
  if (i >= t.length) throw src.error('unterminated regular expression (missing closing /)', start);
  return { pattern, end: i + 1 };
}
