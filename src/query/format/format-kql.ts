/** Prints a tree in KQL; nodes KQL cannot express (regexp, EQL expressions) fall back to EQL text. */
import type { QueryNode, Scalar } from '../ast.js';
import { formatEqlCondition } from './format-eql.js';

const KQL_SPECIAL = /[\\():<>"*{}\s]/g;

function quoted(s: string): string {
  return '"' + s.replace(/[\\"]/g, '\\$&').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t') + '"';
}

function fieldName(field: string): string {
  return field.replace(KQL_SPECIAL, (c) => '\\' + c);
}

function value(v: Scalar): string {
  return typeof v === 'string' ? quoted(v) : String(v);
}

/** ES wildcard pattern → unquoted KQL (wildcard `*` stays, literal specials and whitespace are escaped). */
function unquotedPattern(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && i + 1 < pattern.length) { out += pattern[i + 1].replace(KQL_SPECIAL, (x) => '\\' + x); i++; continue; }
    if (c === '*') { out += '*'; continue; }
    out += c.replace(KQL_SPECIAL, (x) => '\\' + x);
  }
  return /^(and|or|not)$/i.test(out) ? '\\' + out : out;
}

function group(node: QueryNode): string {
  const text = formatKql(node);
  return node.type === 'and' || node.type === 'or' || node.type === 'at_least' || (node.type === 'range' && text.includes(' and ')) ? `(${text})` : text;
}

export function formatKql(node: QueryNode): string {
  switch (node.type) {
    case 'and': return node.children.length ? node.children.map(group).join(' and ') : '*';
    case 'or': return node.children.length ? node.children.map(group).join(' or ') : 'not *';
    case 'not': return `not ${group(node.child)}`;
    case 'match_all': return '*';
    case 'match_none': return 'not *';
    case 'term': return `${fieldName(node.field)}: ${value(node.value)}`;
    case 'terms': return `${fieldName(node.field)}: (${node.values.map(value).join(' or ')})`;
    case 'exists': return `${fieldName(node.field)}: *`;
    case 'range': {
      const f = fieldName(node.field);
      const b = (v: string | number) => (typeof v === 'number' ? String(v) : quoted(v));
      const parts: string[] = [];
      if (node.gt !== undefined) parts.push(`${f} > ${b(node.gt)}`);
      if (node.gte !== undefined) parts.push(`${f} >= ${b(node.gte)}`);
      if (node.lt !== undefined) parts.push(`${f} < ${b(node.lt)}`);
      if (node.lte !== undefined) parts.push(`${f} <= ${b(node.lte)}`);
      return parts.length ? parts.join(' and ') : `${f}: *`;
    }
    case 'wildcard': return `${fieldName(node.field)}: ${unquotedPattern(node.pattern)}`;
    case 'prefix': return `${fieldName(node.field)}: ${unquotedPattern(node.prefix.replace(/[\\*?]/g, '\\$&') + '*')}`;
    case 'match': return `${fieldName(node.field)}: ${quoted(node.query)}`;
    case 'match_phrase': return `${fieldName(node.field)}: ${quoted(node.phrase)}`;
    case 'cidr': return `${fieldName(node.field)}: ${node.cidrs.length === 1 ? quoted(node.cidrs[0]) : `(${node.cidrs.map(quoted).join(' or ')})`}`;
    case 'any_field': return node.isPattern ? unquotedPattern(node.value) : quoted(node.value);
    case 'nested': return `${fieldName(node.path)}: { ${formatKql(node.query)} }`;
    case 'ids': return `_id: (${node.values.map(quoted).join(' or ')})`;
    case 'at_least': return `at_least(${node.count}, ${node.children.map(group).join(', ')})`;
    default: return formatEqlCondition(node);
  }
}
