/**
 * What a first contact looks like, shared by sibling population jobs: jobs that read the same events and analyse the
 * same metric over different attributes of the same thing (Elastic's DED network jobs sum `source.bytes` over the
 * destination IP, port, country and region of the same outbound flows).
 *
 * Why: a population job judges a newcomer (a port or country that never received data) against what its own
 * newcomers took in their first buckets, once it has seen enough of them (population-views.ts). New IPs appear by
 * the hundred every day, so the IP job learns that quickly; new ports and new countries appear a few times a week, so
 * their jobs would need months — and until then judged "5 GB to a never-used port" against a population where port
 * 443 takes gigabytes every hour, i.e. not at all. But a first contact with a new port or a new country is, in the
 * flows, a first contact with a new destination: the same users and programs opening a connection somewhere new. So
 * until a job's own newcomer model is trusted, it borrows the siblings' pooled one: every newcomer of every sibling
 * (a new IP, a new port, a new country) in its first buckets. The job's own newcomer model takes over as soon as it is
 * trusted, because what is typical for its own kind of newcomer is the better reference.
 *
 * Determinism: the siblings close the same bucket one after another, in job order. A bucket's samples are staged and
 * learned only when a later bucket is first referenced, so every sibling judges bucket b against exactly the buckets
 * before b, whatever the job order.
 */
import type { WeightedSample } from '../maths/index.js';
import { featureModel, featureModelsFromJson, featureModelsToJson, type FeatureModels } from '../series/feature-models.js';

interface PoolEntry {
  models: FeatureModels;
  /** Bucket whose samples are staged, and the samples per feature (empty when nothing is staged). */
  stagedBucket: number | null;
  staged: WeightedSample[][];
}

interface PoolJson {
  v: number;
  entries: Array<[string, { m: unknown[]; b: number | null; s: Array<Array<[number, number]>> }]>;
}

const STATE_VERSION = 1;

/** The link a detector holds to its siblings' pool. */
export interface FirstContactLink {
  pool: FirstContactPool;
  /** Identifies what the siblings share (bucket span, function, field, datafeed, ...). */
  signature: string;
  /** The over fields of all siblings, in job order ("destination.ip", "destination.port", ...), for explanations. */
  overFields: string[];
}

export class FirstContactPool {
  private readonly entries = new Map<string, PoolEntry>();

  private static key(signature: string, partition: string): string {
    return `${signature}\u0000${partition}`;
  }

  /** Learns the staged bucket when a later one comes. */
  private commitBefore(entry: PoolEntry, bucketStartMs: number): void {
    if (entry.stagedBucket === null || entry.stagedBucket >= bucketStartMs) return;
    const b = entry.stagedBucket;
    entry.staged.forEach((samples, i) => {
      if (samples.length > 0) featureModel(entry.models, i).addBucket(b, samples, 1);
    });
    entry.stagedBucket = null;
    entry.staged = entry.staged.map(() => []);
  }

  /** The shared newcomer models as learned from the buckets before `bucketStartMs`; undefined before any newcomer. */
  reference(link: FirstContactLink, partition: string, bucketStartMs: number): FeatureModels | undefined {
    const entry = this.entries.get(FirstContactPool.key(link.signature, partition));
    if (!entry) return undefined;
    this.commitBefore(entry, bucketStartMs);
    return entry.models;
  }

  /**
   * Adds one sibling's newcomer samples of a bucket. `create` makes the models on the first call (all siblings
   * analyse the same function, so any of them can). Samples of an older bucket than the staged one (a sibling
   * closing a long gap later than another) join the staged bucket rather than rewrite history.
   */
  stage(link: FirstContactLink, partition: string, bucketStartMs: number, samples: WeightedSample[][], create: () => FeatureModels): void {
    if (samples.length === 0 || samples[0].length === 0) return;
    const key = FirstContactPool.key(link.signature, partition);
    let entry = this.entries.get(key);
    if (!entry) this.entries.set(key, (entry = { models: create(), stagedBucket: null, staged: samples.map(() => []) }));
    this.commitBefore(entry, bucketStartMs);
    if (entry.stagedBucket === null) entry.stagedBucket = bucketStartMs;
    samples.forEach((s, i) => {
      for (const x of s) entry.staged[i].push(x);
    });
  }

  toJSON(): PoolJson {
    return {
      v: STATE_VERSION,
      entries: [...this.entries].map(([k, e]) => [k, {
        m: featureModelsToJson(e.models), b: e.stagedBucket, s: e.staged.map((list) => list.map((x) => [x.value, x.weight] as [number, number])),
      }]),
    };
  }

  static fromJSON(raw: unknown): FirstContactPool {
    const j = raw as Partial<PoolJson> | null;
    if (!j || j.v !== STATE_VERSION || !Array.isArray(j.entries)) throw new Error(`first-contact snapshot is not usable (version ${String(j?.v)})`);
    const pool = new FirstContactPool();
    for (const [k, e] of j.entries) {
      pool.entries.set(k, {
        models: featureModelsFromJson(e.m), stagedBucket: e.b,
        staged: e.s.map((list) => list.map(([value, weight]) => ({ value, weight }))),
      });
    }
    return pool;
  }
}
