/**
 * The floor part: in a child process of its own, the bare loop, the validating scan and detection in memory over
 * the replay part's dataset, and the ceiling they put on replay ÷ bare (see floor-measure.ts).
 */
import type { BenchDataset } from './datasets.js';
import type { ContentSet } from './content-sets.js';
import type { FloorMeasureConfig, FloorMeasurement } from './floor-measure.js';
import { REPLAY_NODE_FLAGS } from './part-replay.js';
import { runChild } from './run-child.js';

export async function runFloorPart(data: BenchDataset, core: ContentSet, log: (line: string) => void): Promise<FloorMeasurement> {
  const config: FloorMeasureConfig = { files: data.files, content: core.content, builtin: core.builtin };
  const m = await runChild<FloorMeasurement>('./floor-child.ts', config, REPLAY_NODE_FLAGS);
  log(`  bare ${m.bare.seconds.toFixed(1)} s, scan ${m.scan.seconds.toFixed(1)} s, detection ${m.detection.seconds.toFixed(1)} s, ceiling ${m.ceiling.toFixed(2)}×`);
  return m;
}
