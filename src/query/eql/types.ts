/** Parsed EQL queries: a single event query, a sequence, or a sample (conditions are predicate AST nodes). */
import type { Loc, QueryNode } from '../ast.js';

export interface EqlEventQuery {
  kind: 'event';
  /** Event category (`process`, `network`, …) or `any`. */
  category: string;
  condition: QueryNode;
  loc: Loc;
}

export interface EqlSequenceStep {
  category: string;
  condition: QueryNode;
  /** Join keys of this step (`[…] by a, b`), compared positionally after the sequence-level keys. */
  by: string[];
  /** `with runs=N`: the step repeats N times in a row. */
  runs?: number;
  /** `![…]`: a missing-event step (no such event may occur at this point). */
  missing?: boolean;
  loc: Loc;
}

export interface EqlSequenceQuery {
  kind: 'sequence';
  /** Sequence-level join keys (`sequence by a, b`), shared by every step. */
  by: string[];
  maxspanMs?: number;
  steps: EqlSequenceStep[];
  until?: { category: string; condition: QueryNode; by: string[]; loc: Loc };
  loc: Loc;
}

export interface EqlSampleQuery {
  kind: 'sample';
  by: string[];
  steps: Array<{ category: string; condition: QueryNode; by: string[]; loc: Loc }>;
  loc: Loc;
}

export type EqlQuery = EqlEventQuery | EqlSequenceQuery | EqlSampleQuery;
