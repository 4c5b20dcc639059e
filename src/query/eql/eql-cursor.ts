/** A token cursor for the EQL parsers: peek/accept/expect with located "expected … but found …" errors. */
import type { Loc } from '../ast.js';
import type { SourceText } from '../text/source-text.js';
import type { EqlToken } from './eql-lexer.js';

export class EqlCursor {
  private pos = 0;

  constructor(readonly src: SourceText, private readonly tokens: EqlToken[]) {}

  peek(ahead = 0): EqlToken {
    return this.tokens[Math.min(this.pos + ahead, this.tokens.length - 1)];
  }

  next(): EqlToken {
    const tok = this.peek();
    if (tok.kind !== 'eof') this.pos++;
    return tok;
  }

  /** End offset of the last consumed token (for node locations). */
  lastEnd(): number {
    return this.pos === 0 ? 0 : this.tokens[this.pos - 1].end;
  }

  isPunct(text: string, ahead = 0): boolean {
    const tok = this.peek(ahead);
    return tok.kind === 'punct' && tok.text === text;
  }

  /** Keywords are lowercase identifiers, as in Elasticsearch's grammar. */
  isKeyword(word: string, ahead = 0): boolean {
    const tok = this.peek(ahead);
    return tok.kind === 'ident' && tok.text === word && !tok.tilde;
  }

  acceptPunct(text: string): boolean {
    if (!this.isPunct(text)) return false;
    this.pos++;
    return true;
  }

  acceptKeyword(word: string): boolean {
    if (!this.isKeyword(word)) return false;
    this.pos++;
    return true;
  }

  expectPunct(text: string, context = ''): EqlToken {
    if (!this.isPunct(text)) throw this.unexpected(`"${text}"${context ? ' ' + context : ''}`);
    return this.next();
  }

  expectKeyword(word: string): EqlToken {
    if (!this.isKeyword(word)) throw this.unexpected(`"${word}"`);
    return this.next();
  }

  unexpected(expected: string, tok: EqlToken = this.peek()) {
    return this.src.error(`expected ${expected} but found ${describe(tok)}`, tok.start);
  }

  loc(start: number): Loc {
    return this.src.loc(start, this.lastEnd());
  }
}

export function describe(tok: EqlToken): string {
  if (tok.kind === 'eof') return 'end of query';
  if (tok.kind === 'string') return `string ${JSON.stringify(tok.text)}`;
  return `"${tok.text}${tok.tilde ? '~' : ''}"`;
}
