/**
 * Reads one input file as a sequence of batches in line order: bytes → line blocks → parsed blocks
 * (several in flight at once so worker threads stay busy) → events with exact origins and positions.
 */
import type { EcsEvent } from '../ecs/index.js';
import type { DeadLetter } from './dead-letter.js';
import { LineChunker, type Chunk } from './line-chunker.js';
import { openInput, streamErrorReason } from './open-input.js';
import type { BlockParser } from './parser-pool.js';
import { blockEvents, type ParsedBlock } from './parse-lines.js';
import type { FilePosition, InputFile, ReadBatch, SourceEvent } from './types.js';
import { UNWANTED_EVENT } from './event-interest-host.js';

export interface FileReadContext {
  parser: BlockParser;
  deadLetter: DeadLetter;
  maxLineBytes: number;
  blockBytes: number;
  /** Blocks submitted ahead of the one being consumed. */
  readAhead: number;
  start: FilePosition | undefined;
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
  const startOffset = ctx.start?.offset ?? 0;
  const cursor: FileCursor = { file, line: ctx.start?.line ?? 0, offset: startOffset, contentLines: 0 };
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
      // Reported once; the rest of the file is skipped, and the run goes on with the other files.
      ctx.deadLetter.report(failure.reason, { file: file.path, line: cursor.line + 1 }, undefined, failure.detail);
    } else {
      finishFile(cursor, startOffset, ctx.deadLetter);
    }
    yield { events: [], positions: [position(cursor, true)] };
  } finally {
    input.close();
  }
}

function finishFile(cursor: FileCursor, startOffset: number, deadLetter: DeadLetter): void {
  if (startOffset === 0 && cursor.contentLines === 0) deadLetter.report('empty_file', { file: cursor.file.path, line: 0 });
}

function position(cursor: FileCursor, done: boolean): ReadBatch['positions'][number] {
  return { path: cursor.file.path, offset: cursor.offset, line: cursor.line, done };
}

/** Turns one parsed chunk into a batch, numbering its lines and dead-lettering its bad ones in order. */
async function settle(item: InFlight, cursor: FileCursor, ctx: FileReadContext, done: boolean): Promise<ReadBatch> {
  const path = cursor.file.path;
  const { chunk } = item;
  if (chunk.kind === 'too_long') {
    cursor.line += 1;
    cursor.contentLines += 1;
    ctx.deadLetter.report('line_too_long', { file: path, line: cursor.line }, chunk.head, `${chunk.length} bytes > ${ctx.maxLineBytes}`);
    cursor.offset = chunk.end;
    return { events: [], positions: [position(cursor, done)] };
  }
  const block = await item.parsed!;
  const base = cursor.line;
  for (const bad of block.bad) {
    ctx.deadLetter.report(bad.reason, { file: path, line: base + bad.relLine + 1 }, bad.raw, bad.detail);
  }
  const parsed = blockEvents(block);
  const touch = block.touch;
  const events: SourceEvent[] = new Array(block.times.length);
  if (!touch) {
    for (let i = 0; i < parsed.length; i++) {
      events[i] = { event: parsed[i], time: block.times[i], origin: { file: path, line: base + block.relLines[i] + 1 } };
    }
  } else {
    // The parsed events are the wanted ones, in order; the others arrive as their time, line and note only.
    let w = 0;
    const routes = block.routes;
    for (let i = 0; i < touch.length; i++) {
      const origin = { file: path, line: base + block.relLines[i] + 1 };
      const verdict = touch[i];
      let se: SourceEvent;
      if (verdict === -1) se = { event: parsed[w++], time: block.times[i], origin };
      else if (verdict < 0) se = { event: parsed[w++], time: block.times[i], origin, sideNote: -2 - verdict };
      else se = { event: UNWANTED_EVENT, time: block.times[i], origin, touch: verdict };
      if (routes && routes[i] >= 0) se.route = routes[i];
      events[i] = se;
    }
  }
  cursor.line += block.lineCount;
  cursor.contentLines += block.contentLines;
  cursor.offset = chunk.end;
  return { events, positions: [position(cursor, done)] };
}
