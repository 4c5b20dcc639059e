/**
 * Child-process entry of the memory-per-series measurement (it needs --expose-gc, a large heap, and a process of its
 * own so that nothing else is on the heap): `node --expose-gc --import tsx bench/series-memory-child.ts
 * '{"series":N,"buckets":B}' <result.json>`.
 */
import { writeFileSync } from 'node:fs';
import { measureSeriesMemory } from './series-memory.js';

const [configJson, resultFile] = process.argv.slice(2);
const config = configJson ? (JSON.parse(configJson) as { series?: unknown; buckets?: unknown }) : {};
const { series, buckets } = config;
if (!Number.isInteger(series) || !Number.isInteger(buckets) || !resultFile) {
  console.error("usage: series-memory-child.ts '{\"series\":N,\"buckets\":B}' <result file>");
  process.exit(2);
}
writeFileSync(resultFile, JSON.stringify(measureSeriesMemory(series as number, buckets as number)));
