/** Turns a bad input line into short, readable text for the dead-letter file (binary bytes become \xNN). */
import { isUtf8 } from 'node:buffer';

/** Longest raw excerpt kept per dead-letter record. */
export const RAW_EXCERPT_BYTES = 2048;

/**
 * The first `maxBytes` of `bytes` as text. Valid UTF-8 without control characters is kept as is;
 * anything else is shown byte by byte with non-printable bytes escaped, so that a reader sees
 * exactly what was in the file instead of replacement characters.
 */
export function rawExcerpt(bytes: Uint8Array, maxBytes = RAW_EXCERPT_BYTES): string {
  let head = bytes.length > maxBytes ? bytes.subarray(0, maxBytes) : bytes;
  if (bytes.length > maxBytes) head = trimPartialUtf8(head);
  if (isUtf8(head) && !hasControlBytes(head)) return Buffer.from(head.buffer, head.byteOffset, head.byteLength).toString('utf8');
  return escapeBytes(bytes.subarray(0, maxBytes));
}

/** Truncates a string excerpt to about `maxBytes` (by characters, which is close enough for a preview). */
export function truncateText(text: string, maxBytes = RAW_EXCERPT_BYTES): string {
  return text.length > maxBytes ? text.slice(0, maxBytes) : text;
}

/** True when the bytes look like binary data rather than (broken) text: NUL or other C0 control bytes, or invalid UTF-8. */
export function looksBinary(bytes: Uint8Array): boolean {
  return hasControlBytes(bytes) || !isUtf8(bytes);
}

function hasControlBytes(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    // Tab, CR and LF are ordinary in text lines; every other C0 byte (and DEL) is not.
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) || b === 0x7f) return true;
  }
  return false;
}

/** Drops up to 3 trailing bytes of a UTF-8 sequence cut by truncation. */
function trimPartialUtf8(bytes: Uint8Array): Uint8Array {
  let end = bytes.length;
  for (let back = 0; back < 3 && end > 0; back++) {
    const b = bytes[end - 1];
    if (b < 0x80) break; // ASCII: nothing cut
    if (b >= 0xc0) {
      end -= 1; // lead byte without its continuation bytes
      break;
    }
    end -= 1; // continuation byte: keep looking for its lead byte
  }
  return isUtf8(bytes.subarray(0, end)) ? bytes.subarray(0, end) : bytes;
}

function escapeBytes(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x5c) out += '\\\\';
    else if (b >= 0x20 && b < 0x7f) out += String.fromCharCode(b);
    else out += '\\x' + b.toString(16).padStart(2, '0');
  }
  return out;
}
