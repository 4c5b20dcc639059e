/** EQL queries: `cat where cond`, `sequence [by …] [with maxspan=…] […] by … with runs=N … until […]`, `sample`. */
import type { Loc, QueryNode } from '../ast.js';
import { SourceText } from '../text/source-text.js';
import { EqlCursor } from './eql-cursor.js';
import { tokenizeEql } from './eql-lexer.js';
import { parseCondition, parseFieldName } from './parse-eql-condition.js';
import type { EqlEventQuery, EqlQuery, EqlSampleQuery, EqlSequenceQuery, EqlSequenceStep } from './types.js';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const MAX_RUNS = 100;

/** Parses an EQL query. Throws QuerySyntaxError with line/column/offset for anything it does not accept. */
export function parseEql(text: string): EqlQuery {
  const src = new SourceText(text, 'EQL');
  const cur = new EqlCursor(src, tokenizeEql(src));
  let query: EqlQuery;
  if (cur.isKeyword('sequence')) query = parseSequence(cur);
  else if (cur.isKeyword('sample')) query = parseSample(cur);
  else if (cur.isKeyword('join')) throw src.error('join queries are not supported; use a sequence', cur.peek().start);
  else query = parseEventQuery(cur);
  if (cur.isPunct('|')) {
    throw src.error('pipes (| head, | tail, | filter, …) are not supported; put filters in the where condition', cur.peek().start);
  }
  if (cur.peek().kind !== 'eof') throw cur.unexpected(query.kind === 'event' ? '"and", "or" or end of query' : 'end of query');
  return query;
}

interface Filter { category: string; condition: QueryNode; loc: Loc }

function parseFilter(cur: EqlCursor): Filter {
  const tok = cur.peek();
  const start = tok.start;
  if (tok.kind !== 'ident' && tok.kind !== 'string' && tok.kind !== 'quoted_ident') throw cur.unexpected('an event category (e.g. process, network, any)');
  cur.next();
  cur.expectKeyword('where');
  const condition = parseCondition(cur);
  return { category: tok.text, condition, loc: cur.loc(start) };
}

function parseEventQuery(cur: EqlCursor): EqlEventQuery {
  const f = parseFilter(cur);
  return { kind: 'event', category: f.category, condition: f.condition, loc: f.loc };
}

function parseJoinKeys(cur: EqlCursor): string[] {
  if (!cur.acceptKeyword('by')) return [];
  const keys = [parseFieldName(cur).field];
  while (cur.acceptPunct(',')) keys.push(parseFieldName(cur).field);
  return keys;
}

function parseBracketed(cur: EqlCursor): Filter {
  cur.expectPunct('[', 'to start a query');
  const filter = parseFilter(cur);
  cur.expectPunct(']', 'to close the query');
  return filter;
}

function parseSequence(cur: EqlCursor): EqlSequenceQuery {
  const start = cur.next().start;
  let by = parseJoinKeys(cur);
  let maxspanMs: number | undefined;
  if (cur.acceptKeyword('with')) {
    maxspanMs = parseMaxspan(cur);
    if (by.length === 0) by = parseJoinKeys(cur);
  }
  const steps: EqlSequenceStep[] = [];
  let keyCount: number | undefined;
  while (cur.isPunct('[') || (cur.isPunct('!') && cur.isPunct('[', 1))) {
    const stepStart = cur.peek().start;
    const missing = cur.acceptPunct('!');
    const f = parseBracketed(cur);
    const stepBy = parseJoinKeys(cur);
    keyCount = checkKeyCount(cur, keyCount, stepBy.length, stepStart);
    const step: EqlSequenceStep = { category: f.category, condition: f.condition, by: stepBy, loc: cur.loc(stepStart) };
    if (cur.acceptKeyword('with')) step.runs = parseRuns(cur);
    if (missing) step.missing = true;
    step.loc = cur.loc(stepStart);
    steps.push(step);
  }
  const events = steps.reduce((n, s) => n + (s.runs ?? 1), 0);
  if (events < 2) throw cur.unexpected(steps.length === 0 ? '"[" to start the first query of the sequence' : 'a second "[…]" query (a sequence needs at least two events)');
  const query: EqlSequenceQuery = { kind: 'sequence', by, steps, loc: cur.loc(start) };
  if (maxspanMs !== undefined) query.maxspanMs = maxspanMs;
  if (cur.acceptKeyword('until')) {
    const untilStart = cur.peek().start;
    const f = parseBracketed(cur);
    const untilBy = parseJoinKeys(cur);
    checkKeyCount(cur, keyCount, untilBy.length, untilStart);
    query.until = { category: f.category, condition: f.condition, by: untilBy, loc: cur.loc(untilStart) };
  }
  query.loc = cur.loc(start);
  return query;
}

function parseSample(cur: EqlCursor): EqlSampleQuery {
  const start = cur.next().start;
  const by = parseJoinKeys(cur);
  const steps: EqlSampleQuery['steps'] = [];
  let keyCount: number | undefined;
  while (cur.isPunct('[')) {
    const stepStart = cur.peek().start;
    const f = parseBracketed(cur);
    const stepBy = parseJoinKeys(cur);
    keyCount = checkKeyCount(cur, keyCount, stepBy.length, stepStart);
    steps.push({ category: f.category, condition: f.condition, by: stepBy, loc: cur.loc(stepStart) });
  }
  if (steps.length < 2) throw cur.unexpected('a "[…]" query (a sample needs at least two queries)');
  return { kind: 'sample', by, steps, loc: cur.loc(start) };
}

/** Every step must join on the same number of keys, so keys can be compared position by position. */
function checkKeyCount(cur: EqlCursor, expected: number | undefined, actual: number, at: number): number {
  if (expected !== undefined && expected !== actual) {
    throw cur.src.error(`this query joins on ${actual} key(s) but the first one joins on ${expected}; use the same number of "by" keys`, at);
  }
  return actual;
}

function parseMaxspan(cur: EqlCursor): number {
  cur.expectKeyword('maxspan');
  cur.expectPunct('=');
  const num = cur.peek();
  if (num.kind !== 'number' || !(num.value! >= 0)) throw cur.unexpected('a duration such as 5m, 30s, 1h');
  cur.next();
  let unit = 'ms';
  const u = cur.peek();
  if (u.kind === 'ident' && u.start === num.end) {
    if (!(u.text in UNIT_MS)) throw cur.src.error(`unknown time unit "${u.text}" (use ms, s, m, h or d)`, u.start);
    unit = u.text;
    cur.next();
  } else if (u.kind === 'ident' && u.text in UNIT_MS) {
    unit = u.text;
    cur.next();
  }
  return num.value! * UNIT_MS[unit];
}

function parseRuns(cur: EqlCursor): number {
  cur.expectKeyword('runs');
  cur.expectPunct('=');
  const num = cur.peek();
  if (num.kind !== 'number' || !Number.isInteger(num.value) || num.value! < 1 || num.value! > MAX_RUNS) {
    throw cur.unexpected(`a whole number of runs between 1 and ${MAX_RUNS}`);
  }
  cur.next();
  return num.value!;
}
