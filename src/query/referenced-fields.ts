/** The field paths a query reads, so sources can parse only what rules and jobs need. */
import type { Expr, QueryNode } from './ast.js';

/** Marker returned when a query reads every field (free text without a field). */
export const ALL_FIELDS = '*';

export function referencedFields(node: QueryNode): string[] {
  const out = new Set<string>();
  collect(node, '', out);
  return [...out].sort();
}

function collect(node: QueryNode, prefix: string, out: Set<string>): void {
  switch (node.type) {
    case 'and': case 'or': case 'at_least':
      for (const c of node.children) collect(c, prefix, out);
      return;
    case 'not': collect(node.child, prefix, out); return;
    case 'match_all': case 'match_none': return;
    case 'any_field': out.add(ALL_FIELDS); return;
    case 'ids': out.add(prefix + '_id'); return;
    case 'nested':
      out.add(prefix + node.path);
      collect(node.query, prefix + node.path + '.', out);
      return;
    case 'compare': collectExpr(node.left, prefix, out); collectExpr(node.right, prefix, out); return;
    case 'in_list': collectExpr(node.left, prefix, out); for (const v of node.values) collectExpr(v, prefix, out); return;
    case 'string_match': collectExpr(node.left, prefix, out); return;
    case 'expr_test': collectExpr(node.expr, prefix, out); return;
    default: out.add(prefix + node.field);
  }
}

function collectExpr(expr: Expr, prefix: string, out: Set<string>): void {
  if (expr.type === 'field') out.add(prefix + expr.field);
  else if (expr.type === 'arith') { collectExpr(expr.left, prefix, out); collectExpr(expr.right, prefix, out); }
  else if (expr.type === 'call') for (const a of expr.args) collectExpr(a, prefix, out);
}
