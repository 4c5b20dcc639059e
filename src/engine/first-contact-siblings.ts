/**
 * Finds the population jobs that analyse the same events and metric over different attributes (DED's bytes sent per
 * destination IP, port, country and region) and links them to one first-contact pool, so that a job with few newcomers
 * of its own (new ports, new countries) can judge them by what first contacts look like in all of them
 * (anomaly/scoring/first-contact-pool.ts says why). A detector with no sibling is left alone.
 */
import { firstContactSignature, type AnomalyJob, type FirstContactPool, type JobDefinition } from '../anomaly/index.js';

export interface SiblingCandidate {
  job: AnomalyJob;
  def: JobDefinition;
  /** What the engine filters before the job's own datafeed query (the DED egress filter). */
  eventScope: string;
}

/** Links every detector that has siblings; returns the number of detectors linked. */
export function linkFirstContactSiblings(candidates: SiblingCandidate[], pool: FirstContactPool): number {
  const groups = new Map<string, Array<{ job: AnomalyJob; detectorIndex: number; overField: string }>>();
  for (const c of candidates) {
    for (const d of c.def.detectors) {
      const signature = firstContactSignature(c.def, d, c.eventScope);
      if (signature === undefined || !d.overFieldName) continue;
      let group = groups.get(signature);
      if (!group) groups.set(signature, (group = []));
      group.push({ job: c.job, detectorIndex: d.index, overField: d.overFieldName });
    }
  }
  let linked = 0;
  for (const [signature, members] of groups) {
    // Siblings look at different attributes; two jobs over the same field are copies, and share nothing new.
    const overFields = [...new Set(members.map((m) => m.overField))];
    if (overFields.length < 2) continue;
    for (const m of members) {
      m.job.shareFirstContacts(m.detectorIndex, { pool, signature, overFields });
      linked++;
    }
  }
  return linked;
}
