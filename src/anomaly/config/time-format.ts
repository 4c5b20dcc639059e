/** data_description.time_format → how we read the time field: epoch seconds, epoch ms, or an ISO/Java date pattern. */
import type { TimeFormat } from '../../ecs/index.js';

/**
 * Elastic accepts `epoch`, `epoch_ms` or a Java DateTimeFormatter pattern. We parse every string timestamp with the
 * ISO-8601 parser and treat a pattern as "iso": the events reaching the engine carry ISO strings or epoch numbers.
 */
export function toTimeFormat(value: string | undefined): TimeFormat {
  if (value === undefined || value === 'epoch_ms') return 'epoch_ms';
  if (value === 'epoch') return 'epoch';
  return 'iso';
}
