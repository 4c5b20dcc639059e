/**
 * The judge's `wantedIf` conditions (EventJudge) compiled against a field extractor: after a scan, tells from the raw
 * values alone whether anyone may want the line, so that the lines nobody reads (a month of DNS lookups, for jobs
 * that read flows) are set aside without making an event of them. Only ever answers "maybe" when unsure.
 */
import { ValueKind, type FieldExtractor } from './field-extractor.js';
import type { LineCondition } from './types.js';

const BACKSLASH = 0x5c;

interface CompiledCondition {
  /** Kept slots holding the field or a field below it (an `exists` on `destination` sees `destination.ip`). */
  slots: number[];
  /** Kept slots of the fields it may be derived from: any of them present, and the condition may hold. */
  sourceSlots: number[];
  /** Values as bytes, and as quoted JSON strings (to find them inside an array's bytes); absent: presence only. */
  values: Buffer[] | undefined;
  quoted: Buffer[] | undefined;
  caseInsensitive: boolean;
}

/** What the raw fields of a line allow: no one wants it; maybe a job (and maybe others); only others, no job. */
export const NO_ONE = 0;
export const JOBS_MAY = 1;
export const ONLY_OTHERS_MAY = 2;
export type LineVerdict = typeof NO_ONE | typeof JOBS_MAY | typeof ONLY_OTHERS_MAY;

export type LinePrefilter = (ex: FieldExtractor) => LineVerdict;

/**
 * Undefined when some consumer has no conditions (then every line may be wanted and checking would be waste). The
 * first `jobLists` lists of `wantedIf` are the jobs' (EventJudge.wantedIfJobs).
 */
export function compileLinePrefilter(wantedIf: LineCondition[][], ex: FieldExtractor, jobLists = 0): LinePrefilter | undefined {
  if (wantedIf.length === 0 || wantedIf.some((c) => c.length === 0)) return undefined;
  const kept = ex.wanted.slice(0, ex.keptCount);
  // Jobs of one module share their conditions (the four DED network jobs): each distinct list is checked once, the
  // jobs' first.
  const distinctLists = (lists: LineCondition[][]) => [...new Map(lists.map((conds) => [JSON.stringify(conds), conds])).values()];
  const compile = (lists: LineCondition[][]) => distinctLists(lists).map((conds) => conds.map((c) => compileCondition(c, kept)));
  const jobs = compile(wantedIf.slice(0, jobLists));
  const others = compile(wantedIf.slice(jobLists));
  return (extractor) => (anyHolds(jobs, extractor) ? JOBS_MAY : anyHolds(others, extractor) ? ONLY_OTHERS_MAY : NO_ONE);
}

/** Whether all conditions of some list hold. Plain loops: this runs for every line a judge sees. */
function anyHolds(lists: CompiledCondition[][], extractor: FieldExtractor): boolean {
  for (let k = 0; k < lists.length; k++) {
    const conds = lists[k]!;
    let all = true;
    for (let i = 0; i < conds.length && all; i++) all = holds(conds[i]!, extractor);
    if (all) return true;
  }
  return false;
}

const slotsOf = (field: string, kept: string[]): number[] =>
  kept.flatMap((path, slot) => (path === field || path.startsWith(`${field}.`) ? [slot] : []));

function compileCondition(c: LineCondition, kept: string[]): CompiledCondition {
  const slots = slotsOf(c.field, kept);
  const sourceSlots = (c.derivedFrom ?? []).flatMap((f) => slotsOf(f, kept));
  // Case folding beyond ASCII can turn other characters into ASCII ones (the Kelvin sign into "k"): presence only.
  const usable = c.values !== undefined && c.values.every((v) => /^[\x20-\x7e]*$/.test(v) && !v.includes('"') && !v.includes('\\'));
  const values = usable ? c.values!.map((v) => Buffer.from(c.caseInsensitive ? v.toLowerCase() : v, 'latin1')) : undefined;
  return {
    slots,
    sourceSlots,
    values,
    quoted: values?.map((v) => Buffer.concat([Buffer.from('"'), v, Buffer.from('"')])),
    caseInsensitive: c.caseInsensitive === true,
  };
}

function holds(c: CompiledCondition, ex: FieldExtractor): boolean {
  for (let i = 0; i < c.sourceSlots.length; i++) if (ex.kindOf(c.sourceSlots[i]!) !== 0) return true;
  for (let i = 0; i < c.slots.length; i++) {
    const slot = c.slots[i]!;
    const kind = ex.kindOf(slot);
    if (kind === 0) continue;
    const values = c.values;
    if (values === undefined) return true;
    if (kind === ValueKind.asciiString) {
      const line = ex.line();
      const start = ex.startOf(slot);
      const end = ex.endOf(slot);
      for (let v = 0; v < values.length; v++) if (sameBytes(line, start, end, values[v]!, c.caseInsensitive)) return true;
    } else if (kind === ValueKind.container) {
      if (c.caseInsensitive || mayHold(ex.line(), ex.startOf(slot), ex.endOf(slot), c.quoted!)) return true;
    } else {
      return true; // escaped or non-ASCII text, numbers, booleans: not judged here
    }
  }
  return false;
}

function sameBytes(b: Buffer, start: number, end: number, v: Buffer, caseInsensitive: boolean): boolean {
  if (end - start !== v.length) return false;
  for (let i = 0; i < v.length; i++) {
    let c = b[start + i]!;
    if (caseInsensitive && c >= 0x41 && c <= 0x5a) c += 0x20;
    if (c !== v[i]) return false;
  }
  return true;
}

/** An array (or object) may hold one of the values: one of them appears quoted in its bytes, or escapes hide them. */
function mayHold(b: Buffer, start: number, end: number, quoted: Buffer[]): boolean {
  const escape = b.indexOf(BACKSLASH, start);
  if (escape >= 0 && escape < end) return true;
  for (const q of quoted) {
    const at = b.indexOf(q, start);
    if (at >= 0 && at + q.length <= end) return true;
  }
  return false;
}
