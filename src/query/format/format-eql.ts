/** Prints conditions and expressions in EQL syntax (the parser reads back the same tree). */
import type { Expr, QueryNode, Scalar } from '../ast.js';

const IDENT = /^[A-Za-z_@][A-Za-z0-9_@]*$/;
const RESERVED = new Set(['and', 'or', 'not', 'in', 'like', 'regex', 'where', 'by', 'with', 'until', 'sequence', 'sample', 'join', 'of', 'true', 'false', 'null', 'any']);

export function eqlString(s: string): string {
  return '"' + s.replace(/[\\"\n\r\t]/g, (c) => ({ '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' })[c]!) + '"';
}

export function eqlField(field: string): string {
  return field.split('.').map((p) => (IDENT.test(p) && !RESERVED.has(p) ? p : '`' + p.replace(/`/g, '``') + '`')).join('.');
}

export function eqlScalar(v: Scalar): string {
  return typeof v === 'string' ? eqlString(v) : String(v);
}

/** ES wildcard pattern → EQL pattern text (`*`, `?` stay wildcards, escapes are dropped). */
function wildcardText(pattern: string): string {
  return pattern.replace(/\\(.)/gs, '$1');
}

export function formatEqlExpr(expr: Expr): string {
  switch (expr.type) {
    case 'field': return (expr.optional ? '?' : '') + eqlField(expr.field);
    case 'literal': return eqlScalar(expr.value);
    case 'call': return `${expr.name}${expr.caseInsensitive ? '~' : ''}(${expr.args.map(formatEqlExpr).join(', ')})`;
    case 'arith': {
      const side = (e: Expr) => (e.type === 'arith' ? `(${formatEqlExpr(e)})` : formatEqlExpr(e));
      return `${side(expr.left)} ${expr.op} ${side(expr.right)}`;
    }
  }
}

function group(node: QueryNode): string {
  const text = formatEqlCondition(node);
  return node.type === 'and' || node.type === 'or' || node.type === 'at_least' || (node.type === 'range' && boundCount(node) > 1) ? `(${text})` : text;
}

function boundCount(node: { gt?: unknown; gte?: unknown; lt?: unknown; lte?: unknown }): number {
  return [node.gt, node.gte, node.lt, node.lte].filter((b) => b !== undefined).length;
}

export function formatEqlCondition(node: QueryNode): string {
  switch (node.type) {
    case 'and': return node.children.length ? node.children.map(group).join(' and ') : 'true';
    case 'or': return node.children.length ? node.children.map(group).join(' or ') : 'false';
    case 'at_least': return `at_least(${node.count}, ${node.children.map(group).join(', ')})`;
    case 'not': {
      const c = node.child;
      if (c.type === 'exists') return `${eqlField(c.field)} == null`;
      if (c.type === 'term' && !c.caseInsensitive) return `${eqlField(c.field)} != ${eqlScalar(c.value)}`;
      if (c.type === 'terms') return `${eqlField(c.field)} not in${c.caseInsensitive ? '~' : ''} (${c.values.map(eqlScalar).join(', ')})`;
      return `not ${group(c)}`;
    }
    case 'match_all': return 'true';
    case 'match_none': return 'false';
    case 'term':
      if (node.caseInsensitive && typeof node.value === 'string') return `${eqlField(node.field)} : ${eqlString(node.value)}`;
      return `${eqlField(node.field)} == ${eqlScalar(node.value)}`;
    case 'terms': return `${eqlField(node.field)} in${node.caseInsensitive ? '~' : ''} (${node.values.map(eqlScalar).join(', ')})`;
    case 'exists': return `${eqlField(node.field)} != null`;
    case 'range': {
      const f = eqlField(node.field);
      const parts: string[] = [];
      const b = (v: string | number) => (typeof v === 'number' ? String(v) : eqlString(v));
      if (node.gt !== undefined) parts.push(`${f} > ${b(node.gt)}`);
      if (node.gte !== undefined) parts.push(`${f} >= ${b(node.gte)}`);
      if (node.lt !== undefined) parts.push(`${f} < ${b(node.lt)}`);
      if (node.lte !== undefined) parts.push(`${f} <= ${b(node.lte)}`);
      return parts.length ? parts.join(' and ') : `${f} != null`;
    }
    case 'wildcard': {
      const usesQuestion = /(^|[^\\])\?/.test(node.pattern);
      if (node.caseInsensitive && !usesQuestion) return `${eqlField(node.field)} : ${eqlString(wildcardText(node.pattern))}`;
      return `${eqlField(node.field)} like${node.caseInsensitive ? '~' : ''} ${eqlString(wildcardText(node.pattern))}`;
    }
    case 'prefix': return `${eqlField(node.field)} like${node.caseInsensitive ? '~' : ''} ${eqlString(node.prefix + '*')}`;
    case 'regexp': return `${eqlField(node.field)} regex${node.caseInsensitive ? '~' : ''} ${eqlString(node.pattern)}`;
    case 'cidr': return `cidrMatch(${eqlField(node.field)}, ${node.cidrs.map(eqlString).join(', ')})`;
    case 'match': return `match(${eqlField(node.field)}, ${eqlString(node.query)}${node.operator === 'and' ? ', "and"' : ''})`;
    case 'match_phrase': return `match_phrase(${eqlField(node.field)}, ${eqlString(node.phrase)})`;
    case 'any_field': return `any_field(${eqlString(node.value)})`;
    case 'nested': return `nested(${eqlField(node.path)}, ${formatEqlCondition(node.query)})`;
    case 'ids': return `_id in (${node.values.map(eqlString).join(', ')})`;
    case 'compare': return `${formatEqlExpr(node.left)} ${node.op} ${formatEqlExpr(node.right)}`;
    case 'in_list': return `${formatEqlExpr(node.left)} in${node.caseInsensitive ? '~' : ''} (${node.values.map(formatEqlExpr).join(', ')})`;
    case 'string_match': {
      const op = node.op === ':' ? ':' : `${node.op}${node.caseInsensitive ? '~' : ''}`;
      const pats = node.patterns.map(eqlString);
      return `${formatEqlExpr(node.left)} ${op} ${pats.length === 1 ? pats[0] : `(${pats.join(', ')})`}`;
    }
    case 'expr_test': return formatEqlExpr(node.expr);
  }
}
