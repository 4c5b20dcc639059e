/**
 * Exception items → one predicate: items are ORed, the entries of an item ANDed (Elastic's semantics).
 * A document the predicate accepts is an exception: no alert is raised for it.
 */
import type { EcsEvent } from '../../ecs/index.js';
import { eventTime, parseTimestamp } from '../../ecs/index.js';
import { compilePredicate, type QueryNode } from '../../query/index.js';
import type { ExceptionEntry, ExceptionItem } from './types.js';

export type ExceptionPredicate = (doc: EcsEvent) => boolean;

function values(entry: ExceptionEntry): string[] {
  if (entry.value === undefined) return [];
  return Array.isArray(entry.value) ? entry.value : [entry.value];
}

/** One entry as an AST node, or a reason why it cannot be evaluated (value lists). */
function entryNode(entry: ExceptionEntry, fieldPrefix = ''): QueryNode | { unsupported: string } {
  const field = fieldPrefix + entry.field;
  let node: QueryNode;
  switch (entry.type) {
    case 'match':
      node = { type: 'term', field, value: values(entry)[0] ?? '', caseInsensitive: false };
      break;
    case 'match_any':
      node = { type: 'terms', field, values: values(entry), caseInsensitive: false };
      break;
    case 'exists':
      node = { type: 'exists', field };
      break;
    case 'wildcard':
      node = { type: 'wildcard', field, pattern: values(entry)[0] ?? '', caseInsensitive: false };
      break;
    case 'nested': {
      const children: QueryNode[] = [];
      for (const sub of entry.entries ?? []) {
        const n = entryNode(sub);
        if ('unsupported' in n) return n;
        children.push(n);
      }
      return { type: 'nested', path: field, query: children.length === 1 ? children[0] : { type: 'and', children } };
    }
    case 'list':
      return { unsupported: `value-list entry on ${field} (list ${entry.list?.id ?? '?'}) is not supported; put the values in a match_any entry` };
  }
  return entry.operator === 'excluded' ? { type: 'not', child: node } : node;
}

/** The AST of one item (entries ANDed), or why it cannot be evaluated. */
export function exceptionItemNode(item: ExceptionItem): QueryNode | { unsupported: string } {
  const children: QueryNode[] = [];
  for (const entry of item.entries) {
    const n = entryNode(entry);
    if ('unsupported' in n) return n;
    children.push(n);
  }
  return children.length === 1 ? children[0] : { type: 'and', children };
}

/** Reasons why some items can never match (reported as rule warnings); those items are skipped. */
export function unsupportedExceptionReasons(items: ExceptionItem[]): string[] {
  const out: string[] = [];
  for (const item of items) {
    const n = exceptionItemNode(item);
    if ('unsupported' in n) out.push(`exception item ${item.item_id ?? item.name ?? '?'} in list ${item.list_id}: ${n.unsupported}`);
  }
  return out;
}

function docTimeMs(doc: EcsEvent): number | undefined {
  return eventTime(doc) ?? parseTimestamp(doc.timestamp);
}

/** `(doc) => true` when any item matches the document. Items past their `expire_time` (by document time) are ignored. */
export function compileExceptionItems(items: ExceptionItem[]): ExceptionPredicate {
  const compiled: Array<{ test: (d: EcsEvent) => boolean; expiresMs?: number }> = [];
  for (const item of items) {
    const node = exceptionItemNode(item);
    if ('unsupported' in node) continue;
    const expiresMs = item.expire_time ? parseTimestamp(item.expire_time) : undefined;
    compiled.push({ test: compilePredicate(node), ...(expiresMs !== undefined ? { expiresMs } : {}) });
  }
  if (compiled.length === 0) return () => false;
  return (doc) => {
    for (const c of compiled) {
      if (c.expiresMs !== undefined) {
        const t = docTimeMs(doc);
        if (t !== undefined && t >= c.expiresMs) continue;
      }
      if (c.test(doc)) return true;
    }
    return false;
  };
}
