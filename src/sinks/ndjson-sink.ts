/** Writes documents as NDJSON to a file or stdout, counting bytes so a resumed run can cut the file back to its checkpoint. */
import { closeSync, existsSync, ftruncateSync, openSync, statSync, writeSync } from 'node:fs';

export class NdjsonSink {
  private fd: number | undefined;
  private pending: string[] = [];
  private pendingBytes = 0;
  private written = 0;

  /**
   * `resumeAtBytes`: keep the first N bytes of an existing file (what was written up to the checkpoint) and append
   * after them; undefined starts a new file.
   */
  constructor(
    readonly path: string,
    resumeAtBytes?: number,
  ) {
    if (path === '-') return;
    if (resumeAtBytes !== undefined && existsSync(path) && statSync(path).size >= resumeAtBytes) {
      this.fd = openSync(path, 'r+');
      ftruncateSync(this.fd, resumeAtBytes);
      this.written = resumeAtBytes;
    } else {
      this.fd = openSync(path, 'w');
    }
  }

  write(doc: unknown): void {
    const line = JSON.stringify(doc) + '\n';
    this.pending.push(line);
    this.pendingBytes += Buffer.byteLength(line);
    if (this.pendingBytes > 1 << 20) this.flush();
  }

  /** Bytes in the file once everything written so far is flushed. */
  get bytes(): number {
    return this.written + this.pendingBytes;
  }

  flush(): void {
    if (this.pending.length === 0) return;
    const text = this.pending.join('');
    if (this.fd === undefined) process.stdout.write(text);
    else {
      const buf = Buffer.from(text);
      let off = 0;
      while (off < buf.length) off += writeSync(this.fd, buf, off, buf.length - off, this.written + off);
    }
    this.written += this.pendingBytes;
    this.pending = [];
    this.pendingBytes = 0;
  }

  close(): void {
    this.flush();
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}
