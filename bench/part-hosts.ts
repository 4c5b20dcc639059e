/**
 * How replay time and memory grow with the number of hosts: the same number of days generated for three host
 * counts, each replayed with the full configuration in a fresh child process (no bare loop, so the peak RSS is the
 * replay's own).
 */
import { join } from 'node:path';
import { generateBenchDataset } from './datasets.js';
import type { ContentSet } from './content-sets.js';
import type { ReplayMeasurement } from './replay-measure.js';
import { runChild } from './run-child.js';
import { REPLAY_NODE_FLAGS } from './part-replay.js';

export interface HostRow {
  hosts: number;
  days: number;
  events: number;
  bytes: number;
  replaySeconds: number;
  replayCpuSeconds: number;
  loadAverage: number;
  eventsPerSecond: number;
  microsecondsPerEvent: number;
  peakRssBytes: number;
  seriesModelled: number;
  modelBytes: number;
  alertsNew: number;
}

export async function runHostScaling(root: string, days: number, hostCounts: number[], set: ContentSet, log: (line: string) => void): Promise<HostRow[]> {
  const rows: HostRow[] = [];
  for (const hosts of hostCounts) {
    const data = await generateBenchDataset(join(root, `hosts-${hosts}`), days, hosts);
    const m = await runChild<ReplayMeasurement>('./replay-child.ts', {
      label: `${hosts} hosts`, files: data.files, content: set.content, builtin: set.builtin, withBareReference: false,
    }, REPLAY_NODE_FLAGS);
    log(`  ${hosts} hosts: ${data.events} events generated in ${data.seconds.toFixed(1)} s, replay ${m.replay.seconds.toFixed(1)} s`);
    rows.push({
      hosts,
      days,
      events: m.replay.eventsRead,
      bytes: m.bytes,
      replaySeconds: m.replay.seconds,
      replayCpuSeconds: m.replay.cpuSeconds,
      loadAverage: m.loadAverage,
      eventsPerSecond: m.replay.eventsPerSecond,
      microsecondsPerEvent: (1e6 * m.replay.seconds) / Math.max(m.replay.eventsRead, 1),
      peakRssBytes: m.peakRssBytes,
      seriesModelled: m.replay.seriesModelled,
      modelBytes: m.replay.modelBytes,
      alertsNew: m.replay.alertsNew,
    });
  }
  return rows;
}
