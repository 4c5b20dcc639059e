/** Kibana Query Language (KQL) → predicate AST, by recursive descent with exact error positions. */
import type { QueryNode, Scalar } from '../ast.js';
import { SourceText } from '../text/source-text.js';
import { isKqlSpace, keywordAt, readQuoted, readUnquoted, type KqlLiteral } from './kql-literal.js';
import { kqlFieldValueNode, kqlFreeTextNode, kqlRangeNode, type RangeOp } from './kql-nodes.js';

/** Parses KQL; an empty query matches everything. Throws QuerySyntaxError with line/column/offset. */
export function parseKql(text: string): QueryNode {
  return new KqlParser(new SourceText(text, 'KQL')).parseQuery();
}

class KqlParser {
  private i = 0;
  private readonly text: string;

  constructor(private readonly src: SourceText) {
    this.text = src.text;
  }

  parseQuery(): QueryNode {
    this.skipSpace();
    if (this.i >= this.text.length) return { type: 'match_all', loc: this.src.loc(0, this.text.length) };
    const node = this.parseOr(() => this.parseClause());
    this.skipSpace();
    if (this.i < this.text.length) {
      throw this.src.error(`expected "and", "or" or end of query but found ${this.src.describe(this.i)}`, this.i);
    }
    return node;
  }

  /** or / and / not layers, shared by whole clauses and by value lists `field:(a or b)`. */
  private parseOr(operand: () => QueryNode): QueryNode {
    const start = this.i;
    const children = [this.parseAnd(operand)];
    while (this.consumeKeyword('or')) children.push(this.parseAnd(operand));
    return children.length === 1 ? children[0] : { type: 'or', children, loc: this.src.loc(start, this.i) };
  }

  private parseAnd(operand: () => QueryNode): QueryNode {
    const start = this.i;
    const children = [this.parseNot(operand)];
    while (this.consumeKeyword('and')) children.push(this.parseNot(operand));
    return children.length === 1 ? children[0] : { type: 'and', children, loc: this.src.loc(start, this.i) };
  }

  private parseNot(operand: () => QueryNode): QueryNode {
    this.skipSpace();
    const start = this.i;
    if (keywordAt(this.text, this.i, 'not')) {
      this.i += 3;
      this.skipSpace();
      const child = this.parseNot(operand);
      return { type: 'not', child, loc: this.src.loc(start, this.i) };
    }
    return operand();
  }

  /** One clause: `( … )`, `field:value`, `field:(list)`, `field:{ nested }`, `field >= x`, or free text. */
  private parseClause(): QueryNode {
    this.skipSpace();
    const start = this.i;
    if (this.text[this.i] === '(') return this.parseGroup(() => this.parseClause());
    const first = this.readLiteral('a field name or a value');
    const afterLiteral = this.i;
    this.skipSpace();
    const ch = this.text[this.i];
    if (ch === ':') {
      const field = this.fieldName(first);
      this.i++;
      this.skipSpace();
      if (this.text[this.i] === '{') return this.parseNested(field, start);
      const value = this.parseValueList(field);
      return this.withLoc(value, start);
    }
    const op = this.rangeOperator();
    if (op) {
      const field = this.fieldName(first);
      this.skipSpace();
      const bound = this.readLiteral('a value after ' + op);
      return kqlRangeNode(field, op, bound, this.src.loc(start, this.i));
    }
    this.i = afterLiteral;
    return kqlFreeTextNode(first, this.src.loc(start, this.i));
  }

  private parseGroup(operand: () => QueryNode): QueryNode {
    const open = this.i;
    this.i++;
    const inner = this.parseOr(operand);
    this.skipSpace();
    if (this.text[this.i] !== ')') {
      const at = this.src.position(open);
      throw this.src.error(
        `expected ")" to close "(" at line ${at.line}, column ${at.column} but found ${this.src.describe(this.i)}`, this.i);
    }
    this.i++;
    return inner;
  }

  private parseNested(path: string, start: number): QueryNode {
    const open = this.i;
    this.i++;
    this.skipSpace();
    const query = this.parseOr(() => this.parseClause());
    this.skipSpace();
    if (this.text[this.i] !== '}') {
      const at = this.src.position(open);
      throw this.src.error(
        `expected "}" to close "{" at line ${at.line}, column ${at.column} but found ${this.src.describe(this.i)}`, this.i);
    }
    this.i++;
    return { type: 'nested', path, query, loc: this.src.loc(start, this.i) };
  }

  /** The right side of `field:` — a value or a parenthesised and/or/not list of values. */
  private parseValueList(field: string): QueryNode {
    const operand = (): QueryNode => {
      this.skipSpace();
      if (this.text[this.i] === '(') return this.parseGroup(operand);
      const start = this.i;
      const value = this.readLiteral(`a value for ${field}`);
      return kqlFieldValueNode(field, value, this.src.loc(start, this.i));
    };
    if (this.text[this.i] === '(') return asTerms(this.parseGroup(operand));
    return operand();
  }

  private readLiteral(what: string): KqlLiteral {
    const ch = this.text[this.i];
    if (ch === '"') {
      const lit = readQuoted(this.src, this.i);
      this.i = lit.end;
      return lit;
    }
    const lit = readUnquoted(this.src, this.i);
    if (lit.text.length === 0) throw this.src.error(`expected ${what} but found ${this.src.describe(this.i)}`, this.i);
    this.i = lit.end;
    return lit;
  }

  private fieldName(lit: KqlLiteral): string {
    if (lit.hasWildcard) throw this.src.error('wildcards in field names are not supported; name the field', lit.start);
    return lit.text;
  }

  private rangeOperator(): RangeOp | undefined {
    const two = this.text.slice(this.i, this.i + 2);
    if (two === '<=' || two === '>=') { this.i += 2; return two; }
    const one = this.text[this.i];
    if (one === '<' || one === '>') { this.i += 1; return one; }
    return undefined;
  }

  private consumeKeyword(keyword: 'and' | 'or'): boolean {
    const save = this.i;
    this.skipSpace();
    if (keywordAt(this.text, this.i, keyword)) {
      this.i += keyword.length;
      return true;
    }
    this.i = save;
    return false;
  }

  private withLoc(node: QueryNode, start: number): QueryNode {
    return { ...node, loc: this.src.loc(start, this.i) };
  }

  private skipSpace(): void {
    while (isKqlSpace(this.text[this.i])) this.i++;
  }
}

/** `field:(a or b or c)` of plain values becomes one `terms` node (a set lookup instead of N tests). */
function asTerms(node: QueryNode): QueryNode {
  if (node.type !== 'or') return node;
  const first = node.children[0];
  if (first?.type !== 'term') return node;
  const values: Scalar[] = [];
  for (const c of node.children) {
    if (c.type !== 'term' || c.field !== first.field || c.caseInsensitive) return node;
    values.push(c.value);
  }
  return { type: 'terms', field: first.field, values, caseInsensitive: false, loc: node.loc };
}
