/** Plain-language explanations of anomaly records and the unit formatters they use. */
export { formatBytes, formatCount, formatDuration, formatRatio, formatClock, formatWeekTime, bucketPhrase, utcClock } from './format.js';
export { explainRecord, type ExplanationInput } from './sentence.js';
export { fieldLabel } from './field-words.js';
