// Renders the evaluation as Markdown tables (for people) and JSON (for tracking over time).
import type { DnsTunnelEvaluation } from './dns-tunnel.js';
import type { EvalScore } from './score.js';

export interface ReplayOutcome {
  ok: boolean;
  message: string;
  alertsFile?: string;
  skippedAlertLines?: number;
}

export interface EvalReport {
  generatedAt: string;
  dataset: { dir: string; seed?: number; days: number; hosts: number; hostDays: number; events?: number; rawGeo?: boolean };
  replay: ReplayOutcome;
  score: EvalScore;
  dnsTunnel?: DnsTunnelEvaluation | { skipped: string };
}

function cell(text: string | number): string {
  return String(text).replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function duration(minutes: number | undefined): string {
  if (minutes === undefined) return '—';
  if (minutes < 120) return `${minutes} min`;
  return `${(minutes / 60).toFixed(1)} h`;
}

function percent(x: number): string {
  return `${(x * 100).toFixed(2)}%`;
}

export function renderMarkdown(report: EvalReport): string {
  const { dataset, score } = report;
  const lines: string[] = [];
  lines.push('# Outflow detection-quality evaluation', '');
  lines.push(`Dataset \`${dataset.dir}\`: ${dataset.hosts} hosts × ${dataset.days} days = ${dataset.hostDays} host-days` +
    `${dataset.events !== undefined ? `, ${dataset.events.toLocaleString('en-US')} events` : ''}` +
    `${dataset.seed !== undefined ? `, seed ${dataset.seed}` : ''}${dataset.rawGeo ? ', raw geo (engine enriches)' : ''}.`);
  lines.push(report.replay.ok ? `Replay: ${report.replay.message}` : `**Replay failed: ${report.replay.message}** (every scenario below counts as missed).`, '');
  lines.push(`**Detected ${score.detected}/${score.total} scenarios (core ${score.coreDetected}/${score.coreTotal}); ` +
    `${score.falseAlerts} false alerts of ${score.alerts} (${score.falseAlertsPer1000HostDays} per 1000 host-days).**`, '');
  const w = score.afterWarmUp;
  if (w) {
    lines.push(`After the models' first ${w.fromDay} days (the two weeks of history Elastic's security jobs assume): ` +
      `${w.falseAlerts} false alerts over ${w.hostDays} host-days (${w.falseAlertsPer1000HostDays} per 1000 host-days).`, '');
  }
  lines.push('## Scenarios', '', '| scenario | kind | core | detected | by rules | alerts | time to detect |', '|---|---|---|---|---|---|---|');
  for (const s of score.scenarios) {
    lines.push(`| ${cell(s.id)} | ${cell(s.kind)} | ${s.core ? 'yes' : 'no'} | ${s.detected ? 'yes' : '**no**'} | ${cell(s.rules.join(', ') || '—')} | ${s.alerts} | ${duration(s.timeToDetectMinutes)} |`);
  }
  lines.push('', '## Alerts per rule', '', '| rule | alerts | false alerts | false per 1000 host-days | likely causes of false alerts |', '|---|---|---|---|---|');
  for (const r of score.byRule) {
    const causes = Object.entries(r.likelyCauses).sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ${n}`).join(', ');
    lines.push(`| ${cell(r.rule)} | ${r.alerts} | ${r.falseAlerts} | ${r.falseAlertsPer1000HostDays} | ${cell(causes || '—')} |`);
  }
  if (score.byRule.length === 0) lines.push('| (no alerts) | 0 | 0 | 0 | — |');
  lines.push('', '## DNS tunnel query names (real labelled data)', '');
  const dns = report.dnsTunnel;
  if (!dns) lines.push('Not run.');
  else if ('skipped' in dns) lines.push(`Skipped: ${dns.skipped}`);
  else {
    lines.push(`Heuristic \`eval/dns-tunnel-heuristic.ts\` on netrack-learn; threshold chosen on train (${dns.trainSize} names), reported on validate (${dns.validateSize} names).`, '');
    lines.push('| split | threshold | precision | recall | F1 | TP | FP | FN | TN |', '|---|---|---|---|---|---|---|---|---|');
    for (const [split, c] of [['train', dns.train], ['validate', dns.validate]] as const) {
      lines.push(`| ${split} | ${c.threshold} | ${percent(c.precision)} | ${percent(c.recall)} | ${c.f1} | ${c.truePositives} | ${c.falsePositives} | ${c.falseNegatives} | ${c.trueNegatives} |`);
    }
    lines.push('', 'Note: the benign names in this set are bare popular domains, so it is an easy split; expect lower precision on real resolver logs.');
  }
  return `${lines.join('\n')}\n`;
}
