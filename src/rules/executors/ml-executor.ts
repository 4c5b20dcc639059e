/**
 * machine_learning rules (Elastic §4): non-interim records of the rule's jobs with record_score ≥ anomaly_threshold
 * and timestamp in the lookback, minus exceptions, highest score first, at most max_signals per run.
 */
import type { EcsEvent } from '../../ecs/index.js';
import { alertUuid } from '../alerts/ids.js';
import { buildMlAlert } from '../alerts/ml-alert.js';
import { anomalyExceptionView } from '../exceptions/anomaly-view.js';
import { compileExceptionItems } from '../exceptions/compile-exceptions.js';
import type { LoadedRule, RecordDoc } from '../types.js';
import type { Hit, RuleExecutor, RunResult, RunWindow } from './types.js';

export class MlExecutor implements RuleExecutor {
  readonly readsEvents = false;
  readonly capsBeforeDedupe = true;
  private readonly threshold: number;
  private readonly excepted: (doc: EcsEvent) => boolean;

  /** `jobIds` are the rule's job ids already resolved against the loaded jobs (`_ea` suffix handled). */
  constructor(
    private readonly rule: LoadedRule,
    readonly jobIds: string[],
  ) {
    if (rule.logic.type !== 'machine_learning') throw new Error(`MlExecutor cannot run rule ${rule.id}`);
    this.threshold = rule.logic.anomalyThreshold;
    this.excepted = compileExceptionItems(rule.exceptions);
  }

  onEvent(): boolean {
    return false;
  }

  run(w: RunWindow): RunResult {
    const selected: RecordDoc[] = [];
    for (const jobId of this.jobIds) {
      for (const r of w.records.recordsOf(jobId)) {
        if (r.is_interim === true || r.timestamp < w.startMs || r.timestamp > w.tickMs) continue;
        if (!(r.record_score >= this.threshold)) continue;
        if (this.rule.exceptions.length && this.excepted(anomalyExceptionView(r))) continue;
        selected.push(r);
      }
    }
    selected.sort((a, b) => b.record_score - a.record_score || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0));
    const warnings: string[] = [];
    if (selected.length > this.rule.maxSignals) {
      warnings.push(`more than max_signals (${this.rule.maxSignals}) anomalies in one run; the lowest scores were dropped`);
      selected.length = this.rule.maxSignals;
    }
    const hits: Hit[] = selected.map((r) => {
      const uuid = alertUuid(this.rule.id, r._id);
      return { uuid, sourceTimeMs: r.timestamp, groupDoc: anomalyExceptionView(r), build: (tick) => buildMlAlert(this.rule, r, uuid, tick) };
    });
    return { hits, warnings };
  }

  prune(): void {}

  fieldsRead(): string[] {
    return [];
  }

  snapshot(): unknown {
    return null;
  }

  restore(): void {}
}
