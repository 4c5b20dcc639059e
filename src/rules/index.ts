/** Detection rules: loading (TOML, Kibana exports, exception lists), the event-time rule engine, alerts. */
export type {
  Alert, LoadedRule, RecordDoc, RuleLoadReport, RuleLogic, RuleType, Severity, ThreatEntry, UnsupportedRule,
  RuleLoadError, SuppressionConfig, OutflowRuleExtension,
} from './types.js';
export type { ExceptionEntry, ExceptionItem, ExceptionList } from './exceptions/types.js';
export { loadRules } from './load/load-rules.js';
export { RuleEngine, type RuleEngineOptions } from './run/rule-engine.js';
export type { RuleStats } from './run/rule-runner.js';
export { compileExceptionItems, type ExceptionPredicate } from './exceptions/compile-exceptions.js';
export { applyExceptionToStoredAlerts, closableAlertUuids, type CloseScope } from './exceptions/close-alerts.js';
export { validateRules, type RuleValidation } from './cli/validate-rules.js';
export { testRule } from './cli/test-rule.js';
export { resolveRuleJobId } from './run/resolve-job-id.js';
