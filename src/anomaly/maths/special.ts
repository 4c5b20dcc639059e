/** Special functions: normal CDF and quantile, log-gamma and the regularised incomplete gamma, accurate deep into the tails. */

const SQRT_2PI = Math.sqrt(2 * Math.PI);
const LN_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
/** Beyond this |x| the continued fraction for the Mills ratio converges quickly and keeps full relative accuracy. */
const TAIL_SWITCH = 2.5;

/** Standard normal density φ(x). */
export function normalPdf(x: number): number {
  return Math.exp(-0.5 * x * x) / SQRT_2PI;
}

/**
 * Mills ratio R(x) = (1 − Φ(x)) / φ(x) for x > 0, by the continued fraction 1/(x+1/(x+2/(x+…))) (modified Lentz).
 * Working with R keeps relative accuracy where 1 − Φ(x) itself would underflow.
 */
function millsRatio(x: number): number {
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let k = 1; k < 5000; k++) {
    d = x + k * d;
    d = d === 0 ? tiny : 1 / d;
    c = x + k / c;
    if (c === 0) c = tiny;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return 1 / f;
}

/** Σ x^(2k+1)/(1·3·…·(2k+1)), so that Φ(x) = ½ + φ(x)·series(x); used for |x| ≤ TAIL_SWITCH. */
function centralSeries(x: number): number {
  const x2 = x * x;
  let term = x;
  let sum = x;
  for (let k = 1; k < 500; k++) {
    term *= x2 / (2 * k + 1);
    sum += term;
    if (Math.abs(term) < 1e-17 * Math.abs(sum)) break;
  }
  return sum;
}

/** Φ(x), the standard normal CDF, with full relative accuracy in the lower tail (Φ(−37) ≈ 5.7e−300). */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x === -Infinity) return 0;
  if (x === Infinity) return 1;
  if (x < -TAIL_SWITCH) return normalPdf(x) * millsRatio(-x);
  if (x > TAIL_SWITCH) return 1 - normalPdf(x) * millsRatio(x);
  return 0.5 + normalPdf(x) * centralSeries(x);
}

/** 1 − Φ(x), accurate in the upper tail. */
export function normalSurvival(x: number): number {
  return normalCdf(-x);
}

/** ln Φ(x), finite far below where Φ underflows (needed for p far below DBL_MIN). */
export function logNormalCdf(x: number): number {
  if (x < -TAIL_SWITCH) return -0.5 * x * x - LN_SQRT_2PI + Math.log(millsRatio(-x));
  return Math.log(normalCdf(x));
}

// Acklam's rational approximation (relative error 1.15e−9), then refined by Halley/Newton steps.
const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
const P_LOW = 0.02425;

function acklam(p: number): number {
  if (p < P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
  }
  if (p <= 1 - P_LOW) {
    const q = p - 0.5;
    const r = q * q;
    return ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
  }
  const q = Math.sqrt(-2 * Math.log(1 - p));
  return -(((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
}

/** Φ⁻¹(p), accurate to ~1e−14 relative, including subnormal p (Φ⁻¹(1e−300) ≈ −37.0471). */
export function normalQuantile(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p > 0.5) return -normalQuantile(1 - p) || 0;
  let x = acklam(p);
  if (p < 1e-3) {
    // Newton on ln Φ(x) − ln p: the derivative φ/Φ = 1/R(−x) never under- or overflows.
    const logP = Math.log(p);
    for (let i = 0; i < 3; i++) x -= (logNormalCdf(x) - logP) * (x < -TAIL_SWITCH ? millsRatio(-x) : normalCdf(x) / normalPdf(x));
    return x;
  }
  for (let i = 0; i < 2; i++) {
    const u = (normalCdf(x) - p) / normalPdf(x);
    x -= u / (1 + 0.5 * x * u);
  }
  return x;
}

// Lanczos approximation, g = 7, n = 9 (relative error ~1e−15).
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln|Γ(x)|. */
export function logGamma(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x < 0.5) {
    // Reflection: Γ(x)Γ(1−x) = π / sin(πx).
    return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  }
  const z = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < 9; i++) sum += LANCZOS[i] / (z + i);
  const t = z + 7.5;
  return LN_SQRT_2PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Series for the lower regularised gamma P(a, x), valid for x < a + 1. Returns ln P. */
function logLowerGammaSeries(a: number, x: number): number {
  let ap = a;
  let sum = 1 / a;
  let del = sum;
  for (let n = 0; n < 10000; n++) {
    ap += 1;
    del *= x / ap;
    sum += del;
    if (Math.abs(del) < Math.abs(sum) * 1e-16) break;
  }
  return Math.log(sum) - x + a * Math.log(x) - logGamma(a);
}

/** Continued fraction for the upper regularised gamma Q(a, x), valid for x ≥ a + 1. Returns ln Q. */
function logUpperGammaFraction(a: number, x: number): number {
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.log(h) - x + a * Math.log(x) - logGamma(a);
}

/** ln Q(a, x), finite even when Q underflows (the joint probability of many tiny p can be e^−100000). */
export function logRegularizedUpperGamma(a: number, x: number): number {
  if (!(a > 0) || Number.isNaN(x)) return NaN;
  if (x <= 0) return 0;
  if (x === Infinity) return -Infinity;
  if (x < a + 1) return Math.log1p(-Math.exp(logLowerGammaSeries(a, x)));
  return logUpperGammaFraction(a, x);
}

/** Q(a, x) = Γ(a, x)/Γ(a), the regularised upper incomplete gamma function. */
export function regularizedUpperGamma(a: number, x: number): number {
  return Math.exp(logRegularizedUpperGamma(a, x));
}

/** P(a, x) = 1 − Q(a, x). */
export function regularizedLowerGamma(a: number, x: number): number {
  if (!(a > 0) || Number.isNaN(x)) return NaN;
  if (x <= 0) return 0;
  if (x < a + 1) return Math.exp(logLowerGammaSeries(a, x));
  return -Math.expm1(logUpperGammaFraction(a, x));
}
