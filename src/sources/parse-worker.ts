/**
 * Worker-thread entry: parses blocks of lines sent by the parser pool, or reads a byte range of a file itself and
 * parses its lines (see line-range.ts), and answers with the parsed blocks.
 */
import { parentPort } from 'node:worker_threads';
import { parseLines, type ParseConfig, type ParsedBlock } from './parse-lines.js';
import { loadEventJudge } from './event-interest-host.js';
import { LineRangeReader, type LineRange } from './line-range.js';
import type { ParsedRange, ParsedSegment } from './parser-pool.js';

/** `config` comes with a worker's first request and whenever it changes; it holds for the requests after it. */
type ParseRequest = { id: number; config?: ParseConfig } & ({ bytes: Uint8Array } | { range: LineRange });

let current: ParseConfig | undefined;

/** The typed arrays of a parsed block, moved to the engine rather than copied. */
function movable(block: ParsedBlock, into: ArrayBuffer[]): void {
  into.push(block.relLines.buffer as ArrayBuffer, block.times.buffer as ArrayBuffer);
  if (block.touch) into.push(block.touch.buffer as ArrayBuffer);
  if (block.routes) into.push(block.routes.buffer as ArrayBuffer);
  if (block.batch) into.push(block.batch.codes.buffer as ArrayBuffer, block.batch.nums.buffer as ArrayBuffer, block.batch.text.buffer as ArrayBuffer);
}

let reader: LineRangeReader | undefined;

function parseRange(range: LineRange, config: ParseConfig, moved: ArrayBuffer[]): ParsedRange {
  if (reader?.maxLineBytes !== config.maxLineBytes) reader = new LineRangeReader(config.maxLineBytes);
  let read;
  try {
    read = reader.read(range);
  } catch (err) {
    // Reported like a failing stream: the file's lines before this range stand, the rest is skipped.
    return { segments: [], end: range.start, eof: true, readError: err instanceof Error ? err.message : String(err) };
  }
  const segments: ParsedSegment[] = read.segments.map((s) => {
    if (s.kind === 'too_long') return s;
    const block = parseLines(s.buf, config); // the window is reused: the block keeps nothing of it
    movable(block, moved);
    return { kind: 'lines', start: s.start, end: s.end, block };
  });
  return { segments, end: read.end, eof: read.eof };
}

const port = parentPort;
if (port) {
  port.on('message', async (msg: ParseRequest) => {
    try {
      if (msg.config) current = msg.config;
      const config = current;
      if (!config) throw new Error('no parse config was sent');
      // The judge is built once per worker (on its first block) from the same content as the engine's.
      if (config.interest) await loadEventJudge(config.interest);
      const moved: ArrayBuffer[] = [];
      if ('range' in msg) {
        const parsed = parseRange(msg.range, config, moved);
        port.postMessage({ id: msg.id, range: parsed }, moved);
        return;
      }
      const block = parseLines(Buffer.from(msg.bytes.buffer, msg.bytes.byteOffset, msg.bytes.byteLength), config);
      movable(block, moved);
      port.postMessage({ id: msg.id, block }, moved);
    } catch (err) {
      port.postMessage({ id: msg.id, error: err instanceof Error ? err.message : String(err) });
    }
  });
}
