// Measures the DNS-tunnel query-name heuristic on real labelled names (netrack-learn): threshold on train, report on validate.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tunnelScore } from './dns-tunnel-heuristic.js';

export interface LabelledName {
  tunnel: boolean;
  name: string;
}

export interface Confusion {
  threshold: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  trueNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface DnsTunnelEvaluation {
  source: string;
  trainSize: number;
  validateSize: number;
  train: Confusion;
  validate: Confusion;
}

/** Parses `label,qname` lines (1 = tunnel); malformed lines are skipped. Names may contain commas, so split once. */
export function parseLabelledNames(text: string): LabelledName[] {
  const out: LabelledName[] = [];
  for (const line of text.split('\n')) {
    const comma = line.indexOf(',');
    if (comma < 0) continue;
    const label = line.slice(0, comma).trim();
    if (label !== '0' && label !== '1') continue;
    out.push({ tunnel: label === '1', name: line.slice(comma + 1).trim() });
  }
  return out;
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

export function confusionAt(scored: ReadonlyArray<{ tunnel: boolean; score: number }>, threshold: number): Confusion {
  let tp = 0, fp = 0, fn = 0, tn = 0;
  for (const { tunnel, score } of scored) {
    const flagged = score >= threshold;
    if (flagged && tunnel) tp++;
    else if (flagged) fp++;
    else if (tunnel) fn++;
    else tn++;
  }
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { threshold, truePositives: tp, falsePositives: fp, falseNegatives: fn, trueNegatives: tn, precision: round(precision), recall: round(recall), f1: round(f1) };
}

/** The threshold with the best F1 on `scored` (ties: the higher threshold, i.e. fewer alerts). */
export function chooseThreshold(scored: ReadonlyArray<{ tunnel: boolean; score: number }>): Confusion {
  const candidates = [...new Set(scored.map((s) => s.score))].sort((a, b) => a - b);
  let best = confusionAt(scored, 1.01);
  for (const threshold of candidates) {
    const c = confusionAt(scored, threshold);
    if (c.f1 >= best.f1) best = c;
  }
  return best;
}

/** Runs the evaluation when the netrack-learn folder exists; undefined when it is absent. */
export function evaluateDnsTunnelHeuristic(netrackDir: string): DnsTunnelEvaluation | undefined {
  const trainPath = join(netrackDir, 'train.csv');
  const validatePath = join(netrackDir, 'validate.csv');
  if (!existsSync(trainPath) || !existsSync(validatePath)) return undefined;
  const score = (names: LabelledName[]) => names.map((n) => ({ tunnel: n.tunnel, score: tunnelScore(n.name) }));
  const train = score(parseLabelledNames(readFileSync(trainPath, 'utf8')));
  const validate = score(parseLabelledNames(readFileSync(validatePath, 'utf8')));
  const chosen = chooseThreshold(train);
  return { source: netrackDir, trainSize: train.length, validateSize: validate.length, train: chosen, validate: confusionAt(validate, chosen.threshold) };
}
