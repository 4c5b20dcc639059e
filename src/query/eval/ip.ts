/** IPv4/IPv6 parsing and CIDR membership, reusing one buffer so per-event checks do not allocate. */

/** An address as eight 16-bit words; IPv4 is stored IPv4-mapped (::ffff:a.b.c.d). */
type Words = Uint16Array;

const scratch = new Uint16Array(8);

function parseIpv4(s: string, out: Words, at: number): boolean {
  let part = 0;
  let digits = 0;
  let octets = 0;
  let value = 0;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 46;
    if (c === 46) {
      if (digits === 0 || part > 255 || octets === 4) return false;
      value = value * 256 + part;
      octets++;
      part = 0;
      digits = 0;
    } else if (c >= 48 && c <= 57) {
      part = part * 10 + (c - 48);
      if (++digits > 3) return false;
    } else return false;
  }
  if (octets !== 4) return false;
  out[at] = Math.floor(value / 65536);
  out[at + 1] = value % 65536;
  return true;
}

/** Parses into `out` (8 words); false when `s` is not an IP address. Zone ids (`%eth0`) are ignored. */
export function parseIp(s: string, out: Words = scratch): boolean {
  const pct = s.indexOf('%');
  if (pct >= 0) s = s.slice(0, pct);
  if (!s.includes(':')) {
    out.fill(0, 0, 5);
    out[5] = 0xffff;
    return parseIpv4(s, out, 6);
  }
  const halves = s.split('::');
  if (halves.length > 2) return false;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const words: number[] = [];
  const parseGroups = (groups: string[], target: number[]): boolean => {
    for (let i = 0; i < groups.length; i++) {
      const g = groups[i];
      if (i === groups.length - 1 && g.includes('.')) {
        const tmp = new Uint16Array(2);
        if (!parseIpv4(g, tmp, 0)) return false;
        target.push(tmp[0], tmp[1]);
      } else {
        if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return false;
        target.push(parseInt(g, 16));
      }
    }
    return true;
  };
  const tailWords: number[] = [];
  if (!parseGroups(head, words) || !parseGroups(tail, tailWords)) return false;
  const missing = 8 - words.length - tailWords.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return false;
  let k = 0;
  for (const w of words) out[k++] = w;
  for (let i = 0; i < missing; i++) out[k++] = 0;
  for (const w of tailWords) out[k++] = w;
  return true;
}

export function isIpLiteral(s: string): boolean {
  return parseIp(s, new Uint16Array(8));
}

export function ipEquals(a: string, b: string): boolean {
  const x = new Uint16Array(8);
  if (!parseIp(a, x) || !parseIp(b, scratch)) return false;
  for (let i = 0; i < 8; i++) if (x[i] !== scratch[i]) return false;
  return true;
}

interface Block { words: Words; prefix: number }

/** Parses `addr/len` (or a bare address); IPv4 prefixes are shifted into the IPv4-mapped range. */
export function parseCidr(text: string): Block | undefined {
  const slash = text.indexOf('/');
  const addr = slash < 0 ? text : text.slice(0, slash);
  const words = new Uint16Array(8);
  if (!parseIp(addr, words)) return undefined;
  const isV4 = !addr.includes(':');
  const max = isV4 ? 32 : 128;
  let prefix = max;
  if (slash >= 0) {
    const p = text.slice(slash + 1);
    if (!/^\d{1,3}$/.test(p) || Number(p) > max) return undefined;
    prefix = Number(p);
  }
  return { words, prefix: isV4 ? prefix + 96 : prefix };
}

function inBlock(ip: Words, block: Block): boolean {
  let bits = block.prefix;
  for (let i = 0; i < 8 && bits > 0; i++) {
    const take = bits >= 16 ? 16 : bits;
    const mask = (0xffff << (16 - take)) & 0xffff;
    if ((ip[i] & mask) !== (block.words[i] & mask)) return false;
    bits -= take;
  }
  return true;
}

/** A membership test for the blocks, or undefined when any block is not a valid address/CIDR. */
export function compileCidrTest(blocks: string[]): ((ip: string) => boolean) | undefined {
  const parsed: Block[] = [];
  for (const b of blocks) {
    const block = parseCidr(b.trim());
    if (!block) return undefined;
    parsed.push(block);
  }
  return (ip) => {
    if (!parseIp(ip, scratch)) return false;
    for (const b of parsed) if (inBlock(scratch, b)) return true;
    return false;
  };
}
