// `npm run eval`: generate (or take) a labelled dataset, replay it through the CLI, score the alerts, write the report.
import { readRecords, renderRecordsMarkdown, scoreRecords } from './anomaly-records.js';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateDataset, type DatasetLabels } from '../src/generator/index.js';
import { readAlertsFile } from './alerts.js';
import { evaluateDnsTunnelHeuristic } from './dns-tunnel.js';
import { renderMarkdown, type EvalReport, type ReplayOutcome } from './report.js';
import { replayPaths, runReplay } from './replay.js';
import { scoreAlerts } from './score.js';

const USAGE = `usage: node --import tsx eval/run.ts [--seed 1] [--days 28] [--hosts 150] [--raw-geo]
       [--data <dir with *.ndjson + labels.json>] [--alerts <alerts.ndjson: score only, no replay>] [--out .eval-out]`;

function parseCli() {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string', default: '1' },
      days: { type: 'string', default: '28' },
      hosts: { type: 'string', default: '150' },
      'raw-geo': { type: 'boolean', default: false },
      data: { type: 'string' },
      alerts: { type: 'string' },
      out: { type: 'string', default: '.eval-out' },
      help: { type: 'boolean', default: false },
    },
  });
  const toInt = (name: string, text: string) => {
    const n = Number(text);
    if (!Number.isInteger(n)) throw new Error(`--${name} must be an integer, got "${text}"\n${USAGE}`);
    return n;
  };
  return {
    help: values.help, seed: toInt('seed', values.seed), days: toInt('days', values.days), hosts: toInt('hosts', values.hosts),
    rawGeo: values['raw-geo'], data: values.data, alerts: values.alerts, out: resolve(values.out),
  };
}

interface Dataset {
  dir: string;
  files: string[];
  labels: DatasetLabels;
  events?: number;
}

async function obtainDataset(cli: ReturnType<typeof parseCli>): Promise<Dataset> {
  if (cli.data) {
    const dir = resolve(cli.data);
    const labelsFile = join(dir, 'labels.json');
    if (!existsSync(labelsFile)) throw new Error(`--data ${dir}: no labels.json there (generate one with this script first)`);
    const files = readdirSync(dir).filter((f) => /\.ndjson(\.gz)?$/.test(f)).sort().map((f) => join(dir, f));
    return { dir, files, labels: JSON.parse(readFileSync(labelsFile, 'utf8')) as DatasetLabels };
  }
  const dir = join(cli.out, 'data');
  rmSync(dir, { recursive: true, force: true });
  console.error(`eval: generating ${cli.hosts} hosts × ${cli.days} days (seed ${cli.seed}) into ${dir}`);
  const generated = await generateDataset({ seed: cli.seed, days: cli.days, hosts: cli.hosts, rawGeo: cli.rawGeo, outDir: dir });
  const labels = JSON.parse(readFileSync(generated.labelsFile, 'utf8')) as DatasetLabels;
  return { dir, files: generated.files, labels, events: generated.events };
}

function dnsTunnelSection(repoRoot: string): EvalReport['dnsTunnel'] {
  const netrack = resolve(repoRoot, '..', 'shared', 'fixtures', 'data', 'dns-tunnel', 'netrack-learn');
  if (!existsSync(netrack)) return { skipped: `${netrack} not present (../shared is only on development machines)` };
  return evaluateDnsTunnelHeuristic(netrack) ?? { skipped: `${netrack} has no train.csv/validate.csv` };
}

async function main(): Promise<number> {
  const cli = parseCli();
  if (cli.help) {
    console.log(USAGE);
    return 0;
  }
  const repoRoot = process.cwd();
  mkdirSync(cli.out, { recursive: true });
  const dataset = await obtainDataset(cli);

  let replay: ReplayOutcome;
  if (cli.alerts) {
    replay = { ok: existsSync(cli.alerts), message: `scored existing alerts ${cli.alerts} (no replay)`, alertsFile: cli.alerts };
  } else {
    const paths = replayPaths(cli.out);
    for (const p of [paths.db, paths.alerts, paths.results, paths.deadLetter]) rmSync(p, { force: true });
    replay = { ...runReplay(repoRoot, dataset.files, paths), alertsFile: paths.alerts };
  }
  const loaded = replay.ok && replay.alertsFile ? readAlertsFile(replay.alertsFile) : { alerts: [], skipped: 0 };
  replay.skippedAlertLines = loaded.skipped;

  const { options } = dataset.labels;
  const report: EvalReport = {
    generatedAt: new Date().toISOString(),
    dataset: { dir: dataset.dir, seed: options.seed, days: options.days, hosts: options.hosts, hostDays: dataset.labels.hostDays, events: dataset.events, rawGeo: options.rawGeo },
    replay,
    score: scoreAlerts(dataset.labels, loaded.alerts),
    dnsTunnel: dnsTunnelSection(repoRoot),
  };
  const recordsFile = cli.alerts ? undefined : replayPaths(cli.out).results;
  const records = recordsFile ? scoreRecords(dataset.labels, readRecords(recordsFile)) : undefined;
  const markdown = renderMarkdown(report) + (records ? '\n' + renderRecordsMarkdown(records) : '');
  writeFileSync(join(cli.out, 'eval-report.md'), markdown);
  writeFileSync(join(cli.out, 'eval-report.json'), `${JSON.stringify({ ...report, anomalyRecords: records }, null, 2)}\n`);
  console.log(markdown);
  console.error(`eval: wrote ${join(cli.out, 'eval-report.md')} and eval-report.json`);
  return replay.ok ? 0 : 1;
}

main().then(
  (code) => { process.exitCode = code; },
  (error: unknown) => {
    console.error(`eval: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  },
);
