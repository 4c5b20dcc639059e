/** EQL event categories: `any` matches every event, otherwise `event.category` (any value) must equal it. */
import { getField, type EcsEvent } from '../ecs/index.js';
import { someScalar } from './eval/scalars.js';

export function eventCategoryMatches(event: EcsEvent, category: string, categoryField = 'event.category'): boolean {
  if (category === 'any') return true;
  return someScalar(getField(event, categoryField), (v) => v === category);
}
