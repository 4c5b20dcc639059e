/** Rule type → executor (the one registry of rule types). */
import type { LoadedRule } from '../types.js';
import { MlExecutor } from './ml-executor.js';
import { NewTermsExecutor } from './new-terms-executor.js';
import { QueryExecutor } from './query-executor.js';
import { SequenceExecutor } from './sequence-executor.js';
import { ThresholdExecutor } from './threshold-executor.js';
import type { RuleExecutor } from './types.js';

export function createExecutor(rule: LoadedRule, resolvedJobIds: string[]): RuleExecutor {
  const logic = rule.logic;
  switch (logic.type) {
    case 'query':
      return new QueryExecutor(rule);
    case 'eql':
      return logic.eql.kind === 'sequence' ? new SequenceExecutor(rule) : new QueryExecutor(rule);
    case 'threshold':
      return new ThresholdExecutor(rule);
    case 'new_terms':
      return new NewTermsExecutor(rule);
    case 'machine_learning':
      return new MlExecutor(rule, resolvedJobIds);
  }
}
