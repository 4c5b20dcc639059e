/** Prints a tree in Lucene query_string syntax; nodes Lucene cannot express fall back to EQL text. */
import type { QueryNode, Scalar } from '../ast.js';
import { formatEqlCondition } from './format-eql.js';

const LUCENE_SPECIAL = /[+\-!(){}[\]^"~:\\/&|\s]/g;

function quoted(s: string): string {
  return '"' + s.replace(/[\\"]/g, '\\$&') + '"';
}

function fieldName(field: string): string {
  return field.replace(LUCENE_SPECIAL, (c) => '\\' + c);
}

function value(v: Scalar): string {
  return typeof v === 'string' ? quoted(v) : String(v);
}

function unquotedPattern(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && i + 1 < pattern.length) { out += '\\' + pattern[++i]; continue; }
    out += c === '*' || c === '?' ? c : c.replace(LUCENE_SPECIAL, (x) => '\\' + x);
  }
  return /^(AND|OR|NOT)$/.test(out) ? '\\' + out : out;
}

function bound(v: string | number): string {
  return typeof v === 'number' ? String(v) : quoted(v);
}

function group(node: QueryNode): string {
  const text = formatLucene(node);
  return node.type === 'and' || node.type === 'or' || node.type === 'at_least' ? `(${text})` : text;
}

export function formatLucene(node: QueryNode): string {
  switch (node.type) {
    case 'and': return node.children.length ? node.children.map(group).join(' AND ') : '*';
    case 'or': return node.children.length ? node.children.map(group).join(' OR ') : 'NOT *';
    case 'not': return `NOT ${group(node.child)}`;
    case 'match_all': return '*';
    case 'match_none': return 'NOT *';
    case 'term': return `${fieldName(node.field)}:${value(node.value)}`;
    case 'terms': return `${fieldName(node.field)}:(${node.values.map(value).join(' OR ')})`;
    case 'exists': return `_exists_:${fieldName(node.field)}`;
    case 'range': {
      const f = fieldName(node.field);
      const lower = node.gte ?? node.gt;
      const upper = node.lte ?? node.lt;
      if (lower !== undefined && upper !== undefined) {
        return `${f}:${node.gte !== undefined ? '[' : '{'}${bound(lower)} TO ${bound(upper)}${node.lte !== undefined ? ']' : '}'}`;
      }
      if (node.gt !== undefined) return `${f}:>${bound(node.gt)}`;
      if (node.gte !== undefined) return `${f}:>=${bound(node.gte)}`;
      if (node.lt !== undefined) return `${f}:<${bound(node.lt)}`;
      if (node.lte !== undefined) return `${f}:<=${bound(node.lte)}`;
      return `_exists_:${f}`;
    }
    case 'wildcard': return `${fieldName(node.field)}:${unquotedPattern(node.pattern)}`;
    case 'prefix': return `${fieldName(node.field)}:${unquotedPattern(node.prefix.replace(/[\\*?]/g, '\\$&') + '*')}`;
    case 'regexp': return `${fieldName(node.field)}:/${node.pattern.replace(/\//g, '\\/')}/`;
    case 'match': return `${fieldName(node.field)}:${quoted(node.query)}`;
    case 'match_phrase': return `${fieldName(node.field)}:${quoted(node.phrase)}`;
    case 'cidr': return `${fieldName(node.field)}:(${node.cidrs.map(quoted).join(' OR ')})`;
    case 'any_field': return node.isPattern ? unquotedPattern(node.value) : quoted(node.value);
    case 'ids': return `_id:(${node.values.map(quoted).join(' OR ')})`;
    default: return formatEqlCondition(node);
  }
}
