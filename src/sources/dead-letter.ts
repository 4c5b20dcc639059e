/** Bad input goes here: counted by reason, kept as examples, and written as NDJSON when a path is given. */
import { closeSync, existsSync, openSync, truncateSync, writeSync } from 'node:fs';
import type { EventOrigin } from './types.js';
import { rawExcerpt, truncateText } from './raw-text.js';

const MAX_EXAMPLES = 20;
/** Records are buffered and written synchronously in blocks, so memory stays bounded however much input is bad. */
const FLUSH_CHARS = 64 * 1024;

export interface DeadLetterExample {
  reason: string;
  origin: EventOrigin;
  detail?: string;
}

export class DeadLetter {
  private readonly byReason = new Map<string, number>();
  private readonly firstExamples: DeadLetterExample[] = [];
  private fd: number | undefined;
  private pending = '';
  private sum = 0;

  /**
   * Without a path, bad input is only counted (and the first examples kept for the summary). With one, the file is
   * created at the first bad input, so a clean run leaves no empty file behind.
   */
  constructor(readonly path?: string) {}

  /** Records one bad input; `raw` is cut to 2 KiB, and binary bytes are written as escaped text. */
  report(reason: string, origin: EventOrigin, raw?: string | Buffer, detail?: string): void {
    this.byReason.set(reason, (this.byReason.get(reason) ?? 0) + 1);
    this.sum++;
    if (this.firstExamples.length < MAX_EXAMPLES) {
      this.firstExamples.push(detail === undefined ? { reason, origin: { ...origin } } : { reason, origin: { ...origin }, detail });
    }
    if (this.path === undefined) return;
    const rawText = raw === undefined ? undefined : typeof raw === 'string' ? truncateText(raw) : rawExcerpt(raw);
    this.pending += JSON.stringify({ reason, file: origin.file, line: origin.line, detail, raw: rawText }) + '\n';
    if (this.pending.length >= FLUSH_CHARS) this.flush();
  }

  counts(): Record<string, number> {
    return Object.fromEntries(this.byReason);
  }

  total(): number {
    return this.sum;
  }

  examples(): DeadLetterExample[] {
    return this.firstExamples.map((e) => ({ ...e, origin: { ...e.origin } }));
  }

  /** Writes what is buffered; safe to call while the run continues (e.g. at a checkpoint). */
  flush(): void {
    if (this.path === undefined || this.pending === '') return;
    this.fd ??= openSync(this.path, 'w');
    writeSync(this.fd, this.pending);
    this.pending = '';
  }

  async close(): Promise<void> {
    this.flush();
    if (this.fd !== undefined) closeSync(this.fd);
    // A dead-letter file left by an earlier run must not look like this run's bad input.
    else if (this.path !== undefined && this.sum === 0 && existsSync(this.path)) truncateSync(this.path, 0);
    this.fd = undefined;
  }
}
