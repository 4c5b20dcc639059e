/** DSL `nested` queries name full paths (`user.first`); the nested node evaluates them relative to `user`. */
import type { Expr, QueryNode } from '../ast.js';

function strip(field: string, prefix: string): string {
  return field.startsWith(prefix) ? field.slice(prefix.length) : field;
}

function stripExpr(expr: Expr, prefix: string): Expr {
  switch (expr.type) {
    case 'field': return { ...expr, field: strip(expr.field, prefix) };
    case 'arith': return { ...expr, left: stripExpr(expr.left, prefix), right: stripExpr(expr.right, prefix) };
    case 'call': return { ...expr, args: expr.args.map((a) => stripExpr(a, prefix)) };
    default: return expr;
  }
}

export function relativeTo(node: QueryNode, path: string): QueryNode {
  const prefix = path + '.';
  switch (node.type) {
    case 'and': case 'or': case 'at_least': return { ...node, children: node.children.map((c) => relativeTo(c, path)) };
    case 'not': return { ...node, child: relativeTo(node.child, path) };
    case 'nested': return { ...node, path: strip(node.path, prefix), query: node.query };
    case 'match_all': case 'match_none': case 'any_field': case 'ids': return node;
    case 'compare': return { ...node, left: stripExpr(node.left, prefix), right: stripExpr(node.right, prefix) };
    case 'in_list': return { ...node, left: stripExpr(node.left, prefix), values: node.values.map((v) => stripExpr(v, prefix)) };
    case 'string_match': return { ...node, left: stripExpr(node.left, prefix) };
    case 'expr_test': return { ...node, expr: stripExpr(node.expr, prefix) };
    default: return { ...node, field: strip(node.field, prefix) };
  }
}
