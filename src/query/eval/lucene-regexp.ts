/**
 * Lucene regular expressions (Elasticsearch `regexp`, EQL `regex`) translated to anchored JavaScript ones.
 * Lucene matches the whole value, `.` includes newlines, `@` is any string, `#` the empty language and
 * `"…"` a literal; `^`/`$` are ordinary characters. Intersection (`&`), complement (`~`) and numeric
 * intervals (`<1-5>`) have no JavaScript equivalent and are rejected.
 */
function escapeChar(c: string): string {
  return /[.*+?^${}()|[\]\\/-]/.test(c) ? '\\' + c : c;
}

export function luceneRegexpToJs(pattern: string, caseInsensitive: boolean): RegExp {
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === '\\') {
      const n = pattern[i + 1];
      if (n === undefined) throw new Error('pattern ends with a lone backslash');
      out += /[dDsSwW]/.test(n) ? '\\' + n : escapeChar(n);
      i += 2;
    } else if (c === '[') {
      const close = classEnd(pattern, i);
      out += '[' + pattern.slice(i + 1, close).replace(/\\(.)/g, (_m, x: string) => (/[dDsSwW]/.test(x) ? '\\' + x : escapeChar(x))).replace(/(?<!\\)([[/])/g, '\\$1') + ']';
      i = close + 1;
    } else if (c === '"') {
      const close = pattern.indexOf('"', i + 1);
      if (close < 0) throw new Error('unterminated "…" literal');
      for (const ch of pattern.slice(i + 1, close)) out += escapeChar(ch);
      i = close + 1;
    } else if (c === '@') { out += '.*'; i++; }
    else if (c === '#') { out += '(?!)'; i++; }
    else if (c === '&') throw new Error('intersection (&) is not supported');
    else if (c === '~') throw new Error('complement (~) is not supported');
    else if (c === '<' && /^<\d+-\d+>/.test(pattern.slice(i))) throw new Error('numeric intervals (<n-m>) are not supported');
    else if (c === '^' || c === '$' || c === '/' || c === '<' || c === '>') { out += '\\' + c; i++; }
    else { out += c; i++; }
  }
  return new RegExp('^(?:' + out + ')$', caseInsensitive ? 'si' : 's');
}

function classEnd(pattern: string, open: number): number {
  for (let i = open + 1; i < pattern.length; i++) {
    if (pattern[i] === '\\') { i++; continue; }
    if (pattern[i] === ']' && i > open + 1 + (pattern[open + 1] === '^' ? 1 : 0)) return i;
  }
  throw new Error('unterminated character class [');
}
