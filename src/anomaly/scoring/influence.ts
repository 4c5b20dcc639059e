/**
 * Influence of each influencer value on an anomalous series bucket (§3.5): recompute the probability without the
 * value's events (sum-like) or from its events alone (min/max/mean-like), and credit
 *   complement: 1 − ln P(A∖B) / ln P(A)      restrict: ln P(B) / ln P(A)      presence (rare): share of events.
 */
import { DBL_MIN } from '../maths/index.js';
import type { FamilyBehaviour } from '../detectors/index.js';
import { topValues } from '../series/influencer-tally.js';
import { tallyOf, type SeriesBucket } from '../series/series-bucket.js';
import { MIN_INFLUENCE, type LeafInfluence } from './leaf.js';

const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);

export function computeInfluences(
  behaviour: FamilyBehaviour,
  sb: SeriesBucket,
  pA: number,
  probabilityOf: (features: number[]) => number,
): LeafInfluence[] {
  const out: LeafInfluence[] = [];
  const lnA = Math.log(Math.max(pA, DBL_MIN));
  if (!(lnA < 0)) return out;
  for (const [field, byValue] of tallyOf(sb)) {
    for (const [value, part] of topValues(byValue)) {
      let influence: number;
      if (behaviour.influence === 'presence') {
        influence = sb.acc.n > 0 ? part.n / sb.acc.n : 0;
      } else if (behaviour.influence === 'complement' && behaviour.without) {
        const rest = behaviour.without(sb.acc, part);
        const pRest = rest === undefined ? 1 : probabilityOf(rest);
        influence = clamp01(1 - Math.log(Math.max(pRest, DBL_MIN)) / lnA);
      } else {
        const own = behaviour.extract(part);
        const pOwn = own === undefined ? 1 : probabilityOf(own);
        influence = clamp01(Math.log(Math.max(pOwn, DBL_MIN)) / lnA);
      }
      if (influence >= MIN_INFLUENCE) out.push({ field, value, influence });
    }
  }
  return out;
}
