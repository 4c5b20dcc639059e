/**
 * Cuts a byte stream into blocks of whole lines, tracking exact byte offsets, so that parsing can be
 * spread over threads and a resume point is always a line boundary. A line longer than the limit is
 * skipped as it streams past (only its first 2 KiB are kept for the dead-letter record).
 */
import { RAW_EXCERPT_BYTES } from './raw-text.js';

/** `lines`: a block of whole lines starting at byte `start`. `too_long`: one skipped line. */
export type Chunk =
  | { kind: 'lines'; buf: Buffer; start: number; end: number }
  | { kind: 'too_long'; start: number; end: number; head: Buffer; length: number };

const NEWLINE = 0x0a;
/** UTF-8 byte-order mark: dropped from the start of a file. */
export const UTF8_BOM_BYTES = 3;

/** Whether the bytes at `at` (with `length` bytes of whole lines from there) start with a UTF-8 byte-order mark. */
export function startsWithBom(bytes: Uint8Array, at: number, length: number): boolean {
  return length >= UTF8_BOM_BYTES && bytes[at] === 0xef && bytes[at + 1] === 0xbb && bytes[at + 2] === 0xbf;
}

export class LineChunker {
  private pending: Buffer[] = [];
  private pendingLength = 0;
  /** Offset of the first pending byte (always the start of a line). */
  private pendingStart: number;
  /** Bytes at the end of `pending` after its last newline: the line still being received. */
  private partialLength = 0;
  /** Absolute offset of the next byte to arrive. */
  private offset: number;
  private skipping: { start: number; head: Buffer; length: number } | undefined;
  private bomChecked: boolean;

  constructor(
    startOffset: number,
    private readonly maxLineBytes: number,
    private readonly blockBytes: number,
  ) {
    this.offset = startOffset;
    this.pendingStart = startOffset;
    this.bomChecked = startOffset !== 0; // a BOM can only be at the very start of a file
  }

  push(data: Buffer): Chunk[] {
    const out: Chunk[] = [];
    let i = 0;
    while (i < data.length) {
      if (this.skipping) {
        const nl = data.indexOf(NEWLINE, i);
        if (nl < 0) {
          this.skipping.length += data.length - i;
          break;
        }
        this.skipping.length += nl - i;
        out.push({ kind: 'too_long', start: this.skipping.start, end: this.offset + nl + 1, head: this.skipping.head, length: this.skipping.length });
        this.skipping = undefined;
        i = nl + 1;
        this.pendingStart = this.offset + i;
        continue;
      }
      const firstNl = data.indexOf(NEWLINE, i);
      if (firstNl < 0) {
        this.appendPartial(data.subarray(i), out);
        break;
      }
      if (this.partialLength + (firstNl - i) > this.maxLineBytes) {
        // The line in progress ends here but is over the limit: emit the whole lines before it, then the skip.
        const head = this.partialHead(data.subarray(i, firstNl));
        const length = this.partialLength + (firstNl - i);
        const start = this.dropPartial(out);
        out.push({ kind: 'too_long', start, end: this.offset + firstNl + 1, head, length });
        i = firstNl + 1;
        this.pendingStart = this.offset + i;
        continue;
      }
      // Whole lines up to the last newline, cut into blocks of about `blockBytes` at line ends.
      const lastNl = data.lastIndexOf(NEWLINE);
      let from = i;
      while (from <= lastNl) {
        const room = Math.max(1, this.blockBytes - this.pendingLength);
        const cut = data.indexOf(NEWLINE, Math.min(from + room - 1, lastNl));
        this.pending.push(data.subarray(from, cut + 1));
        this.pendingLength += cut + 1 - from;
        this.partialLength = 0;
        if (this.pendingLength >= this.blockBytes) this.flushWhole(out);
        from = cut + 1;
      }
      i = lastNl + 1;
    }
    this.offset += data.length;
    return out;
  }

  /** End of stream: the last line may lack its newline. */
  end(): Chunk[] {
    const out: Chunk[] = [];
    if (this.skipping) {
      out.push({ kind: 'too_long', start: this.skipping.start, end: this.offset, head: this.skipping.head, length: this.skipping.length });
      this.skipping = undefined;
      this.pendingStart = this.offset;
      return out;
    }
    this.partialLength = 0;
    this.flushWhole(out);
    return out;
  }

  /** The stream broke: emit the whole lines received so far and drop the line in progress. */
  abort(): Chunk[] {
    const out: Chunk[] = [];
    if (!this.skipping) this.dropPartial(out);
    this.skipping = undefined;
    return out;
  }

  private appendPartial(tail: Buffer, out: Chunk[]): void {
    if (this.partialLength + tail.length > this.maxLineBytes) {
      const head = this.partialHead(tail);
      const length = this.partialLength + tail.length;
      const start = this.dropPartial(out);
      this.skipping = { start, head, length };
      return;
    }
    this.pending.push(tail);
    this.pendingLength += tail.length;
    this.partialLength += tail.length;
  }

  /** First bytes of the line in progress (pending partial + `more`), for the dead-letter excerpt. */
  private partialHead(more: Buffer): Buffer {
    const partial = this.takeTail(this.partialLength);
    return Buffer.concat([partial, more.subarray(0, RAW_EXCERPT_BYTES)]).subarray(0, RAW_EXCERPT_BYTES);
  }

  /** Emits the whole lines in `pending` and forgets the partial line; returns the partial line's start offset. */
  private dropPartial(out: Chunk[]): number {
    const partial = this.partialLength;
    this.pendingLength -= partial;
    this.pending = [Buffer.concat(this.pending).subarray(0, this.pendingLength)];
    this.partialLength = 0;
    this.flushWhole(out);
    return this.pendingStart;
  }

  private takeTail(n: number): Buffer {
    if (n === 0) return Buffer.alloc(0);
    const all = Buffer.concat(this.pending);
    return all.subarray(all.length - n);
  }

  /** Emits everything pending except the partial line as one block. */
  private flushWhole(out: Chunk[]): void {
    let wholeLength = this.pendingLength - this.partialLength;
    if (wholeLength > 0) {
      let all = this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending, this.pendingLength);
      if (!this.bomChecked) {
        // Checked on the first block rather than the first read, which may be shorter than the BOM.
        this.bomChecked = true;
        if (this.pendingStart === 0 && startsWithBom(all, 0, wholeLength)) {
          all = all.subarray(UTF8_BOM_BYTES);
          wholeLength -= UTF8_BOM_BYTES;
          this.pendingLength -= UTF8_BOM_BYTES;
          this.pendingStart += UTF8_BOM_BYTES;
        }
      }
      // Copy into memory of its own (not Node's shared small-buffer pool), so the block can be moved to a worker thread.
      const block = Buffer.from(new Uint8Array(all.subarray(0, wholeLength)).buffer);
      out.push({ kind: 'lines', buf: block, start: this.pendingStart, end: this.pendingStart + wholeLength });
      const rest = all.subarray(wholeLength);
      this.pending = rest.length ? [rest] : [];
      this.pendingLength = rest.length;
      this.pendingStart += wholeLength;
    }
  }
}
