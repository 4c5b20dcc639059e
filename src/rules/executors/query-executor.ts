/** query (KQL/Lucene) and single-event EQL rules: one alert per kept event in the lookback, oldest first. */
import type { EcsEvent } from '../../ecs/index.js';
import { alertUuid } from '../alerts/ids.js';
import { buildEventAlert } from '../alerts/event-alert.js';
import type { LoadedRule } from '../types.js';
import { EventBuffer } from './event-buffer.js';
import { exceptionFields, queryWithCategory, withoutExceptions, type EventPredicate } from './event-matcher.js';
import type { Hit, RuleExecutor, RunResult, RunWindow } from './types.js';

export class QueryExecutor implements RuleExecutor {
  readonly readsEvents = true;
  readonly capsBeforeDedupe = false;
  private readonly keep: EventPredicate;
  private readonly fields: string[];
  private readonly buffer = new EventBuffer();

  constructor(private readonly rule: LoadedRule) {
    const logic = rule.logic;
    let compiled;
    if (logic.type === 'query') compiled = queryWithCategory(logic.query, undefined);
    else if (logic.type === 'eql' && logic.eql.kind === 'event') compiled = queryWithCategory(logic.eql.condition, logic.eql.category, logic.categoryField);
    else throw new Error(`QueryExecutor cannot run rule ${rule.id} of type ${logic.type}`);
    this.keep = withoutExceptions(compiled.test, rule.exceptions);
    this.fields = [...compiled.fields, ...exceptionFields(rule.exceptions)];
  }

  onEvent(event: EcsEvent, timeMs: number): boolean {
    if (!this.keep(event)) return false;
    this.buffer.push(event, timeMs);
    return true;
  }

  run(w: RunWindow): RunResult {
    const hits: Hit[] = [];
    for (const item of this.buffer.range(w.startMs, w.tickMs)) {
      const eventId = EventBuffer.idOf(item);
      const hit = { event: item.event, eventId, timeMs: item.timeMs, uuid: alertUuid(this.rule.id, eventId) };
      hits.push({ uuid: hit.uuid, sourceTimeMs: item.timeMs, groupDoc: item.event, build: (tick) => buildEventAlert(this.rule, hit, tick) });
    }
    return { hits };
  }

  prune(beforeMs: number): void {
    this.buffer.dropBefore(beforeMs);
  }

  fieldsRead(): string[] {
    return this.fields;
  }

  snapshot(): unknown {
    return { buffer: this.buffer.snapshot() };
  }

  restore(state: unknown): void {
    this.buffer.restore((state as { buffer?: unknown })?.buffer);
  }
}
