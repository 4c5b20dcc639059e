/**
 * Memory per modelled series at several series counts, each in its own child with --expose-gc and a large heap.
 * A size whose child fails is reported with the error and the other sizes still run.
 */
import { runChild } from './run-child.js';
import type { SeriesMemoryResult } from './series-memory.js';

const SERIES_NODE_FLAGS = ['--expose-gc', '--max-old-space-size=16384'];

export interface SeriesPart {
  rows: SeriesMemoryResult[];
  failed: Array<{ series: number; error: string }>;
}

export async function runSeriesMemory(sizes: number[], buckets: number, log: (line: string) => void): Promise<SeriesPart> {
  const part: SeriesPart = { rows: [], failed: [] };
  for (const series of sizes) {
    try {
      const r = await runChild<SeriesMemoryResult>('./series-memory-child.ts', { series, buckets }, SERIES_NODE_FLAGS);
      log(`  ${series} series × ${buckets} buckets: ${r.retainedBytesPerSeries.toFixed(0)} B/series retained, ${r.seconds.toFixed(1)} s`);
      part.rows.push(r);
    } catch (e) {
      const error = (e as Error).message;
      log(`  ${series} series × ${buckets} buckets: FAILED: ${error}`);
      part.failed.push({ series, error });
    }
  }
  return part;
}
