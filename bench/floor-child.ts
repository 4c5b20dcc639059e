/**
 * Child-process entry of the floor measurement (see floor-measure.ts), so that it starts from an empty heap:
 * `node --import tsx bench/floor-child.ts '<FloorMeasureConfig JSON>' <result.json>`.
 */
import { writeFileSync } from 'node:fs';
import { measureFloor, type FloorMeasureConfig } from './floor-measure.js';

const [configJson, resultFile] = process.argv.slice(2);
if (!configJson || !resultFile) {
  console.error("usage: floor-child.ts '<config json>' <result file>");
  process.exit(2);
}
writeFileSync(resultFile, JSON.stringify(measureFloor(JSON.parse(configJson) as FloorMeasureConfig)));
process.exit(0);
