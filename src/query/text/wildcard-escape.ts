/** Elasticsearch wildcard pattern helpers: escaping literal text, converting EQL patterns. */
export function escapeWildcardLiteral(text: string): string {
  return text.replace(/[\\*?]/g, (c) => '\\' + c);
}

/**
 * EQL wildcards: `*` (and `?` for `like`) are wildcards, every other character is literal —
 * backslashes too, so Windows paths like "C:\\Windows\\*" work as written. Undefined when no wildcard.
 */
export function eqlWildcardToPattern(value: string, questionMarkIsWildcard: boolean): string | undefined {
  let pattern = '';
  let wild = false;
  for (const ch of value) {
    if (ch === '*' || (ch === '?' && questionMarkIsWildcard)) { pattern += ch; wild = true; }
    else if (ch === '\\' || ch === '?') pattern += '\\' + ch;
    else pattern += ch;
  }
  return wild ? pattern : undefined;
}
