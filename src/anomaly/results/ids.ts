/**
 * Document ids exactly as Elasticsearch builds them, so that renormalised results overwrite the same documents and
 * alert ids derived from them de-duplicate like Elastic's (§2, AnomalyRecord/Influencer/Bucket#getId).
 */

/** Java String#hashCode (UTF-16 code units, 32-bit overflow). */
export function javaStringHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}

/** Java Objects.hash(a, b, c): 31-based over the elements' hashCodes, null → 0. */
export function javaObjectsHash(...values: Array<string | null | undefined>): number {
  let h = 1;
  for (const v of values) h = (Math.imul(h, 31) + (v === null || v === undefined ? 0 : javaStringHash(v))) | 0;
  return h;
}

/** `{job}_record_{timestamp ms}_{bucket_span s}_{detector_index}_{Objects.hash(by, over, partition)}_{sum of their lengths}` */
export function recordId(jobId: string, timestampMs: number, bucketSpanS: number, detectorIndex: number,
  by: string | null | undefined, over: string | null | undefined, partition: string | null | undefined): string {
  const len = (by?.length ?? 0) + (over?.length ?? 0) + (partition?.length ?? 0);
  return `${jobId}_record_${timestampMs}_${bucketSpanS}_${detectorIndex}_${javaObjectsHash(by, over, partition)}_${len}`;
}

/** `{job}_bucket_{timestamp ms}_{bucket_span s}` */
export function bucketId(jobId: string, timestampMs: number, bucketSpanS: number): string {
  return `${jobId}_bucket_${timestampMs}_${bucketSpanS}`;
}

/** `{job}_influencer_{timestamp ms}_{bucket_span s}_{field}_{value.hashCode()}_{value.length}` */
export function influencerId(jobId: string, timestampMs: number, bucketSpanS: number, field: string, value: string): string {
  return `${jobId}_influencer_${timestampMs}_${bucketSpanS}_${field}_${javaStringHash(value)}_${value.length}`;
}
