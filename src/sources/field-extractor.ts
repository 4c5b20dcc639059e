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
import { NOT_PLAIN, SCAN_FAIL, scanLiteral, scanNumber, skipKey, skipPlainString, skipString, skipValue, skipWhitespace } from './json-scan.js';
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

/** Lines copied for a scan (see `copyWithSentinel`) up to this length reuse one buffer. */
const SPARE_LIMIT = 65_536;

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
  /** Where lines that are not followed by a control byte are copied to be scanned (see `scan`). */
  private spare: LineBytes = Buffer.alloc(256) as LineBytes;
  /** The line decoded as Latin-1, made on the first short string asked for: one decode instead of one per value. */
  private lineText: string | undefined;

  private constructor(plan: FieldPlan) {
    this.wanted = plan.wanted;
    this.keptCount = plan.keptCount;
    this.root = plan.root;
    this.slots = plan.wanted.map((_, slot) => plan.states.find((s) => s.slot === slot)!);
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
   * to JSON.parse. A true result never accepts a line that JSON.parse would reject. Fastest when `buf[end]` is the
   * line's newline (as in a block of lines): otherwise the line is copied first. After a copy, `line()` is the
   * copy and `startOf`/`endOf` point into it.
   */
  scan(buf: Buffer, start: number, end: number): boolean {
    const stamp = ++this.stamp;
    let b = buf as LineBytes;
    // The scanning loops need a control byte at `end` (see json-scan.ts): a line read from a block has its newline
    // there; other lines are copied next to one.
    if (end >= b.length || b[end] >= 0x20) {
      b = this.copyWithSentinel(b, start, end);
      end -= start;
      start = 0;
    }
    this.buf = b;
    this.lineStart = start;
    this.lineEnd = end;
    this.lineText = undefined;
    let i = start;
    if (b[i] !== OPEN_BRACE) {
      i = skipWhitespace(b, i, end);
      if (i >= end || b[i] !== OPEN_BRACE) return false;
    }
    i = scanObject(b, i + 1, end, this.root, stamp);
    if (i < 0) return false;
    return i === end || skipWhitespace(b, i, end) === end;
  }

  /** `b[start, end)` followed by a newline, in a reused buffer (a one-off one for long lines, not to keep it). */
  private copyWithSentinel(b: LineBytes, start: number, end: number): LineBytes {
    const length = end - start;
    let copy = this.spare;
    if (copy.length <= length) {
      copy = Buffer.allocUnsafe(length + 1) as LineBytes;
      if (length < SPARE_LIMIT) this.spare = copy;
    }
    b.copy(copy, 0, start, end);
    copy[length] = 0x0a;
    return copy;
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
    const buf = typeof line === 'string' ? Buffer.from(line + '\n', 'utf8') : line;
    if (!this.scan(buf, 0, typeof line === 'string' ? buf.length - 1 : buf.length)) return undefined;
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
  let c = b[i];
  if (c <= 0x20) {
    i = skipWhitespace(b, i, end);
    c = b[i];
  }
  if (c === CLOSE_BRACE && i < end) return i + 1;
  const keys = state.keys.table;
  const byteClass = state.keys.byteClass;
  for (;;) {
    if (c !== QUOTE || i >= end) return SCAN_FAIL;
    // The key's bytes are matched against the wanted keys while they are read (see KeyTrie), raw: a key of invalid
    // UTF-8 decodes to replacement characters, which no wanted path holds (the plan refuses those). Where no wanted
    // key goes on, the rest of the key is only validated. Unrolled as json-scan's `endOfRun`: a step is taken only
    // after a byte that goes on along a key (so no control byte, and before `end`).
    let step = keys[byteClass[b[++i]]];
    while (step > 0) {
      if ((step = keys[step + byteClass[b[++i]]]) <= 0) break;
      if ((step = keys[step + byteClass[b[++i]]]) <= 0) break;
      if ((step = keys[step + byteClass[b[++i]]]) <= 0) break;
      step = keys[step + byteClass[b[++i]]];
    }
    let next: PathState | undefined;
    if (step < 0) {
      next = state.keys.next[-1 - step]; // `b[i]` is the closing quote
      i++;
    } else {
      i = skipKey(b, i, end);
      if (i < 0) return SCAN_FAIL;
    }
    // Whitespace is rare in NDJSON: test one byte before calling the skipper.
    if (b[i] !== COLON) {
      i = skipWhitespace(b, i, end);
      if (i >= end || b[i] !== COLON) return SCAN_FAIL;
    }
    c = b[++i];
    if (c <= 0x20) {
      i = skipWhitespace(b, i, end);
      c = b[i];
    }
    if (i >= end) return SCAN_FAIL;
    if (next === undefined) {
      // Most values are not wanted; the usual ones, strings and numbers, are skipped here.
      if (c === QUOTE) i = skipString(b, i + 1, end);
      else if (c === MINUS || (c >= 0x30 && c <= 0x39)) i = scanNumber(b, i, end);
      else i = skipValue(b, i, end);
    } else {
      // A second visit means a duplicate key (JSON.parse keeps the last) or a path spelled two ways (getField
      // prefers one): JSON.parse and getField decide those.
      if (next.seen === stamp) return SCAN_FAIL;
      next.seen = stamp;
      if (next.slot >= 0) {
        i = noteValue(b, i, end, next);
      } else if (c === OPEN_BRACE) i = scanObject(b, i + 1, end, next, stamp);
      else if (c === OPEN_BRACKET) return SCAN_FAIL; // getField walks arrays of objects element-wise: rare, left to the full parse
      else i = skipValue(b, i, end); // a scalar where an object was expected holds nothing wanted
    }
    if (i < 0) return SCAN_FAIL;
    c = b[i];
    if (c <= 0x20) {
      i = skipWhitespace(b, i, end);
      c = b[i];
    }
    if (c === COMMA) {
      c = b[++i];
      if (c <= 0x20) {
        i = skipWhitespace(b, i, end);
        c = b[i];
      }
      continue;
    }
    return c === CLOSE_BRACE && i < end ? i + 1 : SCAN_FAIL;
  }
}

/** Notes the kind and place of the value at `i` in `state`; returns the index after it. */
function noteValue(b: LineBytes, i: number, end: number, state: PathState): number {
  const c = b[i];
  let e: number;
  if (c === QUOTE) {
    e = skipPlainString(b, i + 1, end);
    if (e >= 0) {
      state.kind = ValueKind.asciiString;
      state.start = i + 1;
      state.end = e - 1;
    } else {
      if (e === NOT_PLAIN) e = skipString(b, i + 1, end);
      if (e < 0) return SCAN_FAIL;
      state.kind = ValueKind.otherString;
      state.start = i;
      state.end = e;
    }
  } else if (c === MINUS || (c >= 0x30 && c <= 0x39)) {
    e = scanNumber(b, i, end);
    if (e < 0) return SCAN_FAIL;
    state.kind = ValueKind.number;
    state.num = decodeNumber(b, i, e);
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
