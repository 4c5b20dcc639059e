/**
 * Test fixture: an event judge (see EventJudge) that wants every n-th `seq`, wants the one after it for some consumers
 * only (side note `seq % 7`), and notes `seq % 7` for the others.
 */
import type { EcsEvent } from '../../src/ecs/index.js';
import type { EventJudge } from '../../src/sources/index.js';

export function createEventJudge(options: unknown): EventJudge {
  const every = (options as { every: number }).every;
  return {
    judge(event: EcsEvent): number {
      const seq = event['seq'];
      if (typeof seq !== 'number') return -1;
      // Judges may enrich what they judge: this must never reach the delivered events.
      event['judged'] = true;
      if (seq % every === 0) return -1;
      return seq % every === 1 ? -2 - (seq % 7) : seq % 7;
    },
  };
}
