/** Query languages: one predicate AST, its parsers (ES DSL, KQL, Lucene, EQL), evaluator and printer. */
export type {
  QueryNode, QueryNodeType, Expr, Loc, Position, Scalar, CompareOp,
  AndNode, OrNode, AtLeastNode, NotNode, MatchAllNode, MatchNoneNode, TermNode, TermsNode, ExistsNode, RangeNode,
  MatchNode, MatchPhraseNode, PrefixNode, WildcardNode, RegexpNode, CidrNode, AnyFieldNode, NestedNode, IdsNode,
  CompareNode, InListNode, StringMatchNode, ExprTestNode, FieldRef, LiteralExpr, CallExpr, ArithExpr,
} from './ast.js';
export type { EqlQuery, EqlEventQuery, EqlSequenceQuery, EqlSampleQuery, EqlSequenceStep } from './eql/types.js';
export { q } from './build.js';
export { compileEsDsl } from './dsl/compile-es-dsl.js';
export { parseKql } from './kql/parse-kql.js';
export { parseLucene, type LuceneOptions } from './lucene/parse-lucene.js';
export { parseEql } from './eql/parse-eql.js';
export { compilePredicate, type Predicate } from './eval/compile-predicate.js';
export { referencedFields, ALL_FIELDS } from './referenced-fields.js';
export { eventCategoryMatches } from './category.js';
export { formatQuery, type QueryDialect } from './format/format-query.js';
export { formatEql } from './format/format-eql-query.js';
export { requiredValues } from './analysis/required-values.js';
export { necessaryConditions, type FieldCondition } from './analysis/necessary-conditions.js';
