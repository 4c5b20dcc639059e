/**
 * Elasticsearch `term` equality of one field value against a constant: keyword exact (optionally
 * case-insensitive), numbers and numeric strings numerically, booleans against "true"/"false", and for
 * IP-looking constants IPv6 normalisation and CIDR blocks (a term `10.0.0.0/8` on an ip field is a range).
 */
import type { Scalar } from '../ast.js';
import { compileCidrTest, ipEquals, isIpLiteral } from './ip.js';
import { toNumber, type FieldScalar } from './scalars.js';

export type ScalarTest = (v: FieldScalar) => boolean;

export function compileEquals(constant: Scalar, caseInsensitive: boolean): ScalarTest {
  if (constant === null) return () => false;
  if (typeof constant === 'number') {
    return (v) => (typeof v === 'number' ? v === constant : typeof v === 'string' && toNumber(v) === constant);
  }
  if (typeof constant === 'boolean') {
    const text = String(constant);
    return (v) => (typeof v === 'boolean' ? v === constant : typeof v === 'string' && v.toLowerCase() === text);
  }
  const asNumber = toNumber(constant);
  const asBoolean = constant === 'true' ? true : constant === 'false' ? false : undefined;
  const lower = constant.toLowerCase();
  const base: ScalarTest = caseInsensitive
    ? (v) => (typeof v === 'string' ? v.toLowerCase() === lower : nonString(v))
    : (v) => (typeof v === 'string' ? v === constant : nonString(v));
  function nonString(v: number | boolean): boolean {
    return typeof v === 'number' ? v === asNumber : v === asBoolean;
  }
  if (constant.includes('/')) {
    const inCidr = compileCidrTest([constant]);
    if (inCidr) return (v) => base(v) || (typeof v === 'string' && inCidr(v));
  }
  if (constant.includes(':') && isIpLiteral(constant)) {
    return (v) => base(v) || (typeof v === 'string' && v.includes(':') && ipEquals(v, constant));
  }
  return base;
}
