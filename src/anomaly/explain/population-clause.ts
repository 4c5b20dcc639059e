/**
 * The second half of a population record's sentence: which view judged the person (see
 * scoring/population-views.ts) and what that view expected, e.g.
 *   "this destination port never received data before, and new destination ports typically receive under 40 KB in
 *    their first 3 hours — 1,000× the usual"
 *   "destination IPs normally receive under 12 MB in 3 hours, and this is unusual for this destination IP too: it
 *    normally receives 2–3 GB at this time of day — 8× its usual"
 */
import type { NewcomerPhase, PopulationView } from '../scoring/leaf.js';
import { fieldLabel, plural } from './field-words.js';
import { formatDuration, formatRatio } from './format.js';

export interface ClauseInput {
  view: PopulationView | undefined;
  /** "destination port" */
  target: string;
  /** How the target takes the value: "receive", "see", "get"; past tense for "never received". */
  takes: { present: string; past: string };
  bucketStartMs: number;
  bucketSpanMs: number;
  actual: number;
  typical: number;
  upper: number;
  /** Formats a value of the analysed field (bytes, counts). */
  format: (x: number) => string;
}

/** "3 hours" → "3 hours", "an hour" → "hour": the bucket length after "their first". */
function spanAfterFirst(spanMs: number): string {
  return formatDuration(spanMs).replace(/^an? /, '');
}

function ratio(actual: number, typical: number, whose: string): string {
  // Below one byte or one event, "N× the usual" divides by almost nothing and the figure means nothing.
  if (!(typical >= 1)) return '';
  const r = formatRatio(actual, typical);
  return r ? ` — ${r} ${whose}` : '';
}

/** "2–3 GB" when both ends share a unit, else "900 MB–3 GB". */
export function formatRange(lo: number, hi: number, format: (x: number) => string): string {
  const a = format(lo);
  const b = format(hi);
  if (a === b) return `about ${a}`;
  const unitA = a.split(' ')[1];
  const unitB = b.split(' ')[1];
  return unitA !== undefined && unitA === unitB ? `${a.split(' ')[0]}–${b}` : `${a}–${b}`;
}

/** "this destination port never received data before" / "...first received data 3 hours earlier". */
function newcomerHistory(x: ClauseInput, phase: NewcomerPhase): string {
  return phase.newcomerBucket <= 1 || x.bucketStartMs <= phase.firstSeenMs
    ? `this ${x.target} never ${x.takes.past} data before`
    : `this ${x.target} first ${x.takes.past} data ${formatDuration(x.bucketStartMs - phase.firstSeenMs)} earlier`;
}

/**
 * Who the newcomer was compared with: "new destination ports", or, for first contacts pooled across sibling jobs,
 * "new destinations of any kind (IP, port, country)" — the labels' shared first word, then what differs.
 */
function newcomerKind(x: ClauseInput, firstContactOf: string[] | undefined): string {
  if (!firstContactOf || firstContactOf.length === 0) return `new ${plural(x.target)}`;
  const labels = firstContactOf.map(fieldLabel);
  const head = labels[0].split(' ')[0];
  const shared = labels.every((l) => l.startsWith(`${head} `));
  return shared
    ? `new ${plural(head)} of any kind (${labels.map((l) => l.slice(head.length + 1)).join(', ')})`
    : `new ${labels.map(plural).join(', ')}`;
}

export function populationClause(x: ClauseInput): string {
  const span = formatDuration(x.bucketSpanMs);
  const usualUpper = x.format(Math.max(x.upper, x.typical));
  const v = x.view;
  if (v?.kind === 'newcomer') {
    const history = newcomerHistory(x, v);
    const when = v.newcomerBucket <= 1 ? `in their first ${spanAfterFirst(x.bucketSpanMs)}` : `per ${spanAfterFirst(x.bucketSpanMs)} while they are new`;
    return `${history}, and ${newcomerKind(x, v.firstContactOf)} typically ${x.takes.present} under ${usualUpper} ${when}${ratio(x.actual, x.typical, 'the usual')}`;
  }
  if (v?.kind === 'established') {
    const population = `${plural(x.target)} normally ${x.takes.present} under ${x.format(Math.max(v.population.upper, v.population.typical))} in ${span}`;
    const own = formatRange(v.own.lower, v.own.upper, x.format);
    const when = v.own.seasonal ? 'at this time of day' : `in ${span}`;
    return `${population}, and this is unusual for this ${x.target} too: it normally ${x.takes.present}s ${own} ${when}${ratio(x.actual, v.own.typical, 'its usual')}`;
  }
  // A newcomer judged by the population (too few newcomers seen to model them yet): still say that it is new.
  const isNew = v?.kind === 'population' && v.newcomer ? `${newcomerHistory(x, v.newcomer)}; ` : '';
  return `${isNew}${plural(x.target)} normally ${x.takes.present} under ${usualUpper} in ${span}${ratio(x.actual, x.typical, 'the usual')}`;
}
