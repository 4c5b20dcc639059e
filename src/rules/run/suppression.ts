/**
 * Alert suppression (`alert_suppression`): alerts with the same group_by values within `duration` (or within one run
 * when no duration) collapse into the first one, whose `kibana.alert.suppression.docs_count` counts the others. An
 * updated first alert is re-emitted with the same uuid, so a store that upserts by uuid keeps the latest count.
 */
import type { EcsEvent } from '../../ecs/index.js';
import { getValues, isoTime } from '../../ecs/index.js';
import { sha256 } from '../alerts/ids.js';
import type { Alert, SuppressionConfig } from '../types.js';

export interface SuppressionInput {
  alert: Alert;
  groupDoc: EcsEvent;
  sourceTimeMs: number;
}

interface Group {
  alert: Alert;
  createdMs: number;
}

export class AlertSuppressor {
  private groups = new Map<string, Group>();

  constructor(private readonly config: SuppressionConfig) {}

  /** Returns the alerts to emit (new ones and updated earlier ones) and how many were suppressed. */
  process(tickMs: number, inputs: SuppressionInput[]): { alerts: Alert[]; created: number; suppressed: number } {
    const { durationMs } = this.config;
    if (durationMs === undefined) this.groups.clear();
    else for (const [key, g] of this.groups) if (tickMs - g.createdMs > durationMs) this.groups.delete(key);

    const out: Alert[] = [];
    const updated = new Set<Alert>();
    let suppressed = 0;
    for (const input of inputs) {
      const terms = this.config.groupBy.map((field) => {
        const values = getValues(input.groupDoc, field).map(String);
        return { field, value: values.length === 0 ? null : values.length === 1 ? values[0] : values };
      });
      if (this.config.missingFieldsStrategy === 'doNotSuppress' && terms.some((t) => t.value === null)) {
        out.push(input.alert);
        continue;
      }
      const key = JSON.stringify(terms.map((t) => t.value));
      const group = this.groups.get(key);
      if (group) {
        const a = group.alert;
        a['kibana.alert.suppression.docs_count'] = (a['kibana.alert.suppression.docs_count'] as number) + 1;
        const t = isoTime(input.sourceTimeMs);
        if (t < (a['kibana.alert.suppression.start'] as string)) a['kibana.alert.suppression.start'] = t;
        if (t > (a['kibana.alert.suppression.end'] as string)) a['kibana.alert.suppression.end'] = t;
        if (!out.includes(a)) updated.add(a);
        suppressed++;
        continue;
      }
      const a = input.alert;
      a['kibana.alert.instance.id'] = sha256(key);
      a['kibana.alert.suppression.terms'] = terms;
      a['kibana.alert.suppression.docs_count'] = 0;
      a['kibana.alert.suppression.start'] = isoTime(input.sourceTimeMs);
      a['kibana.alert.suppression.end'] = isoTime(input.sourceTimeMs);
      this.groups.set(key, { alert: a, createdMs: tickMs });
      out.push(a);
    }
    // Copies: an emitted alert must not change later when its stored group alert is updated again.
    return { alerts: [...out, ...updated].map((a) => structuredClone(a)), created: out.length, suppressed };
  }

  snapshot(): unknown {
    return [...this.groups];
  }

  restore(state: unknown): void {
    this.groups = new Map((Array.isArray(state) ? state : []) as Array<[string, Group]>);
  }
}
