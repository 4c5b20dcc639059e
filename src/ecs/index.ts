/** ECS events: the type, field access and timestamps. */
export type { EcsEvent, EcsValue } from './event.js';
export { getField, getValues, getString, getNumber, setField, hasField, fieldReader, fieldPresence, stringOf, numberOf, valuesOf, type FieldReader } from './fields.js';
export { FLAT_PROJECTION, FlatProjection, declareAddedFlatKeys } from './flat-projection.js';
export { parseTimestamp, eventTime, isoTime, type TimeFormat } from './timestamp.js';
export { parseDurationMs, formatDurationShort } from './duration.js';
