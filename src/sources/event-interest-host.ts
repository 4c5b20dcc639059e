/**
 * Loads and keeps the event judges named by `EventInterestRef`s, in whichever thread parses lines. Loading is
 * asynchronous (a dynamic import), parsing is not: callers `await loadEventJudge(ref)` before `parseLines`, which
 * then finds the judge with `eventJudgeFor(ref)`.
 */
import type { EcsEvent } from '../ecs/index.js';
import type { EventInterestRef, EventJudge } from './types.js';

/** The `event` of a SourceEvent nobody wants (see SourceEvent.touch): shared, frozen, never read. */
export const UNWANTED_EVENT: EcsEvent = Object.freeze({}) as EcsEvent;

interface JudgeModule {
  createEventJudge(options: unknown): EventJudge;
}

const judges = new Map<string, Promise<EventJudge>>();
const ready = new Map<string, EventJudge>();

function keyOf(ref: EventInterestRef): string {
  return JSON.stringify([ref.module, ref.options]);
}

export function loadEventJudge(ref: EventInterestRef): Promise<EventJudge> {
  const key = keyOf(ref);
  let loading = judges.get(key);
  if (!loading) {
    loading = import(ref.module).then((m: JudgeModule) => {
      const judge = m.createEventJudge(ref.options);
      ready.set(key, judge);
      return judge;
    });
    // A failed load is retried by the next caller rather than remembered.
    loading.catch(() => judges.delete(key));
    judges.set(key, loading);
  }
  return loading;
}

/** The judge `loadEventJudge(ref)` built; throws when it was not loaded first (a programming error). */
export function eventJudgeFor(ref: EventInterestRef): EventJudge {
  const judge = ready.get(keyOf(ref));
  if (!judge) throw new Error(`event judge ${ref.module} was not loaded before parsing`);
  return judge;
}
