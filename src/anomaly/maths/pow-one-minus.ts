/** Powers of (1 − x) without cancellation (CTools::powOneMinusX, oneMinusPowOneMinusX) and the probability validity test. */

/** Probabilities outside [0, 1] (and NaN) are ignored by every aggregator. */
export function isValidProbability(p: number): boolean {
  return p >= 0 && p <= 1;
}

/** (1 − x)^p without cancellation for small p·x (CTools::powOneMinusX). */
export function powOneMinusX(x: number, p: number): number {
  if (x === 1) return 0;
  if (p === 1) return 1 - x;
  const y = p * x;
  if (Math.abs(y) < 0.1) {
    return 1 + Math.expm1(p * Math.log1p(-x));
  }
  if (p > 1000) return Math.exp(-y);
  if (x > 1) {
    const sign = Math.trunc(p) % 2 ? -1 : 1;
    return sign * Math.exp(p * Math.log(x - 1));
  }
  return Math.exp(p * Math.log1p(-x));
}

/** 1 − (1 − x)^p without cancellation (CTools::oneMinusPowOneMinusX). */
export function oneMinusPowOneMinusX(x: number, p: number): number {
  if (x === 1) return 1;
  if (p === 1) return x;
  const y = p * x;
  if (Math.abs(y) < 0.1 && x < 1) return -Math.expm1(p * Math.log1p(-x));
  if (p > 1000) return -Math.expm1(-y);
  if (x > 1) {
    const sign = Math.trunc(p) % 2 ? -1 : 1;
    return 1 - sign * Math.exp(p * Math.log(x - 1));
  }
  return -Math.expm1(p * Math.log1p(-x));
}
