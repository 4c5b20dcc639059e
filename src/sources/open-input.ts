/** Opens one input as a stream of uncompressed bytes, starting at a byte offset of the uncompressed stream. */
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import type { InputFile } from './types.js';

const READ_CHUNK_BYTES = 1024 * 1024;
const GUNZIP_CHUNK_BYTES = 256 * 1024;

export interface OpenedInput {
  bytes: AsyncIterable<Buffer>;
  close(): void;
}

export function isGzipPath(path: string): boolean {
  return path.toLowerCase().endsWith('.gz');
}

/**
 * Plain files seek to `startOffset`; gzip streams and stdin cannot seek, so their first
 * `startOffset` bytes are read and discarded. Stdin is read as is (never gunzipped).
 */
export function openInput(file: InputFile, startOffset: number): OpenedInput {
  if (file.path === '-') {
    return { bytes: skipBytes(process.stdin, startOffset), close: () => undefined };
  }
  if (!isGzipPath(file.path)) {
    const stream = createReadStream(file.path, { start: startOffset, highWaterMark: READ_CHUNK_BYTES });
    return { bytes: stream, close: () => stream.destroy() };
  }
  const raw = createReadStream(file.path, { highWaterMark: READ_CHUNK_BYTES });
  const gunzip = createGunzip({ chunkSize: GUNZIP_CHUNK_BYTES });
  // A read error on the file must surface on the stream we iterate, which `pipe` alone does not do.
  raw.on('error', (err) => gunzip.destroy(err));
  raw.pipe(gunzip);
  return {
    bytes: skipBytes(gunzip, startOffset),
    close: () => {
      raw.destroy();
      gunzip.destroy();
    },
  };
}

async function* skipBytes(stream: Readable | AsyncIterable<Buffer>, count: number): AsyncGenerator<Buffer> {
  let toSkip = count;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    if (toSkip === 0) {
      yield chunk;
    } else if (chunk.length <= toSkip) {
      toSkip -= chunk.length;
    } else {
      yield chunk.subarray(toSkip);
      toSkip = 0;
    }
  }
}

/** Dead-letter reason for a stream failure: `gzip_error` for a corrupt or truncated gzip, `read_error` otherwise. */
export function streamErrorReason(err: unknown): string {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('Z_') ? 'gzip_error' : 'read_error';
}
