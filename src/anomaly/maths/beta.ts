/** Regularised incomplete beta I_x(a, b) and its inverse (beta quantile), used for count tails and score percentiles. */
import { normalQuantile } from './normal.js';
import { logGamma } from './special.js';

/** Continued fraction for I_x(a, b) (modified Lentz, Numerical Recipes betacf). */
function betaFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 10000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-15) break;
  }
  return h;
}

/** ln(1/B(a, b)) = lnΓ(a+b) − lnΓ(a) − lnΓ(b), in the order regularizedBeta has always summed it. */
function logInverseBeta(a: number, b: number): number {
  return logGamma(a + b) - logGamma(a) - logGamma(b);
}

/** I_x(a, b) given ln(1/B(a, b)), ln x and ln(1 − x), so that a solver pays for the three log-gammas once. */
function regularizedBetaWith(x: number, a: number, b: number, logInvBeta: number, logX: number, log1mX: number): number {
  const logFront = logInvBeta + a * logX + b * log1mX;
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(logFront) * betaFraction(a, b, x)) / a;
  return 1 - (Math.exp(logFront) * betaFraction(b, a, 1 - x)) / b;
}

/** I_x(a, b) for a, b > 0 and x in [0, 1]. */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (!(a > 0 && b > 0) || Number.isNaN(x)) return NaN;
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  return regularizedBetaWith(x, a, b, logInverseBeta(a, b), Math.log(x), Math.log1p(-x));
}

/** Mean and standard deviation of Beta(a, b). */
function betaMoments(a: number, b: number): { mean: number; sd: number } {
  const s = a + b;
  return { mean: a / s, sd: Math.sqrt((a * b) / (s * s * (s + 1))) };
}

/**
 * Starting point for the quantile solver. With a, b ≥ 10 a Cornish–Fisher expansion (skewness and kurtosis terms) is
 * within ~1e−4 standard deviations, often 1e−7, so one or two Halley steps finish; otherwise Numerical Recipes'
 * invbetai guesses (A&S 26.5.22 when a, b ≥ 1, the power-law tails below).
 */
function initialGuess(q: number, a: number, b: number): number {
  const z = normalQuantile(q);
  if (a >= 10 && b >= 10) {
    const s = a + b;
    const { mean, sd } = betaMoments(a, b);
    const skew = (2 * (b - a) * Math.sqrt(s + 1)) / ((s + 2) * Math.sqrt(a * b));
    const kurtosis = (6 * ((a - b) * (a - b) * (s + 1) - a * b * (s + 2))) / (a * b * (s + 2) * (s + 3));
    const w = z + ((z * z - 1) * skew) / 6 + ((z * z * z - 3 * z) * kurtosis) / 24 - ((2 * z * z * z - 5 * z) * skew * skew) / 36;
    const x = mean + sd * w;
    if (x > 0 && x < 1) return x;
  }
  if (a >= 1 && b >= 1) {
    const al = (z * z - 3) / 6;
    const h = 2 / (1 / (2 * a - 1) + 1 / (2 * b - 1));
    const w = (-z * Math.sqrt(al + h)) / h - (1 / (2 * b - 1) - 1 / (2 * a - 1)) * (al + 5 / 6 - 2 / (3 * h));
    return a / (a + b * Math.exp(2 * w));
  }
  const t = Math.exp(a * Math.log(a / (a + b))) / a;
  const u = Math.exp(b * Math.log(b / (a + b))) / b;
  const w = t + u;
  return q < t / w ? Math.pow(a * w * q, 1 / a) : 1 - Math.pow(b * w * (1 - q), 1 / b);
}

/**
 * Inverse of I_x(a, b) in x: the q-quantile of Beta(a, b). Halley steps on the CDF inside a shrinking bracket; a step
 * that leaves the bracket or does not at least halve the previous one is replaced by bisection (as Numerical Recipes'
 * rtsafe). Halley's error is cubic in the last one, so for near-normal shapes (a, b ≥ 10) a step below 1e−5 of the
 * density's scale (sd, or 1/|d ln f/dx| in a tail) is taken without another evaluation (what remains is ~1e−15 of
 * that scale): with a, b in the hundreds and more, one or two evaluations in all. As accurate as I_x itself: ~1e−15
 * relative for moderate a, b, ~1e−12 when a + b is in the thousands (the log-gammas' rounding).
 */
export function betaQuantile(q: number, a: number, b: number): number {
  if (!(a > 0 && b > 0) || Number.isNaN(q)) return NaN;
  if (q <= 0) return 0;
  if (q >= 1) return 1;
  const logInvBeta = logInverseBeta(a, b);
  let lo = 0;
  let hi = 1;
  let x = initialGuess(q, a, b);
  if (!(x > 0 && x < 1)) x = 0.5;
  let previousStep = 1;
  // Halley's cubic error bound needs the density to vary on the scale of the step's neighbourhood: near-normal shapes only.
  const sd = a >= 10 && b >= 10 ? betaMoments(a, b).sd : 0;
  for (let i = 0; i < 300; i++) {
    const logX = Math.log(x);
    const log1mX = Math.log1p(-x);
    const cdf = regularizedBetaWith(x, a, b, logInvBeta, logX, log1mX);
    const err = cdf - q;
    // I_x carries the rounding of its log-space prefactor (|terms| · ε, relative to the smaller tail) plus a few ulps:
    // inside that band the error is noise, not distance to the root.
    const noise = 4 * Number.EPSILON * (q + 2 * (1 + Math.abs(logInvBeta) + Math.abs(a * logX) + Math.abs(b * log1mX)) * Math.min(cdf, 1 - cdf));
    if (Math.abs(err) <= noise) return x;
    if (err < 0) lo = x;
    else hi = x;
    const density = Math.exp(logInvBeta + (a - 1) * logX + (b - 1) * log1mX);
    const u = err / density;
    // Halley: the density's log-derivative is (a − 1)/x − (b − 1)/(1 − x).
    const logSlope = (a - 1) / x - (b - 1) / (1 - x);
    const step = u / (1 - 0.5 * Math.min(1, u * logSlope));
    let next = x - step;
    const inBracket = next > lo && next < hi;
    const scale = Math.min(sd, 1 / Math.abs(logSlope));
    if (Math.abs(step) <= 1e-15 * x || (inBracket && Math.abs(step) <= 1e-5 * scale)) return next;
    if (!inBracket || Math.abs(step) > 0.5 * Math.abs(previousStep)) next = 0.5 * (lo + hi);
    if (hi - lo <= 1e-15 * next) return next;
    previousStep = next - x;
    x = next;
  }
  return x;
}
