// Collects one day's events per output stream so each file can be written in time order.
import type { EcsEvent } from '../ecs/index.js';

export const STREAMS = ['network', 'dns', 'process', 'file', 'device', 'rdp', 'cloudtrail'] as const;
export type StreamName = (typeof STREAMS)[number];

export interface TimedEvent {
  stream: StreamName;
  ms: number;
  doc: EcsEvent;
}

/** Where activities and scenarios put the events they create. */
export interface EventSink {
  emit(stream: StreamName, ms: number, doc: EcsEvent): void;
}

/** Buffers a day's events; `drain` returns them per stream, sorted by time (stable, so output is deterministic). */
export class DayBuffer implements EventSink {
  private readonly events = new Map<StreamName, Array<{ ms: number; doc: EcsEvent }>>();

  emit(stream: StreamName, ms: number, doc: EcsEvent): void {
    let list = this.events.get(stream);
    if (!list) {
      list = [];
      this.events.set(stream, list);
    }
    list.push({ ms, doc });
  }

  drain(stream: StreamName): Array<{ ms: number; doc: EcsEvent }> {
    const list = this.events.get(stream) ?? [];
    this.events.delete(stream);
    return list.sort((a, b) => a.ms - b.ms);
  }
}
