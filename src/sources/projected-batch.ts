/**
 * Projected events in the compact form worker threads send back: typed arrays of value codes and numbers plus
 * the bytes of all plain strings, moved between threads without copying; the receiving thread makes each value
 * once, straight into the flat event objects. Cloning many small objects and strings would cost the main thread
 * more than the worker saves it.
 */
import type { EcsEvent, EcsValue } from '../ecs/index.js';
import { ValueKind, type FieldExtractor, type LineBytes } from './field-extractor.js';
import { flatEventBuilderFor } from './flat-event-builder.js';

export interface ProjectedBatch {
  fields: string[];
  events: number;
  /** One code per entry; `fields.length` entries per event, an array's elements following it. */
  codes: Uint8Array;
  /** Per entry: the number, a string's length, or an array's element count. */
  nums: Float64Array;
  /** The characters of all plain (ASCII) strings, one after another. */
  text: Uint8Array;
  textLength: number;
  /** Values of entries coded `other` (non-ASCII strings, objects, arrays holding containers), in order. */
  others: EcsValue[];
  /**
   * Set when events with a side note (EventJudge) were written with these fields only (a subset of `fields`, in
   * their order): those who read such events need no more, so neither thread makes or moves the rest.
   */
  sideFields?: string[];
}

const ABSENT = 0;
const ASCII = 1;
const NUMBER = 2;
const TRUE = 3;
const FALSE = 4;
const NULL = 5;
const ARRAY = 6;
const OTHER = 7;

/** Strings shorter than this are copied by `slice`; longer slices would keep the whole batch text alive. */
const SHORT_STRING = 13;

export class ProjectedBatchWriter {
  private codes: Uint8Array;
  private nums: Float64Array;
  private text: Uint8Array;
  private entries = 0;
  private textLength = 0;
  private events = 0;
  private readonly others: EcsValue[] = [];

  /** Slots of `sideFields` in `fields`. */
  private readonly sideSlots: number[] | undefined;

  /** `blockBytes`: size of the input block, to size the arrays so that they rarely grow. */
  constructor(
    private readonly fields: string[],
    blockBytes: number,
    private readonly sideFields?: string[],
  ) {
    if (sideFields) {
      const wanted = new Set(sideFields);
      this.sideFields = fields.filter((f) => wanted.has(f));
      this.sideSlots = fields.flatMap((f, slot) => (wanted.has(f) ? [slot] : []));
    }
    const entries = Math.max(1024, Math.ceil(blockBytes / 32));
    this.codes = new Uint8Array(entries);
    this.nums = new Float64Array(entries);
    this.text = new Uint8Array(Math.max(4096, blockBytes >> 2));
  }

  /**
   * One event from the extractor's last scan: its kept slots, except those `dropped` (bad numeric values); only the
   * side fields when the event is `sideNoted`.
   */
  addExtracted(ex: FieldExtractor, dropped: Uint8Array, sideNoted = false): void {
    const slots = sideNoted ? this.sideSlots : undefined;
    const width = slots ? slots.length : this.fields.length;
    this.reserve(width);
    for (let s = 0; s < width; s++) {
      const k = slots ? slots[s]! : s;
      const kind = dropped[k] === 1 ? 0 : ex.kindOf(k);
      const at = this.entries++;
      switch (kind) {
        case 0:
          this.codes[at] = ABSENT;
          break;
        case ValueKind.asciiString:
          this.codes[at] = ASCII;
          this.nums[at] = this.copyBytes(ex.line(), ex.startOf(k), ex.endOf(k));
          break;
        case ValueKind.number:
          this.codes[at] = NUMBER;
          this.nums[at] = ex.numberOf(k);
          break;
        case ValueKind.true:
          this.codes[at] = TRUE;
          break;
        case ValueKind.false:
          this.codes[at] = FALSE;
          break;
        case ValueKind.null:
          this.codes[at] = NULL;
          break;
        default:
          this.entries--;
          this.addValue(ex.value(k));
      }
    }
    this.events++;
  }

  /** One event that is already a flat projected object (from the full parse); see addExtracted for `sideNoted`. */
  addEvent(event: EcsEvent, sideNoted = false): void {
    for (const f of sideNoted && this.sideFields ? this.sideFields : this.fields) this.addValue(event[f]);
    this.events++;
  }

  finish(): ProjectedBatch {
    return {
      fields: this.fields,
      events: this.events,
      codes: this.codes,
      nums: this.nums,
      text: this.text,
      textLength: this.textLength,
      others: this.others,
      ...(this.sideFields ? { sideFields: this.sideFields } : {}),
    };
  }

  private addValue(v: EcsValue | undefined): void {
    this.reserve(1);
    const at = this.entries++;
    if (v === undefined) this.codes[at] = ABSENT;
    else if (v === null) this.codes[at] = NULL;
    else if (typeof v === 'number') {
      this.codes[at] = NUMBER;
      this.nums[at] = v;
    } else if (typeof v === 'boolean') this.codes[at] = v ? TRUE : FALSE;
    else if (typeof v === 'string' && isAscii(v)) {
      this.codes[at] = ASCII;
      this.nums[at] = this.copyChars(v);
    } else if (Array.isArray(v) && v.every((x) => x === null || typeof x !== 'object')) {
      this.codes[at] = ARRAY;
      this.nums[at] = v.length;
      for (const x of v) this.addValue(x);
    } else {
      this.codes[at] = OTHER;
      this.others.push(v);
    }
  }

  private copyBytes(from: Buffer, start: number, end: number): number {
    const length = end - start;
    this.reserveText(length);
    const text = this.text;
    let t = this.textLength;
    if (length > 32) from.copy(text, t, start, end);
    else for (let j = start; j < end; j++) text[t++] = from[j];
    this.textLength += length;
    return length;
  }

  private copyChars(s: string): number {
    this.reserveText(s.length);
    const text = this.text;
    let t = this.textLength;
    for (let j = 0; j < s.length; j++) text[t++] = s.charCodeAt(j);
    this.textLength += s.length;
    return s.length;
  }

  private reserve(n: number): void {
    if (this.entries + n <= this.codes.length) return;
    const size = Math.max(this.codes.length * 2, this.entries + n);
    const codes = new Uint8Array(size);
    codes.set(this.codes.subarray(0, this.entries));
    const nums = new Float64Array(size);
    nums.set(this.nums.subarray(0, this.entries));
    this.codes = codes;
    this.nums = nums;
  }

  private reserveText(n: number): void {
    if (this.textLength + n <= this.text.length) return;
    const text = new Uint8Array(Math.max(this.text.length * 2, this.textLength + n));
    text.set(this.text.subarray(0, this.textLength));
    this.text = text;
  }
}

function isAscii(s: string): boolean {
  for (let j = 0; j < s.length; j++) if (s.charCodeAt(j) > 0x7f) return false;
  return true;
}

/** The events of a batch, as flat objects holding only their present fields (what `projectFlat` gives). */
/**
 * Events with a side note (the judge's verdict ≤ -2, see EventJudge) and the fields they are built with: `verdicts` are
 * the block's verdicts for all its judged lines; the batch holds the wanted ones (verdict < 0) in the same order.
 */
export interface SideEvents {
  verdicts: Int32Array;
  fields: readonly string[];
}

export function eventsFromBatch(batch: ProjectedBatch, side?: SideEvents): EcsEvent[] {
  const builder = flatEventBuilderFor(batch.fields);
  const reader = new BatchReader(batch);
  const width = batch.fields.length;
  const values = new Array<EcsValue | undefined>(width);
  const events: EcsEvent[] = new Array(batch.events);
  if (!side) {
    for (let e = 0; e < batch.events; e++) {
      for (let f = 0; f < width; f++) values[f] = reader.next();
      events[e] = builder.build(values);
    }
    return events;
  }
  const wanted = new Set(side.fields);
  const sideFields = batch.fields.filter((f) => wanted.has(f));
  const keep = Uint8Array.from(batch.fields, (f) => (wanted.has(f) ? 1 : 0));
  const sideBuilder = flatEventBuilderFor(sideFields);
  const sideValues = new Array<EcsValue | undefined>(sideFields.length);
  // Written with the side fields only (the writer's sideFields, the same list): nothing to skip.
  const compact = batch.sideFields !== undefined && batch.sideFields.length === sideFields.length && batch.sideFields.every((f, i) => f === sideFields[i]);
  if (batch.sideFields !== undefined && !compact) throw new Error('a batch written with other side fields than it is read with');
  let e = 0;
  for (const verdict of side.verdicts) {
    if (verdict >= 0) continue; // not in the batch
    if (verdict === -1) {
      for (let f = 0; f < width; f++) values[f] = reader.next();
      events[e++] = builder.build(values);
    } else if (compact) {
      for (let k = 0; k < sideValues.length; k++) sideValues[k] = reader.next();
      events[e++] = sideBuilder.build(sideValues);
    } else {
      for (let f = 0, k = 0; f < width; f++) {
        if (keep[f] === 1) sideValues[k++] = reader.next();
        else reader.skip();
      }
      events[e++] = sideBuilder.build(sideValues);
    }
  }
  return events;
}

class BatchReader {
  private entry = 0;
  private textAt = 0;
  private otherAt = 0;
  private readonly bytes: LineBytes;
  /** All plain strings decoded at once; short ones are sliced from it. */
  private readonly chars: string;

  constructor(private readonly batch: ProjectedBatch) {
    this.bytes = Buffer.from(batch.text.buffer, batch.text.byteOffset, batch.textLength) as LineBytes;
    this.chars = this.bytes.latin1Slice(0, batch.textLength);
  }

  next(): EcsValue | undefined {
    const at = this.entry++;
    switch (this.batch.codes[at]) {
      case ABSENT:
        return undefined;
      case ASCII: {
        const from = this.textAt;
        const to = from + this.batch.nums[at];
        this.textAt = to;
        return to - from < SHORT_STRING ? this.chars.slice(from, to) : this.bytes.latin1Slice(from, to);
      }
      case NUMBER:
        return this.batch.nums[at];
      case TRUE:
        return true;
      case FALSE:
        return false;
      case NULL:
        return null;
      case ARRAY: {
        const items: EcsValue[] = new Array(this.batch.nums[at]);
        for (let k = 0; k < items.length; k++) items[k] = this.next() as EcsValue;
        return items;
      }
      default:
        return this.batch.others[this.otherAt++];
    }
  }

  /** Moves past the next value without making it (the same walk as `next`). */
  skip(): void {
    const at = this.entry++;
    switch (this.batch.codes[at]) {
      case ABSENT:
      case NUMBER:
      case TRUE:
      case FALSE:
      case NULL:
        return;
      case ASCII:
        this.textAt += this.batch.nums[at];
        return;
      case ARRAY:
        for (let k = 0, n = this.batch.nums[at]; k < n; k++) this.skip();
        return;
      default:
        this.otherAt++;
    }
  }
}
