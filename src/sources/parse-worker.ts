/** Worker-thread entry: parses blocks of lines sent by the parser pool and answers with the parsed block. */
import { parentPort } from 'node:worker_threads';
import { parseLines, type ParseConfig } from './parse-lines.js';
import { loadEventJudge } from './event-interest-host.js';

interface ParseRequest {
  id: number;
  config: ParseConfig;
  bytes: Uint8Array;
}

const port = parentPort;
if (port) {
  port.on('message', async (msg: ParseRequest) => {
    try {
      // The judge is built once per worker (on its first block) from the same content as the engine's.
      if (msg.config.interest) await loadEventJudge(msg.config.interest);
      const buf = Buffer.from(msg.bytes.buffer, msg.bytes.byteOffset, msg.bytes.byteLength);
      const block = parseLines(buf, msg.config);
      // The typed arrays are moved, not copied.
      const moved = [block.relLines.buffer, block.times.buffer];
      if (block.touch) moved.push(block.touch.buffer);
      if (block.routes) moved.push(block.routes.buffer);
      if (block.batch) moved.push(block.batch.codes.buffer, block.batch.nums.buffer, block.batch.text.buffer);
      port.postMessage({ id: msg.id, block }, moved as ArrayBuffer[]);
    } catch (err) {
      port.postMessage({ id: msg.id, error: err instanceof Error ? err.message : String(err) });
    }
  });
}
