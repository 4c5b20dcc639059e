/**
 * Micro-benchmark of the selective JSON scanner (`FieldExtractor.scan`) alone, in one thread: µs per line and ns
 * per byte on ~600-byte nested flow lines and on lines of the generated dataset, against JSON.parse of the same
 * lines; then the same scans after the extractor has met damaged lines (as real input can hold), which made V8
 * slow down every later scan of the previous version 3×. `--old FILE` also measures another copy of field-extractor.ts (e.g. the previous
 * version, copied aside with json-scan.ts, json-values.ts and field-plan.ts, its other imports made absolute) and
 * checks that both give the same accept/reject decision, kinds, ranges and numbers on every line. The copy must sit
 * under a package.json saying `"type": "module"`: otherwise tsx compiles it as CommonJS, which scans 2× slower.
 * Run: node --import tsx bench/scanner.ts [--lines N] [--rounds N] [--old /path/to/field-extractor.ts]
 * (prints numbers; no assertions)
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDataset } from '../src/generator/index.js';
import { FieldExtractor } from '../src/sources/field-extractor.js';
import { DATASET_KEEP, KEEP, flowEvent } from './flow-lines.js';

type ExtractorModule = typeof import('../src/sources/field-extractor.js');
type Extractor = Pick<FieldExtractor, 'scan' | 'kindOf' | 'startOf' | 'endOf' | 'numberOf' | 'value' | 'wanted'>;

const argValue = (name: string): string | undefined => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const LINES = Number(argValue('--lines') ?? 40_000);
const ROUNDS = Number(argValue('--rounds') ?? 15);
const OLD = argValue('--old');
const NUMERIC = ['source.bytes'];

/** Lines in one buffer, newline-separated, as a parser worker gets them; `starts`/`ends` bound each line. */
interface Block {
  buf: Buffer;
  starts: Int32Array;
  ends: Int32Array;
}

function blockOf(lines: readonly string[]): Block {
  const buf = Buffer.from(lines.join('\n') + '\n', 'utf8');
  const starts = new Int32Array(lines.length);
  const ends = new Int32Array(lines.length);
  let at = 0;
  for (let n = 0; n < lines.length; n++) {
    starts[n] = at;
    at = buf.indexOf(10, at);
    ends[n] = at;
    at++;
  }
  return { buf, starts, ends };
}

async function datasetLines(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'outflow-bench-scanner-'));
  try {
    const data = await generateDataset({ seed: 7, days: 2, hosts: 40, scenarios: 'core', outDir: dir });
    const lines: string[] = [];
    for (const file of data.files) {
      for (const line of readFileSync(file, 'utf8').split('\n')) if (line !== '') lines.push(line);
    }
    // Spread the sample over every file and hour, not just the first ones.
    const step = Math.max(1, Math.floor(lines.length / LINES));
    return lines.filter((_, i) => i % step === 0).slice(0, LINES);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Seconds for one pass of `run` over the block: the best of ROUNDS (other work only ever slows a pass down). */
function bestPass(run: () => number): { seconds: number; result: number } {
  let best = Infinity;
  let result = 0;
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = performance.now();
    result = run();
    best = Math.min(best, (performance.now() - t0) / 1000);
  }
  return { seconds: best, result };
}

function scanPass(ex: Extractor, block: Block): number {
  let accepted = 0;
  for (let n = 0; n < block.starts.length; n++) if (ex.scan(block.buf, block.starts[n], block.ends[n])) accepted++;
  return accepted;
}

/** Scan plus what a worker then reads of every slot (kinds, ranges, numbers; values of the other kinds). */
function scanAndReadPass(ex: Extractor, block: Block): number {
  let sum = 0;
  const slots = ex.wanted.length;
  for (let n = 0; n < block.starts.length; n++) {
    if (!ex.scan(block.buf, block.starts[n], block.ends[n])) continue;
    for (let s = 0; s < slots; s++) {
      const kind = ex.kindOf(s);
      if (kind === 1) sum += ex.endOf(s) - ex.startOf(s);
      else if (kind === 3) sum += ex.numberOf(s) > 0 ? 1 : 0;
      else if (kind !== 0) sum += ex.value(s) === null ? 0 : 1;
    }
  }
  return sum;
}

/** Scans `line` cut short at every length, each as the last bytes of its buffer (a file's unfinished last line). */
function meetDamagedLines(ex: Extractor, line: string): void {
  const bytes = Buffer.from(line, 'utf8');
  for (let round = 0; round < 20; round++) {
    for (let cut = 1; cut < bytes.length; cut++) ex.scan(bytes.subarray(0, cut), 0, cut);
  }
}

function jsonParsePass(block: Block): number {
  let keys = 0;
  for (let n = 0; n < block.starts.length; n++) {
    const doc = JSON.parse(block.buf.toString('utf8', block.starts[n], block.ends[n])) as object;
    if (doc !== null) keys++;
  }
  return keys;
}

/** Every line's decision and every slot's kind, range and number must be the same in both extractors. */
function sameResults(a: Extractor, b: Extractor, block: Block): string | undefined {
  for (let n = 0; n < block.starts.length; n++) {
    const okA = a.scan(block.buf, block.starts[n], block.ends[n]);
    const okB = b.scan(block.buf, block.starts[n], block.ends[n]);
    if (okA !== okB) return `line ${n}: accepted ${okA} vs ${okB}`;
    if (!okA) continue;
    for (let s = 0; s < a.wanted.length; s++) {
      const kind = a.kindOf(s);
      if (kind !== b.kindOf(s)) return `line ${n} slot ${s}: kind ${kind} vs ${b.kindOf(s)}`;
      if (kind === 0) continue;
      if (kind === 3 ? !Object.is(a.numberOf(s), b.numberOf(s)) : kind <= 2 || kind === 7 ? a.startOf(s) !== b.startOf(s) || a.endOf(s) !== b.endOf(s) : false) {
        return `line ${n} slot ${s}: value differs`;
      }
    }
  }
  return undefined;
}

interface Case {
  title: string;
  lines: string[];
  block: Block;
  bytesPerLine: number;
  extractors: Array<readonly [string, Extractor]>;
}

function report(c: Case, name: string, seconds: number, extra = ''): void {
  const us = (seconds * 1e6) / c.lines.length;
  console.log(`  ${name.padEnd(40)} ${us.toFixed(3).padStart(7)} µs/line  ${((us * 1000) / c.bytesPerLine).toFixed(2).padStart(5)} ns/byte${extra}`);
}

async function run(): Promise<void> {
  const implementations: Array<[string, ExtractorModule]> = [['current', { FieldExtractor } as ExtractorModule]];
  if (OLD) implementations.push(['old (--old)', (await import(OLD)) as ExtractorModule]);
  const flows = Array.from({ length: LINES }, (_, i) => flowEvent(i));
  const inputs: Array<[string, string[], string[]]> = [
    ['nested flow lines', flows, KEEP],
    ['generated dataset lines', await datasetLines(), DATASET_KEEP],
  ];
  const cases: Case[] = inputs.map(([title, lines, keep]) => {
    const block = blockOf(lines);
    const extractors = implementations.map(([name, mod]) => [name, mod.FieldExtractor.create(keep, NUMERIC)!] as const);
    return { title, lines, block, bytesPerLine: (block.buf.length - lines.length) / lines.length, extractors };
  });
  for (const c of cases) {
    console.log(`\n${c.title}: ${c.lines.length.toLocaleString('en')} lines, ${Math.round(c.bytesPerLine)} bytes/line, ${c.extractors[0][1].wanted.length} fields read`);
    if (c.extractors.length === 2) console.log(`  current vs old: ${sameResults(c.extractors[0][1], c.extractors[1][1], c.block) ?? 'identical on every line'}`);
    for (const [name, ex] of c.extractors) {
      const scan = bestPass(() => scanPass(ex, c.block));
      report(c, `${name}: scan`, scan.seconds, `  (${scan.result} of ${c.lines.length} accepted)`);
      report(c, `${name}: scan + read slots`, bestPass(() => scanAndReadPass(ex, c.block)).seconds);
    }
    report(c, 'JSON.parse (utf8 decode + parse)', bestPass(() => jsonParsePass(c.block)).seconds);
  }
  // Real input can hold a truncated line, or a last line without its newline: what the scan costs after meeting
  // some is what a replay then sees.
  for (const c of cases) for (const [, ex] of c.extractors) meetDamagedLines(ex, c.lines[0]);
  console.log('\nafter scanning damaged lines (cut short at the end of their buffer):');
  for (const c of cases) {
    for (const [name, ex] of c.extractors) report(c, `${c.title}, ${name}: scan`, bestPass(() => scanPass(ex, c.block)).seconds);
  }
}

await run();
