/** analysis_limits.model_memory_limit ("1024mb", "512MB", "2gb", or a number of MiB) → bytes. */

const UNIT_BYTES: Record<string, number> = {
  b: 1, kb: 1024, k: 1024, mb: 1024 ** 2, m: 1024 ** 2, gb: 1024 ** 3, g: 1024 ** 3, tb: 1024 ** 4, t: 1024 ** 4,
};

/** Elastic's default when a job does not set a limit. */
export const DEFAULT_MODEL_MEMORY_LIMIT_BYTES = 1024 * 1024 ** 2;

/** Returns undefined for anything Elastic would reject, so the loader can name the job and key. */
export function parseModelMemoryLimit(value: unknown): number | undefined {
  if (value === undefined || value === null) return DEFAULT_MODEL_MEMORY_LIMIT_BYTES;
  // A bare number means MiB (Elastic's ByteSizeValue default unit for this setting).
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? Math.round(value * 1024 ** 2) : undefined;
  if (typeof value !== 'string') return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*$/.exec(value);
  if (!m) return undefined;
  const unit = m[2].toLowerCase();
  const size = unit === '' ? UNIT_BYTES.mb : UNIT_BYTES[unit];
  if (size === undefined) return undefined;
  const bytes = Math.round(Number(m[1]) * size);
  return bytes > 0 ? bytes : undefined;
}
