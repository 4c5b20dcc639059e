/**
 * The one plain sentence an analyst reads on every record, e.g.
 * "ws-017 (user alice, process rclone.exe) sent 3.1 GB to destination port 4444 in the 3h from 02:00 UTC;
 *  destination ports normally receive under 2.1 MB in 3 hours — 1500× the usual."
 */
import type { DetectorDefinition } from '../config/job-definition.js';
import type { PopulationView, RarityDetail } from '../scoring/leaf.js';
import type { InfluencerEntry } from '../results.js';
import { fieldLabel, formatFieldValue, isByteField, isDurationValue, byteVerb, plural } from './field-words.js';
import { bucketPhrase, formatClock, formatCount, formatDuration, formatWeekTime, utcClock } from './format.js';
import { populationClause } from './population-clause.js';
import { atThisTime, inMostBuckets, ratioTail, usualClause, type UsualInput } from './usual-clause.js';

export interface ExplanationInput {
  jobId: string;
  def: DetectorDefinition;
  timeField: string;
  bucketStartMs: number;
  bucketSpanMs: number;
  partition: string;
  by: string | null;
  over: string | null;
  actual: number[];
  typical: number[];
  upper: number;
  lower: number;
  historyMs: number;
  /**
   * Start of the series' last bucket with data before this one (null: none in its history; absent: unknown).
   * Lets a sparse series say "the first activity in 12 days" instead of "0 is typical".
   */
  lastActiveMs?: number | null;
  rarity?: RarityDetail;
  influencers: InfluencerEntry[];
  /** Population detectors: which view judged the person (newcomer, established, or the population alone). */
  view?: PopulationView;
}

function values(inf: InfluencerEntry[], field: string, max = 2): string[] {
  return inf.find((i) => i.influencer_field_name === field)?.influencer_field_values.slice(0, max) ?? [];
}

/** "ws-017 (user alice, process rclone.exe)": who did it, from the partition or the influencers. */
function subject(x: ExplanationInput): string {
  const d = x.def;
  const hosts = d.partitionFieldName === 'host.name' && x.partition ? [x.partition] : values(x.influencers, 'host.name');
  const main = hosts.length ? hosts.join(', ')
    : d.partitionFieldName && x.partition ? `${fieldLabel(d.partitionFieldName)} ${x.partition}`
      : values(x.influencers, 'source.ip').join(', ') || 'this job\'s data';
  const extras: string[] = [];
  const users = values(x.influencers, 'user.name');
  if (users.length) extras.push(`user ${users.join(', ')}`);
  const procs = values(x.influencers, 'process.name');
  if (procs.length && d.byFieldName !== 'process.name') extras.push(`process ${procs.join(', ')}`);
  return extras.length ? `${main} (${extras.join(', ')})` : main;
}

function when(x: ExplanationInput): string {
  return `in ${bucketPhrase(x.bucketSpanMs)} from ${utcClock(x.bucketStartMs)} UTC`;
}

/** The "what is usual" half of an individual (not population) count or sum sentence, sparse series included. */
function usual(x: ExplanationInput, how: Pick<UsualInput, 'unit' | 'format' | 'typicalPhrase' | 'quietPhrase'>): string {
  return usualClause({
    actual: x.actual[0], typical: x.typical[0], upper: x.upper, bucketStartMs: x.bucketStartMs, bucketSpanMs: x.bucketSpanMs,
    lastActiveMs: x.lastActiveMs, historyMs: x.historyMs, ...how,
  });
}

const isTypical = (v: string): string => `${v} is typical`;

function explainSum(x: ExplanationInput): string {
  const f = x.def.fieldName;
  const [actual] = x.actual;
  const typical = x.typical[0];
  if (x.def.overFieldName && isByteField(f)) {
    const target = fieldLabel(x.def.overFieldName);
    const verb = byteVerb(f);
    const takes = verb === 'sent' ? { present: 'receive', past: 'received' } : verb === 'wrote' ? { present: 'see', past: 'saw' } : { present: 'get', past: 'got' };
    return `${subject(x)} ${verb} ${formatFieldValue(f, actual)} to ${target} ${x.over} ${when(x)}; ${clause(x, target, takes)}.`;
  }
  if (x.def.overFieldName && x.over !== null && viewSaysMore(x.view)) {
    const target = fieldLabel(x.def.overFieldName);
    return `${target} ${x.over}: ${fieldLabel(f ?? 'value')} totalled ${formatCount(actual)} ${when(x)}; ${clause(x, target, { present: 'see', past: 'saw' })}.`;
  }
  if (x.def.overFieldName) {
    // Population figures: the usual is the population's, so "it usually …" would misdescribe this one.
    return `${subject(x)}: ${fieldLabel(f ?? 'value')} totalled ${formatCount(actual)} ${when(x)}; ${formatCount(typical)} is typical${ratioTail(actual, typical, 'amount')}.`;
  }
  if (isByteField(f)) {
    const target = f?.startsWith('file.') ? ' to files' : '';
    const verb = byteVerb(f);
    const usualPart = usual(x, { unit: 'bytes', format: (v) => formatFieldValue(f, v), typicalPhrase: isTypical, quietPhrase: `it ${presentTense(verb)} nothing ${inMostBuckets(x.bucketSpanMs)}` });
    return `${subject(x)} ${verb} ${formatFieldValue(f, actual)}${target} ${when(x)}; ${usualPart}.`;
  }
  const usualPart = usual(x, { unit: 'amount', format: formatCount, typicalPhrase: isTypical, quietPhrase: `it is 0 ${inMostBuckets(x.bucketSpanMs)}` });
  return `${subject(x)}: ${fieldLabel(f ?? 'value')} totalled ${formatCount(actual)} ${when(x)}; ${usualPart}.`;
}

/** "wrote" → "writes", "sent" → "sends": the habit, for "it usually writes nothing". */
function presentTense(verb: string): string {
  return ({ wrote: 'writes', sent: 'sends', received: 'receives' } as Record<string, string>)[verb] ?? 'transfers';
}

/** True when the population view adds something to Elastic's plain "X is typical" (new, or own history). */
function viewSaysMore(v: PopulationView | undefined): boolean {
  return v !== undefined && (v.kind !== 'population' || v.newcomer !== undefined);
}

/** The population half of the sentence, in the words of the analysed field. */
function clause(x: ExplanationInput, target: string, takes: { present: string; past: string }): string {
  const f = x.def.fieldName;
  return populationClause({
    view: x.view, target, takes, bucketStartMs: x.bucketStartMs, bucketSpanMs: x.bucketSpanMs,
    actual: x.actual[0], typical: x.typical[0], upper: x.upper, format: (v) => (f ? formatFieldValue(f, v) : formatCount(v)),
  });
}

function explainCount(x: ExplanationInput): string {
  const [actual] = x.actual;
  const typical = x.typical[0];
  const noun = actual === 1 ? 'event' : 'events';
  const what = x.by !== null && x.def.byFieldName ? `${x.by} ${noun}` : noun;
  const who = x.def.overFieldName && x.over !== null ? `${fieldLabel(x.def.overFieldName)} ${x.over}` : subject(x);
  if (x.def.overFieldName && x.over !== null && viewSaysMore(x.view)) {
    return `${who} saw ${formatCount(actual)} ${what} ${when(x)}; ${clause(x, fieldLabel(x.def.overFieldName), { present: 'see', past: 'saw' })}.`;
  }
  const direction = actual < typical ? 'only ' : '';
  // Counts are whole: "44 is typical" reads better than "43.5" (the model's expectation).
  const format = (v: number): string => formatCount(v >= 10 ? Math.round(v) : v);
  const typicalPhrase = (v: string): string => `${v} is typical for this time`;
  // Over (population) detectors: the usual is the population's, so only the plain figure is honest.
  const usualPart = x.def.overFieldName
    ? `${typicalPhrase(format(typical))}${ratioTail(actual, typical, 'events')}`
    : usual(x, { unit: 'events', format, typicalPhrase, quietPhrase: `it usually sees none ${atThisTime(x.bucketSpanMs)}` });
  return `${who} saw ${direction}${formatCount(actual)} ${what} ${when(x)}; ${usualPart}.`;
}

/** What happened, in the words of the job (DED external-device and LMD remote-transfer jobs), else generic. */
function rareEvent(x: ExplanationInput, label: string, where: string): string {
  const v = x.by ?? '';
  if (x.def.byFieldName === 'process.name' && x.jobId.includes('external_device')) return `${v} wrote to an external device${where}`;
  if (x.def.byFieldName === 'file.extension' && x.jobId.includes('remote')) return `a .${v} file was transferred remotely${where.replace(' on ', ' to ')}`;
  if (x.def.byFieldName === 'file_directory' && x.jobId.includes('remote')) return `a remote transfer wrote into ${v}${where}`;
  return `${label} ${v} appeared${where}`;
}

function explainRare(x: ExplanationInput): string {
  const byField = x.def.byFieldName ?? 'value';
  const label = fieldLabel(byField);
  const where = x.def.partitionFieldName && x.partition ? ` on ${x.partition}` : x.over !== null && x.def.overFieldName ? ` for ${fieldLabel(x.def.overFieldName)} ${x.over}` : '';
  const history = x.historyMs > 0 ? formatDuration(x.historyMs) : 'no';
  if (x.rarity?.firstOccurrence) {
    return `${rareEvent(x, label, where)} for the first time in ${history} of history.`.replace(/\s+/g, ' ');
  }
  const seen = x.rarity ? `${formatCount(x.rarity.bucketsWithCategory)} of ${formatCount(x.rarity.observations)} ` : '';
  return `${label} ${x.by ?? ''} is rare${where}: seen in only ${seen}periods of ${bucketPhrase(x.bucketSpanMs).replace('the ', '')} in ${history} of history.`.replace(/\s+/g, ' ');
}

function explainTime(x: ExplanationInput, weekly: boolean): string {
  const fmt = weekly ? formatWeekTime : formatClock;
  const noun = x.timeField === 'session.start_time' ? 'session' : 'activity';
  const fromWhom = x.def.partitionFieldName && x.partition ? ` from ${x.partition}` : '';
  const verb = noun === 'session' ? 'started' : 'occurred';
  const normally = noun === 'session' ? `sessions${fromWhom ? ' from this source' : ''} normally start` : 'it normally happens';
  let range = x.upper > x.lower ? `${fmt(x.lower)}–${fmt(x.upper)}` : `around ${fmt(x.typical[0])}`;
  // "Wednesday 10:00–Wednesday 12:00" → "Wednesday 10:00–12:00"
  range = range.replace(/^(\w+day) (\d\d:\d\d)–\1 /, '$1 $2–');
  return `${noun === 'session' ? 'Session' : 'Activity'}${fromWhom} ${verb} at ${fmt(x.actual[0])} UTC; ${normally} ${range}.`;
}

function explainMetric(x: ExplanationInput): string {
  const f = x.def.fieldName;
  const fn = x.def.family === 'varp' ? 'variance' : x.def.family.replace('_', ' ');
  const [actual] = x.actual;
  const typical = x.typical[0];
  const who = x.def.partitionFieldName && x.partition ? `${fieldLabel(x.def.partitionFieldName)} ${x.partition}` : subject(x);
  if (x.def.family === 'distinct_count') {
    return `${who} had ${formatCount(actual)} distinct ${plural(fieldLabel(f ?? 'value'))} ${when(x)}; ${formatCount(typical)} is typical${ratioTail(actual, typical, 'events')}.`;
  }
  const family = x.def.family;
  if (family === 'varp' && isDurationValue(f)) {
    // A variance of durations is in squared seconds, which nobody reads: say it as the spread (standard deviation).
    const spread = (v: number): string => `±${formatFieldValue(f, Math.sqrt(Math.max(v, 0)))}`;
    const usual = typical > 0 ? `${spread(typical)} is typical` : 'they usually do not vary at all';
    return `${who}: the ${plural(fieldLabel(f ?? 'value'))} varied by ${spread(actual)} (standard deviation) ${when(x)}; ${usual}.`;
  }
  return `${who}: ${fn} of ${fieldLabel(f ?? 'value')} was ${formatFieldValue(f, actual, family)} ${when(x)}; ${formatFieldValue(f, typical, family)} is typical${ratioTail(actual, typical, isByteField(f) ? 'bytes' : 'amount')}.`;
}

export function explainRecord(x: ExplanationInput): string {
  switch (x.def.family) {
    case 'sum':
    case 'non_null_sum':
      return explainSum(x);
    case 'count':
    case 'non_zero_count':
      return explainCount(x);
    case 'rare':
    case 'freq_rare':
      return explainRare(x);
    case 'time_of_day':
      return explainTime(x, false);
    case 'time_of_week':
      return explainTime(x, true);
    default:
      return explainMetric(x);
  }
}
