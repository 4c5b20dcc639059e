/**
 * Parser threads read plain files in byte ranges of their own; whatever the range size, they must find exactly the
 * lines, over-long lines and offsets that the stream chunker finds (line-chunker.ts), and resume where it resumes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineChunker, type Chunk } from '../../src/sources/line-chunker.js';
import { LineRangeReader, type RangeSegment } from '../../src/sources/line-range.js';
import { tmpDir } from './tmp-files.js';

type Item = { line: [number, number]; text: string } | { tooLong: [number, number]; length: number; head: string };

/**
 * Whole lines one by one (a block's cut points are not part of the contract), over-long lines as they were skipped.
 * The chunker passes an over-long line that arrived within one read in a block, for the parser to report; it is
 * counted here as skipped, which is what the reader sees either way.
 */
function items(segments: Array<Chunk | RangeSegment>, maxLine: number): Item[] {
  const out: Item[] = [];
  for (const s of segments) {
    if (s.kind === 'too_long') {
      out.push({ tooLong: [s.start, s.end], length: s.length, head: Buffer.from(s.head).toString('latin1') });
      continue;
    }
    let at = 0;
    while (at < s.buf.length) {
      const nl = s.buf.indexOf(0x0a, at);
      const end = nl < 0 ? s.buf.length : nl + 1;
      const length = (nl < 0 ? s.buf.length : nl) - at;
      if (length > maxLine) {
        const head = s.buf.subarray(at, at + Math.min(length, 2048)).toString('latin1');
        out.push({ tooLong: [s.start + at, s.start + end], length, head });
      } else {
        out.push({ line: [s.start + at, s.start + end], text: s.buf.subarray(at, end).toString('latin1') });
      }
      at = end;
    }
  }
  return out;
}

function chunked(input: Buffer, maxLine: number, start = 0): Item[] {
  const chunker = new LineChunker(start, maxLine, 1 << 20);
  const out: Chunk[] = [];
  for (let i = start; i < input.length; i += 4096) out.push(...chunker.push(input.subarray(i, i + 4096)));
  out.push(...chunker.end());
  return items(out, maxLine);
}

function ranged(path: string, maxLine: number, rangeBytes: number, start = 0): { items: Item[]; end: number } {
  const reader = new LineRangeReader(maxLine);
  const segments: RangeSegment[] = [];
  let end = start;
  for (let s = start, first = true; ; s += rangeBytes, first = false) {
    const read = reader.read({ path, start: s, end: s + rangeBytes, startsLine: first });
    assert.ok(read.end >= end, 'range ends never move back');
    // Each window is reused by the next read: keep copies.
    for (const seg of read.segments) segments.push(seg.kind === 'lines' ? { ...seg, buf: Buffer.from(seg.buf) } : seg);
    end = read.end;
    if (read.eof) break;
  }
  return { items: items(segments, maxLine), end };
}

/**
 * Equal items, except that an over-long line's excerpt is its first 2 KiB from the reader, and may be shorter from
 * the chunker (which keeps what it had seen of the line when it gave up on it).
 */
function assertSameItems(got: Item[], expected: Item[], message: string): void {
  const heads = (list: Item[]) => list.map((i) => ('head' in i ? i.head : undefined));
  const withoutHeads = (list: Item[]) => list.map((i) => ('head' in i ? { ...i, head: undefined } : i));
  assert.deepEqual(withoutHeads(got), withoutHeads(expected), message);
  const expectedHeads = heads(expected);
  heads(got).forEach((head, k) => {
    if (head === undefined) return;
    const item = got[k] as { length: number };
    assert.equal(head.length, Math.min(2048, item.length), `${message}: a full excerpt`);
    assert.ok(head.startsWith(expectedHeads[k]!), `${message}: the chunker's excerpt is a prefix of the reader's`);
  });
}

const CASES: Record<string, Buffer> = {
  plain: Buffer.from(Array.from({ length: 300 }, (_, i) => `{"n":${i},"pad":"${'p'.repeat((i * 7) % 53)}"}`).join('\n') + '\n'),
  'no final newline': Buffer.from('{"a":1}\n{"b":2}\n{"c":3}'),
  'crlf and blank lines': Buffer.from('{"a":1}\r\n\r\n\n{"b":2}\r\n   \n{"c":3}\r\n'),
  bom: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a":1}\n{"b":2}\n')]),
  'bom then an over-long first line': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${'x'.repeat(700)}\n{"b":2}\n`)]),
  'over-long lines anywhere': Buffer.from(
    [`${'L'.repeat(650)}`, '{"a":1}', `${'M'.repeat(3000)}`, '', `${'N'.repeat(301)}`, '{"b":2}', `${'O'.repeat(5000)}`].join('\n'),
  ),
  'a line of exactly the limit': Buffer.from(`${'e'.repeat(300)}\n${'f'.repeat(301)}\n${'g'.repeat(299)}\n`),
  empty: Buffer.alloc(0),
  'only newlines': Buffer.from('\n\n\n'),
};

test('ranges of any size find the chunker\'s lines, over-long lines and offsets', () => {
  const dir = tmpDir();
  for (const [name, input] of Object.entries(CASES)) {
    const path = join(dir, `${name.replace(/\W+/g, '-')}.ndjson`);
    writeFileSync(path, input);
    const expected = chunked(input, 300);
    for (const rangeBytes of [1, 2, 3, 7, 64, 299, 300, 301, 1000, 1 << 20]) {
      const got = ranged(path, 300, rangeBytes);
      assertSameItems(got.items, expected, `${name}, ranges of ${rangeBytes} bytes`);
      assert.equal(got.end, input.length, `${name}, ranges of ${rangeBytes} bytes end at the end of the file`);
    }
  }
});

test('a resume offset (a line start) is read from without looking back, like the chunker', () => {
  const dir = tmpDir();
  const input = CASES['over-long lines anywhere'];
  const path = join(dir, 'resume.ndjson');
  writeFileSync(path, input);
  const lineStarts = [0, ...[...input.entries()].filter(([, b]) => b === 0x0a).map(([i]) => i + 1)].filter((o) => o < input.length);
  assert.ok(lineStarts.length > 4);
  for (const start of lineStarts) {
    for (const rangeBytes of [5, 100, 4096]) {
      assertSameItems(ranged(path, 300, rangeBytes, start).items, chunked(input, 300, start), `from ${start}, ranges of ${rangeBytes}`);
    }
  }
});

test('a range that begins inside an over-long line owns nothing of it, and one past the end owns nothing', () => {
  const dir = tmpDir();
  const path = join(dir, 'inside.ndjson');
  writeFileSync(path, `{"a":1}\n${'Z'.repeat(10_000)}\n{"b":2}\n`);
  const reader = new LineRangeReader(300);
  const inside = reader.read({ path, start: 3000, end: 3100, startsLine: false });
  assert.deepEqual(inside.segments, []);
  assert.equal(inside.end, 8 + 10_001, 'the next line after the long one is where the next range starts');
  const after = reader.read({ path, start: 50_000, end: 50_100, startsLine: false });
  assert.deepEqual(after, { segments: [], end: 50_000, eof: true });
});
