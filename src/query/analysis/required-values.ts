/**
 * The values a field must have for a query to match, when the query says so: `event.category: network and …`
 * requires "network". Used to index rules by event category, so that each event is only offered to the rules that
 * could match it. Returns undefined when the query does not constrain the field (every event must be tried).
 */
import type { QueryNode } from '../ast.js';

export function requiredValues(node: QueryNode, field: string): string[] | undefined {
  switch (node.type) {
    case 'term':
      return node.field === field ? [String(node.value)] : undefined;
    case 'terms':
      return node.field === field ? node.values.map(String) : undefined;
    case 'and': {
      // Every child must match: any one child's requirement holds for the whole.
      for (const child of node.children) {
        const r = requiredValues(child, field);
        if (r) return r;
      }
      return undefined;
    }
    case 'or':
    case 'at_least': {
      // Some child must match: the union holds only if every child requires something.
      const out = new Set<string>();
      for (const child of node.children) {
        const r = requiredValues(child, field);
        if (!r) return undefined;
        for (const v of r) out.add(v);
      }
      return out.size ? [...out] : undefined;
    }
    default:
      return undefined;
  }
}
