// What a scenario is (a labelled, pre-computed set of attack events) and helpers shared by scenario definitions.
import type { EcsEvent } from '../../ecs/index.js';
import { isoTime } from '../../ecs/index.js';
import { DAY_MS, SLOT_MS } from '../calendar.js';
import { networkFlowDoc } from '../ecs-docs.js';
import type { StreamName, TimedEvent } from '../event-sink.js';
import type { Host, Organisation } from '../organisation.js';
import type { ScenarioLabel } from '../options.js';
import type { Rng } from '../random.js';

export interface ScenarioPlanContext {
  org: Organisation;
  startMs: number;
  days: number;
  rawGeo: boolean;
  rng: Rng;
  /** 00:00 UTC of a day index. */
  dayStart(day: number): number;
  /** A workstation without special habits, different for every call while any remain. */
  takeWorkstation(): Host;
}

export interface PlannedScenario {
  label: ScenarioLabel;
  events: TimedEvent[];
}

export interface ScenarioDefinition {
  id: string;
  kind: string;
  core: boolean;
  /** Plans the scenario on its assigned day (multi-day scenarios start there). */
  plan(ctx: ScenarioPlanContext, day: number): PlannedScenario;
}

/** Collects a scenario's events and derives the label's time window from them. */
export class ScenarioEvents {
  readonly events: TimedEvent[] = [];
  private first = Number.POSITIVE_INFINITY;
  private last = Number.NEGATIVE_INFINITY;

  add(stream: StreamName, ms: number, doc: EcsEvent, durationMs = 0): void {
    this.events.push({ stream, ms, doc });
    this.first = Math.min(this.first, ms);
    this.last = Math.max(this.last, ms + durationMs);
  }

  label(fields: Omit<ScenarioLabel, 'start' | 'end'>): PlannedScenario {
    return { label: { ...fields, start: isoTime(this.first), end: isoTime(Math.max(this.last, this.first + 1000)) }, events: this.events };
  }
}

export interface ExfilFlow {
  host: Host;
  ip: string;
  country: string;
  port: number;
  process: string;
}

/** Sends `totalBytes` spread over consecutive 30-minute slots starting at `startMs` (rounded down to a slot). */
export function addExfilFlows(ctx: ScenarioPlanContext, out: ScenarioEvents, flow: ExfilFlow, startMs: number, slots: number, totalBytes: number): void {
  const first = Math.floor(startMs / SLOT_MS) * SLOT_MS;
  for (let i = 0; i < slots; i++) {
    const ms = first + i * SLOT_MS;
    const sent = (totalBytes / slots) * (0.75 + ctx.rng.next() * 0.5);
    out.add('network', ms, networkFlowDoc(ms, {
      host: flow.host, process: flow.process, destinationIp: flow.ip, destinationPort: flow.port, country: flow.country,
      sentBytes: sent, receivedBytes: sent * 0.01,
    }, ctx.rawGeo), SLOT_MS);
  }
}

/** Day index of the first day ≥ `from` with this weekday (0 = Sunday), or `from` when none is left. */
export function nextWeekday(ctx: ScenarioPlanContext, from: number, weekday: number): number {
  for (let day = from; day < ctx.days; day++) if (new Date(ctx.startMs + day * DAY_MS).getUTCDay() === weekday) return day;
  return from;
}

export const GB = 1_000_000_000;
export const MB = 1_000_000;
