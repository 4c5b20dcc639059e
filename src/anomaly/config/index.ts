/** Job configuration: loading, validation and the plain JobDefinition the runtime takes. */
export type {
  JobDefinition, DetectorDefinition, DatafeedDefinition, ModuleContext, RuntimeFieldDefinition,
  CustomRule, RuleCondition, RuleScope, ExcludeFrequent,
} from './job-definition.js';
export { loadJobs, parseJobDocument, type LoadJobsOptions } from './module-loader.js';
export { resolveJobId } from './job-id.js';
export { parseDurationMs, formatDurationShort } from '../../ecs/duration.js';
export { parseModelMemoryLimit, DEFAULT_MODEL_MEMORY_LIMIT_BYTES } from './memory-limit.js';
export { FUNCTION_CATALOGUE, functionSpec, type FunctionSpec, type FeatureFamily } from './functions.js';
export { RUNTIME_FIELD_DERIVATIONS, scriptFingerprint, type RuntimeFieldDerivation } from './runtime-fields.js';
export type { FilterLists } from './custom-rules.js';
