// Scores alerts against the dataset's labels: which scenarios were detected, by which rules, how fast, and false alerts.
import type { BenignLookalike, DatasetLabels, ScenarioLabel } from '../src/generator/index.js';
import { alertMatchesEntity, type AlertView } from './alerts.js';

export interface ScoringOptions {
  /** How long before a scenario's start an alert's original time may lie (anomaly buckets start earlier). */
  earlySlackMs: number;
  /** How long after a scenario's end an alert's original time may lie. */
  lateSlackMs: number;
}

export const DEFAULT_SCORING: ScoringOptions = { earlySlackMs: 6 * 3_600_000, lateSlackMs: 6 * 3_600_000 };

export interface ScenarioResult {
  id: string;
  kind: string;
  core: boolean;
  description: string;
  detected: boolean;
  /** Names of the rules whose alerts matched, in order of first alert. */
  rules: string[];
  alerts: number;
  firstAlertAt?: string;
  /** Minutes from scenario start to the first matching alert being raised (never negative). */
  timeToDetectMinutes?: number;
}

export interface RuleFalseAlerts {
  rule: string;
  alerts: number;
  falseAlerts: number;
  falseAlertsPer1000HostDays: number;
  /** False alerts whose entity matches a labelled benign look-alike, by look-alike id. */
  likelyCauses: Record<string, number>;
}

export interface EvalScore {
  hostDays: number;
  alerts: number;
  scenarios: ScenarioResult[];
  detected: number;
  total: number;
  coreDetected: number;
  coreTotal: number;
  falseAlerts: number;
  falseAlertsPer1000HostDays: number;
  /** False alerts raised about the time after the models' warm-up (absent when the dataset is not longer than it). */
  afterWarmUp?: { fromDay: number; falseAlerts: number; hostDays: number; falseAlertsPer1000HostDays: number };
  byRule: RuleFalseAlerts[];
}

/**
 * Elastic's security ML jobs are meant to look at two weeks of history before their anomalies are trusted (they
 * analyse the previous 2 weeks when enabled); the eval also reports false alerts about the time after that, which is
 * what a team running Outflow continuously sees.
 */
export const WARM_UP_DAYS = 14;
const DAY_MS = 86_400_000;

/** What the after-warm-up figure needs to know about the dataset (from its labels' options). */
export interface DatasetPeriod { start: string; days: number; hosts: number }

/** An alert (or anomaly record) detects a scenario when it falls in its window and carries one of its entity sets. */
export function matchesScenario(alert: AlertView, scenario: ScenarioLabel, options: ScoringOptions = DEFAULT_SCORING): boolean {
  const start = Date.parse(scenario.start) - options.earlySlackMs;
  const end = Date.parse(scenario.end) + options.lateSlackMs;
  if (alert.originalMs < start || alert.originalMs > end) return false;
  return [scenario.entity, ...(scenario.alsoMatches ?? [])].some((entity) => alertMatchesEntity(alert, entity));
}

function scoreScenario(scenario: ScenarioLabel, matching: AlertView[]): ScenarioResult {
  const ordered = [...matching].sort((a, b) => a.raisedMs - b.raisedMs);
  const rules = [...new Set(ordered.map((a) => a.ruleName))];
  const first = ordered[0];
  const result: ScenarioResult = {
    id: scenario.id, kind: scenario.kind, core: scenario.core, description: scenario.description,
    detected: ordered.length > 0, rules, alerts: ordered.length,
  };
  if (first) {
    result.firstAlertAt = new Date(first.raisedMs).toISOString();
    result.timeToDetectMinutes = Math.max(0, Math.round((first.raisedMs - Date.parse(scenario.start)) / 60_000));
  }
  return result;
}

function likelyCause(alert: AlertView, benign: readonly BenignLookalike[]): string {
  return benign.find((b) => alertMatchesEntity(alert, b.entity))?.id ?? 'unexplained';
}

/** Scores alerts against labels. An alert may detect several scenarios; one matching none is a false alert. */
export function scoreAlerts(
  labels: Pick<DatasetLabels, 'scenarios' | 'hostDays'> & { benign?: BenignLookalike[]; options?: DatasetPeriod },
  alerts: readonly AlertView[],
  options: ScoringOptions = DEFAULT_SCORING,
): EvalScore {
  const matchesByScenario = new Map<string, AlertView[]>(labels.scenarios.map((s) => [s.id, []]));
  const byRule = new Map<string, RuleFalseAlerts>();
  const per1000 = (n: number) => (labels.hostDays > 0 ? Math.round((n / labels.hostDays) * 1000 * 100) / 100 : 0);
  let falseAlerts = 0;
  const period = labels.options;
  const warmUpEndMs = period && period.days > WARM_UP_DAYS ? Date.parse(period.start) + WARM_UP_DAYS * DAY_MS : undefined;
  let falseAfterWarmUp = 0;
  for (const alert of alerts) {
    const rule = byRule.get(alert.ruleName) ?? { rule: alert.ruleName, alerts: 0, falseAlerts: 0, falseAlertsPer1000HostDays: 0, likelyCauses: {} };
    byRule.set(alert.ruleName, rule);
    rule.alerts++;
    const hits = labels.scenarios.filter((s) => matchesScenario(alert, s, options));
    for (const scenario of hits) matchesByScenario.get(scenario.id)!.push(alert);
    if (hits.length === 0) {
      falseAlerts++;
      if (warmUpEndMs !== undefined && alert.originalMs >= warmUpEndMs) falseAfterWarmUp++;
      rule.falseAlerts++;
      const cause = likelyCause(alert, labels.benign ?? []);
      rule.likelyCauses[cause] = (rule.likelyCauses[cause] ?? 0) + 1;
    }
  }
  for (const rule of byRule.values()) rule.falseAlertsPer1000HostDays = per1000(rule.falseAlerts);
  const scenarios = labels.scenarios.map((s) => scoreScenario(s, matchesByScenario.get(s.id)!));
  const core = scenarios.filter((s) => s.core);
  const afterWarmUp = period && warmUpEndMs !== undefined
    ? (() => {
        const hostDays = period.hosts * (period.days - WARM_UP_DAYS);
        return { fromDay: WARM_UP_DAYS, falseAlerts: falseAfterWarmUp, hostDays, falseAlertsPer1000HostDays: Math.round((falseAfterWarmUp / hostDays) * 1000 * 100) / 100 };
      })()
    : undefined;
  return {
    hostDays: labels.hostDays, alerts: alerts.length, scenarios,
    detected: scenarios.filter((s) => s.detected).length, total: scenarios.length,
    coreDetected: core.filter((s) => s.detected).length, coreTotal: core.length,
    falseAlerts, falseAlertsPer1000HostDays: per1000(falseAlerts),
    ...(afterWarmUp ? { afterWarmUp } : {}),
    byRule: [...byRule.values()].sort((a, b) => b.falseAlerts - a.falseAlerts || a.rule.localeCompare(b.rule)),
  };
}
