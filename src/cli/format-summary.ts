/** Prints the end-of-replay summary a user reads: what was read, used, late and bad; what each job modelled; what fired. */
import type { ReplaySummary } from '../engine/replay.js';
import { formatCount } from '../engine/progress.js';

function mb(bytes: number): string {
  return bytes >= 1 << 30 ? `${(bytes / (1 << 30)).toFixed(2)} GB` : `${(bytes / (1 << 20)).toFixed(1)} MB`;
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => '  ' + r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')).join('\n');
}

export function formatSummary(s: ReplaySummary): string {
  const out: string[] = [];
  const span = s.firstEventTime !== undefined && s.lastEventTime !== undefined
    ? ` (event time ${new Date(s.firstEventTime).toISOString()} → ${new Date(s.lastEventTime).toISOString()})` : '';
  out.push(`Replay ${s.aborted ? 'ABORTED' : 'finished'} in ${s.wallSeconds.toFixed(1)} s${s.resumedFromCheckpoint ? ', resumed from the last checkpoint' : ''}${span}`);
  for (const i of s.inputs) if (i.status !== 'read') out.push(`  input ${i.path}: ${i.status}`);
  const rate = s.wallSeconds > 0 ? s.eventsRead / s.wallSeconds : 0;
  out.push(`Events: ${s.eventsRead} read (${formatCount(rate)}/s), ${s.eventsUsed} used, ${s.eventsLate} late, ${s.badTotal} bad input, ${s.egressDropped} not outbound (DED egress filter)`);
  const bad = Object.entries(s.bad).sort((a, b) => b[1] - a[1]);
  if (bad.length) out.push('  bad input by reason: ' + bad.map(([r, n]) => `${r} ${n}`).join(', ') + (s.deadLetterFile ? ` (each written with its file and line to ${s.deadLetterFile})` : ''));
  if (s.jobs.length) {
    out.push(`Anomaly jobs (${s.jobs.length}):`);
    const rows = [['job', 'events', 'series', 'memory', 'status', 'refused', 'records']];
    for (const j of s.jobs) {
      rows.push([j.jobId, String(j.eventsProcessed), String(j.seriesModelled), mb(j.modelBytes), j.memoryStatus, String(j.refusedSeries), String(j.recordsWritten)]);
    }
    out.push(table(rows));
  }
  const firing = s.rules.filter((r) => r.alerts > 0);
  out.push(`Rules: ${s.rules.length} loaded, ${firing.length} fired; ${s.unsupportedRules.length} not supported`);
  if (s.overriddenRules.length) out.push(`  ${s.overriddenRules.length} bundled rule(s) replaced by your content with the same rule_id (e.g. ${s.overriddenRules[0].name})`);
  for (const u of s.unsupportedRules) out.push(`  not supported: ${u.name ?? u.file} (${u.type ?? '?'}): ${u.reason}`);
  for (const r of firing) out.push(`  ${r.alerts} alert(s)${r.suppressed ? `, ${r.suppressed} suppressed` : ''}: ${r.name}`);
  for (const r of s.rules) for (const w of r.warnings) out.push(`  warning (${r.name}): ${w}`);
  out.push(`Results: ${s.recordsWritten} anomaly records written; ${s.alertsNew} new alerts${s.alertsClosedByExceptions ? `; ${s.alertsClosedByExceptions} open alerts closed by exceptions` : ''}`);
  out.push(`Memory: peak RSS ${mb(s.peakRssBytes)}`);
  if (s.geoSource) out.push(`GeoIP: ${s.geoSource}`);
  return out.join('\n');
}
