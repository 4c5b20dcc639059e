/**
 * Parses a block of complete NDJSON lines into events and bad-line records. Pure and synchronous,
 * so the same code runs in worker threads and in the calling thread and both give identical results.
 */
import { getField, parseTimestamp, type EcsEvent, type EcsValue } from '../ecs/index.js';
import { isNumericValue, projectFlat, removeField } from './event-fields.js';
import { parseIsoUtc, parseIsoUtcBytes } from './iso-time.js';
import { FieldExtractor, ValueKind } from './field-extractor.js';
import { flatEventBuilderFor, type FlatEventBuilder } from './flat-event-builder.js';
import { ProjectedBatchWriter, eventsFromBatch, type ProjectedBatch } from './projected-batch.js';
import { looksBinary, rawExcerpt } from './raw-text.js';
import { eventJudgeFor } from './event-interest-host.js';
import { compileLinePrefilter, NO_ONE, ONLY_OTHERS_MAY, type LinePrefilter } from './line-prefilter.js';
import type { EventInterestRef, EventJudge } from './types.js';

export interface ParseConfig {
  timeField: string;
  numericFields: string[];
  /** Flat projection paths (the time field included), or undefined to keep whole documents. */
  keepFields: string[] | undefined;
  maxLineBytes: number;
  /**
   * `objects`: events as parsed objects. `json`: all events of the block as one JSON array text, for worker
   * threads: copying objects between threads (structured clone) costs more than JSON.parse of the same
   * data (about 2.4× for nested documents, 1.5× for small flat ones), while copying a string is nearly free.
   * `batch`: projected events (keepFields only) as a `ProjectedBatch` of typed arrays, for worker threads:
   * moving those and making the values once on the other side is cheaper than either.
   */
  output: 'objects' | 'json' | 'batch';
  /**
   * With keepFields: read only the needed fields with the field extractor instead of JSON.parse of the whole
   * line (default true). Results are identical; false is for benchmarks and as a way out.
   */
  selective?: boolean;
  /**
   * With keepFields: judge every event here (the judge must be loaded first, see event-interest-host.ts); unwanted
   * events are left out of `events`/`batch` and marked in `touch`.
   */
  interest?: EventInterestRef;
  /** See ReadOptions.sideFields: used where batches become events. */
  sideFields?: string[];
}

/** A bad line; `relLine` is its 0-based index within the block. */
export interface BadLine {
  reason: string;
  relLine: number;
  detail?: string;
  raw?: string;
}

export interface ParsedBlock {
  /** Lines in the block, blank and bad ones included. */
  lineCount: number;
  /** Lines that were not blank. */
  contentLines: number;
  /** 0-based line index within the block of each event. */
  relLines: Int32Array;
  times: Float64Array;
  /**
   * With an interest: per event (aligned with relLines/times), -1 when it is wanted, or the judge's note when it is
   * not (then it has no entry in events/batch, which hold the wanted events in order).
   */
  touch?: Int32Array;
  /** With a judge that routes: per event (aligned like `touch`), its route, or -1 (unwanted, or the judge could not tell). */
  routes?: Int32Array;
  events: EcsEvent[] | undefined;
  /** The events as a JSON array text (output `json`). */
  json: string | undefined;
  /** The projected events (output `batch`); `blockEvents` makes them into objects. */
  batch?: ProjectedBatch;
  /** ParseConfig.sideFields of the request, for `blockEvents`. */
  sideFields?: string[];
  bad: BadLine[];
}

const NEWLINE = 0x0a;

export function parseLines(buf: Buffer, cfg: ParseConfig): ParsedBlock {
  const relLines: number[] = [];
  const times: number[] = [];
  const events: EcsEvent[] = [];
  const texts: string[] = [];
  const bad: BadLine[] = [];
  const judge = cfg.interest && cfg.keepFields ? eventJudgeFor(cfg.interest) : undefined;
  const touch: number[] = [];
  const routes: number[] | undefined = judge?.route ? [] : undefined;
  const selected = cfg.keepFields && cfg.selective !== false ? selectionFor(cfg) : undefined;
  // A batch holds projected events only; whole documents asked for as a batch come back as objects.
  // Events only some want (a side note) are written with the side fields only (when the judge can give side notes).
  const writer = cfg.output === 'batch' && cfg.keepFields ? new ProjectedBatchWriter(cfg.keepFields, buf.length, judge ? cfg.sideFields : undefined) : undefined;
  const setup = judge && selected ? judgeSetupFor(judge, selected.extractor) : undefined;
  const prefilter = setup?.prefilter;
  let lineIndex = 0;
  let contentLines = 0;
  let start = 0;
  while (start < buf.length) {
    const nl = buf.indexOf(NEWLINE, start);
    const next = nl < 0 ? buf.length : nl + 1;
    let end = nl < 0 ? buf.length : nl;
    if (end > start && buf[end - 1] === 0x0d) end--; // CRLF
    const rel = lineIndex++;
    if (!isBlank(buf, start, end)) {
      contentLines++;
      const time = selected && end - start <= cfg.maxLineBytes && selected.extractor.scan(buf, start, end) ? checkSelected(selected, buf, start, end, rel, cfg, bad) : NOT_EXTRACTED;
      if (time === NOT_EXTRACTED) {
        const outcome = parseOne(buf, start, end, rel, cfg, bad);
        if (outcome) {
          relLines.push(rel);
          times.push(outcome.time);
          const verdict = judge ? judgeEvent(judge, outcome.event, false) : WANTED;
          if (judge) touch.push(verdict);
          if (routes) routes.push(verdict < 0 ? judge!.route!() : -1);
          if (verdict >= 0) {
            // Nobody wants it: only its time and line go on.
          } else if (outcome.text !== undefined) texts.push(outcome.text);
          else if (writer) writer.addEvent(outcome.event, verdict <= -2);
          else events.push(outcome.event);
        }
      } else if (!Number.isNaN(time)) {
        relLines.push(rel);
        times.push(time);
        const lineVerdict = prefilter ? prefilter(selected!.extractor) : undefined;
        if (lineVerdict === NO_ONE) {
          // No one can want it (EventJudge.wantedIf): the judge's verdict, without making the event.
          touch.push(0);
          routes?.push(-1);
          start = next;
          continue;
        }
        // The judge needs the event as an object; the batch writer copies the extracted values directly, so the
        // judge's event need only hold what the judge reads.
        const built = judge && writer ? judgedEventOf(selected!, setup!.judged) : judge || !writer ? eventOf(selected!) : undefined;
        const verdict = judge ? judgeEvent(judge, built!, writer !== undefined, lineVerdict === ONLY_OTHERS_MAY) : WANTED;
        if (judge) touch.push(verdict);
        if (routes) routes.push(verdict < 0 ? judge!.route!() : -1);
        if (verdict >= 0) {
          // Nobody wants it: only its time and line go on.
        } else if (writer) writer.addExtracted(selected!.extractor, selected!.dropped, verdict <= -2);
        else events.push(built!);
      }
    }
    start = next;
  }
  return {
    lineCount: lineIndex,
    contentLines,
    relLines: Int32Array.from(relLines),
    times: Float64Array.from(times),
    touch: judge ? Int32Array.from(touch) : undefined,
    routes: routes ? Int32Array.from(routes) : undefined,
    events: cfg.output === 'objects' || (cfg.output === 'batch' && !writer) ? events : undefined,
    json: cfg.output === 'json' ? toJsonArray(texts, events) : undefined,
    batch: writer?.finish(),
    bad,
  };
}

/**
 * The judge's verdict on an event. Judges may add fields (enrichment) to what they judge: an event that is handed on
 * as an object is judged on a copy, so that it reaches the engine exactly as parsed.
 */
function judgeEvent(judge: EventJudge, event: EcsEvent, disposable: boolean, jobsExcluded = false): number {
  return judge.judge(disposable ? event : { ...event }, jobsExcluded);
}

/**
 * What judging lines needs per judge and extractor (both live as long as the thread): the line prefilter
 * (EventJudge.wantedIf), and the fields of the events the judge sees when they are not delivered (fieldsRead).
 */
interface JudgeSetup {
  prefilter: LinePrefilter | undefined;
  judged: JudgedProjection | undefined;
}

/** The kept slots an event needs to be judged, and the builder of such events. */
interface JudgedProjection {
  slots: number[];
  values: Array<EcsValue | undefined>;
  builder: FlatEventBuilder;
}

const judgeSetups = new WeakMap<EventJudge, WeakMap<FieldExtractor, JudgeSetup>>();

function judgeSetupFor(judge: EventJudge, extractor: FieldExtractor): JudgeSetup {
  let byExtractor = judgeSetups.get(judge);
  if (!byExtractor) judgeSetups.set(judge, (byExtractor = new WeakMap()));
  let setup = byExtractor.get(extractor);
  if (!setup) {
    const prefilter = judge.wantedIf ? compileLinePrefilter(judge.wantedIf, extractor, judge.wantedIfJobs) : undefined;
    byExtractor.set(extractor, (setup = { prefilter, judged: judgedProjection(judge, extractor) }));
  }
  return setup;
}

/** The kept fields at, below or above those the judge reads; undefined when that is every kept field. */
function judgedProjection(judge: EventJudge, extractor: FieldExtractor): JudgedProjection | undefined {
  const read = judge.fieldsRead;
  if (!read || read.some((f) => f.includes('*'))) return undefined;
  const kept = extractor.wanted.slice(0, extractor.keptCount);
  const related = (k: string) => read.some((f) => k === f || k.startsWith(f + '.') || f.startsWith(k + '.'));
  const slots = kept.flatMap((k, slot) => (related(k) ? [slot] : []));
  if (slots.length === kept.length) return undefined;
  return { slots, values: new Array<EcsValue | undefined>(slots.length), builder: flatEventBuilderFor(slots.map((s) => kept[s]!)) };
}

/** The verdict of events read without a judge. */
const WANTED = -1;

/** `checkSelected` results other than a time: the line needs the full parse / the line was dead-lettered. */
const NOT_EXTRACTED = -Infinity;
const REJECTED = NaN;

/** The field extractor of a config, and where the fields `parseOne` checks sit among its values. */
interface Selection {
  extractor: FieldExtractor;
  timeSlot: number;
  /** The numeric fields once each (a field already removed is not reported again), and their slots. */
  numericFields: string[];
  numericSlots: number[];
  /** 1 for each kept slot whose value the current line must drop (a bad numeric value); reused from line to line. */
  dropped: Uint8Array;
  /** The kept values of the current line, for `builder` (reused from line to line). */
  values: Array<EcsValue | undefined>;
  builder: FlatEventBuilder;
}

/**
 * Extractors are kept per field set, because a worker gets a fresh copy of the config with every block and
 * compiling the plan per block would waste its time.
 */
const extractors = new Map<string, FieldExtractor | null>();

function selectionFor(cfg: ParseConfig): Selection | undefined {
  const keep = cfg.keepFields ?? [];
  const key = JSON.stringify([keep, cfg.numericFields]);
  let extractor = extractors.get(key);
  if (extractor === undefined) {
    extractor = FieldExtractor.create(keep, cfg.numericFields) ?? null;
    if (extractors.size >= 64) extractors.clear();
    extractors.set(key, extractor);
  }
  if (extractor === null || extractor.keptCount !== keep.length || !keep.includes(cfg.timeField)) return undefined;
  const numericFields = [...new Set(cfg.numericFields)];
  return {
    extractor,
    timeSlot: extractor.wanted.indexOf(cfg.timeField),
    numericFields,
    numericSlots: numericFields.map((f) => extractor.wanted.indexOf(f)),
    dropped: new Uint8Array(keep.length),
    values: new Array<EcsValue | undefined>(keep.length),
    builder: flatEventBuilderFor(keep),
  };
}

/**
 * The checks `parseOne` makes, on the values the extractor read (same reasons, details and order): the event
 * time, or REJECTED after dead-lettering the line. A bad numeric value is marked in `dropped`, as `parseOne`
 * removes it from the document before projecting.
 */
function checkSelected(sel: Selection, buf: Buffer, start: number, end: number, rel: number, cfg: ParseConfig, bad: BadLine[]): number {
  sel.dropped.fill(0);
  const ex = sel.extractor;
  // The usual ISO time is read from its bytes, without making a string of it.
  if (ex.kindOf(sel.timeSlot) === ValueKind.asciiString) {
    const ms = parseIsoUtcBytes(ex.line(), ex.startOf(sel.timeSlot), ex.endOf(sel.timeSlot));
    if (!Number.isNaN(ms)) return checkNumeric(sel, ms, buf, start, end, rel, bad);
  }
  const timeValue = ex.value(sel.timeSlot);
  if (timeValue === undefined || timeValue === null) {
    bad.push({ reason: 'missing_timestamp', relLine: rel, detail: cfg.timeField, raw: rawExcerpt(buf.subarray(start, end)) });
    return REJECTED;
  }
  const time = eventTimeOf(timeValue);
  if (time === undefined) {
    bad.push({ reason: 'invalid_timestamp', relLine: rel, detail: `${cfg.timeField}: ${JSON.stringify(timeValue).slice(0, 100)}`, raw: rawExcerpt(buf.subarray(start, end)) });
    return REJECTED;
  }
  return checkNumeric(sel, time, buf, start, end, rel, bad);
}

/** The numeric-field checks of `parseOne` on extracted values; returns `time`. */
function checkNumeric(sel: Selection, time: number, buf: Buffer, start: number, end: number, rel: number, bad: BadLine[]): number {
  const ex = sel.extractor;
  for (let n = 0; n < sel.numericSlots.length; n++) {
    const slot = sel.numericSlots[n];
    const kind = ex.kindOf(slot);
    // Numbers read from JSON are finite unless written like 1e400: only other kinds need the full check.
    if (kind === 0 || kind === ValueKind.null || (kind === ValueKind.number && Number.isFinite(ex.numberOf(slot)))) continue;
    const v = ex.value(slot)!;
    if (isNumericValue(v)) continue;
    bad.push({ reason: `not_a_number:${sel.numericFields[n]}`, relLine: rel, detail: JSON.stringify(v).slice(0, 100), raw: rawExcerpt(buf.subarray(start, end)) });
    if (slot < sel.dropped.length) sel.dropped[slot] = 1;
  }
  return time;
}

/** `parseTimestamp`, with the common ISO form read directly. */
function eventTimeOf(value: EcsValue): number | undefined {
  if (typeof value === 'string') {
    const ms = parseIsoUtc(value);
    if (!Number.isNaN(ms)) return ms;
  }
  return parseTimestamp(value);
}

/** The event the judge sees when it is not delivered (see JudgeSetup). */
function judgedEventOf(sel: Selection, projection: JudgedProjection | undefined): EcsEvent {
  if (!projection) return eventOf(sel);
  const { slots, values } = projection;
  for (let k = 0; k < slots.length; k++) {
    const slot = slots[k]!;
    values[k] = sel.dropped[slot] === 1 ? undefined : sel.extractor.value(slot);
  }
  return projection.builder.build(values);
}

/** The flat projected event of the extractor's last scan. */
function eventOf(sel: Selection): EcsEvent {
  const values = sel.values;
  for (let k = 0; k < values.length; k++) values[k] = sel.dropped[k] === 1 ? undefined : sel.extractor.value(k);
  return sel.builder.build(values);
}

function parseOne(
  buf: Buffer,
  start: number,
  end: number,
  rel: number,
  cfg: ParseConfig,
  bad: BadLine[],
): { event: EcsEvent; time: number; text: string | undefined } | undefined {
  if (end - start > cfg.maxLineBytes) {
    bad.push({ reason: 'line_too_long', relLine: rel, detail: `${end - start} bytes > ${cfg.maxLineBytes}`, raw: rawExcerpt(buf.subarray(start, end)) });
    return undefined;
  }
  const text = buf.toString('utf8', start, end);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    const reason = looksBinary(buf.subarray(start, end)) ? 'binary_data' : 'invalid_json';
    bad.push({ reason, relLine: rel, detail: (err as Error).message.slice(0, 200), raw: rawExcerpt(buf.subarray(start, end)) });
    return undefined;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    bad.push({ reason: 'not_an_object', relLine: rel, detail: Array.isArray(parsed) ? 'array' : parsed === null ? 'null' : typeof parsed, raw: rawExcerpt(buf.subarray(start, end)) });
    return undefined;
  }
  let event = parsed as EcsEvent;
  const timeValue = getField(event, cfg.timeField);
  if (timeValue === undefined || timeValue === null) {
    bad.push({ reason: 'missing_timestamp', relLine: rel, detail: cfg.timeField, raw: rawExcerpt(buf.subarray(start, end)) });
    return undefined;
  }
  const time = eventTimeOf(timeValue);
  if (time === undefined) {
    bad.push({ reason: 'invalid_timestamp', relLine: rel, detail: `${cfg.timeField}: ${JSON.stringify(timeValue).slice(0, 100)}`, raw: rawExcerpt(buf.subarray(start, end)) });
    return undefined;
  }
  let edited = false;
  for (const field of cfg.numericFields) {
    const v = getField(event, field);
    if (v === undefined || v === null || isNumericValue(v)) continue;
    // The event still flows: only the unusable value goes, so sums and means are not poisoned by it.
    bad.push({ reason: `not_a_number:${field}`, relLine: rel, detail: JSON.stringify(v).slice(0, 100), raw: rawExcerpt(buf.subarray(start, end)) });
    removeField(event, field);
    edited = true;
  }
  if (cfg.keepFields) return { event: projectFlat(event, cfg.keepFields), time, text: undefined };
  // Whole documents: the line itself is the JSON to hand over, unless a bad field was removed from it.
  const outText = cfg.output !== 'json' ? undefined : edited ? JSON.stringify(event) : text;
  return { event, time, text: outText };
}

/** The events of a block, made from its batch or its JSON text the first time they are asked for. */
export function blockEvents(block: ParsedBlock): EcsEvent[] {
  if (block.events) return block.events;
  if (block.batch) {
    const side = block.touch && block.sideFields ? { verdicts: block.touch, fields: block.sideFields } : undefined;
    block.events = eventsFromBatch(block.batch, side);
    block.batch = undefined;
  } else {
    block.events = JSON.parse(block.json ?? '[]') as EcsEvent[];
  }
  return block.events;
}

/** Whole documents arrive as line texts, projected ones as objects; a block holds only one kind. */
function toJsonArray(texts: string[], events: EcsEvent[]): string {
  return events.length > 0 ? JSON.stringify(events) : '[' + texts.join(',') + ']';
}

function isBlank(buf: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const b = buf[i];
    if (b !== 0x20 && b !== 0x09 && b !== 0x0d) return false;
  }
  return true;
}
