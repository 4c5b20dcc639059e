/**
 * Compiles a predicate AST once into a closure `(event) => boolean`. All constant work (lower-casing,
 * wildcard → RegExp, CIDR parsing, date bounds) happens here, none per event; nothing is stored on nodes.
 */
import { fieldPresence, fieldReader, getField, type EcsEvent } from '../../ecs/index.js';
import { OutflowError } from '../../errors.js';
import type { QueryNode } from '../ast.js';
import { compileCompare, compileExpr, compileInList, compileStringMatch } from './expressions.js';
import { compileCidrTest } from './ip.js';
import { luceneRegexpToJs } from './lucene-regexp.js';
import { compileRange } from './range.js';
import { someScalar, firstScalar, type FieldScalar } from './scalars.js';
import { compileEquals } from './term-equality.js';
import { compileTerms } from './terms.js';
import { compileAnyField, compileMatch, compileMatchPhrase } from './text-match.js';
import { compileWildcard } from './wildcard.js';

export type Predicate = (event: EcsEvent) => boolean;

const always: Predicate = () => true;
const never: Predicate = () => false;

/** A predicate on the scalar values of one field: true when any value passes. */
function onField(field: string, test: (v: FieldScalar) => boolean): Predicate {
  const read = fieldReader(field);
  return (event) => someScalar(read(event), test);
}

function onStrings(field: string, test: (s: string) => boolean): Predicate {
  return onField(field, (v) => typeof v === 'string' && test(v));
}

export function compilePredicate(node: QueryNode): Predicate {
  switch (node.type) {
    case 'match_all': return always;
    case 'match_none': return never;
    case 'and': {
      const parts = node.children.map(compilePredicate);
      if (parts.length === 0) return always;
      if (parts.length === 1) return parts[0];
      if (parts.length === 2) { const [a, b] = parts; return (e) => a(e) && b(e); }
      return (e) => { for (const p of parts) if (!p(e)) return false; return true; };
    }
    case 'or': {
      const parts = node.children.map(compilePredicate);
      if (parts.length === 0) return never;
      if (parts.length === 1) return parts[0];
      if (parts.length === 2) { const [a, b] = parts; return (e) => a(e) || b(e); }
      return (e) => { for (const p of parts) if (p(e)) return true; return false; };
    }
    case 'at_least': {
      const parts = node.children.map(compilePredicate);
      const need = node.count;
      if (need <= 0) return always;
      return (e) => {
        let hits = 0;
        for (const p of parts) if (p(e) && ++hits >= need) return true;
        return false;
      };
    }
    case 'not': {
      const inner = compilePredicate(node.child);
      return (e) => !inner(e);
    }
    case 'term': return onField(node.field, compileEquals(node.value, node.caseInsensitive));
    case 'terms': return onField(node.field, compileTerms(node));
    case 'exists': return fieldPresence(node.field);
    case 'range': return onField(node.field, compileRange(node));
    case 'match': return onField(node.field, compileMatch(node.query, node.operator));
    case 'match_phrase': return onField(node.field, compileMatchPhrase(node.phrase));
    case 'prefix': {
      const prefix = node.caseInsensitive ? node.prefix.toLowerCase() : node.prefix;
      return onStrings(node.field, node.caseInsensitive ? (s) => s.toLowerCase().startsWith(prefix) : (s) => s.startsWith(prefix));
    }
    case 'wildcard': {
      const test = compileWildcard(node.pattern, node.caseInsensitive);
      // Elasticsearch runs wildcard queries on the indexed text of numbers too (e.g. port 4*).
      return onField(node.field, (v) => test(typeof v === 'string' ? v : String(v)));
    }
    case 'regexp': {
      let re: RegExp;
      try { re = luceneRegexpToJs(node.pattern, node.caseInsensitive); } catch (e) {
        throw new OutflowError(`invalid regular expression ${JSON.stringify(node.pattern)} on ${node.field}: ${(e as Error).message}`, 'query');
      }
      return onField(node.field, (v) => re.test(String(v)));
    }
    case 'cidr': {
      const test = compileCidrTest(node.cidrs);
      if (!test) throw new OutflowError(`invalid CIDR block in ${JSON.stringify(node.cidrs)} on ${node.field}`, 'query');
      return onStrings(node.field, test);
    }
    case 'any_field': return compileAnyField(node.value, node.isPattern);
    case 'nested': {
      const inner = compilePredicate(node.query);
      const path = node.path;
      const visit = (v: unknown): boolean => {
        if (Array.isArray(v)) return v.some(visit);
        return v !== null && typeof v === 'object' && inner(v as EcsEvent);
      };
      return (e) => visit(getField(e, path));
    }
    case 'ids': {
      const ids = new Set(node.values);
      return (e) => someScalar(getField(e, '_id'), (v) => ids.has(String(v)));
    }
    case 'compare': return compileCompare(node);
    case 'in_list': return compileInList(node);
    case 'string_match': return compileStringMatch(node);
    case 'expr_test': {
      const value = compileExpr(node.expr);
      return (e) => firstScalar(value(e)) === true;
    }
  }
}
