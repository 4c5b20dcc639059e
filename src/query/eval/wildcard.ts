/**
 * Elasticsearch wildcard patterns (`*`, `?`, `\` escape) compiled once into a string test; the common
 * shapes `lit`, `lit*`, `*lit`, `*lit*` use string methods instead of a RegExp.
 */
export type StringTest = (s: string) => boolean;

interface Piece { literal: string; wild: '*' | '?' | '' }

function split(pattern: string): Piece[] {
  const pieces: Piece[] = [];
  let literal = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && i + 1 < pattern.length) { literal += pattern[++i]; continue; }
    if (c === '*' || c === '?') { pieces.push({ literal, wild: c }); literal = ''; continue; }
    literal += c;
  }
  pieces.push({ literal, wild: '' });
  return pieces;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

export function compileWildcard(pattern: string, caseInsensitive: boolean): StringTest {
  const pieces = split(pattern);
  const fold = (s: string): string => (caseInsensitive ? s.toLowerCase() : s);
  const onlyStars = pieces.every((p) => p.wild !== '?');
  if (onlyStars) {
    const lits = pieces.map((p) => fold(p.literal));
    if (pieces.length === 1) { const lit = lits[0]; return caseInsensitive ? (s) => s.toLowerCase() === lit : (s) => s === lit; }
    if (pieces.length === 2 && lits[1] === '') { const lit = lits[0]; return caseInsensitive ? (s) => s.toLowerCase().startsWith(lit) : (s) => s.startsWith(lit); }
    if (pieces.length === 2 && lits[0] === '') { const lit = lits[1]; return caseInsensitive ? (s) => s.toLowerCase().endsWith(lit) : (s) => s.endsWith(lit); }
    if (pieces.length === 3 && lits[0] === '' && lits[2] === '') { const lit = lits[1]; return caseInsensitive ? (s) => s.toLowerCase().includes(lit) : (s) => s.includes(lit); }
  }
  let source = '^';
  for (const p of pieces) {
    source += escapeRegExp(p.literal);
    if (p.wild === '*') source += '.*';
    else if (p.wild === '?') source += '.';
  }
  const re = new RegExp(source + '$', caseInsensitive ? 'si' : 's');
  return (s) => re.test(s);
}
