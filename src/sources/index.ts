/** Input sources: resolve paths, read ECS NDJSON (plain or gzip) into timed events, dead-letter bad input. */
export type { EventOrigin, SourceEvent, InputFile, FilePosition, ReadOptions, ReadBatch, QuietEvents, EventJudge, EventInterestRef, LineCondition } from './types.js';
export { UNWANTED_EVENT } from './event-interest-host.js';
export { resolveInputs, isLogFileName, LOG_EXTENSIONS } from './resolve-inputs.js';
export { readEvents } from './read-events.js';
export { DeadLetter, type DeadLetterExample } from './dead-letter.js';
export { stopParserWorkers } from './parser-pool.js';
