/** Query text with offset → line/column mapping, so every parser reports positions the same way. */
import { QuerySyntaxError } from '../../errors.js';
import type { Loc, Position } from '../ast.js';

export class SourceText {
  private readonly lineStarts: number[] = [0];

  constructor(
    readonly text: string,
    readonly language: string,
  ) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
  }

  position(offset: number): Position {
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { offset, line: lo + 1, column: offset - starts[lo] + 1 };
  }

  loc(start: number, end: number): Loc {
    return { start: this.position(start), end: this.position(end) };
  }

  /** A located syntax error; `found` describes what was at `offset` for the message. */
  error(message: string, offset: number): QuerySyntaxError {
    const p = this.position(offset);
    return new QuerySyntaxError(message, this.language, p);
  }

  /** Human description of the text at `offset` (for "expected X but found Y"). */
  describe(offset: number): string {
    if (offset >= this.text.length) return 'end of input';
    const rest = this.text.slice(offset, offset + 12).split('\n')[0];
    return JSON.stringify(rest.length ? rest : this.text[offset]);
  }
}
