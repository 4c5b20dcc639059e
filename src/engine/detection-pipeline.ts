/**
 * Where an event goes after it is read: enrich → route to anomaly jobs (datafeed queries) and to the rule engine →
 * results and alerts. Events arrive here already in event-time order (see event-intake.ts); the pipeline
 * advances jobs and rules in fixed event-time steps so that every rule tick sees exactly the results of the buckets
 * closed before it, whatever the batch sizes were — the same input always gives the same alerts.
 */
import type { EcsEvent } from '../ecs/index.js';
import type { AnomalyJob, AnomalyResultBatch } from '../anomaly/index.js';
import type { RuleEngine, Alert } from '../rules/index.js';
import type { Enricher, EgressFilter } from '../enrich/index.js';
import type { EventOrigin, SourceEvent } from '../sources/index.js';
import { EGRESS_DROPPED, routeEvent, type RoutableJob } from './job-route.js';

/** Jobs and rules advance in steps of this much event time (rule intervals are whole minutes). */
export const ADVANCE_STEP_MS = 60_000;

export interface PipelineOutputs {
  onResults(batch: AnomalyResultBatch): void;
  onAlerts(alerts: Alert[]): void;
}

export interface RoutedJob {
  job: AnomalyJob;
  /** DED network jobs read Elastic's egress transform output: only internal → external flows. */
  egressOnly: boolean;
}

export interface PipelineCounters {
  eventsIn: number;
  eventsUsed: number;
  egressDropped: number;
}

export class DetectionPipeline {
  readonly counters: PipelineCounters = { eventsIn: 0, eventsUsed: 0, egressDropped: 0 };
  private nextStep = -Infinity;
  private readonly routable: RoutableJob[];
  /** The event being routed (routeEvent's `take` is made once, not per event). */
  private current: { event: EcsEvent; origin: EventOrigin } | undefined;
  private took = false;
  private readonly take = (i: number): void => {
    this.took = true;
    this.jobs[i]!.job.ingest(this.current!.event, this.current!.origin);
  };

  constructor(
    private readonly jobs: RoutedJob[],
    private readonly rules: RuleEngine | undefined,
    private readonly enricher: Enricher | undefined,
    private readonly egress: EgressFilter | undefined,
    private readonly outputs: PipelineOutputs,
  ) {
    this.routable = jobs.map((r) => ({ accepts: (e: EcsEvent) => r.job.accepts(e), egressOnly: r.egressOnly }));
  }

  /** Takes events in event-time order. */
  process(events: SourceEvent[]): void {
    for (const se of events) {
      if (se.time >= this.nextStep) this.advanceTo(se.time);
      this.counters.eventsIn++;
      if (se.touch !== undefined) {
        // Judged where it was parsed: no job accepts it and no rule keeps it (engine/event-interest.ts).
        this.rules?.onUnwantedEvent(se.time, se.touch);
        continue;
      }
      const event = se.event;
      this.enricher?.enrich(event);
      let used = false;
      const route = se.route;
      if (route !== undefined) {
        // Routed where it was parsed (engine/job-route.ts).
        if ((route & EGRESS_DROPPED) !== 0) this.counters.egressDropped++;
        for (let m = route & ~EGRESS_DROPPED, i = 0; m !== 0; m >>>= 1, i++) {
          if ((m & 1) === 0) continue;
          this.jobs[i]!.job.ingest(event, se.origin);
          used = true;
        }
      } else {
        this.current = se;
        this.took = false;
        if (routeEvent(this.routable, this.egress, event, this.take)) this.counters.egressDropped++;
        this.current = undefined;
        used = this.took;
      }
      if (se.sideNote !== undefined) this.rules?.onUnwantedEvent(se.time, se.sideNote); // judged: no rule keeps it
      else if (this.rules?.onEvent(event, se.time)) used = true;
      if (used) this.counters.eventsUsed++;
    }
  }

  /**
   * Moves event time forward to `watermark`: every step boundary on the way first closes the jobs' buckets, then
   * hands the new anomaly records to the rules, then runs the rule ticks due.
   */
  advanceTo(watermark: number): void {
    if (this.nextStep === -Infinity) {
      this.nextStep = Math.floor(watermark / ADVANCE_STEP_MS) * ADVANCE_STEP_MS;
    }
    while (this.nextStep <= watermark) {
      this.step(this.nextStep);
      this.nextStep += ADVANCE_STEP_MS;
    }
  }

  private step(t: number): void {
    for (const r of this.jobs) this.emitResults(r.job.advanceTo(t));
    if (this.rules) {
      const alerts = this.rules.advanceTo(t);
      if (alerts.length) this.outputs.onAlerts(alerts);
    }
  }

  private emitResults(batch: AnomalyResultBatch): void {
    if (batch.buckets.length === 0 && batch.records.length === 0 && batch.influencers.length === 0) return;
    this.outputs.onResults(batch);
    if (this.rules && batch.records.length) this.rules.onRecords(batch.records);
  }

  /** End of input: close the open buckets, judge the tail with every rule once more. */
  finish(): void {
    for (const r of this.jobs) this.emitResults(r.job.flush());
    if (this.rules) {
      const alerts = this.rules.finish();
      if (alerts.length) this.outputs.onAlerts(alerts);
    }
  }

  get nextStepTime(): number {
    return this.nextStep;
  }

  set nextStepTime(t: number) {
    this.nextStep = t;
  }
}
