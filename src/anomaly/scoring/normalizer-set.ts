/**
 * The job's score normalisers (§3.4): one for the bucket root, one per detector for records, one per influencer
 * field. Scopes name the partition and person values so that per-scope maxima apply.
 */
import { ScoreNormalizer } from '../maths/index.js';

export const BUCKET_NORMALIZER = 'bucket';
export const recordNormalizerKey = (detectorIndex: number): string => `record:${detectorIndex}`;
export const influencerNormalizerKey = (field: string): string => `influencer:${field}`;

export interface ScoreInput { raw: number; scopes: string[] }

export class NormalizerSet {
  private readonly normalizers = new Map<string, ScoreNormalizer>();

  constructor(private readonly bucketSpanMs: number) {}

  private get(key: string): ScoreNormalizer {
    let n = this.normalizers.get(key);
    if (!n) this.normalizers.set(key, (n = new ScoreNormalizer({ bucketSpanMs: this.bucketSpanMs })));
    return n;
  }

  /** Feeds one bucket's raw scores; true when the normaliser asks for renormalisation. */
  update(key: string, bucketStartMs: number, scores: ScoreInput[]): boolean {
    return this.get(key).update(bucketStartMs, scores);
  }

  normalize(key: string, raw: number, scopes: string[]): number {
    if (!(raw > 0)) return 0;
    return this.get(key).normalize(raw, scopes);
  }

  toJSON(): Array<[string, unknown]> {
    return [...this.normalizers].map(([k, n]) => [k, n.toJSON()]);
  }

  static fromJSON(bucketSpanMs: number, json: Array<[string, unknown]>): NormalizerSet {
    const set = new NormalizerSet(bucketSpanMs);
    for (const [k, n] of json) set.normalizers.set(k, ScoreNormalizer.fromJSON(n));
    return set;
  }
}
