/**
 * Reads one input file as a sequence of batches in line order: bytes → line blocks → parsed blocks
 * (several in flight at once so worker threads stay busy) → events with exact origins and positions.
 * With worker threads, a plain file is not read here at all: each thread reads the byte ranges it is given
 * (line-range.ts). Streams (stdin, gzip) are read here and cut into blocks by the LineChunker.
 */
import { statSync } from 'node:fs';
import type { DeadLetter } from './dead-letter.js';
import { LineChunker, type Chunk } from './line-chunker.js';
import { isGzipPath, openInput, streamErrorReason } from './open-input.js';
import type { BlockParser, ParsedRange } from './parser-pool.js';
import { blockEvents, type ParsedBlock } from './parse-lines.js';
import type { FilePosition, InputFile, QuietEvents, ReadBatch, SourceEvent } from './types.js';
import { UNWANTED_EVENT } from './event-interest-host.js';

export interface FileReadContext {
  parser: BlockParser;
  deadLetter: DeadLetter;
  maxLineBytes: number;
  blockBytes: number;
  /** Blocks submitted ahead of the one being consumed. */
  readAhead: number;
  start: FilePosition | undefined;
  /** See ReadOptions.quietAsTimes. */
  quietAsTimes: boolean;
}

/** A chunk on its way through the parser; the promise is pre-handled so an abandoned read never leaves an unhandled rejection. */
interface InFlight {
  chunk: Chunk;
  parsed: Promise<ParsedBlock> | undefined;
}

/** State carried from batch to batch of one file. */
interface FileCursor {
  readonly file: InputFile;
  line: number;
  offset: number;
  contentLines: number;
}

export async function* readFileBatches(file: InputFile, ctx: FileReadContext): AsyncGenerator<ReadBatch> {
  if (ctx.parser.parseRange && isSeekableFile(file.path)) yield* readRangeBatches(file, ctx, ctx.parser.parseRange);
  else yield* readStreamBatches(file, ctx);
}

/** A regular, uncompressed file: one that parser threads can read at any offset. */
function isSeekableFile(path: string): boolean {
  if (path === '-' || isGzipPath(path)) return false;
  try {
    return statSync(path).isFile();
  } catch {
    return false; // the stream reports why it cannot be read
  }
}

/**
 * Hands consecutive byte ranges of `blockBytes` to the parser threads (a few ahead) and settles their replies in
 * order. Ranges past the size the file had when listed are asked for one at a time, so a file that grew is read to
 * its end and one that shrank costs nothing.
 */
async function* readRangeBatches(file: InputFile, ctx: FileReadContext, parseRange: NonNullable<BlockParser['parseRange']>): AsyncGenerator<ReadBatch> {
  const startOffset = ctx.start?.offset ?? 0;
  const cursor = startCursor(file, ctx);
  const queue: Array<Promise<ParsedRange>> = [];
  let nextStart = startOffset;
  const submit = (): void => {
    const range = { path: file.path, start: nextStart, end: nextStart + ctx.blockBytes, startsLine: nextStart === startOffset };
    nextStart = range.end;
    const parsed = parseRange(range);
    parsed.catch(() => undefined);
    queue.push(parsed);
  };
  const fill = (): void => {
    while (queue.length === 0 || (queue.length <= ctx.readAhead && nextStart < file.size)) submit();
  };
  fill();
  for (;;) {
    const read = await queue.shift()!;
    if (read.readError !== undefined) {
      yield failFile(cursor, ctx, 'read_error', read.readError);
      return;
    }
    const batch: ReadBatch = { events: [], positions: [] };
    for (const segment of read.segments) {
      if (segment.kind === 'too_long') settleTooLong(segment, cursor, ctx);
      else settleLines(segment.block, segment.end, cursor, ctx, batch);
    }
    cursor.offset = read.end;
    if (read.eof) {
      // Ranges still out (the file shrank since it was listed) hold nothing of it.
      queue.length = 0;
      finishFile(cursor, startOffset, ctx.deadLetter);
      batch.positions.push(position(cursor, true));
      yield batch;
      return;
    }
    fill();
    batch.positions.push(position(cursor, false));
    yield batch;
  }
}

async function* readStreamBatches(file: InputFile, ctx: FileReadContext): AsyncGenerator<ReadBatch> {
  const startOffset = ctx.start?.offset ?? 0;
  const cursor = startCursor(file, ctx);
  const chunker = new LineChunker(startOffset, ctx.maxLineBytes, ctx.blockBytes);
  const queue: InFlight[] = [];
  const submit = (chunks: Chunk[]): void => {
    for (const chunk of chunks) {
      const parsed = chunk.kind === 'lines' ? ctx.parser.parse(chunk.buf) : undefined;
      parsed?.catch(() => undefined);
      queue.push({ chunk, parsed });
    }
  };
  let failure: { reason: string; detail: string } | undefined;
  const input = openInput(file, startOffset);
  try {
    try {
      for await (const data of input.bytes) {
        submit(chunker.push(data));
        while (queue.length > ctx.readAhead) yield await settle(queue.shift()!, cursor, ctx, false);
      }
      submit(chunker.end());
    } catch (err) {
      submit(chunker.abort());
      failure = { reason: streamErrorReason(err), detail: err instanceof Error ? err.message : String(err) };
    }
    while (queue.length > 0) {
      const last = queue.length === 1 && failure === undefined;
      const batch = await settle(queue.shift()!, cursor, ctx, last);
      if (last) finishFile(cursor, startOffset, ctx.deadLetter);
      yield batch;
      if (last) return;
    }
    if (failure) {
      yield failFile(cursor, ctx, failure.reason, failure.detail);
    } else {
      finishFile(cursor, startOffset, ctx.deadLetter);
      yield { events: [], positions: [position(cursor, true)] };
    }
  } finally {
    input.close();
  }
}

function startCursor(file: InputFile, ctx: FileReadContext): FileCursor {
  return { file, line: ctx.start?.line ?? 0, offset: ctx.start?.offset ?? 0, contentLines: 0 };
}

/** A file that cannot be read on: reported once, the rest of it is skipped, and the run goes on with the other files. */
function failFile(cursor: FileCursor, ctx: FileReadContext, reason: string, detail: string): ReadBatch {
  ctx.deadLetter.report(reason, { file: cursor.file.path, line: cursor.line + 1 }, undefined, detail);
  return { events: [], positions: [position(cursor, true)] };
}

function finishFile(cursor: FileCursor, startOffset: number, deadLetter: DeadLetter): void {
  if (startOffset === 0 && cursor.contentLines === 0) deadLetter.report('empty_file', { file: cursor.file.path, line: 0 });
}

function position(cursor: FileCursor, done: boolean): ReadBatch['positions'][number] {
  return { path: cursor.file.path, offset: cursor.offset, line: cursor.line, done };
}

/** Turns one parsed chunk into a batch, numbering its lines and dead-lettering its bad ones in order. */
async function settle(item: InFlight, cursor: FileCursor, ctx: FileReadContext, done: boolean): Promise<ReadBatch> {
  const { chunk } = item;
  if (chunk.kind === 'too_long') {
    settleTooLong(chunk, cursor, ctx);
    return { events: [], positions: [position(cursor, done)] };
  }
  const batch: ReadBatch = { events: [], positions: [] };
  settleLines(await item.parsed!, chunk.end, cursor, ctx, batch);
  batch.positions.push(position(cursor, done));
  return batch;
}

/** One skipped over-long line: counted as a line, dead-lettered with its first bytes. */
function settleTooLong(line: { end: number; head: Uint8Array; length: number }, cursor: FileCursor, ctx: FileReadContext): void {
  cursor.line += 1;
  cursor.contentLines += 1;
  const head = Buffer.from(line.head.buffer, line.head.byteOffset, line.head.byteLength);
  ctx.deadLetter.report('line_too_long', { file: cursor.file.path, line: cursor.line }, head, `${line.length} bytes > ${ctx.maxLineBytes}`);
  cursor.offset = line.end;
}

/** Appends a parsed block's events to `batch`, numbering its lines and dead-lettering its bad ones in order. */
function settleLines(block: ParsedBlock, end: number, cursor: FileCursor, ctx: FileReadContext, batch: ReadBatch): void {
  const events = batch.events;
  const path = cursor.file.path;
  const base = cursor.line;
  for (const bad of block.bad) {
    ctx.deadLetter.report(bad.reason, { file: path, line: base + bad.relLine + 1 }, bad.raw, bad.detail);
  }
  const parsed = blockEvents(block);
  const touch = block.touch;
  if (!touch) {
    for (let i = 0; i < parsed.length; i++) {
      events.push({ event: parsed[i], time: block.times[i], origin: { file: path, line: base + block.relLines[i] + 1 } });
    }
  } else {
    // The parsed events are the wanted ones, in order; the others arrive as their time, line and note only.
    let w = 0;
    const routes = block.routes;
    let quiet: QuietEvents | undefined;
    for (let i = 0; i < touch.length; i++) {
      const verdict = touch[i];
      if (verdict >= 0 && ctx.quietAsTimes) {
        quiet ??= { file: path, count: 0, times: new Float64Array(touch.length - i), lines: new Float64Array(touch.length - i) };
        if (verdict !== 0) (quiet.touches ??= new Int32Array(quiet.times.length))[quiet.count] = verdict;
        quiet.times[quiet.count] = block.times[i];
        quiet.lines[quiet.count++] = base + block.relLines[i] + 1;
        continue;
      }
      const origin = { file: path, line: base + block.relLines[i] + 1 };
      let se: SourceEvent;
      if (verdict === -1) se = { event: parsed[w++], time: block.times[i], origin };
      else if (verdict < 0) se = { event: parsed[w++], time: block.times[i], origin, sideNote: -2 - verdict };
      else se = { event: UNWANTED_EVENT, time: block.times[i], origin, touch: verdict };
      if (routes && routes[i] >= 0) se.route = routes[i];
      events.push(se);
    }
    if (quiet) (batch.quiet ??= []).push(quiet);
  }
  cursor.line += block.lineCount;
  cursor.contentLines += block.contentLines;
  cursor.offset = end;
}
