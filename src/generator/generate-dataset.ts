// Generates a labelled month of an organisation's ECS logs: benign activity day by day plus injected attack scenarios.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cloudTrailActivity } from './activity/cloudtrail-activity.js';
import { dnsActivity } from './activity/dns-activity.js';
import { fileActivity } from './activity/file-activity.js';
import { networkActivity } from './activity/network-activity.js';
import { processActivity } from './activity/process-activity.js';
import { rdpActivity } from './activity/rdp-activity.js';
import { DAY_MS, dayStart } from './calendar.js';
import { makeDayContext } from './day-context.js';
import { DayBuffer, STREAMS, type StreamName, type TimedEvent } from './event-sink.js';
import { benignLookalikes } from './lookalikes.js';
import { NdjsonWriter } from './ndjson-writer.js';
import { buildOrganisation } from './organisation.js';
import { resolveOptions, type DatasetLabels, type GeneratedDataset, type GeneratorOptions } from './options.js';
import { planScenarioSet } from './scenarios/catalog.js';
import { NetworkTurnover } from './turnover/network-turnover.js';

const DAILY_ACTIVITIES = [networkActivity, dnsActivity, processActivity, fileActivity, rdpActivity, cloudTrailActivity];

/** Scenario events grouped by the day they fall on (long sessions may spill past midnight; they stay on their start day). */
function byDay(events: TimedEvent[], startMs: number): Map<number, TimedEvent[]> {
  const out = new Map<number, TimedEvent[]>();
  for (const event of events) {
    const day = Math.floor((event.ms - startMs) / DAY_MS);
    const list = out.get(day) ?? [];
    list.push(event);
    out.set(day, list);
  }
  return out;
}

/** Writes `<stream>.ndjson` files (each sorted by time) and `labels.json` into `opts.outDir`. */
export async function generateDataset(opts: GeneratorOptions): Promise<GeneratedDataset> {
  const options = resolveOptions(opts);
  const org = buildOrganisation(options.seed, options.hosts, options.days);
  const { selected: scenarios, touchedHosts } = planScenarioSet(org, options);
  // Runs after the habitual activities each day with its own random streams, so adding it changed no other event.
  const turnover = new NetworkTurnover(org, { seed: options.seed, days: options.days, startMs: options.startMs, avoidHosts: touchedHosts });
  mkdirSync(options.outDir, { recursive: true });
  const scenarioEvents = byDay(scenarios.flatMap((s) => s.events), options.startMs);

  const writers = new Map<StreamName, NdjsonWriter>(STREAMS.map((s) => [s, new NdjsonWriter(join(options.outDir, `${s}.ndjson`))]));
  try {
    for (let day = 0; day < options.days; day++) {
      const buffer = new DayBuffer();
      const ctx = makeDayContext(org, options.seed, options.days, day, dayStart(options.startMs, day), options.rawGeo);
      for (const activity of DAILY_ACTIVITIES) activity(ctx, buffer);
      turnover.day(ctx, buffer);
      for (const event of scenarioEvents.get(day) ?? []) buffer.emit(event.stream, event.ms, event.doc);
      for (const [stream, writer] of writers) await writer.writeAll(buffer.drain(stream).map((e) => e.doc));
    }
  } finally {
    for (const writer of writers.values()) await writer.close();
  }

  const hostDays = options.hosts * options.days;
  const labels: DatasetLabels = {
    options: { seed: options.seed, days: options.days, hosts: options.hosts, start: options.start, rawGeo: options.rawGeo, scenarios: options.scenarios },
    hostDays,
    scenarios: scenarios.map((s) => s.label),
    // The evaluation attributes a false alert to the first label it matches: the specific (host + IP) ones go first.
    benign: [...turnover.benignLookalikes(), ...benignLookalikes(org)],
  };
  const labelsFile = join(options.outDir, 'labels.json');
  writeFileSync(labelsFile, `${JSON.stringify(labels, null, 2)}\n`);
  const files = [...writers.values()].map((w) => w.path);
  const events = [...writers.values()].reduce((sum, w) => sum + w.lines, 0);
  return { files, labelsFile, events, hostDays, hosts: options.hosts, days: options.days };
}
