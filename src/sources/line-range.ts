/**
 * Reads the lines of one byte range of a plain file, in a parser thread, so that the engine thread never touches the
 * bytes (reading, copying and posting every block cost it about 0.6 s a month). A range [start, end) owns the lines
 * that *begin* inside it, so consecutive ranges cut a file into whole lines without knowing where lines end: each
 * range skips the tail of the line it starts in, and finishes the line that crosses its end. The blocks and
 * too-long lines it returns are the ones LineChunker makes from a stream (see line-chunker.ts), with the same offsets.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { RAW_EXCERPT_BYTES } from './raw-text.js';
import { startsWithBom, UTF8_BOM_BYTES } from './line-chunker.js';

export interface LineRange {
  path: string;
  start: number;
  end: number;
  /** `start` is known to begin a line (the file's start or a resume offset), so nothing before it is looked at. */
  startsLine: boolean;
}

/** `lines`: whole lines from byte `start` (a view of the reader's window, valid until its next read). */
export type RangeSegment =
  | { kind: 'lines'; buf: Buffer; start: number; end: number }
  | { kind: 'too_long'; start: number; end: number; head: Buffer; length: number };

export interface RangeLines {
  segments: RangeSegment[];
  /** Offset of the first line the range does not own: where the next range's lines begin. */
  end: number;
  /** The file ends within this range (nothing more to read after `end`). */
  eof: boolean;
}

const NEWLINE = 0x0a;
const FIND_STEP = 1024 * 1024;

/** One reader per thread: its window buffer is reused from range to range. */
export class LineRangeReader {
  private window = Buffer.alloc(0);

  constructor(readonly maxLineBytes: number) {}

  read(range: LineRange): RangeLines {
    const fd = openSync(range.path, 'r');
    try {
      return this.readOpen(fd, range);
    } finally {
      closeSync(fd);
    }
  }

  private readOpen(fd: number, range: LineRange): RangeLines {
    const size = fstatSync(fd).size;
    // The window covers the byte before `start` (is it a line end?), the range, and the longest allowed line after it
    // (or a too-long line's excerpt, if that is longer).
    const from = range.startsLine ? range.start : range.start - 1;
    const to = Math.min(size, range.end + Math.max(this.maxLineBytes, RAW_EXCERPT_BYTES) + 1);
    const length = Math.max(0, to - from);
    if (this.window.length < length) this.window = Buffer.allocUnsafe(length);
    const win = this.window.subarray(0, readFully(fd, this.window, length, from));
    const windowEnd = from + win.length;
    const at = (offset: number): number => offset - from;

    let pos = range.start;
    if (!range.startsLine && pos > 0) {
      // The line that began before `start` belongs to the previous range.
      if (pos - 1 >= windowEnd) return { segments: [], end: Math.max(pos, windowEnd), eof: true };
      if (win[at(pos - 1)] !== NEWLINE) {
        const nl = findNewline(fd, win, from, pos);
        if (nl < 0) return { segments: [], end: Math.max(pos, size), eof: true };
        pos = nl + 1;
      }
    }
    const segments: RangeSegment[] = [];
    let blockStart = pos;
    const closeBlock = (upTo: number): void => {
      // A byte-order mark can only open a file; like the chunker, it is dropped from a first block of whole lines.
      if (blockStart === 0 && startsWithBom(win, at(0), upTo)) blockStart = UTF8_BOM_BYTES;
      if (upTo > blockStart) segments.push({ kind: 'lines', buf: win.subarray(at(blockStart), at(upTo)), start: blockStart, end: upTo });
    };
    while (pos < range.end && pos < windowEnd) {
      const nl = win.indexOf(NEWLINE, at(pos));
      const lineEnd = nl < 0 ? windowEnd : from + nl;
      if (lineEnd - pos <= this.maxLineBytes) {
        pos = nl < 0 ? windowEnd : lineEnd + 1;
        continue;
      }
      // Too long: skipped as it is scanned, only its head is kept (as the chunker does for a stream).
      closeBlock(pos);
      const realEnd = nl < 0 ? findNewline(fd, win, from, pos) : lineEnd;
      const stop = realEnd < 0 ? size : realEnd;
      const next = realEnd < 0 ? size : realEnd + 1;
      const head = Buffer.from(win.subarray(at(pos), at(pos) + Math.min(RAW_EXCERPT_BYTES, stop - pos)));
      segments.push({ kind: 'too_long', start: pos, end: next, head, length: stop - pos });
      pos = next;
      blockStart = pos;
    }
    closeBlock(pos);
    return { segments, end: pos, eof: pos >= size };
  }
}

/** Reads up to `length` bytes at `position`; fewer only at the end of the file. */
function readFully(fd: number, into: Buffer, length: number, position: number): number {
  let got = 0;
  while (got < length) {
    const n = readSync(fd, into, got, length - got, position + got);
    if (n === 0) break;
    got += n;
  }
  return got;
}

/**
 * Offset of the first newline at or after `pos`, looking in the window first and then reading on (a line longer
 * than the window is only scanned, never held); -1 when the file ends first.
 */
function findNewline(fd: number, win: Buffer, from: number, pos: number): number {
  const inWindow = win.indexOf(NEWLINE, Math.max(0, pos - from));
  if (inWindow >= 0) return from + inWindow;
  const step = Buffer.allocUnsafe(FIND_STEP);
  for (let offset = Math.max(pos, from + win.length); ; ) {
    const n = readSync(fd, step, 0, FIND_STEP, offset);
    if (n === 0) return -1;
    const nl = step.subarray(0, n).indexOf(NEWLINE);
    if (nl >= 0) return offset + nl;
    offset += n;
  }
}
