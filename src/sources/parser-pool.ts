/**
 * Runs `parseLines` in worker threads (each block to the least busy worker) or in the calling thread;
 * both give the same blocks. The worker pool is shared by every read in the process and started once,
 * because starting threads (with tsx in development) costs far more than a small file takes to read.
 * Idle workers are unref'd, so they never keep the process alive.
 */
import { Worker } from 'node:worker_threads';
import { parseLines, type ParseConfig, type ParsedBlock } from './parse-lines.js';
import { loadEventJudge } from './event-interest-host.js';
import type { LineRange, RangeLines, RangeSegment } from './line-range.js';

export interface BlockParser {
  parse(buf: Buffer): Promise<ParsedBlock>;
  /** Worker threads only: a thread reads the range's lines itself and parses them (see line-range.ts). */
  parseRange?(range: LineRange): Promise<ParsedRange>;
}

/** A range's segment (line-range.ts) with its lines parsed; a skipped line's head arrives as a plain Uint8Array. */
export type ParsedSegment =
  | (Omit<Extract<RangeSegment, { kind: 'too_long' }>, 'head'> & { head: Uint8Array })
  | { kind: 'lines'; start: number; end: number; block: ParsedBlock };

/** What a parser thread read of a range (line-range.ts), parsed. */
export interface ParsedRange extends Omit<RangeLines, 'segments'> {
  segments: ParsedSegment[];
  /** The file could not be read (the message); its lines before this range stand. */
  readError?: string;
}

export function createBlockParser(config: ParseConfig, workers: number): BlockParser {
  if (workers <= 0) {
    const interest = config.interest;
    return {
      parse: async (buf) => {
        if (interest) await loadEventJudge(interest);
        try {
          return Promise.resolve(parseLines(buf, config));
        } catch (err) {
          return Promise.reject(err);
        }
      },
    };
  }
  let pool = sharedPools.get(workers);
  if (!pool || pool.broken) {
    pool = new WorkerPool(workers);
    sharedPools.set(workers, pool);
  }
  const usePool = pool;
  return { parse: (buf) => usePool.submit(config, buf), parseRange: (range) => usePool.submitRange(config, range) };
}

/** Stops the shared worker threads (tests and clean shutdown); the next read starts new ones. */
export async function stopParserWorkers(): Promise<void> {
  const pools = [...sharedPools.values()];
  sharedPools.clear();
  await Promise.all(pools.map((p) => p.stop()));
}

const sharedPools = new Map<number, WorkerPool>();


interface Pending {
  resolve(reply: ParsedBlock | ParsedRange): void;
  reject(err: Error): void;
  /** ParseConfig.sideFields of the request. */
  sideFields: string[] | undefined;
}

interface PooledWorker {
  worker: Worker;
  pending: Map<number, Pending>;
  /** The config this worker was last sent: it is sent again only when a request's differs (it is cloned per send). */
  config?: ParseConfig;
}

type WorkerReply = { id: number; block: ParsedBlock } | { id: number; range: ParsedRange } | { id: number; error: string };

/**
 * Works from compiled JS (dist/) and from TypeScript under tsx: the worker file sits next to this module
 * with the same extension. On Node 20 a worker ignores `--import tsx` in its execArgv, so a `.ts` worker
 * is started by a one-line bootstrap that registers tsx's loader and then imports it.
 */
function startWorker(): Worker {
  const resourceLimits = { maxYoungGenerationSizeMb: 48 }; // --max-semi-space-size cannot be given to a worker
  if (!import.meta.url.endsWith('.ts')) {
    return new Worker(new URL('./parse-worker.js', import.meta.url), { resourceLimits });
  }
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./parse-worker.ts', import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(bootstrap, { eval: true, resourceLimits });
}

class WorkerPool {
  private readonly workers: PooledWorker[] = [];
  private nextId = 1;
  private stopping = false;
  broken = false;

  constructor(count: number) {
    for (let i = 0; i < count; i++) {
      const pooled: PooledWorker = { worker: startWorker(), pending: new Map() };
      pooled.worker.on('message', (reply: WorkerReply) => this.onReply(pooled, reply));
      pooled.worker.on('error', (err) => this.fail(pooled, err));
      pooled.worker.on('exit', (code) => {
        if (!this.stopping) this.fail(pooled, new Error(`parser worker exited with code ${code}`));
      });
      pooled.worker.unref();
      this.workers.push(pooled);
    }
  }

  submit(config: ParseConfig, buf: Buffer): Promise<ParsedBlock> {
    // Move the bytes instead of cloning them; a Buffer that is a view into a larger (shared) memory is copied first.
    const ownsMemory = buf.byteOffset === 0 && buf.byteLength === buf.buffer.byteLength;
    const bytes = ownsMemory ? new Uint8Array(buf.buffer, 0, buf.byteLength) : new Uint8Array(buf);
    return this.send(config, { bytes }, [bytes.buffer as ArrayBuffer]) as Promise<ParsedBlock>;
  }

  submitRange(config: ParseConfig, range: LineRange): Promise<ParsedRange> {
    return this.send(config, { range }, []) as Promise<ParsedRange>;
  }

  private send(config: ParseConfig, work: { bytes: Uint8Array } | { range: LineRange }, moved: ArrayBuffer[]): Promise<ParsedBlock | ParsedRange> {
    if (this.broken || this.stopping) return Promise.reject(new Error('parser workers are not running'));
    const target = this.workers.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    const id = this.nextId++;
    return new Promise<ParsedBlock | ParsedRange>((resolve, reject) => {
      if (target.pending.size === 0) target.worker.ref(); // keep the process alive while work is out
      target.pending.set(id, { resolve, reject, sideFields: config.sideFields });
      const fresh = target.config !== config;
      target.config = config;
      target.worker.postMessage({ id, config: fresh ? config : undefined, ...work }, moved);
    });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    for (const p of this.workers) this.rejectAll(p, new Error('parser workers stopped'));
    await Promise.all(this.workers.map((p) => p.worker.terminate()));
  }

  private onReply(pooled: PooledWorker, reply: WorkerReply): void {
    const waiter = pooled.pending.get(reply.id);
    if (!waiter) return;
    pooled.pending.delete(reply.id);
    if (pooled.pending.size === 0) pooled.worker.unref();
    if ('error' in reply) {
      waiter.reject(new Error(`parser worker: ${reply.error}`));
      return;
    }
    // A batch becomes events only when its turn comes (blockEvents): blocks read ahead wait as typed arrays,
    // which the garbage collector never has to copy, rather than as thousands of objects.
    if ('range' in reply) {
      for (const s of reply.range.segments) if (s.kind === 'lines' && s.block.batch) s.block.sideFields = waiter.sideFields;
      waiter.resolve(reply.range);
      return;
    }
    if (reply.block.batch) reply.block.sideFields = waiter.sideFields;
    waiter.resolve(reply.block);
  }

  private fail(pooled: PooledWorker, err: Error): void {
    pooled.config = undefined;
    this.broken = true; // the next read starts a fresh pool
    this.rejectAll(pooled, err);
  }

  private rejectAll(pooled: PooledWorker, err: Error): void {
    for (const waiter of pooled.pending.values()) waiter.reject(err);
    pooled.pending.clear();
  }
}
