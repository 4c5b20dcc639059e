/** Alert and result outputs. */
export { NdjsonSink } from './ndjson-sink.js';
