/**
 * The reference the replay is compared with: one thread, a Buffer line splitter and `JSON.parse` of every line,
 * touching a field of each event so the parse cannot be skipped (deps.md §3) — plus a raw read that only counts
 * newlines, which warms the page cache and shows the I/O ceiling.
 */
import { closeSync, openSync, readSync } from 'node:fs';

const BLOCK_BYTES = 1024 * 1024;

export interface ScanResult {
  events: number;
  bytes: number;
  seconds: number;
}

/** Calls `onBlock` with each block of whole lines of each file (the tail of a block is carried into the next). */
export function forEachLineBlock(files: string[], onBlock: (data: Buffer) => number): number {
  let bytes = 0;
  const buf = Buffer.allocUnsafe(BLOCK_BYTES);
  for (const file of files) {
    const fd = openSync(file, 'r');
    try {
      let carry: Buffer = Buffer.alloc(0);
      for (;;) {
        const n = readSync(fd, buf, 0, buf.length, null);
        if (n === 0) break;
        bytes += n;
        const data = carry.length ? Buffer.concat([carry, buf.subarray(0, n)]) : buf.subarray(0, n);
        const consumed = onBlock(data);
        carry = Buffer.from(data.subarray(consumed));
      }
      // A last line without a newline still counts.
      if (carry.length) onBlock(Buffer.concat([carry, Buffer.from('\n')]));
    } finally {
      closeSync(fd);
    }
  }
  return bytes;
}

/** Counts lines without parsing: the cost of reading the bytes at all. */
export function rawReadLoop(files: string[]): ScanResult {
  const t0 = performance.now();
  let events = 0;
  const bytes = forEachLineBlock(files, (data) => {
    let last = -1;
    for (let nl = data.indexOf(10); nl >= 0; nl = data.indexOf(10, nl + 1)) {
      events++;
      last = nl;
    }
    return last + 1;
  });
  return { events, bytes, seconds: (performance.now() - t0) / 1000 };
}

interface TouchedFields {
  '@timestamp'?: unknown;
  host?: { name?: unknown };
}

/** JSON.parse of every non-empty line; the checksum uses @timestamp and host.name so every parse result is read. */
export function bareJsonParseLoop(files: string[]): ScanResult & { checksum: number } {
  const t0 = performance.now();
  let events = 0;
  let checksum = 0;
  const bytes = forEachLineBlock(files, (data) => {
    let start = 0;
    for (let nl = data.indexOf(10); nl >= 0; nl = data.indexOf(10, start)) {
      if (nl > start) {
        const doc = JSON.parse(data.toString('utf8', start, nl)) as TouchedFields;
        const ts = doc['@timestamp'];
        const host = doc.host?.name;
        checksum += (typeof ts === 'string' ? ts.length : 1) + (typeof host === 'string' ? host.length : 0);
        events++;
      }
      start = nl + 1;
    }
    return start;
  });
  return { events, bytes, seconds: (performance.now() - t0) / 1000, checksum };
}
