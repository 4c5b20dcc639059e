/**
 * Child-process entry of one replay measurement, so that each replay starts from an empty heap and reports its own
 * peak RSS: `node --import tsx bench/replay-child.ts '<ReplayMeasureConfig JSON>' <result.json>`.
 */
import { writeFileSync } from 'node:fs';
import { measureReplay, type ReplayMeasureConfig } from './replay-measure.js';

const [configJson, resultFile] = process.argv.slice(2);
if (!configJson || !resultFile) {
  console.error("usage: replay-child.ts '<config json>' <result file>");
  process.exit(2);
}
const result = await measureReplay(JSON.parse(configJson) as ReplayMeasureConfig);
writeFileSync(resultFile, JSON.stringify(result));
// Parser worker threads or the store must not keep a finished measurement alive.
process.exit(0);
