/**
 * The one predicate AST that ES Query DSL, KQL, Lucene and EQL all compile to.
 * Nodes are plain data (no closures are ever stored on them); `compilePredicate` turns a tree into a matcher.
 */

/** A point in query text: 0-based offset, 1-based line and column. */
export interface Position {
  offset: number;
  line: number;
  column: number;
}

/** Span of query text a node came from; absent on nodes built from JSON or by constructors. */
export interface Loc {
  start: Position;
  end: Position;
}

export type Scalar = string | number | boolean | null;

interface Located {
  loc?: Loc;
}

// ---- boolean structure -------------------------------------------------------------------------

export interface AndNode extends Located {
  type: 'and';
  children: QueryNode[];
}
export interface OrNode extends Located {
  type: 'or';
  children: QueryNode[];
}
/** `bool.should` with `minimum_should_match`: at least `count` children must match. */
export interface AtLeastNode extends Located {
  type: 'at_least';
  count: number;
  children: QueryNode[];
}
export interface NotNode extends Located {
  type: 'not';
  child: QueryNode;
}
export interface MatchAllNode extends Located {
  type: 'match_all';
}
export interface MatchNoneNode extends Located {
  type: 'match_none';
}

// ---- field predicates (Elasticsearch query semantics: any element of an array field may match) ---

/** Exact value (keyword semantics); numbers and numeric strings compare numerically, booleans as booleans. */
export interface TermNode extends Located {
  type: 'term';
  field: string;
  value: Scalar;
  caseInsensitive: boolean;
}
export interface TermsNode extends Located {
  type: 'terms';
  field: string;
  values: Scalar[];
  caseInsensitive: boolean;
}
export interface ExistsNode extends Located {
  type: 'exists';
  field: string;
}
/** Bounds are numbers, or strings compared as numbers, dates (ISO or `now-1d` date math) or text. */
export interface RangeNode extends Located {
  type: 'range';
  field: string;
  gt?: string | number;
  gte?: string | number;
  lt?: string | number;
  lte?: string | number;
}
/** Full-text match: exact value, or case-insensitive tokens (any with `or`, all with `and`). */
export interface MatchNode extends Located {
  type: 'match';
  field: string;
  query: string;
  operator: 'or' | 'and';
}
/** Full-text phrase: exact value, or the phrase's tokens appear consecutively (case-insensitive). */
export interface MatchPhraseNode extends Located {
  type: 'match_phrase';
  field: string;
  phrase: string;
}
export interface PrefixNode extends Located {
  type: 'prefix';
  field: string;
  prefix: string;
  caseInsensitive: boolean;
}
/** Elasticsearch wildcard syntax: `*` any run, `?` one character, `\` escapes the next character. */
export interface WildcardNode extends Located {
  type: 'wildcard';
  field: string;
  pattern: string;
  caseInsensitive: boolean;
}
/** Lucene regular expression, anchored at both ends like Elasticsearch `regexp`. */
export interface RegexpNode extends Located {
  type: 'regexp';
  field: string;
  pattern: string;
  caseInsensitive: boolean;
}
/** IP field value inside any of the CIDR blocks (single addresses allowed). */
export interface CidrNode extends Located {
  type: 'cidr';
  field: string;
  cidrs: string[];
}
/** Free text without a field (KQL `foo`, Lucene `foo`): some field's value contains it (case-insensitive). */
export interface AnyFieldNode extends Located {
  type: 'any_field';
  /** Text to find; a wildcard pattern matched against whole values when `isPattern`. */
  value: string;
  isPattern: boolean;
}
/** Some object under `path` matches `query`, whose field names are relative to that object (KQL `a:{ b:1 }`). */
export interface NestedNode extends Located {
  type: 'nested';
  path: string;
  query: QueryNode;
}
export interface IdsNode extends Located {
  type: 'ids';
  values: string[];
}

// ---- EQL expression predicates -------------------------------------------------------------------

export type CompareOp = '==' | '!=' | '<' | '<=' | '>' | '>=';

/** EQL comparison between two expressions (field-to-field, function results, arithmetic). */
export interface CompareNode extends Located {
  type: 'compare';
  op: CompareOp;
  left: Expr;
  right: Expr;
}
/** EQL `x in (…)` / `in~` where the left side or a list item is not a plain field/literal. */
export interface InListNode extends Located {
  type: 'in_list';
  left: Expr;
  values: Expr[];
  caseInsensitive: boolean;
}
/** EQL `:`, `like`, `regex` (with `~` variants) on an expression that is not a plain field. */
export interface StringMatchNode extends Located {
  type: 'string_match';
  op: ':' | 'like' | 'regex';
  caseInsensitive: boolean;
  left: Expr;
  patterns: string[];
}
/** A boolean-valued expression used as a condition (`startsWith(a, "b")`, `true`). */
export interface ExprTestNode extends Located {
  type: 'expr_test';
  expr: Expr;
}

export type QueryNode =
  | AndNode
  | OrNode
  | AtLeastNode
  | NotNode
  | MatchAllNode
  | MatchNoneNode
  | TermNode
  | TermsNode
  | ExistsNode
  | RangeNode
  | MatchNode
  | MatchPhraseNode
  | PrefixNode
  | WildcardNode
  | RegexpNode
  | CidrNode
  | AnyFieldNode
  | NestedNode
  | IdsNode
  | CompareNode
  | InListNode
  | StringMatchNode
  | ExprTestNode;

export type QueryNodeType = QueryNode['type'];

// ---- EQL value expressions ---------------------------------------------------------------------------

export interface FieldRef extends Located {
  type: 'field';
  field: string;
  /** EQL `?field`: the field may be unmapped (evaluates as null instead of failing). */
  optional: boolean;
}
export interface LiteralExpr extends Located {
  type: 'literal';
  value: Scalar;
}
/** EQL function call; `caseInsensitive` is the `~` suffix (`startsWith~`). */
export interface CallExpr extends Located {
  type: 'call';
  name: string;
  caseInsensitive: boolean;
  args: Expr[];
}
export interface ArithExpr extends Located {
  type: 'arith';
  op: '+' | '-' | '*' | '/' | '%';
  left: Expr;
  right: Expr;
}

export type Expr = FieldRef | LiteralExpr | CallExpr | ArithExpr;
