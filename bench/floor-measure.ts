/**
 * How fast a replay could be at best with today's algorithms: the two pieces of work no design can skip, each timed
 * alone in one thread, beside the bare JSON.parse loop of the same run.
 *
 * 1. **Validating scan**: every byte of every line must be read and checked, because bad input is counted by reason
 *    (a truncated line in a file no job reads is still reported). The project's fastest validator is the selective
 *    scanner (`FieldExtractor.scan`), asked for `@timestamp` only: no value is made, nothing is judged or routed.
 * 2. **Detection in memory**: the events the jobs accept, parsed, projected to the fields detection reads (as the
 *    parser threads deliver them), enriched and sorted beforehand (untimed), fed
 *    through the detection pipeline (routing, the jobs' datafeed queries, bucket accumulation, bucket close and
 *    scoring). Nothing is written: no store, no results file, no checkpoint.
 *
 * What a replay also pays and this leaves out: reading values into JS and routing in the parser threads, moving
 * events between threads, enrichment, store writes, checkpoints, module loading, and V8's compiler and GC threads.
 * So `bare ÷ ((scan + detection) ÷ cores)` is a ceiling on replay ÷ bare on this machine, however the work is spread
 * over its cores: if the ceiling is under the target, the target needs cheaper algorithms, not better plumbing.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { bareJsonParseLoop, forEachLineBlock, type ScanResult } from './bare-json-parse.js';
import { FieldExtractor } from '../src/sources/field-extractor.js';
import { buildDetection } from '../src/engine/build-detection.js';
import { DetectionPipeline } from '../src/engine/detection-pipeline.js';
import { routeEvent } from '../src/engine/job-route.js';
import { SqliteStore } from '../src/store/index.js';
import { projectFlat } from '../src/sources/event-fields.js';
import type { EcsEvent } from '../src/ecs/index.js';
import type { SourceEvent } from '../src/sources/index.js';

export interface FloorMeasureConfig {
  files: string[];
  /** --content paths of the jobs (no rules: the floor is that of the core configuration). */
  content: string[];
  builtin: boolean;
}

export interface FloorMeasurement {
  loadAverage: number;
  cores: number;
  bare: ScanResult;
  /** Validating scan of every line, one thread. */
  scan: ScanResult & { accepted: number };
  /** Detection in memory, one thread. */
  detection: { events: number; seconds: number; buckets: number; records: number };
  /** bare.seconds ÷ ((scan + detection) ÷ cores): the best replay ÷ bare these two pieces of work allow. */
  ceiling: number;
}

/** Lines of all files accepted by the scanner; `ScanResult.events` counts every non-empty line. */
function validatingScan(files: string[]): ScanResult & { accepted: number } {
  const scanner = FieldExtractor.create(['@timestamp']);
  if (!scanner) throw new Error('the scanner cannot be built for @timestamp');
  const t0 = performance.now();
  let events = 0;
  let accepted = 0;
  const bytes = forEachLineBlock(files, (data) => {
    let start = 0;
    for (let nl = data.indexOf(10); nl >= 0; nl = data.indexOf(10, start)) {
      if (nl > start) {
        events++;
        if (scanner.scan(data, start, nl)) accepted++;
      }
      start = nl + 1;
    }
    return start;
  });
  return { events, bytes, seconds: (performance.now() - t0) / 1000, accepted };
}

/** The jobs' events, enriched and in time order, ready for the pipeline (made untimed). */
function acceptedEvents(files: string[], detection: ReturnType<typeof buildDetection>): SourceEvent[] {
  const routable = detection.jobs.map((r) => ({ accepts: (e: EcsEvent) => r.job.accepts(e), egressOnly: r.egressOnly }));
  const keep = detection.keepFields === 'all' ? undefined : detection.keepFields;
  if (!keep) throw new Error('the floor is measured for jobs only: their content must not read whole documents');
  const out: SourceEvent[] = [];
  for (const file of files) {
    let line = 0;
    for (const text of readFileSync(file, 'utf8').split('\n')) {
      line++;
      if (text === '') continue;
      // Projected to the fields detection reads, as parser threads deliver events.
      const event = projectFlat(JSON.parse(text) as EcsEvent, keep);
      const time = Date.parse(String(event['@timestamp']));
      if (Number.isNaN(time)) continue;
      detection.enricher.enrich(event);
      let taken = false;
      routeEvent(routable, detection.egress, event, () => {
        taken = true;
      });
      if (taken) out.push({ event, time, origin: { file, line } });
    }
  }
  return out.sort((a, b) => a.time - b.time);
}

function detectionInMemory(config: FloorMeasureConfig): FloorMeasurement['detection'] {
  const dir = mkdtempSync(join(tmpdir(), 'outflow-bench-floor-'));
  const store = SqliteStore.open(join(dir, 'floor.db'));
  try {
    const detection = buildDetection({ content: config.content, builtin: config.builtin, geo: true }, store, undefined);
    const events = acceptedEvents(config.files, detection);
    let buckets = 0;
    let records = 0;
    const pipeline = new DetectionPipeline(detection.jobs, undefined, undefined, detection.egress, {
      onResults: (batch) => {
        buckets += batch.buckets.length;
        records += batch.records.length;
      },
      onAlerts: () => {},
    });
    const t0 = performance.now();
    // In batches, as the engine gets them from its readers.
    const BATCH = 4096;
    for (let i = 0; i < events.length; i += BATCH) pipeline.process(events.slice(i, i + BATCH));
    pipeline.finish();
    return { events: events.length, seconds: (performance.now() - t0) / 1000, buckets, records };
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function measureFloor(config: FloorMeasureConfig): FloorMeasurement {
  const loadAverage = loadavg()[0];
  const cores = cpus().length;
  const bare = bareJsonParseLoop(config.files);
  const scan = validatingScan(config.files);
  const detection = detectionInMemory(config);
  const ceiling = bare.seconds / ((scan.seconds + detection.seconds) / cores);
  return { loadAverage, cores, bare: { events: bare.events, bytes: bare.bytes, seconds: bare.seconds }, scan, detection, ceiling };
}
