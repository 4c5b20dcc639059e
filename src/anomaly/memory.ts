/**
 * Per-job model memory (§3.7): an estimate from the maths models' approxBytes plus bookkeeping, checked against
 * analysis_limits.model_memory_limit. Above 60% (soft limit) the least recently seen series are pruned; at the
 * limit (hard limit) new series/persons are refused and counted (Elastic's bucket_allocation_failures_count).
 */
import type { PrunableEntity } from './series/detector-runtime.js';

export type MemoryStatus = 'ok' | 'soft_limit' | 'hard_limit';

export const SOFT_LIMIT_FRACTION = 0.6;
/** Pruning at the soft limit goes a little further down, so it does not run again on the next bucket. */
const PRUNE_TARGET_FRACTION = 0.5;

export interface MemorySource {
  approxBytes(): number;
  prunable(): PrunableEntity[];
}

export interface MemoryGuardState { bytes: number; refused: number; pruned: number; status: MemoryStatus }

export class MemoryGuard {
  bytes = 0;
  refused = 0;
  pruned = 0;
  status: MemoryStatus = 'ok';
  private refusedThisBucket = false;

  constructor(readonly limitBytes: number) {}

  /** Asked before modelling something new; false at the hard limit. */
  allowNew(bytes: number): boolean {
    if (this.bytes + bytes > this.limitBytes) {
      this.refused++;
      this.refusedThisBucket = true;
      return false;
    }
    this.bytes += bytes;
    return true;
  }

  /** After a bucket closed: re-measure, prune down from the soft limit, and set the status. */
  afterBucket(sources: MemorySource[], bucketStartMs: number): void {
    this.bytes = sources.reduce((n, s) => n + s.approxBytes(), 0);
    let prunedNow = false;
    if (this.bytes > SOFT_LIMIT_FRACTION * this.limitBytes) {
      const target = PRUNE_TARGET_FRACTION * this.limitBytes;
      // Oldest first; stable order (insertion) breaks ties so restore and replay prune the same entities.
      const candidates = sources.flatMap((s) => s.prunable()).filter((e) => e.lastSeen < bucketStartMs);
      candidates.sort((a, b) => a.lastSeen - b.lastSeen);
      for (const c of candidates) {
        if (this.bytes <= target) break;
        c.remove();
        this.bytes -= c.bytes;
        this.pruned++;
        prunedNow = true;
      }
    }
    if (this.refusedThisBucket || this.bytes >= this.limitBytes) this.status = 'hard_limit';
    else if (prunedNow || this.bytes > SOFT_LIMIT_FRACTION * this.limitBytes) this.status = 'soft_limit';
    else this.status = 'ok';
    this.refusedThisBucket = false;
  }

  toJSON(): MemoryGuardState {
    return { bytes: this.bytes, refused: this.refused, pruned: this.pruned, status: this.status };
  }

  static fromJSON(limitBytes: number, s: MemoryGuardState): MemoryGuard {
    const g = new MemoryGuard(limitBytes);
    g.bytes = s.bytes;
    g.refused = s.refused;
    g.pruned = s.pruned;
    g.status = s.status;
    return g;
  }
}
