/** Parse-time checks of EQL function calls: known name, argument count, constant CIDR blocks. */
import type { Expr } from '../ast.js';
import { EQL_FUNCTIONS } from '../eval/eql-functions.js';
import { parseCidr } from '../eval/ip.js';

/** The problem with a call, or undefined when it is fine. */
export function checkFunctionCall(name: string, args: Expr[]): string | undefined {
  const spec = EQL_FUNCTIONS[name.toLowerCase()];
  if (!spec) return `unknown function ${name} (supported: ${Object.keys(EQL_FUNCTIONS).join(', ')})`;
  if (args.length < spec.min || args.length > spec.max) {
    const range = spec.max === Infinity ? `at least ${spec.min}` : spec.min === spec.max ? `${spec.min}` : `${spec.min} to ${spec.max}`;
    return `${name} takes ${range} argument(s), got ${args.length}`;
  }
  const lower = name.toLowerCase();
  if (lower === 'cidrmatch' || lower === 'wildcard') {
    for (const a of args.slice(1)) {
      if (a.type !== 'literal' || typeof a.value !== 'string') return `${name}: arguments after the first must be string constants`;
      if (lower === 'cidrmatch' && !parseCidr(a.value)) return `${name}: ${JSON.stringify(a.value)} is not an IP address or CIDR block`;
    }
  }
  return undefined;
}
