// Scores the anomaly records themselves (not the alerts): the core issue's acceptance is "record_score ≥ 75 for each
// injected attack the ML jobs are meant to catch, and few records ≥ 75 anywhere else".
import { existsSync, readFileSync } from 'node:fs';
import type { DatasetLabels, ScenarioLabel } from '../src/generator/index.js';
import type { EcsEvent } from '../src/ecs/index.js';
import type { AlertView } from './alerts.js';
import { matchesScenario } from './score.js';

export const HIGH_RECORD_SCORE = 75;

export interface ScenarioRecordScore { id: string; core: boolean; bestScore: number; bestJob?: string; explanation?: string }
export interface AnomalyRecordReport {
  scenarios: ScenarioRecordScore[];
  /** Records ≥ 75 that match no scenario, per job. */
  highElsewhere: Record<string, number>;
  highElsewhereTotal: number;
  highElsewherePer1000HostDays: number;
  records: number;
}

/** Reads the records NDJSON, keeping the last version of each `_id` (renormalisation re-emits records). */
export function readRecords(path: string): EcsEvent[] {
  if (!existsSync(path)) return [];
  const latest = new Map<string, EcsEvent>();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line) continue;
    const doc = JSON.parse(line) as EcsEvent;
    latest.set(String(doc._id), doc);
  }
  return [...latest.values()];
}

function view(record: EcsEvent): AlertView {
  const t = Number(record.timestamp);
  return { ruleName: String(record.job_id), ruleId: String(record.job_id), raisedMs: t, originalMs: t, doc: record };
}

const matches = (v: AlertView, s: ScenarioLabel): boolean => matchesScenario(v, s);

/** Scenarios the anomaly jobs are expected to see: those whose `expect` names a DED or LMD job. */
function isAnomalyScenario(s: ScenarioLabel): boolean {
  return s.expect.some((e) => /^(ded|lmd)_/.test(e));
}

export function scoreRecords(labels: Pick<DatasetLabels, 'scenarios' | 'hostDays'>, records: EcsEvent[]): AnomalyRecordReport {
  const views = records.map(view);
  const scenarios = labels.scenarios.filter(isAnomalyScenario).map((s) => {
    // Highest score wins; on a tie, a record of a job the scenario names (the port job for the port attack).
    const rank = (v: AlertView): [number, number] => [Number(v.doc.record_score), s.expect.includes(String(v.doc.job_id)) ? 1 : 0];
    let best: AlertView | undefined;
    for (const v of views) {
      if (!matches(v, s)) continue;
      const [score, expected] = rank(v);
      const [bestScore, bestExpected] = best ? rank(best) : [-Infinity, 0];
      if (score > bestScore || (score === bestScore && expected > bestExpected)) best = v;
    }
    return {
      id: s.id, core: s.core,
      bestScore: best ? Math.round(Number(best.doc.record_score) * 10) / 10 : 0,
      bestJob: best ? String(best.doc.job_id) : undefined,
      explanation: best ? String(best.doc.explanation ?? '') : undefined,
    };
  });
  const highElsewhere: Record<string, number> = {};
  let total = 0;
  for (const v of views) {
    if (Number(v.doc.record_score) < HIGH_RECORD_SCORE) continue;
    if (labels.scenarios.some((s) => matches(v, s))) continue;
    highElsewhere[v.ruleName] = (highElsewhere[v.ruleName] ?? 0) + 1;
    total++;
  }
  const per1000 = labels.hostDays > 0 ? Math.round((total / labels.hostDays) * 100_000) / 100 : 0;
  return { scenarios, highElsewhere, highElsewhereTotal: total, highElsewherePer1000HostDays: per1000, records: records.length };
}

export function renderRecordsMarkdown(r: AnomalyRecordReport): string {
  const lines = [
    '## Anomaly records (the jobs on their own)',
    '',
    `Best \`record_score\` of the records matching each scenario the ML jobs are meant to see (≥ ${HIGH_RECORD_SCORE} is the goal), and records ≥ ${HIGH_RECORD_SCORE} that match no scenario.`,
    '',
    '| scenario | core | best record_score | job | explanation |',
    '|---|---|---|---|---|',
    ...r.scenarios.map((s) => `| ${s.id} | ${s.core ? 'yes' : 'no'} | ${s.bestScore >= HIGH_RECORD_SCORE ? s.bestScore : `**${s.bestScore}**`} | ${s.bestJob ?? '—'} | ${(s.explanation ?? '').replace(/\|/g, '\\|')} |`),
    '',
    `Records ≥ ${HIGH_RECORD_SCORE} elsewhere: **${r.highElsewhereTotal}** (${r.highElsewherePer1000HostDays} per 1000 host-days) of ${r.records} records` +
      (r.highElsewhereTotal ? ': ' + Object.entries(r.highElsewhere).sort((a, b) => b[1] - a[1]).map(([j, n]) => `${j} ${n}`).join(', ') : '') + '.',
    '',
  ];
  return lines.join('\n');
}
