/**
 * Offers each event only to the rules that could match it. Most rules name the event category they look at
 * (`event.category: process and …`, EQL's `process where …`); an event whose `event.category` is "network" never needs
 * to reach them. Rules that do not constrain the category (or use `event_category_override`) see every event.
 * Lookups are case-insensitive, which can only offer more events than needed, never fewer.
 */
import type { EcsEvent } from '../../ecs/index.js';
import { getValues } from '../../ecs/index.js';
import { requiredValues } from '../../query/index.js';
import type { LoadedRule } from '../types.js';

const CATEGORY = 'event.category';

/** The event categories a rule's events must have, or undefined when any event may matter. */
export function requiredCategories(rule: LoadedRule): string[] | undefined {
  const logic = rule.logic;
  switch (logic.type) {
    case 'query':
    case 'threshold':
    case 'new_terms':
      return requiredValues(logic.query, CATEGORY);
    case 'eql': {
      if (logic.categoryField) return undefined;
      const q = logic.eql;
      const parts = q.kind === 'event' ? [q] : [...q.steps, ...(q.until ? [q.until] : [])];
      const out = new Set<string>();
      for (const p of parts) {
        if (p.category === 'any') return undefined;
        out.add(p.category);
      }
      return [...out];
    }
    case 'machine_learning':
      return undefined;
  }
}

export class CategoryIndex<T> {
  private readonly always: T[] = [];
  private readonly byCategory = new Map<string, T[]>();

  add(item: T, categories: string[] | undefined): void {
    if (!categories) {
      this.always.push(item);
      return;
    }
    for (const c of new Set(categories.map((x) => x.toLowerCase()))) {
      const list = this.byCategory.get(c) ?? [];
      list.push(item);
      this.byCategory.set(c, list);
    }
  }

  /** Calls `visit` once for every item the event may concern. */
  forEvent(event: EcsEvent, visit: (item: T) => void): void {
    for (const item of this.always) visit(item);
    const categories = getValues(event, CATEGORY);
    if (categories.length === 1) {
      const list = this.byCategory.get(String(categories[0]).toLowerCase());
      if (list) for (const item of list) visit(item);
      return;
    }
    const seen = new Set<T>();
    for (const c of categories) {
      const list = this.byCategory.get(String(c).toLowerCase());
      if (!list) continue;
      for (const item of list) {
        if (seen.has(item)) continue;
        seen.add(item);
        visit(item);
      }
    }
  }
}
