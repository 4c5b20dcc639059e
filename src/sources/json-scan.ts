/**
 * Byte-level JSON grammar checks for the field extractor: skip a string, number, literal or whole value while
 * validating it exactly as strictly as JSON.parse, without building anything. Every function takes the index of
 * the first byte and the end of the line, and returns the index after what it read, or SCAN_FAIL.
 *
 * Contract with the caller (see `FieldExtractor.scan`): the byte at `end` exists and is a control character (the
 * line's newline, or a sentinel). The byte loops below stop at it without a bounds test per byte, and no function
 * reads past it: a read past the end of a typed array returns `undefined`, and once V8 has seen that, it compiles
 * every byte load of these loops with the slow out-of-bounds handling (measured: 3× slower scans for the rest of
 * the process).
 */

/** Returned instead of an index when the bytes are not valid JSON (or are beyond what the scanner decides). */
export const SCAN_FAIL = -1;
/** Returned by `skipPlainString` when the string is valid so far but has an escape or a non-ASCII byte. */
export const NOT_PLAIN = -2;

/**
 * Containers nested deeper than this are left to JSON.parse, which then decides (and reports) them; it keeps
 * the skip stack small and fixed.
 */
const MAX_DEPTH = 512;
const containerStack = new Uint8Array(MAX_DEPTH);

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const MINUS = 0x2d;

/**
 * Byte classes inside a string; the loops run while the class is 0. `IN_STRING`: 1 quote, 2 backslash,
 * 3 control character (not allowed raw), non-ASCII ordinary. `IN_PLAIN_STRING`: 1 quote, 2 anything that is
 * not printable ASCII (backslash, control, non-ASCII), so a plain string is one loop. `IN_KEY`: 1 quote,
 * 2 backslash or control (an escaped key is left to JSON.parse), non-ASCII ordinary.
 */
const IN_STRING = new Uint8Array(256);
const IN_PLAIN_STRING = new Uint8Array(256).fill(2);
const IN_KEY = new Uint8Array(256);
for (let c = 0; c < 0x20; c++) IN_STRING[c] = 3;
for (let c = 0x20; c < 0x80; c++) IN_PLAIN_STRING[c] = 0;
for (let c = 0; c < 0x20; c++) IN_KEY[c] = 2;
IN_STRING[QUOTE] = IN_PLAIN_STRING[QUOTE] = IN_KEY[QUOTE] = 1;
IN_STRING[BACKSLASH] = IN_PLAIN_STRING[BACKSLASH] = IN_KEY[BACKSLASH] = 2;

/** Digits: 1, everything else 0 (numbers end at the first non-digit; the sentinel at `end` is one). */
const DIGIT = new Uint8Array(256);
for (let c = 0x30; c <= 0x39; c++) DIGIT[c] = 1;

/**
 * The index of the first byte from `i` whose class in `table` is not 0. Unrolled four times: each byte is read
 * only when the one before it was of class 0 (so before `end`), and a quarter of the loop turns (each with V8's
 * interrupt check) made whole scans 10-14% faster.
 */
function endOfRun(table: Uint8Array, b: Uint8Array, i: number): number {
  while (table[b[i]] === 0) {
    if (table[b[i + 1]] !== 0) return i + 1;
    if (table[b[i + 2]] !== 0) return i + 2;
    if (table[b[i + 3]] !== 0) return i + 3;
    i += 4;
  }
  return i;
}

export function skipWhitespace(b: Uint8Array, i: number, end: number): number {
  while (i < end) {
    const c = b[i];
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d && c !== 0x0a) break;
    i++;
  }
  return i;
}

/** A string with `i` just after its opening quote: returns the index after the closing quote. */
export function skipString(b: Uint8Array, i: number, end: number): number {
  for (;;) {
    i = endOfRun(IN_STRING, b, i);
    const cls = IN_STRING[b[i]];
    if (cls === 1) return i < end ? i + 1 : SCAN_FAIL;
    if (cls !== 2 || i >= end) return SCAN_FAIL;
    i = skipEscape(b, i, end);
    if (i < 0) return SCAN_FAIL;
  }
}

/**
 * A string of printable ASCII without escapes (the usual one), `i` just after its opening quote: returns the
 * index after the closing quote; NOT_PLAIN when it has an escape or non-ASCII byte (then `skipString` decides).
 */
export function skipPlainString(b: Uint8Array, i: number, end: number): number {
  i = endOfRun(IN_PLAIN_STRING, b, i);
  const cls = IN_PLAIN_STRING[b[i]];
  if (i >= end) return SCAN_FAIL;
  if (cls === 1) return i + 1;
  return b[i] < 0x20 ? SCAN_FAIL : NOT_PLAIN;
}

/** A key of an object the extractor walks: like `skipString`, but an escape fails (JSON.parse decides those). */
export function skipKey(b: Uint8Array, i: number, end: number): number {
  i = endOfRun(IN_KEY, b, i);
  const cls = IN_KEY[b[i]];
  return cls === 1 && i < end ? i + 1 : SCAN_FAIL;
}

/** A backslash escape at `i`: returns the index after it. */
function skipEscape(b: Uint8Array, i: number, end: number): number {
  if (i + 1 >= end) return SCAN_FAIL;
  const e = b[i + 1];
  if (e === 0x75) {
    // \uXXXX
    if (i + 6 > end || !isHex(b[i + 2]) || !isHex(b[i + 3]) || !isHex(b[i + 4]) || !isHex(b[i + 5])) return SCAN_FAIL;
    return i + 6;
  }
  if (e === QUOTE || e === BACKSLASH || e === 0x2f || e === 0x62 || e === 0x66 || e === 0x6e || e === 0x72 || e === 0x74) return i + 2;
  return SCAN_FAIL;
}

function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
}

/** JSON number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?. */
export function scanNumber(b: Uint8Array, i: number, end: number): number {
  if (b[i] === MINUS) i++;
  const first = b[i];
  if (first === 0x30) i++;
  else if (first >= 0x31 && first <= 0x39) {
    i++;
    while (DIGIT[b[i]] === 1) i++;
  } else return SCAN_FAIL;
  let c = b[i];
  if (c === 0x2e) {
    const digits = ++i;
    while (DIGIT[b[i]] === 1) i++;
    if (i === digits) return SCAN_FAIL;
    c = b[i];
  }
  if (c === 0x65 || c === 0x45) {
    i++;
    c = b[i];
    if (c === 0x2b || c === MINUS) i++;
    const digits = i;
    while (DIGIT[b[i]] === 1) i++;
    if (i === digits) return SCAN_FAIL;
  }
  // The sentinel at `end` is no digit, so `i` never passes it; a number cut off by `end` ends there.
  return i <= end ? i : SCAN_FAIL;
}

/** `true`, `false` or `null` starting at `i`: returns the index after it, or SCAN_FAIL. */
export function scanLiteral(b: Uint8Array, i: number, end: number): number {
  const c = b[i];
  if (c === 0x74) return i + 4 <= end && b[i + 1] === 0x72 && b[i + 2] === 0x75 && b[i + 3] === 0x65 ? i + 4 : SCAN_FAIL;
  if (c === 0x66) return i + 5 <= end && b[i + 1] === 0x61 && b[i + 2] === 0x6c && b[i + 3] === 0x73 && b[i + 4] === 0x65 ? i + 5 : SCAN_FAIL;
  if (c === 0x6e) return i + 4 <= end && b[i + 1] === 0x75 && b[i + 2] === 0x6c && b[i + 3] === 0x6c ? i + 4 : SCAN_FAIL;
  return SCAN_FAIL;
}

/** A key string, whitespace, `:` and whitespace, with `i` at the opening quote; returns the index of the value. */
function skipKeyAndColon(b: Uint8Array, i: number, end: number): number {
  if (i >= end || b[i] !== QUOTE) return SCAN_FAIL;
  i = skipString(b, i + 1, end);
  if (i < 0) return SCAN_FAIL;
  if (b[i] !== COLON) {
    i = skipWhitespace(b, i, end);
    if (i >= end || b[i] !== COLON) return SCAN_FAIL;
  }
  i++;
  return b[i] <= 0x20 ? skipWhitespace(b, i, end) : i;
}

/**
 * Skips one whole JSON value starting at `i` (no whitespace before it), validating all of it, without recursion:
 * open containers are kept on a small stack of the bytes that close them.
 */
export function skipValue(b: Uint8Array, i: number, end: number): number {
  let depth = 0;
  for (;;) {
    if (i >= end) return SCAN_FAIL;
    const c = b[i];
    if (c === QUOTE) {
      i = skipString(b, i + 1, end);
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      const close = c === OPEN_BRACE ? CLOSE_BRACE : CLOSE_BRACKET;
      i = skipWhitespace(b, i + 1, end);
      if (i < end && b[i] === close) {
        i++;
      } else {
        if (depth === MAX_DEPTH) return SCAN_FAIL;
        containerStack[depth++] = close;
        if (close === CLOSE_BRACE) {
          i = skipKeyAndColon(b, i, end);
          if (i < 0) return SCAN_FAIL;
        }
        continue;
      }
    } else if (c === MINUS || DIGIT[c] === 1) {
      i = scanNumber(b, i, end);
    } else {
      i = scanLiteral(b, i, end);
    }
    if (i < 0) return SCAN_FAIL;
    // After a value: close finished containers, or step over a separator to the next value.
    for (;;) {
      if (depth === 0) return i;
      let next = b[i];
      if (next <= 0x20) {
        i = skipWhitespace(b, i, end);
        next = b[i];
      }
      if (i >= end) return SCAN_FAIL;
      if (next === COMMA) {
        i++;
        if (b[i] <= 0x20) i = skipWhitespace(b, i, end);
        if (containerStack[depth - 1] === CLOSE_BRACE) {
          i = skipKeyAndColon(b, i, end);
          if (i < 0) return SCAN_FAIL;
        }
        break;
      }
      if (next !== containerStack[depth - 1]) return SCAN_FAIL;
      depth--;
      i++;
    }
  }
}
