/**
 * IP → autonomous system (number and organisation) from @ip-location-db/asn's CSV ranges (RouteViews and
 * DB-IP, CC BY 4.0). Loaded on first use and searched by bisection.
 *
 * Loading is on the replay's critical path (every public address needs it), so the CSV is read as bytes:
 * numbers are parsed in place and an organisation name is decoded only when a lookup returns it. Loading the
 * 412k IPv4 rows this way takes ~0.1 s instead of ~0.25 s for splitting strings and interning every name.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseIPv6 } from './ip-address.js';

export interface AsnInfo {
  number: number;
  organization: string;
}

const require = createRequire(import.meta.url);

const COMMA = 44;
const NEWLINE = 10;
const CR = 13;
const QUOTE = 34;

/** Where each row's fields lie in the CSV bytes: `start,end,asn,organisation` (organisation possibly quoted). */
interface CsvRows {
  count: number;
  /** Byte offsets [start, end) of the first three fields and of the organisation text, 8 per row. */
  spans: Uint32Array;
}

/** Finds the field spans of every well-formed row; rows with fewer than four fields are skipped. */
function scanRows(csv: Buffer): CsvRows {
  let lines = 1;
  for (let i = csv.indexOf(NEWLINE); i >= 0; i = csv.indexOf(NEWLINE, i + 1)) lines++;
  const spans = new Uint32Array(lines * 8);
  let count = 0;
  let pos = 0;
  while (pos < csv.length) {
    let nl = csv.indexOf(NEWLINE, pos);
    if (nl < 0) nl = csv.length;
    const lineEnd = nl > pos && csv[nl - 1] === CR ? nl - 1 : nl;
    const c1 = commaBefore(csv, pos, lineEnd);
    const c2 = c1 < 0 ? -1 : commaBefore(csv, c1 + 1, lineEnd);
    const c3 = c2 < 0 ? -1 : commaBefore(csv, c2 + 1, lineEnd);
    if (c3 >= 0) {
      const at = count * 8;
      spans[at] = pos;
      spans[at + 1] = c1;
      spans[at + 2] = c1 + 1;
      spans[at + 3] = c2;
      spans[at + 4] = c2 + 1;
      spans[at + 5] = c3;
      spans[at + 6] = c3 + 1;
      spans[at + 7] = lineEnd;
      count++;
    }
    pos = nl + 1;
  }
  return { count, spans };
}

function commaBefore(csv: Uint8Array, from: number, end: number): number {
  for (let i = from; i < end; i++) if (csv[i] === COMMA) return i;
  return -1;
}

/** A non-negative decimal integer from ASCII digits; NaN when a byte is not a digit. */
function decimalAt(csv: Uint8Array, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const d = csv[i] - 48;
    if (d < 0 || d > 9) return NaN;
    n = n * 10 + d;
  }
  return start < end ? n : NaN;
}

/** Organisation names, decoded from the CSV bytes on first use and then kept (few ASes are ever looked up). */
class OrganisationNames {
  private readonly decoded = new Map<number, string>();
  constructor(
    private readonly csv: Buffer,
    private readonly starts: Uint32Array,
    private readonly ends: Uint32Array,
  ) {}

  of(row: number): string {
    let name = this.decoded.get(row);
    if (name === undefined) {
      let start = this.starts[row];
      let end = this.ends[row];
      const quoted = end - start >= 2 && this.csv[start] === QUOTE && this.csv[end - 1] === QUOTE;
      if (quoted) {
        start++;
        end--;
      }
      name = this.csv.toString('utf8', start, end);
      if (quoted) name = name.replace(/""/g, '"');
      this.decoded.set(row, name);
    }
    return name;
  }
}

/** The AS numbers and organisations of the rows whose addresses were accepted, in row order. */
interface AsnRows {
  size: number;
  asns: Uint32Array;
  orgs: OrganisationNames;
}

/**
 * Reads the rows of an ASN CSV: `accept(n, spans, at)` parses a row's start and end address texts (bytes
 * spans[at]..spans[at + 1] and spans[at + 2]..spans[at + 3] of `csv`) and stores them as entry `n`, or returns false
 * to skip the row; `allocate(rows)` comes first, with the number of rows there may be.
 */
function readAsnRows(
  csv: Buffer,
  allocate: (rows: number) => void,
  accept: (n: number, spans: Uint32Array, at: number) => boolean,
): AsnRows {
  const rows = scanRows(csv);
  const { spans } = rows;
  allocate(rows.count);
  const asns = new Uint32Array(rows.count);
  const orgStarts = new Uint32Array(rows.count);
  const orgEnds = new Uint32Array(rows.count);
  let n = 0;
  for (let r = 0; r < rows.count; r++) {
    const at = r * 8;
    const asn = decimalAt(csv, spans[at + 4], spans[at + 5]);
    if (Number.isNaN(asn) || !accept(n, spans, at)) continue;
    asns[n] = asn;
    orgStarts[n] = spans[at + 6];
    orgEnds[n] = spans[at + 7];
    n++;
  }
  return { size: n, asns, orgs: new OrganisationNames(csv, orgStarts, orgEnds) };
}

/**
 * Address ranges of one family, `words` 32-bit words per address (1 for IPv4, 4 for IPv6), sorted by start.
 * `parse` writes the address in bytes from..to of the CSV as `words` words at `into[at]`, or returns false.
 */
class AsnRangeTable {
  private starts = new Uint32Array(0);
  private ends = new Uint32Array(0);
  private readonly rows: AsnRows;

  constructor(
    csv: Buffer,
    private readonly words: number,
    parse: (from: number, to: number, into: Uint32Array, at: number) => boolean,
  ) {
    this.rows = readAsnRows(
      csv,
      (rows) => {
        this.starts = new Uint32Array(rows * words);
        this.ends = new Uint32Array(rows * words);
      },
      (n, spans, at) => parse(spans[at], spans[at + 1], this.starts, n * words) && parse(spans[at + 2], spans[at + 3], this.ends, n * words),
    );
  }

  lookup(address: Uint32Array): AsnInfo | undefined {
    const w = this.words;
    const i = lastStartAtOrBelow(this.rows.size, (k) => compareWords(this.starts, k * w, address, w) <= 0);
    if (i < 0 || compareWords(this.ends, i * w, address, w) < 0) return undefined;
    return { number: this.rows.asns[i], organization: this.rows.orgs.of(i) };
  }
}

function compareWords(arr: Uint32Array, at: number, w: Uint32Array, words: number): number {
  for (let j = 0; j < words; j++) if (arr[at + j] !== w[j]) return arr[at + j] < w[j] ? -1 : 1;
  return 0;
}

/** Largest index k in [0, n) with `atOrBelow(k)` true (which holds for a prefix of indexes), or -1. */
function lastStartAtOrBelow(n: number, atOrBelow: (k: number) => boolean): number {
  let lo = 0;
  let hi = n - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (atOrBelow(mid)) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

let v4Table: AsnRangeTable | undefined;
let v6Table: AsnRangeTable | undefined;
const v4Address = new Uint32Array(1);

export function lookupAsnV4(ip: number): AsnInfo | undefined {
  if (!v4Table) {
    const csv = readFileSync(require.resolve('@ip-location-db/asn/asn-ipv4-num.csv'));
    v4Table = new AsnRangeTable(csv, 1, (from, to, into, at) => {
      const n = decimalAt(csv, from, to);
      into[at] = n;
      return !Number.isNaN(n);
    });
  }
  v4Address[0] = ip;
  return v4Table.lookup(v4Address);
}

export function lookupAsnV6(words: Uint32Array): AsnInfo | undefined {
  if (!v6Table) {
    const csv = readFileSync(require.resolve('@ip-location-db/asn/asn-ipv6.csv'));
    v6Table = new AsnRangeTable(csv, 4, (from, to, into, at) => {
      const address = parseIPv6(csv.toString('latin1', from, to));
      if (address) into.set(address, at);
      return address !== undefined;
    });
  }
  return v6Table.lookup(words);
}
