/**
 * One error base for the whole project. Configuration errors name the file, the key and the fix,
 * so that a user can correct a broken job or rule file without reading our code.
 */
export interface SourceLocation {
  file?: string;
  line?: number;
  column?: number;
  offset?: number;
}

export class OutflowError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly location?: SourceLocation,
  ) {
    super(message);
    this.name = 'OutflowError';
  }
}

/** Wrong configuration: fails fast. `where` names the file (and job/rule id), `key` the offending key. */
export class ConfigError extends OutflowError {
  constructor(
    readonly where: string,
    readonly key: string,
    readonly problem: string,
    readonly fix?: string,
  ) {
    super(`${where}: ${key}: ${problem}${fix ? ` (fix: ${fix})` : ''}`, 'config');
    this.name = 'ConfigError';
  }
}

/** A query text that does not parse, with its exact position. */
export class QuerySyntaxError extends OutflowError {
  constructor(
    message: string,
    readonly language: string,
    location: Required<Pick<SourceLocation, 'line' | 'column' | 'offset'>>,
  ) {
    super(`${language} syntax error at line ${location.line}, column ${location.column}: ${message}`, 'query-syntax', location);
    this.name = 'QuerySyntaxError';
  }
}
