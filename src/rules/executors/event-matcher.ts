/** Compiles what an event rule keeps: its query (and EQL category) AND NOT its exceptions, into one predicate. */
import type { EcsEvent } from '../../ecs/index.js';
import { getValues } from '../../ecs/index.js';
import { compilePredicate, eventCategoryMatches, referencedFields, type QueryNode } from '../../query/index.js';
import { compileExceptionItems } from '../exceptions/compile-exceptions.js';
import type { ExceptionEntry, ExceptionItem } from '../exceptions/types.js';

export type EventPredicate = (event: EcsEvent) => boolean;

/** EQL category test; `categoryField` is the rule's `event_category_override` (e.g. `event.type`). */
export function categoryPredicate(category: string, categoryField?: string): EventPredicate {
  if (category === 'any') return () => true;
  if (!categoryField) return (e) => eventCategoryMatches(e, category);
  return (e) => getValues(e, categoryField).some((v) => String(v) === category);
}

export function queryWithCategory(query: QueryNode, category: string | undefined, categoryField?: string): { test: EventPredicate; fields: string[] } {
  const q = compilePredicate(query);
  const fields = referencedFields(query);
  if (category === undefined) return { test: q, fields };
  const c = categoryPredicate(category, categoryField);
  fields.push(categoryField ?? 'event.category');
  return { test: (e) => c(e) && q(e), fields };
}

function entryFields(entries: ExceptionEntry[], prefix = ''): string[] {
  return entries.flatMap((e) => (e.type === 'nested' ? entryFields(e.entries ?? [], `${prefix}${e.field}.`) : [prefix + e.field]));
}

export function exceptionFields(items: ExceptionItem[]): string[] {
  return items.flatMap((i) => entryFields(i.entries));
}

/** `test(e)` and not excepted. */
export function withoutExceptions(test: EventPredicate, items: ExceptionItem[]): EventPredicate {
  if (items.length === 0) return test;
  const excepted = compileExceptionItems(items);
  return (e) => test(e) && !excepted(e);
}
