/** EQL tokens: identifiers (with `~` suffix), backquoted names, strings ("…", '…', """raw"""), numbers, operators. */
import type { SourceText } from '../text/source-text.js';

export type EqlTokenKind = 'ident' | 'quoted_ident' | 'string' | 'number' | 'punct' | 'eof';

export interface EqlToken {
  kind: EqlTokenKind;
  /** Identifier/punctuation text, or the decoded string value. */
  text: string;
  /** `like~`, `startsWith~`: the identifier was followed directly by `~`. */
  tilde: boolean;
  value?: number;
  start: number;
  end: number;
}

const PUNCT = ['==', '!=', '<=', '>=', '(', ')', '[', ']', ',', '.', '<', '>', ':', '+', '-', '*', '/', '%', '?', '|', '=', '!', '~'];
const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', "'": "'", '\\': '\\' };

export function tokenizeEql(src: SourceText): EqlToken[] {
  const t = src.text;
  const out: EqlToken[] = [];
  let i = 0;
  while (i < t.length) {
    const ch = t[i];
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') { i++; continue; }
    if (t.startsWith('//', i)) { while (i < t.length && t[i] !== '\n') i++; continue; }
    if (t.startsWith('/*', i)) {
      const close = t.indexOf('*/', i + 2);
      if (close < 0) throw src.error('unterminated comment (missing */)', i);
      i = close + 2;
      continue;
    }
    const start = i;
    if (/[A-Za-z_@]/.test(ch)) {
      while (i < t.length && /[A-Za-z0-9_@]/.test(t[i])) i++;
      const tilde = t[i] === '~';
      out.push({ kind: 'ident', text: t.slice(start, i), tilde, start, end: tilde ? ++i : i });
      continue;
    }
    if (ch === '`') { i = readBackquoted(src, i, out); continue; }
    if (t.startsWith('"""', i)) {
      const close = t.indexOf('"""', i + 3);
      if (close < 0) throw src.error('unterminated raw string (missing closing """)', i);
      out.push({ kind: 'string', text: t.slice(i + 3, close), tilde: false, start, end: close + 3 });
      i = close + 3;
      continue;
    }
    if (ch === '"' || ch === "'") { i = readString(src, i, out); continue; }
    if (/[0-9]/.test(ch)) {
      const m = /^(\d+\.?\d*(?:[eE][+-]?\d+)?)/.exec(t.slice(i))!;
      const text = m[1];
      out.push({ kind: 'number', text, value: Number(text), tilde: false, start, end: i + text.length });
      i += text.length;
      continue;
    }
    const p = PUNCT.find((x) => t.startsWith(x, i));
    if (!p) throw src.error(`unexpected character ${JSON.stringify(ch)}`, i);
    out.push({ kind: 'punct', text: p, tilde: false, start, end: i + p.length });
    i += p.length;
  }
  out.push({ kind: 'eof', text: '', tilde: false, start: t.length, end: t.length });
  return out;
}

function readBackquoted(src: SourceText, start: number, out: EqlToken[]): number {
  const t = src.text;
  let i = start + 1;
  let text = '';
  for (;;) {
    if (i >= t.length) throw src.error('unterminated backquoted field name (missing `)', start);
    if (t[i] === '`') {
      if (t[i + 1] === '`') { text += '`'; i += 2; continue; } // `` is an escaped backquote
      break;
    }
    text += t[i++];
  }
  out.push({ kind: 'quoted_ident', text, tilde: false, start, end: i + 1 });
  return i + 1;
}

function readString(src: SourceText, start: number, out: EqlToken[]): number {
  const t = src.text;
  const quote = t[start];
  let i = start + 1;
  let text = '';
  for (;;) {
    if (i >= t.length || t[i] === '\n') throw src.error(`unterminated string (missing closing ${quote})`, start);
    const ch = t[i];
    if (ch === quote) break;
    if (ch === '\\') {
      const next = t[i + 1];
      if (next !== undefined && ESCAPES[next] !== undefined) { text += ESCAPES[next]; i += 2; continue; }
      const uni = /^u\{([0-9a-fA-F]{2,8})\}/.exec(t.slice(i + 1));
      if (uni) {
        const code = parseInt(uni[1], 16);
        if (code > 0x10ffff) throw src.error(`invalid unicode escape \\u{${uni[1]}}`, i);
        text += String.fromCodePoint(code);
        i += 1 + uni[0].length;
        continue;
      }
      throw src.error(`invalid escape sequence \\${next ?? ''} (use \\\\ for a backslash)`, i);
    }
    text += ch;
    i++;
  }
  out.push({ kind: 'string', text, tilde: false, start, end: i + 1 });
  return i + 1;
}
