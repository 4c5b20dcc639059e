/**
 * Compiles the dotted field paths a read needs into a key-matching tree for the field extractor: one state per
 * dotted path that is a wanted path or leads to one, each with the document keys that step from it to another.
 */
import type { EcsValue } from '../ecs/index.js';

/** A dotted path the extractor is at; `slot` is set when the path is a wanted one (its value is materialised). */
export interface PathState {
  readonly path: string;
  /** Index of the wanted path in `FieldPlan.wanted`, or -1 for a path that only leads to wanted ones. */
  readonly slot: number;
  /** Document keys that lead on from here, grouped by key length in bytes (most states have few). */
  readonly keysByLength: Array<KeyStep[] | undefined>;
  /** Line stamp of the last time the scan entered this state (a second entry means a duplicate: not sure). */
  seen: number;
  /**
   * Where the value on this (wanted) path lies in the line of scan `seen`: its kind (a `ValueKind` of the
   * extractor), byte range, and number (for numbers). It is turned into a JS value only when asked for.
   */
  kind: number;
  start: number;
  end: number;
  num: number;
  /** The JS value, once made, in the scan of stamp `madeIn`. */
  value: EcsValue | undefined;
  madeIn: number;
}

export interface KeyStep {
  readonly bytes: Uint8Array;
  readonly next: PathState;
}

export interface FieldPlan {
  readonly root: PathState;
  /** Every path whose value is read: the kept ones first (in keep order), then numeric-only ones. */
  readonly wanted: readonly string[];
  /** How many of `wanted` (from the start) are output fields. */
  readonly keptCount: number;
  readonly states: readonly PathState[];
}

/**
 * A plan for `keep` (output fields) and `checkOnly` (fields read but not output, e.g. numeric checks), or
 * undefined when the paths cannot be extracted independently: when one wanted path lies inside another
 * (`host` and `host.name`), `getField` precedence between the two shapes decides, and only a full parse knows it.
 */
export function compileFieldPlan(keep: readonly string[], checkOnly: readonly string[]): FieldPlan | undefined {
  const wanted = [...new Set(keep)];
  const keptCount = wanted.length;
  for (const p of checkOnly) if (!wanted.includes(p)) wanted.push(p);
  // An empty path is the document itself; a replacement character could be spelled by invalid UTF-8 in a key.
  if (wanted.some((p) => p === '' || p.includes('\uFFFD'))) return undefined;
  for (const a of wanted) {
    for (const b of wanted) if (a !== b && b.startsWith(a + '.')) return undefined;
  }
  // Every component prefix of a wanted path, e.g. `source.geo.country_iso_code` → source, source.geo, source.geo.country_iso_code.
  const prefixes = new Set<string>();
  for (const p of wanted) {
    const parts = p.split('.');
    for (let i = 1; i <= parts.length; i++) prefixes.add(parts.slice(0, i).join('.'));
  }
  const states = new Map<string, PathState>();
  const stateOf = (path: string): PathState => {
    let s = states.get(path);
    if (!s) {
      s = { path, slot: wanted.indexOf(path), keysByLength: [], seen: 0, kind: 0, start: 0, end: 0, num: 0, value: undefined, madeIn: 0 };
      states.set(path, s);
    }
    return s;
  };
  const root = stateOf('');
  for (const p of prefixes) stateOf(p);
  for (const [from, state] of states) {
    if (state.slot >= 0) continue; // a wanted value is materialised whole, never walked into
    const lead = from === '' ? '' : from + '.';
    for (const p of prefixes) {
      if (!p.startsWith(lead) || p === from) continue;
      // Any rest is one document key: `{"source":{"geo.country_iso_code":…}}` is as valid as full nesting.
      addStep(state, Buffer.from(p.slice(lead.length), 'utf8'), stateOf(p));
    }
  }
  return { root, wanted, keptCount, states: [...states.values()] };
}

function addStep(state: PathState, bytes: Uint8Array, next: PathState): void {
  const list = (state.keysByLength[bytes.length] ??= []);
  list.push({ bytes, next });
}
