/**
 * Reads many inputs at once and interleaves their batches roughly by event time: each open file has
 * its next batch ready, and the batch that starts earliest goes out first. The engine restores exact
 * order with its watermark; within one file, line order is always kept.
 */
import { availableParallelism } from 'node:os';
import type { ReadBatch, InputFile, ReadOptions } from './types.js';
import { createBlockParser } from './parser-pool.js';
import { readFileBatches } from './file-batches.js';
import type { ParseConfig } from './parse-lines.js';

const DEFAULT_MAX_LINE_BYTES = 1024 * 1024;
const DEFAULT_BATCH_BYTES = 1024 * 1024;
const DEFAULT_MAX_OPEN_FILES = 64;

interface OpenReader {
  batches: AsyncGenerator<ReadBatch>;
  next: Promise<IteratorResult<ReadBatch>>;
}

/** Tuning beyond ReadOptions, for benchmarks. */
export interface ReadTuning {
  /** false: parse every line whole with JSON.parse even with keepFields (the field extractor is the default). */
  selective?: boolean;
}

export async function* readEvents(files: InputFile[], opts: ReadOptions & ReadTuning): AsyncGenerator<ReadBatch> {
  const workers = opts.workers ?? defaultWorkers(opts);
  const parser = createBlockParser(parseConfigOf(opts, workers > 0), workers);
  const waiting = [...files];
  const open: OpenReader[] = [];
  const maxOpen = Math.max(1, opts.maxOpenFiles ?? DEFAULT_MAX_OPEN_FILES);
  const openMore = (): void => {
    while (open.length < maxOpen && waiting.length > 0) {
      const file = waiting.shift()!;
      const batches = readFileBatches(file, {
        parser,
        deadLetter: opts.deadLetter,
        maxLineBytes: opts.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES,
        blockBytes: opts.batchBytes ?? DEFAULT_BATCH_BYTES,
        // One file alone should keep every worker busy; many files share the workers between them.
        // Several files are merged by event time: the engine waits on whichever is behind, so each keeps a few parsed
        // blocks ready (4 × 1 MB per file; 2 left the engine idle about a quarter of the time on a 7-file month).
        readAhead: files.length === 1 ? workers + 1 : 4,
        start: opts.startAt?.get(file.path),
        quietAsTimes: opts.quietAsTimes === true && opts.interest !== undefined,
      });
      const reader: OpenReader = { batches, next: batches.next() };
      reader.next.catch(() => undefined);
      open.push(reader);
    }
  };
  try {
    openMore();
    while (open.length > 0) {
      const results = await Promise.all(open.map((r) => r.next));
      let best: { reader: OpenReader; batch: ReadBatch; time: number } | undefined;
      for (let i = 0; i < open.length; i++) {
        const r = results[i];
        if (r.done) continue;
        // A batch without events (only positions or dead letters) holds up nothing: let it out first.
        const time = firstTime(r.value);
        if (!best || time < best.time) best = { reader: open[i], batch: r.value, time };
      }
      for (let i = open.length - 1; i >= 0; i--) if (results[i].done) open.splice(i, 1);
      if (best) {
        // Ask for the next batch before handing this one out, so reading overlaps with the consumer's work.
        best.reader.next = best.reader.batches.next();
        best.reader.next.catch(() => undefined);
        yield best.batch;
      }
      openMore();
    }
  } finally {
    await Promise.all(open.map((r) => r.batches.return(undefined).catch(() => undefined)));
  }
}

/** The time of the batch's first event, quiet or not; -Infinity when it has none. */
function firstTime(batch: ReadBatch): number {
  let time = batch.events.length > 0 ? batch.events[0].time : Infinity;
  for (const q of batch.quiet ?? []) if (q.count > 0 && q.times[0] < time) time = q.times[0];
  return time === Infinity ? -Infinity : time;
}

/**
 * Worker threads pay off only with a projection: whole documents must be parsed again in this thread after
 * the hand-off (a nested object cannot be moved between threads cheaper than it can be parsed), so parsing
 * them here directly is as fast and leaves the other core to the engine.
 */
function defaultWorkers(opts: ReadOptions): number {
  const whole = opts.keepFields === undefined || opts.keepFields === 'all';
  return whole ? 0 : Math.min(2, availableParallelism());
}

function parseConfigOf(opts: ReadOptions & ReadTuning, inWorkers: boolean): ParseConfig {
  const timeField = opts.timeField ?? '@timestamp';
  const keep = opts.keepFields ?? 'all';
  return {
    timeField,
    numericFields: opts.numericFields ?? [],
    keepFields: keep === 'all' ? undefined : [...new Set([timeField, ...keep])],
    maxLineBytes: opts.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES,
    output: !inWorkers ? 'objects' : keep === 'all' ? 'json' : 'batch',
    selective: opts.selective ?? true,
    // Judging needs projected events (whole documents are for rules that read every field: they want every event).
    interest: keep === 'all' ? undefined : opts.interest,
    sideFields: keep === 'all' || !opts.interest ? undefined : opts.sideFields,
  };
}
