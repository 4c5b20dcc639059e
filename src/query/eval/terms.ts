/**
 * `terms` (and KQL `field:(a or b …)`): a Set lookup for exact strings, one IP parse for all CIDR
 * blocks (the SMB rule lists 26), and term equality for the rest (numbers, booleans, IPv6, case-insensitive).
 */
import type { TermsNode } from '../ast.js';
import { compileCidrTest, parseCidr } from './ip.js';
import type { FieldScalar } from './scalars.js';
import { compileEquals } from './term-equality.js';

export function compileTerms(node: TermsNode): (v: FieldScalar) => boolean {
  const ci = node.caseInsensitive;
  const cidrs = node.values.filter((v): v is string => typeof v === 'string' && v.includes('/') && parseCidr(v) !== undefined);
  const inCidr = cidrs.length ? compileCidrTest(cidrs) : undefined;
  const exact = ci ? undefined : new Set(node.values.filter((v): v is string => typeof v === 'string'));
  // Case-sensitive plain strings are fully covered by the Set unless the value may be a number/boolean.
  const rest = node.values.filter((v) => !(typeof v === 'string' && cidrs.includes(v)));
  const tests = rest.map((v) => compileEquals(v, ci));
  return (v) => {
    if (exact && typeof v === 'string' && exact.has(v)) return true;
    if (inCidr && typeof v === 'string' && inCidr(v)) return true;
    if (typeof v === 'string' && exact && !mayNeedCoercion(v)) return false;
    for (const t of tests) if (t(v)) return true;
    return false;
  };
}

/** Strings that can equal a constant other than by identity: IPv6 spellings, numbers and booleans as text. */
function mayNeedCoercion(s: string): boolean {
  return s.includes(':') || /^[\s+\-.\d]/.test(s) || /^(true|false)$/i.test(s);
}
