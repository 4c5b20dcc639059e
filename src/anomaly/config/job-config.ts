/**
 * Elastic job JSON (+ datafeed, + module query) → JobDefinition. Checks shapes with zod, then everything Elastic
 * checks and everything we cannot honour, so a broken or unsupported job fails at load with the job id, the key and
 * the fix, never half-way through a run.
 */
import { ConfigError } from '../../errors.js';
import { compileEsDsl } from '../../query/index.js';
import { jobSchema, datafeedSchema, describeZodIssue, type DatafeedJson } from './schemas.js';
import { parseDurationMs } from '../../ecs/duration.js';
import { parseModelMemoryLimit } from './memory-limit.js';
import { toTimeFormat } from './time-format.js';
import { buildDetector } from './detector-validation.js';
import { findDerivation, RUNTIME_FIELD_DERIVATIONS } from './runtime-fields.js';
import type { FilterLists } from './custom-rules.js';
import type { DatafeedDefinition, JobDefinition, ModuleContext, RuntimeFieldDefinition } from './job-definition.js';

const DAY_MS = 86_400_000;
/** Elastic's default bucket_span. */
const DEFAULT_BUCKET_SPAN_MS = 5 * 60_000;

export interface JobSource {
  /** File path (plus module id) for messages. */
  file: string;
  module?: ModuleContext;
  filters: FilterLists;
}

function unsupported(where: string, key: string, problem: string, fix: string): never {
  throw new ConfigError(where, key, problem, fix);
}

export function buildJobDefinition(jobId: string, jobJson: unknown, datafeedJson: unknown, src: JobSource): JobDefinition {
  const where = `${src.file} job ${jobId}`;
  const parsed = jobSchema.safeParse(jobJson);
  if (!parsed.success) {
    const { key, problem } = describeZodIssue(parsed.error, '');
    throw new ConfigError(where, key, problem, 'see Elastic\'s "create anomaly detection jobs" API for the expected shape');
  }
  const job = parsed.data;
  const ac = job.analysis_config;
  if (ac.categorization_field_name !== undefined) {
    unsupported(where, 'analysis_config.categorization_field_name', 'categorization jobs are not supported', 'remove categorization (mlcategory) detectors and the key');
  }
  if (ac.per_partition_categorization?.enabled) {
    unsupported(where, 'analysis_config.per_partition_categorization', 'categorization jobs are not supported', 'remove the key');
  }
  if (ac.summary_count_field_name !== undefined) {
    unsupported(where, 'analysis_config.summary_count_field_name', 'pre-aggregated input (summary counts) is not supported',
      'feed the raw events and remove summary_count_field_name (and the datafeed aggregations)');
  }
  if (ac.multivariate_by_fields === true) {
    unsupported(where, 'analysis_config.multivariate_by_fields', 'correlations between by-field series are not modelled', 'set it to false or remove it');
  }
  const bucketSpanMs = ac.bucket_span === undefined ? DEFAULT_BUCKET_SPAN_MS : parseDurationMs(ac.bucket_span);
  if (bucketSpanMs === undefined || bucketSpanMs < 1000 || bucketSpanMs % 1000 !== 0) {
    unsupported(where, 'analysis_config.bucket_span', `invalid bucket span ${JSON.stringify(ac.bucket_span)}`, 'use a whole number of seconds such as "15m", "1h", "3h" or "1d"');
  }
  const limit = parseModelMemoryLimit(job.analysis_limits?.model_memory_limit);
  if (limit === undefined) {
    unsupported(where, 'analysis_limits.model_memory_limit', `invalid size ${JSON.stringify(job.analysis_limits?.model_memory_limit)}`, 'use e.g. "1024mb", "512MB" or a number of MiB');
  }
  let pruneMs = Math.max(30 * DAY_MS, 20 * bucketSpanMs);
  if (ac.model_prune_window !== undefined) {
    const p = parseDurationMs(ac.model_prune_window);
    if (p === undefined) unsupported(where, 'analysis_config.model_prune_window', 'invalid time value', 'use e.g. "30d"');
    pruneMs = p;
  }
  const detectors = ac.detectors.map((d, i) => buildDetector(d, i, src.filters, where));
  const datafeed = buildDatafeed(jobId, datafeedJson ?? job.datafeed_config, where, src.module);
  const renormDays = job.renormalization_window_days;
  return {
    id: jobId,
    source: src.file,
    description: job.description ?? '',
    groups: job.groups ?? [],
    bucketSpanMs,
    detectors,
    influencers: ac.influencers ?? [],
    timeField: job.data_description?.time_field ?? 'time',
    timeFormat: toTimeFormat(job.data_description?.time_format),
    modelMemoryLimitBytes: limit,
    renormalizationWindowMs: renormDays !== undefined ? renormDays * DAY_MS : Math.max(30 * DAY_MS, 100 * bucketSpanMs),
    modelPruneWindowMs: pruneMs,
    resultsIndexName: job.results_index_name ?? 'shared',
    datafeed,
    module: src.module,
    customSettings: job.custom_settings,
  };
}

function buildDatafeed(jobId: string, json: unknown, where: string, module: ModuleContext | undefined): DatafeedDefinition {
  if (json === undefined) {
    // A job without a datafeed reads every event routed to it (post-data style).
    return { id: `datafeed-${jobId}`, indices: [], query: { match_all: {} }, runtimeFields: [] };
  }
  const parsed = datafeedSchema.safeParse(json);
  if (!parsed.success) {
    const { key, problem } = describeZodIssue(parsed.error, 'datafeed');
    throw new ConfigError(where, key, problem, 'see Elastic\'s "create datafeeds" API for the expected shape');
  }
  const df: DatafeedJson = parsed.data;
  if (df.aggregations !== undefined || df.aggs !== undefined) {
    unsupported(where, 'datafeed.aggregations', 'aggregated datafeeds are not supported', 'remove the aggregations: the job reads raw events');
  }
  if (df.script_fields !== undefined) {
    unsupported(where, 'datafeed.script_fields', 'Painless script_fields cannot run here', 'derive the field upstream (e.g. an ingest pipeline) and remove script_fields');
  }
  const query = df.query ?? { match_all: {} };
  compileEsDsl(query, `${where} datafeed`);
  if (module?.query !== undefined) compileEsDsl(module.query, `${where} module ${module.id}`);
  return {
    id: df.datafeed_id ?? `datafeed-${jobId}`,
    indices: df.indices ?? df.indexes ?? [],
    query,
    runtimeFields: buildRuntimeFields(df.runtime_mappings, where),
  };
}

function buildRuntimeFields(mappings: DatafeedJson['runtime_mappings'], where: string): RuntimeFieldDefinition[] {
  const out: RuntimeFieldDefinition[] = [];
  const builtins = RUNTIME_FIELD_DERIVATIONS.map((d) => `${d.usualName} (${d.description})`).join('; ');
  for (const [name, mapping] of Object.entries(mappings ?? {})) {
    const source = typeof mapping.script === 'string' ? mapping.script : mapping.script?.source;
    const derivation = source === undefined ? undefined : findDerivation(source);
    if (!derivation) {
      throw new ConfigError(where, `datafeed.runtime_mappings.${name}`,
        source === undefined ? 'runtime field without a script is not supported' : 'unknown Painless script (we cannot run Painless)',
        `derive the field upstream (e.g. an ingest pipeline) or use a built-in: ${builtins}`);
    }
    out.push({ name, builtin: derivation.builtin });
  }
  return out;
}
