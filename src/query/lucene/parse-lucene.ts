/**
 * Lucene / Elasticsearch `query_string` syntax → predicate AST. Hand-written rather than the `lucene`
 * package because that parser silently drops a leading `NOT`, nests operators without precedence and
 * lacks `field:>=5`; here NOT binds tighter than AND, AND tighter than OR, and `+`/`-` work as in Lucene.
 */
import type { Loc, QueryNode } from '../ast.js';
import { SourceText } from '../text/source-text.js';
import { isLuceneSpace, readPhrase, readRegex, readTerm, type LuceneTerm } from './lucene-term.js';

export interface LuceneOptions {
  /** Operator between clauses with no explicit operator (`a b`); Elasticsearch's default is `or`. */
  defaultOperator?: 'or' | 'and';
  /** Field searched by terms without a field; absent or `*` means any field. */
  defaultField?: string;
}

type Occur = 'must' | 'must_not' | undefined;
interface Clause { node: QueryNode; occur: Occur }

export function parseLucene(text: string, options: LuceneOptions = {}): QueryNode {
  return new LuceneParser(new SourceText(text, 'Lucene'), options).parseQuery();
}

class LuceneParser {
  private i = 0;
  private readonly text: string;

  constructor(private readonly src: SourceText, private readonly options: LuceneOptions) {
    this.text = src.text;
  }

  parseQuery(): QueryNode {
    this.skipSpace();
    if (this.i >= this.text.length) return { type: 'match_all', loc: this.src.loc(0, this.text.length) };
    const node = this.parseSequence(undefined);
    if (this.i < this.text.length) throw this.src.error(`unexpected ${this.src.describe(this.i)}`, this.i);
    return node;
  }

  /** Clauses side by side: joined by the default operator, or by Lucene's must/should/must_not when `+`/`-` occur. */
  private parseSequence(field: string | undefined): QueryNode {
    const start = this.i;
    const clauses: Clause[] = [];
    for (;;) {
      this.skipSpace();
      if (this.i >= this.text.length || this.text[this.i] === ')') break;
      clauses.push(this.parseOr(field));
    }
    if (clauses.length === 0) throw this.src.error(`expected a query but found ${this.src.describe(this.i)}`, this.i);
    const loc = this.src.loc(start, this.i);
    if (clauses.length === 1 && clauses[0].occur === undefined) return clauses[0].node;
    if (clauses.every((c) => c.occur === undefined)) {
      return { type: this.options.defaultOperator === 'and' ? 'and' : 'or', children: clauses.map((c) => c.node), loc };
    }
    const must = clauses.filter((c) => c.occur === 'must').map((c) => c.node);
    const mustNot = clauses.filter((c) => c.occur === 'must_not').map((c): QueryNode => ({ type: 'not', child: c.node, loc: c.node.loc }));
    const should = clauses.filter((c) => c.occur === undefined).map((c) => c.node);
    const parts = [...must, ...mustNot];
    // Optional clauses only decide matching when nothing is required.
    if (must.length === 0 && should.length > 0) parts.push(should.length === 1 ? should[0] : { type: 'or', children: should, loc });
    return parts.length === 1 ? parts[0] : { type: 'and', children: parts, loc };
  }

  private parseOr(field: string | undefined): Clause {
    const start = this.i;
    const items = [this.parseAnd(field)];
    while (this.consumeOperator('OR', '||')) items.push(this.parseAnd(field));
    if (items.length === 1) return items[0];
    return { node: { type: 'or', children: items.map(resolve), loc: this.src.loc(start, this.i) }, occur: undefined };
  }

  private parseAnd(field: string | undefined): Clause {
    const start = this.i;
    const items = [this.parseUnary(field)];
    while (this.consumeOperator('AND', '&&')) items.push(this.parseUnary(field));
    if (items.length === 1) return items[0];
    return { node: { type: 'and', children: items.map(resolve), loc: this.src.loc(start, this.i) }, occur: undefined };
  }

  private parseUnary(field: string | undefined): Clause {
    this.skipSpace();
    const start = this.i;
    const t = this.text;
    if (t.startsWith('NOT', this.i) && this.boundaryAfter(this.i + 3)) {
      this.i += 3;
      return { node: { type: 'not', child: resolve(this.parseUnary(field)), loc: this.src.loc(start, this.i) }, occur: undefined };
    }
    if (t[this.i] === '!' ) {
      this.i++;
      return { node: { type: 'not', child: resolve(this.parseUnary(field)), loc: this.src.loc(start, this.i) }, occur: undefined };
    }
    if (t[this.i] === '+' || t[this.i] === '-') {
      const occur: Occur = t[this.i] === '+' ? 'must' : 'must_not';
      this.i++;
      return { node: this.parsePrimary(field), occur };
    }
    return { node: this.parsePrimary(field), occur: undefined };
  }

  private parsePrimary(field: string | undefined): QueryNode {
    this.skipSpace();
    const start = this.i;
    const ch = this.text[this.i];
    if (ch === undefined) throw this.src.error('expected a term but found end of input', this.i);
    if (ch === '(') return this.parseGroup(field);
    if (ch === '"') {
      const phrase = readPhrase(this.src, this.i);
      this.i = phrase.end;
      this.rejectFuzzy();
      this.skipBoost();
      return this.valueNode(field, { text: phrase.text, pattern: '', hasWildcard: false, start, end: phrase.end }, start);
    }
    if (ch === '/') {
      const re = readRegex(this.src, this.i);
      this.i = re.end;
      this.skipBoost();
      return { type: 'regexp', field: this.requireField(field, start, 'a regular expression'), pattern: re.pattern, caseInsensitive: false, loc: this.src.loc(start, this.i) };
    }
    if (ch === '[' || ch === '{') return this.parseRange(this.requireField(field, start, 'a range'), start);
    if (field !== undefined && (ch === '>' || ch === '<')) return this.parseComparison(field, start);
    const term = readTerm(this.src, this.i);
    if (term.text.length === 0) throw this.src.error(`expected a term but found ${this.src.describe(this.i)}`, this.i);
    this.i = term.end;
    if (this.text[this.i] === ':') {
      if (field !== undefined) throw this.src.error(`a field name is not allowed inside the value of ${field}`, start);
      this.i++;
      this.skipSpace();
      if (term.text === '_exists_') {
        const name = readTerm(this.src, this.i);
        if (!name.text) throw this.src.error('expected a field name after _exists_:', this.i);
        this.i = name.end;
        return { type: 'exists', field: name.text, loc: this.src.loc(start, this.i) };
      }
      if (term.hasWildcard) throw this.src.error('wildcards in field names are not supported; name the field', start);
      const inner = this.parsePrimary(term.text);
      return { ...inner, loc: this.src.loc(start, this.i) };
    }
    this.rejectFuzzy();
    this.skipBoost();
    return this.valueNode(field, term, start, true);
  }

  private parseGroup(field: string | undefined): QueryNode {
    const open = this.i;
    this.i++;
    const inner = this.parseSequence(field);
    this.skipSpace();
    if (this.text[this.i] !== ')') {
      const at = this.src.position(open);
      throw this.src.error(`expected ")" to close "(" at line ${at.line}, column ${at.column} but found ${this.src.describe(this.i)}`, this.i);
    }
    this.i++;
    this.skipBoost();
    return inner;
  }

  /** `[a TO b]`, `{a TO b}` and mixed brackets; `*` leaves a side open. */
  private parseRange(field: string, start: number): QueryNode {
    const lowerInclusive = this.text[this.i] === '[';
    this.i++;
    const lower = this.readBound();
    this.skipSpace();
    if (!this.text.startsWith('TO', this.i)) throw this.src.error(`expected "TO" in range but found ${this.src.describe(this.i)}`, this.i);
    this.i += 2;
    const upper = this.readBound();
    this.skipSpace();
    const close = this.text[this.i];
    if (close !== ']' && close !== '}') throw this.src.error(`expected "]" or "}" to close the range but found ${this.src.describe(this.i)}`, this.i);
    this.i++;
    const node: QueryNode = { type: 'range', field, loc: this.src.loc(start, this.i) };
    if (lower !== undefined) node[lowerInclusive ? 'gte' : 'gt'] = lower;
    if (upper !== undefined) node[close === ']' ? 'lte' : 'lt'] = upper;
    return node;
  }

  private readBound(): string | undefined {
    this.skipSpace();
    if (this.text[this.i] === '"') {
      const p = readPhrase(this.src, this.i);
      this.i = p.end;
      return p.text;
    }
    const term = readTerm(this.src, this.i, false);
    if (!term.text) throw this.src.error(`expected a range bound but found ${this.src.describe(this.i)}`, this.i);
    this.i = term.end;
    return term.text === '*' ? undefined : term.text;
  }

  /** Elasticsearch's `field:>=5`, `field:<"2020-01-01"`. */
  private parseComparison(field: string, start: number): QueryNode {
    const op = this.text.startsWith('>=', this.i) || this.text.startsWith('<=', this.i) ? this.text.slice(this.i, this.i + 2) : this.text[this.i];
    this.i += op.length;
    const bound = this.readBound();
    if (bound === undefined) throw this.src.error(`expected a value after ${op}`, this.i);
    const key = ({ '>': 'gt', '>=': 'gte', '<': 'lt', '<=': 'lte' } as const)[op as '>' | '>=' | '<' | '<='];
    return { type: 'range', field, [key]: bound, loc: this.src.loc(start, this.i) };
  }

  private valueNode(field: string | undefined, term: LuceneTerm, start: number, unquoted = false): QueryNode {
    const loc: Loc = this.src.loc(start, this.i);
    const target = field ?? (this.options.defaultField && this.options.defaultField !== '*' ? this.options.defaultField : undefined);
    if (target === undefined) {
      if (unquoted && term.pattern === '*') return { type: 'match_all', loc };
      return unquoted && term.hasWildcard
        ? { type: 'any_field', value: term.pattern, isPattern: true, loc }
        : { type: 'any_field', value: term.text, isPattern: false, loc };
    }
    if (unquoted && term.hasWildcard) {
      if (term.pattern === '*') return { type: 'exists', field: target, loc };
      return { type: 'wildcard', field: target, pattern: term.pattern, caseInsensitive: false, loc };
    }
    return { type: 'term', field: target, value: term.text, caseInsensitive: false, loc };
  }

  private requireField(field: string | undefined, at: number, what: string): string {
    if (field === undefined) throw this.src.error(`${what} needs a field (field:…)`, at);
    return field;
  }

  private rejectFuzzy(): void {
    if (this.text[this.i] === '~') throw this.src.error('fuzzy and proximity searches (~) are not supported', this.i);
  }

  private skipBoost(): void {
    if (this.text[this.i] !== '^') return;
    this.i++;
    const m = /^\d+(\.\d+)?/.exec(this.text.slice(this.i));
    if (!m) throw this.src.error('expected a number after ^ (boost)', this.i);
    this.i += m[0].length;
  }

  private consumeOperator(word: string, symbol: string): boolean {
    const save = this.i;
    this.skipSpace();
    if (this.text.startsWith(symbol, this.i)) { this.i += symbol.length; return true; }
    if (this.text.startsWith(word, this.i) && this.boundaryAfter(this.i + word.length)) { this.i += word.length; return true; }
    this.i = save;
    return false;
  }

  private boundaryAfter(i: number): boolean {
    const c = this.text[i];
    return isLuceneSpace(c) || c === '(' || c === '"';
  }

  private skipSpace(): void {
    while (isLuceneSpace(this.text[this.i])) this.i++;
  }
}

function resolve(clause: Clause): QueryNode {
  if (clause.occur === 'must_not') return { type: 'not', child: clause.node, loc: clause.node.loc };
  return clause.node;
}
