/** Minimal glob support (`*`, `?`, `**`) because Node 20 has no fs.globSync. */

export function hasGlobChars(pattern: string): boolean {
  return /[*?]/.test(pattern);
}

/**
 * Splits a glob into the directory that holds no wildcard (where the walk starts) and the
 * pattern for paths relative to it: `logs/2024-*\/*.ndjson.gz` → `logs` + `2024-*\/*.ndjson.gz`.
 */
export function splitGlobBase(pattern: string): { base: string; rest: string } {
  const normalized = pattern.replace(/\\/g, '/');
  const parts = normalized.split('/');
  const firstGlob = parts.findIndex((p) => hasGlobChars(p));
  const baseParts = parts.slice(0, firstGlob);
  let base = baseParts.join('/');
  if (base === '' && normalized.startsWith('/')) base = '/';
  if (base === '') base = '.';
  return { base, rest: parts.slice(firstGlob).join('/') };
}

/** Compiles a relative glob to a RegExp over `/`-separated paths: `*` and `?` stay within one segment, `**` spans any. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const slashAfter = glob[i + 2] === '/';
        re += slashAfter ? '(?:.*/)?' : '.*';
        i += slashAfter ? 2 : 1;
      } else {
        re += '[^/]*';
      }
    } else if (c === '?') {
      re += '[^/]';
    } else {
      re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${re}$`);
}

/** True when the glob can only match paths with exactly this many segments (no `**`): lets the walk stop early. */
export function globDepth(glob: string): number | undefined {
  return glob.includes('**') ? undefined : glob.split('/').length;
}
