/**
 * Replay throughput and rule cost on one ≥1M-event dataset: the core and the full configuration, each in its own
 * child process that first runs the bare JSON.parse loop over the same files. With --repeat > 1 the two alternate
 * (core, full, core, full, …) and the fastest replay of each counts; every run is kept in the JSON.
 */
import type { BenchDataset } from './datasets.js';
import type { ContentSets } from './content-sets.js';
import type { ReplayMeasureConfig, ReplayMeasurement } from './replay-measure.js';
import { runChild } from './run-child.js';

export const REPLAY_NODE_FLAGS = ['--max-semi-space-size=64'];

export interface ReplayPart {
  core: ReplayMeasurement;
  full: ReplayMeasurement;
  /** full replay seconds ÷ core replay seconds − 1 (target ≤ 0.25), wall-clock. */
  ruleCost: number;
  /** The same from the processes' CPU time, which other load on the machine disturbs less. */
  ruleCostCpu: number;
  runs: ReplayMeasurement[];
}

function fastest(runs: ReplayMeasurement[]): ReplayMeasurement {
  return runs.reduce((a, b) => (b.replay.seconds < a.replay.seconds ? b : a));
}

export async function runReplayPart(data: BenchDataset, sets: ContentSets, repeat: number, log: (line: string) => void): Promise<ReplayPart> {
  const core: ReplayMeasurement[] = [];
  const full: ReplayMeasurement[] = [];
  for (let i = 0; i < repeat; i++) {
    for (const [set, into] of [[sets.core, core], [sets.full, full]] as const) {
      const config: ReplayMeasureConfig = { label: set.label, files: data.files, content: set.content, builtin: set.builtin, withBareReference: true };
      const m = await runChild<ReplayMeasurement>('./replay-child.ts', config, REPLAY_NODE_FLAGS);
      log(`  ${set.label}: bare ${m.bare?.seconds.toFixed(1)} s, replay ${m.replay.seconds.toFixed(1)} s (CPU ${m.replay.cpuSeconds.toFixed(1)} s), load ${m.loadAverage.toFixed(1)}`);
      into.push(m);
    }
  }
  const c = fastest(core);
  const f = fastest(full);
  return {
    core: c,
    full: f,
    ruleCost: f.replay.seconds / c.replay.seconds - 1,
    ruleCostCpu: f.replay.cpuSeconds / c.replay.cpuSeconds - 1,
    runs: [...core, ...full],
  };
}
