/**
 * V8 tuning for a replay: a replay runs the same few hundred functions millions of times, in three isolates (the
 * engine thread and two parser threads) that each compile their own optimised code. With V8's default tier-up budget
 * a month's replay spent ~2 s of CPU, a fifth of all it used, in the optimising compiler — many functions optimised
 * early on little type feedback, thrown away and compiled again. Waiting a little longer for feedback (about twice
 * the default budget) saved 0.7–1.2 s of CPU on the benchmark month and no steady-state speed. The flag only moves
 * when functions are optimised, never what they compute; it is process-wide, so parser threads started afterwards
 * share it.
 */
import v8 from 'node:v8';

/** Interrupt budget (bytes of bytecode executed) before a function is considered for optimisation; V8's is 132 KB. */
const TIER_UP_BUDGET = 300_000;

let tuned = false;

export function tuneJitForReplay(): void {
  if (tuned) return;
  tuned = true;
  v8.setFlagsFromString(`--interrupt-budget=${TIER_UP_BUDGET}`);
}
