/** Fast IP text → number parsing (no regex per call): IPv4 as an unsigned 32-bit number, IPv6 as four 32-bit words. */

/** The IPv4 address as an unsigned 32-bit number, or -1 when `s` is not a dotted quad. */
export function parseIPv4(s: string): number {
  let value = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      part = part * 10 + (c - 48);
      if (++digits > 3 || part > 255) return -1;
    } else if (c === 46) {
      if (digits === 0 || ++dots > 3) return -1;
      value = value * 256 + part;
      part = 0;
      digits = 0;
    } else {
      return -1;
    }
  }
  if (dots !== 3 || digits === 0) return -1;
  return value * 256 + part;
}

/**
 * The IPv6 address as four big-endian 32-bit words, or undefined. Accepts `::` compression, an embedded
 * IPv4 tail (`::ffff:10.0.0.1`) and a zone suffix (`fe80::1%eth0`).
 */
export function parseIPv6(input: string): Uint32Array | undefined {
  let s = input;
  const zone = s.indexOf('%');
  if (zone >= 0) s = s.slice(0, zone);
  if (s.length < 2 || s.indexOf(':') < 0) return undefined;
  const groups: number[] = [];
  let gap = -1;
  let i = 0;
  if (s.startsWith('::')) {
    gap = 0;
    i = 2;
  } else if (s[0] === ':') {
    return undefined;
  }
  while (i < s.length) {
    const next = s.indexOf(':', i);
    const end = next < 0 ? s.length : next;
    const token = s.slice(i, end);
    if (token.includes('.')) {
      if (next >= 0) return undefined; // an IPv4 tail must come last
      const v4 = parseIPv4(token);
      if (v4 < 0) return undefined;
      groups.push(Math.floor(v4 / 65536), v4 % 65536);
    } else {
      if (token.length === 0 || token.length > 4) return undefined;
      const g = parseInt(token, 16);
      if (Number.isNaN(g) || !/^[0-9a-fA-F]+$/.test(token)) return undefined;
      groups.push(g);
    }
    if (next < 0) break;
    if (s[next + 1] === ':') {
      if (gap >= 0) return undefined; // only one `::`
      gap = groups.length;
      i = next + 2;
      if (i === s.length) break;
    } else {
      i = next + 1;
      if (i === s.length) return undefined; // trailing single ':'
    }
  }
  if (gap < 0 ? groups.length !== 8 : groups.length > 7) return undefined;
  const full = gap < 0 ? groups : [...groups.slice(0, gap), ...new Array<number>(8 - groups.length).fill(0), ...groups.slice(gap)];
  const words = new Uint32Array(4);
  for (let w = 0; w < 4; w++) words[w] = ((full[2 * w] << 16) | full[2 * w + 1]) >>> 0;
  return words;
}

/** A parsed address: IPv4 (including IPv4-mapped IPv6, which is the same host) or IPv6. */
export type ParsedIp = { v: 4; n: number } | { v: 6; w: Uint32Array };

export function parseIp(s: string): ParsedIp | undefined {
  const v4 = parseIPv4(s);
  if (v4 >= 0) return { v: 4, n: v4 };
  const w = parseIPv6(s);
  if (!w) return undefined;
  if (w[0] === 0 && w[1] === 0 && w[2] === 0xffff) return { v: 4, n: w[3] };
  return { v: 6, w };
}

/** Dotted-quad text of an unsigned 32-bit IPv4 number. */
export function formatIPv4(n: number): string {
  return `${(n >>> 24) & 255}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}
