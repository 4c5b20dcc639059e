/** A set of IPv4/IPv6 CIDR ranges with a fast membership test (numeric masks, no regex per lookup). */
import { parseIp, parseIPv4, parseIPv6, type ParsedIp } from './ip-address.js';

interface V4Range {
  base: number;
  mask: number;
}
interface V6Range {
  words: Uint32Array;
  prefix: number;
}

/** Parses `a.b.c.d/n`, `x::/n`, or a bare address (a /32 or /128); undefined when malformed. */
export function parseCidr(text: string): { v4: V4Range } | { v6: V6Range } | undefined {
  const slash = text.indexOf('/');
  const addr = (slash < 0 ? text : text.slice(0, slash)).trim();
  const prefixText = slash < 0 ? undefined : text.slice(slash + 1).trim();
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return undefined;
  const v4 = parseIPv4(addr);
  if (v4 >= 0) {
    const prefix = prefixText === undefined ? 32 : Number(prefixText);
    if (prefix > 32) return undefined;
    const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
    return { v4: { base: (v4 & mask) >>> 0, mask } };
  }
  const w = parseIPv6(addr);
  if (!w) return undefined;
  const prefix = prefixText === undefined ? 128 : Number(prefixText);
  if (prefix > 128) return undefined;
  return { v6: { words: maskWords(w, prefix), prefix } };
}

function maskWords(w: Uint32Array, prefix: number): Uint32Array {
  const out = new Uint32Array(4);
  for (let i = 0; i < 4; i++) {
    const bits = Math.max(0, Math.min(32, prefix - i * 32));
    const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
    out[i] = (w[i] & mask) >>> 0;
  }
  return out;
}

export class CidrSet {
  private readonly v4: V4Range[] = [];
  private readonly v6: V6Range[] = [];

  /** `ranges` must already be valid (see `parseCidr`); invalid entries throw. */
  constructor(readonly cidrs: readonly string[]) {
    for (const c of cidrs) {
      const r = parseCidr(c);
      if (!r) throw new Error(`invalid CIDR range: ${c}`);
      if ('v4' in r) this.v4.push(r.v4);
      else this.v6.push(r.v6);
    }
  }

  /** True when `ip` is a valid address inside one of the ranges (IPv4-mapped IPv6 counts as IPv4). */
  contains(ip: string): boolean {
    const p = parseIp(ip);
    return p !== undefined && this.containsParsed(p);
  }

  containsParsed(p: ParsedIp): boolean {
    if (p.v === 4) {
      for (const r of this.v4) if (((p.n & r.mask) >>> 0) === r.base) return true;
      return false;
    }
    for (const r of this.v6) {
      const m = maskWords(p.w, r.prefix);
      if (m[0] === r.words[0] && m[1] === r.words[1] && m[2] === r.words[2] && m[3] === r.words[3]) return true;
    }
    return false;
  }
}
