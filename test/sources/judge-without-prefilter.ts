/** Test fixture: the replay's event judge without its line conditions (EventJudge.wantedIf), to compare against. */
import { createEventJudge as createReplayJudge, type EventInterestOptions } from '../../src/engine/event-interest.js';
import type { EventJudge } from '../../src/sources/index.js';

export function createEventJudge(options: unknown): EventJudge {
  const judge = createReplayJudge(options as EventInterestOptions);
  return { judge: (e) => judge.judge(e), route: judge.route };
}
