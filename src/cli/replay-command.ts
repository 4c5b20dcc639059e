/** `outflow replay <paths…>`: options → engine/replay.ts, then the summary. */
import type { Command } from 'commander';
import { DEFAULT_CHECKPOINT_SECONDS, replay, type ReplayOptions } from '../engine/replay.js';
import { formatSummary } from './format-summary.js';
import { parseCountOption, parseDurationOption } from './parse-duration.js';

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export function registerReplay(program: Command): void {
  program
    .command('replay')
    .description('Replay ECS NDJSON logs (files, directories, globs, "-" for stdin; .gz allowed) through the anomaly jobs and rules, in event time')
    .argument('<paths...>', 'input files, directories or globs; "-" reads stdin')
    .option('--content <path>', 'an Elastic ML module/job JSON, a rule file (TOML, Kibana export), an exception list, or a directory of them (repeatable)', collect, [])
    .option('--no-builtin', 'do not load the bundled content pack (content/)')
    .option('--db <file>', 'SQLite store for results, alerts and learned state', './outflow.db')
    .option('--results <file>', 'write anomaly records as NDJSON ("-" for stdout)')
    .option('--alerts <file>', 'write alerts as NDJSON ("-" for stdout)')
    .option('--dead-letter <file>', 'write bad input lines (with reason, file and line) as NDJSON', 'outflow-dead-letter.ndjson')
    .option('--latency <duration>', 'how far out of event-time order input may arrive and still be used', '5m')
    .option('--internal-networks <cidrs>', 'comma-separated internal networks (default: RFC 1918, loopback, link-local, CGNAT, ULA)')
    .option('--no-geo', 'do not add GeoIP/ASN fields to events that lack them')
    .option('--geoip-db <file.mmdb>', 'a MaxMind-format city database (GeoLite2-City, GeoIP2-City, DB-IP City Lite) instead of the bundled country database: adds region and city names')
    .option('--workers <n>', 'parsing threads (0 parses in the main thread)', (v) => Number(v))
    .option('--restart', 'forget the learned state in --db and start learning again (results and alerts are kept)')
    .option('--checkpoint-interval <duration>', 'wall-clock time between checkpoints of the learned state (a killed run repeats at most this much work)', `${DEFAULT_CHECKPOINT_SECONDS}s`)
    .option('--checkpoint-every <events>', 'also checkpoint after this many events', (v) => parseCountOption(v, '--checkpoint-every', 1))
    .option('--quiet', 'no progress line and no summary')
    .option('--json-summary <file>', 'also write the summary as JSON')
    .action(async (paths: string[], o: Record<string, unknown>) => {
      const opts: ReplayOptions = {
        inputs: paths,
        content: o.content as string[],
        builtin: o.builtin as boolean,
        db: o.db as string,
        results: o.results as string | undefined,
        alerts: o.alerts as string | undefined,
        deadLetter: o.deadLetter as string | undefined,
        latencyMs: parseDurationOption(o.latency as string, '--latency'),
        internalNetworks: typeof o.internalNetworks === 'string' ? (o.internalNetworks as string).split(',').map((s) => s.trim()).filter(Boolean) : undefined,
        geo: o.geo as boolean,
        geoDatabase: o.geoipDb as string | undefined,
        workers: o.workers as number | undefined,
        restart: Boolean(o.restart),
        checkpointEvery: o.checkpointEvery as number | undefined,
        checkpointSeconds: parseDurationOption(o.checkpointInterval as string, '--checkpoint-interval') / 1000,
        progress: !o.quiet,
      };
      const summary = await replay(opts);
      if (!o.quiet) process.stderr.write(formatSummary(summary) + '\n');
      if (typeof o.jsonSummary === 'string') {
        const { writeFileSync } = await import('node:fs');
        writeFileSync(o.jsonSummary, JSON.stringify(summary, null, 2));
      }
    });
}
