/** Readable, canonical printing of a query tree in KQL (default), Lucene or EQL syntax. */
import type { QueryNode } from '../ast.js';
import { formatEqlCondition } from './format-eql.js';
import { formatKql } from './format-kql.js';
import { formatLucene } from './format-lucene.js';

export type QueryDialect = 'kql' | 'lucene' | 'eql';

/** Parsing the output with the same dialect's parser gives back the same tree (modulo locations). */
export function formatQuery(node: QueryNode, dialect: QueryDialect = 'kql'): string {
  if (dialect === 'eql') return formatEqlCondition(node);
  if (dialect === 'lucene') return formatLucene(node);
  return formatKql(node);
}
