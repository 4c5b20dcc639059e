/**
 * Byte-level JSON grammar checks for the field extractor: skip a string, number, literal or whole value while
 * validating it exactly as strictly as JSON.parse, without building anything. Every function takes the index of
 * the first byte and the end of the line, and returns the index after what it read, or SCAN_FAIL.
 */

/** Returned instead of an index when the bytes are not valid JSON (or are beyond what the scanner decides). */
export const SCAN_FAIL = -1;

/** Flags of the last string scanned by `scanString`: it had a backslash escape / bytes above 0x7f. */
export const STRING_ESCAPED = 1;
export const STRING_NON_ASCII = 2;
export let lastStringFlags = 0;

/** True when the last number scanned by `scanNumber` had no fraction or exponent. */
export let lastNumberIsInteger = false;

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

export function skipWhitespace(b: Uint8Array, i: number, end: number): number {
  while (i < end) {
    const c = b[i];
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d && c !== 0x0a) break;
    i++;
  }
  return i;
}

/**
 * How each byte acts inside a string: 0 ordinary, 1 quote, 2 backslash, 3 raw control character (not allowed),
 * 4 non-ASCII. The skipping loops run until a non-zero class; an index past the buffer reads `undefined`, whose
 * class is `undefined` too, so they stop there without a bounds test per byte.
 */
const IN_STRING = new Uint8Array(256);
/** The same, with non-ASCII bytes ordinary: for strings that are skipped, not decoded. */
const IN_SKIPPED_STRING = new Uint8Array(256);
for (let c = 0; c < 0x20; c++) IN_STRING[c] = IN_SKIPPED_STRING[c] = 3;
IN_STRING[QUOTE] = IN_SKIPPED_STRING[QUOTE] = 1;
IN_STRING[BACKSLASH] = IN_SKIPPED_STRING[BACKSLASH] = 2;
for (let c = 0x80; c < 0x100; c++) IN_STRING[c] = 4;

/** `i` is the byte after the opening quote; returns the index after the closing quote and sets `lastStringFlags`. */
export function scanString(b: Uint8Array, i: number, end: number): number {
  let flags = 0;
  for (;;) {
    let cls = IN_STRING[b[i]];
    while (cls === 0) cls = IN_STRING[b[++i]];
    if (i >= end) return SCAN_FAIL;
    if (cls === 1) {
      lastStringFlags = flags;
      return i + 1;
    }
    if (cls === 4) {
      flags |= STRING_NON_ASCII;
      i++;
    } else if (cls === 2) {
      flags |= STRING_ESCAPED;
      i = skipEscape(b, i, end);
      if (i < 0) return SCAN_FAIL;
    } else {
      return SCAN_FAIL; // raw control character (not allowed inside JSON strings)
    }
  }
}

/** Like `scanString` without the flags, for strings that are only stepped over. */
export function skipString(b: Uint8Array, i: number, end: number): number {
  for (;;) {
    let cls = IN_SKIPPED_STRING[b[i]];
    while (cls === 0) cls = IN_SKIPPED_STRING[b[++i]];
    if (i >= end) return SCAN_FAIL;
    if (cls === 1) return i + 1;
    if (cls !== 2) return SCAN_FAIL;
    i = skipEscape(b, i, end);
    if (i < 0) return SCAN_FAIL;
  }
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

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** JSON number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?; sets `lastNumberIsInteger`. */
export function scanNumber(b: Uint8Array, i: number, end: number): number {
  if (i < end && b[i] === MINUS) i++;
  if (i >= end) return SCAN_FAIL;
  const first = b[i];
  if (first === 0x30) i++;
  else if (first >= 0x31 && first <= 0x39) {
    i++;
    while (i < end && isDigit(b[i])) i++;
  } else return SCAN_FAIL;
  let integer = true;
  if (i < end && b[i] === 0x2e) {
    integer = false;
    i++;
    const digits = i;
    while (i < end && isDigit(b[i])) i++;
    if (i === digits) return SCAN_FAIL;
  }
  if (i < end && (b[i] === 0x65 || b[i] === 0x45)) {
    integer = false;
    i++;
    if (i < end && (b[i] === 0x2b || b[i] === MINUS)) i++;
    const digits = i;
    while (i < end && isDigit(b[i])) i++;
    if (i === digits) return SCAN_FAIL;
  }
  lastNumberIsInteger = integer;
  return i;
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
  i = skipWhitespace(b, i, end);
  if (i >= end || b[i] !== COLON) return SCAN_FAIL;
  return skipWhitespace(b, i + 1, end);
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
    if (c === OPEN_BRACE || c === OPEN_BRACKET) {
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
    } else if (c === QUOTE) {
      i = skipString(b, i + 1, end);
    } else if (c === MINUS || isDigit(c)) {
      i = scanNumber(b, i, end);
    } else {
      i = scanLiteral(b, i, end);
    }
    if (i < 0) return SCAN_FAIL;
    // After a value: close finished containers, or step over a separator to the next value.
    for (;;) {
      if (depth === 0) return i;
      i = skipWhitespace(b, i, end);
      if (i >= end) return SCAN_FAIL;
      const next = b[i];
      if (next === COMMA) {
        i = skipWhitespace(b, i + 1, end);
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
