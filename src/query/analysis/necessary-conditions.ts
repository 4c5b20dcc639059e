/**
 * What an event must have for a query to match it, as a list of conditions that all hold on every matching event:
 * a field is present, or a field has one of some string values. Weaker than the query (it never rules out an event
 * the query matches), cheap enough to check on raw input before an event is even built, and strong enough to set
 * aside most events of a kind nobody reads (DNS lookups for jobs that read flows).
 */
import type { QueryNode, Scalar } from '../ast.js';

export interface FieldCondition {
  field: string;
  /** The field's value must equal one of these (a scalar, or some element of an array); absent: it must exist. */
  values?: string[];
  /** Values compare case-insensitively. */
  caseInsensitive?: boolean;
}

/**
 * Constants whose spelling is the value: not numbers or booleans (which match numeric and boolean values by meaning),
 * nor addresses and CIDR blocks (matched by meaning too, see term-equality.ts).
 */
function spelledExactly(v: Scalar): v is string {
  if (typeof v !== 'string' || v === '' || v.includes('/') || v.includes(':')) return false;
  if (v === 'true' || v === 'false') return false;
  return !Number.isFinite(Number(v));
}

function valueCondition(field: string, values: Scalar[], caseInsensitive: boolean): FieldCondition {
  return values.length > 0 && values.every(spelledExactly) ? { field, values: values as string[], caseInsensitive } : { field };
}

export function necessaryConditions(node: QueryNode): FieldCondition[] {
  switch (node.type) {
    case 'term':
      return [valueCondition(node.field, [node.value], node.caseInsensitive)];
    case 'terms':
      return [valueCondition(node.field, node.values, node.caseInsensitive)];
    case 'exists':
    case 'range':
    case 'match':
    case 'match_phrase':
    case 'prefix':
    case 'wildcard':
    case 'regexp':
    case 'cidr':
      return [{ field: node.field }];
    case 'nested':
      return [{ field: node.path }];
    case 'and':
      return node.children.flatMap(necessaryConditions);
    case 'or':
      return commonToAll(node.children);
    case 'at_least':
      return node.count >= 1 ? commonToAll(node.children) : [];
    default:
      return [];
  }
}

/** What every one of `children` requires (some child must match): per field, the weakest of their conditions. */
function commonToAll(children: QueryNode[]): FieldCondition[] {
  if (children.length === 0) return [];
  const perChild = children.map((c) => necessaryConditions(c));
  const out: FieldCondition[] = [];
  for (const field of new Set(perChild[0]!.map((c) => c.field))) {
    const merged = mergeAlternatives(perChild.map((conds) => conds.filter((c) => c.field === field)));
    if (merged) out.push(merged);
  }
  return out;
}

/**
 * One condition on a field implied by each alternative's conditions on it, or undefined when some alternative says
 * nothing about the field. Within an alternative all conditions hold, so any one of them stands for it.
 */
function mergeAlternatives(alternatives: FieldCondition[][]): FieldCondition | undefined {
  const field = alternatives[0]?.[0]?.field;
  if (field === undefined || alternatives.some((a) => a.length === 0)) return undefined;
  const picked = alternatives.map((a) => a.find((c) => c.values !== undefined) ?? a[0]!);
  if (picked.some((c) => c.values === undefined)) return { field };
  return {
    field,
    values: [...new Set(picked.flatMap((c) => c.values!))],
    caseInsensitive: picked.some((c) => c.caseInsensitive === true),
  };
}
