/**
 * A minimal MaxMind DB (.mmdb) writer for tests: IPv4 or IPv6 trees (IPv4 networks of an IPv6 tree live under
 * ::/96, as in MaxMind's and DB-IP's databases), 24-bit records, and the data types geo databases use (maps,
 * strings, unsigned integers, doubles, arrays, booleans). Follows the MaxMind DB format spec, version 2.0. No npm
 * package writes MMDB files, and the real city databases are far too large to ship with the tests.
 */
type MmdbValue = string | number | boolean | MmdbValue[] | { [key: string]: MmdbValue };

export interface MmdbNetwork {
  /** `a.b.c.d/len` or an IPv6 `addr/len`. */
  cidr: string;
  data: MmdbValue;
}

const METADATA_MARKER = Buffer.from([0xab, 0xcd, 0xef, ...Buffer.from('MaxMind.com', 'ascii')]);

function control(type: number, size: number): Buffer {
  const head: number[] = [];
  const ext: number[] = [];
  let sizeBits: number;
  if (size < 29) sizeBits = size;
  else if (size < 285) { sizeBits = 29; ext.push(size - 29); }
  else if (size < 65_821) { sizeBits = 30; const s = size - 285; ext.push(s >> 8, s & 0xff); }
  else { sizeBits = 31; const s = size - 65_821; ext.push((s >> 16) & 0xff, (s >> 8) & 0xff, s & 0xff); }
  if (type <= 7) head.push((type << 5) | sizeBits);
  else head.push(sizeBits, type - 7);
  return Buffer.from([...head, ...ext]);
}

function unsigned(type: number, value: number): Buffer {
  const bytes: number[] = [];
  for (let v = BigInt(value); v > 0n; v >>= 8n) bytes.unshift(Number(v & 0xffn));
  return Buffer.concat([control(type, bytes.length), Buffer.from(bytes)]);
}

function encode(value: MmdbValue): Buffer {
  if (typeof value === 'string') {
    const bytes = Buffer.from(value, 'utf8');
    return Buffer.concat([control(2, bytes.length), bytes]);
  }
  if (typeof value === 'boolean') return control(14, value ? 1 : 0);
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= 0) return unsigned(value <= 0xffffffff ? 6 : 9, value);
    const bytes = Buffer.alloc(8);
    bytes.writeDoubleBE(value);
    return Buffer.concat([control(3, 8), bytes]);
  }
  if (Array.isArray(value)) return Buffer.concat([control(11, value.length), ...value.map(encode)]);
  const entries = Object.entries(value);
  return Buffer.concat([control(7, entries.length), ...entries.flatMap(([k, v]) => [encode(k), encode(v)])]);
}

/** The address's bits, most significant first, in a tree of `ipVersion`. */
function bitsOf(cidr: string, ipVersion: 4 | 6): { bits: number[]; length: number } {
  const [addr, len] = cidr.split('/');
  const prefix = Number(len);
  if (addr.includes('.')) {
    const n = addr.split('.').map(Number);
    const bits: number[] = [];
    for (const byte of n) for (let b = 7; b >= 0; b--) bits.push((byte >> b) & 1);
    return ipVersion === 4 ? { bits, length: prefix } : { bits: [...new Array(96).fill(0), ...bits], length: prefix + 96 };
  }
  if (ipVersion === 4) throw new Error(`IPv6 network ${cidr} in an IPv4 tree`);
  const [head, tail = ''] = addr.split('::');
  const part = (s: string) => (s ? s.split(':').map((h) => parseInt(h, 16)) : []);
  const h = part(head);
  const t = part(tail);
  const groups = [...h, ...new Array(8 - h.length - t.length).fill(0), ...t];
  const bits: number[] = [];
  for (const g of groups) for (let b = 15; b >= 0; b--) bits.push((g >> b) & 1);
  return { bits, length: prefix };
}

interface TrieNode { children: [TrieNode | number | undefined, TrieNode | number | undefined] }

/** The bytes of a database holding `networks` (which must not nest). */
export function writeMmdb(networks: MmdbNetwork[], opts: { ipVersion?: 4 | 6; databaseType?: string } = {}): Buffer {
  const ipVersion = opts.ipVersion ?? 6;
  const dataParts: Buffer[] = [];
  const dataOffsets: number[] = [];
  let dataLength = 0;
  for (const n of networks) {
    dataOffsets.push(dataLength);
    const bytes = encode(n.data);
    dataParts.push(bytes);
    dataLength += bytes.length;
  }
  const root: TrieNode = { children: [undefined, undefined] };
  networks.forEach((n, i) => {
    const { bits, length } = bitsOf(n.cidr, ipVersion);
    let node = root;
    for (let d = 0; d < length - 1; d++) {
      const next = node.children[bits[d]];
      if (typeof next === 'number') throw new Error(`${n.cidr} nests in another network`);
      node = next ?? (node.children[bits[d]] = { children: [undefined, undefined] });
    }
    node.children[bits[length - 1]] = -(i + 1); // a data leaf, resolved below
  });
  const nodes: TrieNode[] = [];
  const number = new Map<TrieNode, number>();
  const visit = (n: TrieNode) => {
    number.set(n, nodes.length);
    nodes.push(n);
    for (const c of n.children) if (c !== undefined && typeof c !== 'number') visit(c);
  };
  visit(root);
  const nodeCount = nodes.length;
  const tree = Buffer.alloc(nodeCount * 6);
  nodes.forEach((n, i) => {
    n.children.forEach((c, side) => {
      const value = c === undefined ? nodeCount : typeof c === 'number' ? nodeCount + 16 + dataOffsets[-c - 1] : number.get(c)!;
      tree.writeUIntBE(value, i * 6 + side * 3, 3);
    });
  });
  const metadata = encode({
    node_count: nodeCount,
    record_size: 24,
    ip_version: ipVersion,
    database_type: opts.databaseType ?? 'Outflow-Test-City',
    languages: ['en'],
    binary_format_major_version: 2,
    binary_format_minor_version: 0,
    build_epoch: 1_700_000_000,
    description: { en: 'test database' },
  });
  return Buffer.concat([tree, Buffer.alloc(16), ...dataParts, METADATA_MARKER, metadata]);
}
