// Finds runs of eight or more consecutive words that two texts share: the automated "written in our own words" check.

export const SHARED_RUN_LENGTH = 8;

/**
 * Lower-cased words of the prose in a text. Code spans and dotted identifiers (ECS field names such as
 * `aws.cloudtrail.user_identity.arn`) are facts, not prose, so they are removed before comparing.
 */
export function proseWords(text: string): string[] {
  const prose = text.replace(/`[^`]*`/g, ' ').replace(/[\w@*-]+(?:\.[\w@*-]+)+/g, ' ');
  return prose.toLowerCase().match(/[a-z0-9]+(?:'[a-z]+)?/g) ?? [];
}

export function wordRuns(text: string, length = SHARED_RUN_LENGTH): Set<string> {
  const words = proseWords(text);
  const runs = new Set<string>();
  for (let i = 0; i + length <= words.length; i++) runs.add(words.slice(i, i + length).join(' '));
  return runs;
}

/** The runs of `text` that also occur in `reference`. */
export function sharedRuns(text: string, reference: Set<string>, length = SHARED_RUN_LENGTH): string[] {
  return [...wordRuns(text, length)].filter((run) => reference.has(run));
}
