/**
 * Selective JSON parsing: reads only the wanted fields of an NDJSON line, scanning its bytes once and validating
 * all of them, and notes where the values on wanted paths lie; JS values are made only when asked for (a worker
 * copies the bytes of plain strings into its batch instead). It yields exactly what JSON.parse followed by
 * `projectFlat` yields; whenever it cannot be sure of that (invalid JSON, a key with escapes, a duplicate key on a
 * wanted path, an array on the way to a wanted field, ...) it says so and the caller parses the line whole.
 */
import { flatEventBuilderFor } from './flat-event-builder.js';
import type { EcsEvent, EcsValue } from '../ecs/index.js';
import { compileFieldPlan, type FieldPlan, type PathState } from './field-plan.js';
import { SCAN_FAIL, STRING_ESCAPED, lastNumberIsInteger, lastStringFlags, scanLiteral, scanNumber, scanString, skipValue, skipWhitespace } from './json-scan.js';
import { decodeNumber, decodeOtherString, makeContainer } from './json-values.js';

/** What a wanted value is; strings and containers are kept as byte ranges until asked for. */
export const ValueKind = {
  /** ASCII string without escapes; the range excludes the quotes. */
  asciiString: 1,
  /** String with escapes or non-ASCII bytes; the range includes the quotes. */
  otherString: 2,
  number: 3,
  true: 4,
  false: 5,
  null: 6,
  /** Array or object; the range is the whole value. */
  container: 7,
} as const;

/**
 * Node's Buffer has had these direct decoders since its first versions (`toString` dispatches to them); calling
 * them skips the encoding lookup, which is most of the cost for the short strings read here.
 */
export type LineBytes = Buffer & { latin1Slice(start: number, end: number): string; utf8Slice(start: number, end: number): string };

/** Strings shorter than this are copied by `slice` (V8 makes a slice view only from 13 characters on). */
const SHORT_STRING = 13;

const QUOTE = 0x22;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const MINUS = 0x2d;

export class FieldExtractor {
  /** Every path read: the kept ones (`keptCount` of them, in keep order), then the check-only ones. */
  readonly wanted: readonly string[];
  readonly keptCount: number;
  private readonly root: PathState;
  private readonly slots: PathState[];
  private stamp = 0;
  /** The line of the last scan. */
  private buf: LineBytes = Buffer.alloc(0) as LineBytes;
  private lineStart = 0;
  private lineEnd = 0;
  /** The line decoded as Latin-1, made on the first short string asked for: one decode instead of one per value. */
  private lineText: string | undefined;

  private constructor(plan: FieldPlan) {
    this.wanted = plan.wanted;
    this.keptCount = plan.keptCount;
    this.root = plan.root;
    this.slots = plan.wanted.map((p) => plan.states.find((s) => s.path === p)!);
  }

  /**
   * An extractor for the `keep` paths plus `checkOnly` paths (read, not output), or undefined when these paths
   * cannot be extracted independently of each other (one inside another, like `host` and `host.name`).
   */
  static create(keep: readonly string[], checkOnly: readonly string[] = []): FieldExtractor | undefined {
    const plan = compileFieldPlan(keep, checkOnly);
    return plan && new FieldExtractor(plan);
  }

  /**
   * Reads the wanted values of the line `buf[start, end)`. True when done (read them with `value`); false when
   * the line must go through JSON.parse: it is not valid JSON, not an object, or has a shape the scanner leaves
   * to JSON.parse. A true result never accepts a line that JSON.parse would reject.
   */
  scan(buf: Buffer, start: number, end: number): boolean {
    const stamp = ++this.stamp;
    const b = buf as LineBytes;
    this.buf = b;
    this.lineStart = start;
    this.lineEnd = end;
    this.lineText = undefined;
    let i = skipWhitespace(b, start, end);
    if (i >= end || b[i] !== OPEN_BRACE) return false;
    i = scanObject(b, i + 1, end, this.root, stamp);
    if (i < 0) return false;
    return skipWhitespace(b, i, end) === end;
  }

  /** Value of wanted path number `slot` found by the last successful `scan`; undefined when absent. */
  value(slot: number): EcsValue | undefined {
    const state = this.slots[slot];
    if (state.seen !== this.stamp) return undefined;
    if (state.madeIn !== this.stamp) {
      state.value = this.make(state);
      state.madeIn = this.stamp;
    }
    return state.value;
  }

  /** The `ValueKind` of slot `slot` in the last scan, or 0 when absent. */
  kindOf(slot: number): number {
    const state = this.slots[slot];
    return state.seen === this.stamp ? state.kind : 0;
  }

  /** The line of the last scan: an asciiString slot's characters are its bytes `startOf(slot)` to `endOf(slot)`. */
  line(): Buffer {
    return this.buf;
  }

  startOf(slot: number): number {
    return this.slots[slot].start;
  }

  endOf(slot: number): number {
    return this.slots[slot].end;
  }

  numberOf(slot: number): number {
    return this.slots[slot].num;
  }

  /**
   * The flat projection of one line (as `projectFlat(JSON.parse(line), keep)` of the line's UTF-8 bytes), or
   * undefined when the line must be parsed whole. A string line is encoded to UTF-8 first, as a file would hold it.
   */
  project(line: Buffer | string): EcsEvent | undefined {
    const buf = typeof line === 'string' ? Buffer.from(line, 'utf8') : line;
    if (!this.scan(buf, 0, buf.length)) return undefined;
    const values: Array<EcsValue | undefined> = new Array(this.keptCount);
    for (let k = 0; k < this.keptCount; k++) values[k] = this.value(k);
    return flatEventBuilderFor(this.wanted.slice(0, this.keptCount)).build(values);
  }

  private make(state: PathState): EcsValue {
    const b = this.buf;
    switch (state.kind) {
      case ValueKind.asciiString:
        if (state.end - state.start >= SHORT_STRING) return b.latin1Slice(state.start, state.end);
        this.lineText ??= b.latin1Slice(this.lineStart, this.lineEnd);
        return this.lineText.slice(state.start - this.lineStart, state.end - this.lineStart);
      case ValueKind.otherString:
        return decodeOtherString(b, state.start, state.end);
      case ValueKind.number:
        return state.num;
      case ValueKind.true:
        return true;
      case ValueKind.false:
        return false;
      case ValueKind.null:
        return null;
      default:
        return makeContainer(b, state.start, state.end);
    }
  }
}

/**
 * Walks the object whose `{` is just before `i`, at path `state`: wanted values are noted, objects on the way
 * to one are walked, everything else is skipped (and validated).
 */
function scanObject(b: LineBytes, i: number, end: number, state: PathState, stamp: number): number {
  i = skipWhitespace(b, i, end);
  if (i < end && b[i] === CLOSE_BRACE) return i + 1;
  for (;;) {
    if (i >= end || b[i] !== QUOTE) return SCAN_FAIL;
    const keyStart = i + 1;
    i = scanString(b, keyStart, end);
    if (i < 0) return SCAN_FAIL;
    // An escaped key could spell a wanted one: JSON.parse decides.
    if ((lastStringFlags & STRING_ESCAPED) !== 0) return SCAN_FAIL;
    const next = matchKey(b, keyStart, i - 1, state);
    // Whitespace is rare in NDJSON: test one byte before calling the skipper.
    if (i >= end || b[i] !== COLON) {
      i = skipWhitespace(b, i, end);
      if (i >= end || b[i] !== COLON) return SCAN_FAIL;
    }
    i++;
    if (i < end && b[i] <= 0x20) i = skipWhitespace(b, i, end);
    if (i >= end) return SCAN_FAIL;
    if (next === undefined) {
      i = skipValue(b, i, end);
    } else {
      // A second visit means a duplicate key (JSON.parse keeps the last) or a path spelled two ways (getField
      // prefers one): JSON.parse and getField decide those.
      if (next.seen === stamp) return SCAN_FAIL;
      next.seen = stamp;
      if (next.slot >= 0) {
        i = noteValue(b, i, end, next);
      } else {
        const c = b[i];
        if (c === OPEN_BRACE) i = scanObject(b, i + 1, end, next, stamp);
        else if (c === OPEN_BRACKET) return SCAN_FAIL; // getField walks arrays of objects element-wise: rare, left to the full parse
        else i = skipValue(b, i, end); // a scalar where an object was expected holds nothing wanted
      }
    }
    if (i < 0) return SCAN_FAIL;
    let c = b[i];
    if (c <= 0x20) {
      i = skipWhitespace(b, i, end);
      c = b[i];
    }
    if (i >= end) return SCAN_FAIL;
    if (c === COMMA) {
      i++;
      if (i < end && b[i] <= 0x20) i = skipWhitespace(b, i, end);
      continue;
    }
    return c === CLOSE_BRACE ? i + 1 : SCAN_FAIL;
  }
}

/**
 * The state the key `b[start, end)` leads to from `state`, or undefined when it leads nowhere wanted. Raw bytes
 * are compared: a key of invalid UTF-8 decodes to replacement characters, which no wanted path holds (the plan
 * refuses those).
 */
function matchKey(b: LineBytes, start: number, end: number, state: PathState): PathState | undefined {
  const candidates = state.keysByLength[end - start];
  if (candidates === undefined) return undefined;
  for (let k = 0; k < candidates.length; k++) {
    const bytes = candidates[k].bytes;
    let j = 0;
    while (j < bytes.length && bytes[j] === b[start + j]) j++;
    if (j === bytes.length) return candidates[k].next;
  }
  return undefined;
}

/** Notes the kind and place of the value at `i` in `state`; returns the index after it. */
function noteValue(b: LineBytes, i: number, end: number, state: PathState): number {
  const c = b[i];
  let e: number;
  if (c === QUOTE) {
    e = scanString(b, i + 1, end);
    if (e < 0) return SCAN_FAIL;
    if (lastStringFlags === 0) {
      state.kind = ValueKind.asciiString;
      state.start = i + 1;
      state.end = e - 1;
    } else {
      state.kind = ValueKind.otherString;
      state.start = i;
      state.end = e;
    }
  } else if (c === MINUS || (c >= 0x30 && c <= 0x39)) {
    e = scanNumber(b, i, end);
    if (e < 0) return SCAN_FAIL;
    state.kind = ValueKind.number;
    state.num = decodeNumber(b, i, e, lastNumberIsInteger);
  } else if (c === OPEN_BRACKET || c === OPEN_BRACE) {
    e = skipValue(b, i, end);
    if (e < 0) return SCAN_FAIL;
    state.kind = ValueKind.container;
    state.start = i;
    state.end = e;
  } else {
    e = scanLiteral(b, i, end);
    if (e < 0) return SCAN_FAIL;
    state.kind = c === 0x74 ? ValueKind.true : c === 0x66 ? ValueKind.false : ValueKind.null;
  }
  return e;
}
