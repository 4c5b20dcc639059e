/** Small constructors for AST nodes, for code that builds queries (exception lists, tests, content). */
import type {
  AndNode, AtLeastNode, CidrNode, ExistsNode, IdsNode, MatchAllNode, MatchNode, MatchNoneNode, MatchPhraseNode,
  NestedNode, NotNode, OrNode, PrefixNode, QueryNode, RangeNode, RegexpNode, Scalar, TermNode, TermsNode, WildcardNode,
} from './ast.js';

type RangeBounds = Pick<RangeNode, 'gt' | 'gte' | 'lt' | 'lte'>;

export const q = {
  and: (...children: QueryNode[]): AndNode => ({ type: 'and', children }),
  or: (...children: QueryNode[]): OrNode => ({ type: 'or', children }),
  atLeast: (count: number, ...children: QueryNode[]): AtLeastNode => ({ type: 'at_least', count, children }),
  not: (child: QueryNode): NotNode => ({ type: 'not', child }),
  matchAll: (): MatchAllNode => ({ type: 'match_all' }),
  matchNone: (): MatchNoneNode => ({ type: 'match_none' }),
  term: (field: string, value: Scalar, caseInsensitive = false): TermNode => ({ type: 'term', field, value, caseInsensitive }),
  terms: (field: string, values: Scalar[], caseInsensitive = false): TermsNode => ({ type: 'terms', field, values, caseInsensitive }),
  exists: (field: string): ExistsNode => ({ type: 'exists', field }),
  range: (field: string, bounds: RangeBounds): RangeNode => ({ type: 'range', field, ...bounds }),
  match: (field: string, query: string, operator: 'or' | 'and' = 'or'): MatchNode => ({ type: 'match', field, query, operator }),
  matchPhrase: (field: string, phrase: string): MatchPhraseNode => ({ type: 'match_phrase', field, phrase }),
  prefix: (field: string, prefix: string, caseInsensitive = false): PrefixNode => ({ type: 'prefix', field, prefix, caseInsensitive }),
  wildcard: (field: string, pattern: string, caseInsensitive = false): WildcardNode => ({ type: 'wildcard', field, pattern, caseInsensitive }),
  regexp: (field: string, pattern: string, caseInsensitive = false): RegexpNode => ({ type: 'regexp', field, pattern, caseInsensitive }),
  cidr: (field: string, ...cidrs: string[]): CidrNode => ({ type: 'cidr', field, cidrs }),
  nested: (path: string, query: QueryNode): NestedNode => ({ type: 'nested', path, query }),
  ids: (...values: string[]): IdsNode => ({ type: 'ids', values }),
};
