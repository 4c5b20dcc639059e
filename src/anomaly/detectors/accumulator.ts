/**
 * Running statistics of one series in one open bucket (and of one influencer value inside it). One plain struct
 * serves every function family; each family reads only what it needs. Bounded: median keeps at most
 * MAX_VALUES values (deterministic thinning), distinct sets at most MAX_DISTINCT strings.
 */

export const MAX_VALUES = 4096;
export const MAX_DISTINCT = 10_000;

export interface Accumulator {
  /** Events of the series in the bucket (whatever their value). */
  n: number;
  /** Numeric values accepted. */
  count: number;
  sum: number;
  min: number;
  max: number;
  /** Welford running mean and sum of squared deviations (population variance = m2 / count). */
  mean: number;
  m2: number;
  /** Values for the median, when the family needs them. */
  values?: number[];
  /** Distinct strings for distinct_count / info_content. */
  distinct?: Set<string>;
  /** True once a set or list hit its cap (results are then approximate). */
  truncated?: boolean;
}

/** Every field is present from the start: one object shape for all accumulators keeps V8's property access fast. */
export function newAccumulator(): Accumulator {
  return { n: 0, count: 0, sum: 0, min: 0, max: 0, mean: 0, m2: 0, values: undefined, distinct: undefined, truncated: false };
}

/** Makes `acc` what newAccumulator() returns, so that a tally can reuse an evicted value's object. */
export function resetAccumulator(acc: Accumulator): Accumulator {
  acc.n = 0;
  acc.count = 0;
  acc.sum = 0;
  acc.min = 0;
  acc.max = 0;
  acc.mean = 0;
  acc.m2 = 0;
  acc.values = undefined;
  acc.distinct = undefined;
  acc.truncated = false;
  return acc;
}

export function addNumber(acc: Accumulator, x: number, keepValues: boolean, maxValues = MAX_VALUES): void {
  if (acc.count === 0) {
    acc.min = x;
    acc.max = x;
  } else {
    if (x < acc.min) acc.min = x;
    if (x > acc.max) acc.max = x;
  }
  acc.count++;
  acc.sum += x;
  const delta = x - acc.mean;
  acc.mean += delta / acc.count;
  acc.m2 += delta * (x - acc.mean);
  if (keepValues) {
    const values = (acc.values ??= []);
    values.push(x);
    if (values.length > maxValues) {
      // Keep every other value: the median of the thinned list stays close, and memory stays bounded.
      acc.values = values.filter((_, i) => i % 2 === 0);
      acc.truncated = true;
    }
  }
}

export function addDistinct(acc: Accumulator, s: string, maxDistinct = MAX_DISTINCT): void {
  const set = (acc.distinct ??= new Set());
  if (set.size >= maxDistinct && !set.has(s)) {
    acc.truncated = true;
    return;
  }
  set.add(s);
}

export interface AccumulatorJson {
  n: number; count: number; sum: number; min: number; max: number; mean: number; m2: number;
  values?: number[]; distinct?: string[]; truncated?: boolean;
}

export function accumulatorToJson(a: Accumulator): AccumulatorJson {
  const out: AccumulatorJson = { n: a.n, count: a.count, sum: a.sum, min: a.min, max: a.max, mean: a.mean, m2: a.m2 };
  if (a.values) out.values = [...a.values];
  if (a.distinct) out.distinct = [...a.distinct];
  if (a.truncated) out.truncated = true;
  return out;
}

export function accumulatorFromJson(j: AccumulatorJson): Accumulator {
  return {
    n: j.n, count: j.count, sum: j.sum, min: j.min, max: j.max, mean: j.mean, m2: j.m2,
    values: j.values ? [...j.values] : undefined, distinct: j.distinct ? new Set(j.distinct) : undefined, truncated: j.truncated === true,
  };
}
