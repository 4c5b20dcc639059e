/**
 * Turns the byte ranges the field extractor noted into JS values: numbers, strings with escapes or non-ASCII
 * bytes, and arrays or objects (already validated by the scanner), each exactly as JSON.parse would make it.
 */
import type { EcsValue } from '../ecs/index.js';
import { NOT_PLAIN, scanLiteral, scanNumber, skipPlainString, skipString, skipWhitespace } from './json-scan.js';

/** Buffer's direct decoders (see field-extractor.ts). */
type LineBytes = Buffer & { latin1Slice(start: number, end: number): string; utf8Slice(start: number, end: number): string };

const QUOTE = 0x22;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const MINUS = 0x2d;

/** A string with escapes or non-ASCII bytes, quotes included in `b[start, end)`. */
export function decodeOtherString(b: LineBytes, start: number, end: number): string {
  // UTF-8 decoding replaces invalid bytes exactly as decoding the whole line would.
  const text = b.utf8Slice(start, end);
  return text.indexOf('\\') < 0 ? text.slice(1, -1) : (JSON.parse(text) as string);
}

/** The number `b[start, end)` (validated JSON), as JSON.parse makes it. */
export function decodeNumber(b: LineBytes, start: number, end: number): number {
  // Up to 15 digits an integer is exact in a double, so summing digits gives what JSON.parse gives.
  if (end - start > 15) return Number(b.latin1Slice(start, end));
  let j = start;
  const negative = b[j] === MINUS;
  if (negative) j++;
  let n = 0;
  for (; j < end; j++) {
    const digit = b[j] - 0x30;
    if (digit < 0 || digit > 9) return Number(b.latin1Slice(start, end)); // a fraction or exponent
    n = n * 10 + digit;
  }
  return negative ? -n : n;
}

/**
 * An array or object value (already validated). Arrays of scalars (like `"event.category":["network"]`) are
 * built directly; anything holding containers goes to JSON.parse of just its bytes.
 */
export function makeContainer(b: LineBytes, start: number, end: number): EcsValue {
  if (b[start] === OPEN_BRACKET) {
    const items = scalarArray(b, start, end);
    if (items !== undefined) return items;
  }
  return JSON.parse(b.utf8Slice(start, end)) as EcsValue;
}

function scalarArray(b: LineBytes, start: number, end: number): EcsValue[] | undefined {
  const items: EcsValue[] = [];
  let j = skipWhitespace(b, start + 1, end);
  if (b[j] === CLOSE_BRACKET) return items;
  for (;;) {
    const c = b[j];
    let e: number;
    if (c === QUOTE) {
      e = skipPlainString(b, j + 1, end);
      if (e === NOT_PLAIN) {
        e = skipString(b, j + 1, end);
        items.push(decodeOtherString(b, j, e));
      } else items.push(b.latin1Slice(j + 1, e - 1));
    } else if (c === MINUS || (c >= 0x30 && c <= 0x39)) {
      e = scanNumber(b, j, end);
      items.push(decodeNumber(b, j, e));
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      return undefined;
    } else {
      e = scanLiteral(b, j, end);
      items.push(c === 0x74 ? true : c === 0x66 ? false : null);
    }
    j = skipWhitespace(b, e, end);
    if (b[j] !== COMMA) return items; // validated before: this is the closing bracket
    j = skipWhitespace(b, j + 1, end);
  }
}
