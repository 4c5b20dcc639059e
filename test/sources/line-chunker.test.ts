/** Exact byte offsets of line blocks, however the stream happens to be cut into pieces. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineChunker, type Chunk } from '../../src/sources/line-chunker.js';

function run(input: Buffer, pieceSize: number, maxLine: number, blockBytes: number, start = 0): Chunk[] {
  const chunker = new LineChunker(start, maxLine, blockBytes);
  const out: Chunk[] = [];
  for (let i = 0; i < input.length; i += pieceSize) out.push(...chunker.push(input.subarray(i, i + pieceSize)));
  out.push(...chunker.end());
  return out;
}

test('blocks are contiguous, cover every byte and end on line boundaries, for any piece size', () => {
  const lines = Array.from({ length: 200 }, (_, i) => `{"n":${i},"pad":"${'p'.repeat(i % 37)}"}`);
  const input = Buffer.from(lines.join('\n') + '\n');
  for (const piece of [1, 7, 64, 1000, input.length]) {
    const chunks = run(input, piece, 1000, 300);
    let offset = 0;
    for (const c of chunks) {
      assert.equal(c.kind, 'lines');
      assert.equal(c.start, offset, `piece ${piece}: contiguous`);
      if (c.kind === 'lines') {
        assert.equal(c.buf.length, c.end - c.start);
        assert.deepEqual(c.buf, input.subarray(c.start, c.end));
        assert.equal(c.buf[c.buf.length - 1], 0x0a);
      }
      offset = c.end;
    }
    assert.equal(offset, input.length);
  }
});

test('an over-long line arriving in pieces becomes one too_long chunk with its exact extent and a short head', () => {
  const long = 'L'.repeat(5000);
  const input = Buffer.from(`short1\n${long}\nshort2\n`);
  // (A long line wholly inside one read goes out in a block; the parser reports it.)
  for (const piece of [3, 100, 4096]) {
    const chunks = run(input, piece, 1000, 1 << 20);
    const tooLong = chunks.filter((c) => c.kind === 'too_long');
    assert.equal(tooLong.length, 1, `piece ${piece}`);
    const t = tooLong[0];
    assert.equal(t.start, 7);
    assert.equal(t.end, 7 + 5001);
    if (t.kind === 'too_long') {
      assert.equal(t.length, 5000);
      assert.ok(t.head.length <= 2048 && t.head.every((b) => b === 0x4c));
    }
    const text = chunks.filter((c) => c.kind === 'lines').map((c) => (c.kind === 'lines' ? c.buf.toString() : '')).join('');
    assert.equal(text, 'short1\nshort2\n');
  }
});

test('a BOM at the start of a file is skipped but counted in offsets; resume offsets are kept', () => {
  const input = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a\nb\n')]);
  const chunks = run(input, 2, 100, 100);
  assert.deepEqual(chunks.map((c) => [c.start, c.end]), [[3, 7]]);
  const resumed = run(Buffer.from('c\n'), 10, 100, 100, 500);
  assert.deepEqual(resumed.map((c) => [c.start, c.end]), [[500, 502]]);
});
