// Appends NDJSON chunks to a file with back-pressure, so memory stays bounded by one day's events.
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';

export class NdjsonWriter {
  private readonly stream: WriteStream;
  lines = 0;

  constructor(readonly path: string) {
    this.stream = createWriteStream(path, { encoding: 'utf8' });
  }

  async writeAll(docs: Iterable<unknown>): Promise<void> {
    let chunk = '';
    for (const doc of docs) {
      chunk += `${JSON.stringify(doc)}\n`;
      this.lines++;
      if (chunk.length > 1 << 20) {
        await this.write(chunk);
        chunk = '';
      }
    }
    if (chunk) await this.write(chunk);
  }

  private async write(chunk: string): Promise<void> {
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    this.stream.end();
    await once(this.stream, 'finish');
  }
}
