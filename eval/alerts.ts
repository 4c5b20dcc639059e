// Reads Elastic-like alert documents (flat or nested fields) and answers "which values does this alert carry for field X".
import { readFileSync } from 'node:fs';
import type { EcsEvent, EcsValue } from '../src/ecs/index.js';
import { getField, parseTimestamp } from '../src/ecs/index.js';

export interface AlertView {
  ruleName: string;
  ruleId: string;
  /** When the alert was raised (`@timestamp`), falling back to the original time. */
  raisedMs: number;
  /** Time of the activity it is about (`kibana.alert.original_time`), falling back to `@timestamp`. */
  originalMs: number;
  doc: EcsEvent;
}

function scalarStrings(value: EcsValue | undefined): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.flatMap(scalarStrings);
  if (typeof value === 'object') return [];
  return [String(value)];
}

function time(doc: EcsEvent, field: string): number | undefined {
  return parseTimestamp(getField(doc, field));
}

/** Turns one alert document into a view; undefined when it has neither a rule nor a usable time. */
export function toAlertView(doc: EcsEvent): AlertView | undefined {
  const ruleName = scalarStrings(getField(doc, 'kibana.alert.rule.name'))[0];
  const ruleId = scalarStrings(getField(doc, 'kibana.alert.rule.rule_id'))[0];
  const raised = time(doc, '@timestamp');
  const original = time(doc, 'kibana.alert.original_time');
  if ((!ruleName && !ruleId) || (raised === undefined && original === undefined)) return undefined;
  return {
    ruleName: ruleName ?? ruleId ?? 'unknown rule',
    ruleId: ruleId ?? ruleName ?? 'unknown',
    raisedMs: raised ?? original!,
    originalMs: original ?? raised!,
    doc,
  };
}

const RECORD_SPLITS = ['partition', 'by', 'over'] as const;

/**
 * Every value the alert carries for `field`: the field itself (nested or dotted, arrays expanded), the anomaly
 * record's partition/by/over value when that split is on `field`, and matching influencer values.
 */
export function alertValues(alert: AlertView, field: string): Set<string> {
  const doc = alert.doc;
  const values = new Set(scalarStrings(getField(doc, field)));
  for (const split of RECORD_SPLITS) {
    if (scalarStrings(getField(doc, `${split}_field_name`)).includes(field)) {
      for (const v of scalarStrings(getField(doc, `${split}_field_value`))) values.add(v);
    }
  }
  const influencers = getField(doc, 'influencers');
  if (Array.isArray(influencers)) {
    for (const influencer of influencers) {
      if (influencer && typeof influencer === 'object' && !Array.isArray(influencer) && influencer.influencer_field_name === field) {
        for (const v of scalarStrings(influencer.influencer_field_values)) values.add(v);
      }
    }
  }
  return values;
}

/** True when the alert carries every field of `entity` with the expected value. */
export function alertMatchesEntity(alert: AlertView, entity: Record<string, string | number>): boolean {
  return Object.entries(entity).every(([field, expected]) => alertValues(alert, field).has(String(expected)));
}

export interface LoadedAlerts {
  alerts: AlertView[];
  /** Lines that were not JSON objects or had no rule/time: reported, never fatal. */
  skipped: number;
}

/**
 * Parses an alerts NDJSON file. Sinks may write an alert again when it is updated (e.g. suppression counts), so
 * documents sharing a `kibana.alert.uuid` count once, as their latest version.
 */
export function parseAlertsNdjson(text: string): LoadedAlerts {
  const byUuid = new Map<string, number>();
  const alerts: AlertView[] = [];
  let skipped = 0;
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const parsed: unknown = JSON.parse(line);
      const view = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? toAlertView(parsed as EcsEvent) : undefined;
      if (!view) {
        skipped++;
        continue;
      }
      const uuid = scalarStrings(getField(view.doc, 'kibana.alert.uuid'))[0];
      const earlier = uuid === undefined ? undefined : byUuid.get(uuid);
      if (earlier !== undefined) alerts[earlier] = view;
      else {
        if (uuid !== undefined) byUuid.set(uuid, alerts.length);
        alerts.push(view);
      }
    } catch {
      skipped++;
    }
  }
  return { alerts, skipped };
}

export function readAlertsFile(path: string): LoadedAlerts {
  return parseAlertsNdjson(readFileSync(path, 'utf8'));
}
