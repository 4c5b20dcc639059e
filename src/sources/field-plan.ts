/**
 * Compiles the dotted field paths a read needs into a key-matching tree for the field extractor: one state per
 * dotted path that is a wanted path or leads to one, each with a trie of the document keys that step from it to
 * another.
 */
import type { EcsValue } from '../ecs/index.js';

/** A dotted path the extractor is at; `slot` is set when the path is a wanted one (its value is materialised). */
export interface PathState {
  readonly path: string;
  /** Index of the wanted path in `FieldPlan.wanted`, or -1 for a path that only leads to wanted ones. */
  readonly slot: number;
  /** The document keys that lead on from here (set once, when the plan is compiled). */
  keys: KeyTrie;
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

/**
 * A byte-by-byte matcher of the document keys that lead on from a state, walked while the key is scanned (so a
 * key's bytes are read once; matching after the scan, by length or by a hash and then comparing bytes, measured
 * 15-30% slower whole scans). Bytes are first mapped to a class (`byteClass`, shared by the plan's tries): 0 for
 * bytes that occur in no wanted key, 1 for the quote, then one class per byte that does. `table` holds one row of
 * `width` entries per trie node, the root's row first; the entry for class `k` in the row at offset `t` is
 * `table[t + k]`:
 * - > 0: the offset of the next node's row (the byte goes on along some wanted key);
 * - 0: no wanted key goes on with this byte (the key is not wanted, or the byte ends it);
 * - < 0, only for the closing quote: the key so far is wanted and leads to `next[-1 - entry]`.
 * Bytes that cannot stand raw in a JSON key (quote, backslash, control) never step along a key, so a wanted key
 * holding one is never matched: in a document it would be spelled with an escape, which the extractor leaves to
 * JSON.parse anyway.
 */
export interface KeyTrie {
  readonly byteClass: Uint8Array;
  readonly table: Int32Array;
  readonly next: readonly PathState[];
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

type KeySteps = ReadonlyArray<readonly [Uint8Array, PathState]>;

function canStandRaw(bytes: Uint8Array): boolean {
  return !bytes.some((c) => c < 0x20 || c === QUOTE || c === BACKSLASH);
}

/** The byte classes of the tries of `stepLists` (see KeyTrie), and how many classes there are. */
function byteClassesOf(stepLists: Iterable<KeySteps>): { byteClass: Uint8Array; width: number } {
  const byteClass = new Uint8Array(256);
  byteClass[QUOTE] = 1;
  let width = 2;
  for (const steps of stepLists) {
    for (const [bytes] of steps) {
      if (!canStandRaw(bytes)) continue;
      for (const c of bytes) if (byteClass[c] === 0) byteClass[c] = width++;
    }
  }
  return { byteClass, width };
}

/** The trie of `steps` (document key bytes, and the state each leads to). */
function compileKeyTrie(steps: KeySteps, byteClass: Uint8Array, width: number): KeyTrie {
  const rows: Int32Array[] = [new Int32Array(width)];
  const next: PathState[] = [];
  for (const [bytes, to] of steps) {
    if (!canStandRaw(bytes)) continue;
    let row = 0;
    for (const c of bytes) {
      const k = byteClass[c];
      if (rows[row][k] === 0) {
        rows[row][k] = rows.length * width;
        rows.push(new Int32Array(width));
      }
      row = rows[row][k] / width;
    }
    next.push(to);
    rows[row][1] = -next.length;
  }
  const table = new Int32Array(rows.length * width);
  rows.forEach((r, n) => table.set(r, n * width));
  return { byteClass, table, next };
}

/** Wanted states are never walked into: they share one trie that matches nothing. */
const NO_KEYS: KeyTrie = { byteClass: new Uint8Array(256), table: new Int32Array(2), next: [] };

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
  // The states by path; the document itself is `root`, apart: the path '' is the key "" at the top (of `.b`).
  const states = new Map<string, PathState>();
  const stepsOf = new Map<PathState, Array<readonly [Uint8Array, PathState]>>();
  const newState = (path: string): PathState => {
    // The trie is compiled once all steps are known (below); states are objects of one shape from the start.
    const s: PathState = { path, slot: wanted.indexOf(path), keys: NO_KEYS, seen: 0, kind: 0, start: 0, end: 0, num: 0, value: undefined, madeIn: 0 };
    stepsOf.set(s, []);
    return s;
  };
  const root = newState('');
  for (const p of prefixes) states.set(p, newState(p));
  for (const [state, steps] of stepsOf) {
    if (state.slot >= 0) continue; // a wanted value is materialised whole, never walked into
    const lead = state === root ? '' : state.path + '.';
    for (const [p, to] of states) {
      if (!p.startsWith(lead) || to === state) continue;
      // Any rest is one document key: `{"source":{"geo.country_iso_code":…}}` is as valid as full nesting.
      steps.push([new Uint8Array(Buffer.from(p.slice(lead.length), 'utf8')), to]);
    }
  }
  const { byteClass, width } = byteClassesOf(stepsOf.values());
  for (const [state, steps] of stepsOf) {
    if (state.slot < 0) state.keys = compileKeyTrie(steps, byteClass, width);
  }
  return { root, wanted, keptCount, states: [...stepsOf.keys()] };
}
