/**
 * The standard normal distribution in closed form: Φ by Cody's rational Chebyshev approximations (as R's pnorm), Φ⁻¹
 * by Wichura's AS241 (as R's qnorm). Both keep full relative precision deep into the tails, in a few dozen flops and
 * no loop; they replaced series and continued fractions that cost up to a microsecond per call on the hot path.
 */

const SQRT_2PI = Math.sqrt(2 * Math.PI);
const INV_SQRT_2PI = 1 / SQRT_2PI;
const LN_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
/** Below this |x| Φ(x) − ½ is a rational function of x²; beyond it Φ(−|x|) = e^{−x²/2}·rational(|x|). */
const CENTRAL_LIMIT = 0.67448975;
/** Beyond √32 the rational is one in 1/x² (Cody's asymptotic range). */
const ASYMPTOTIC_LIMIT = Math.sqrt(32);

// W. J. Cody, "Rational Chebyshev approximations for the error function" (1969), in R's pnorm.c arrangement.
const A = [2.2352520354606839287, 161.02823106855587881, 1067.6894854603709582, 18154.981253343561249, 0.065682337918207449113];
const B = [47.20258190468824187, 976.09855173777669322, 10260.932208618978205, 45507.789335026729956];
const C = [
  0.39894151208813466764, 8.8831497943883759412, 93.506656132177855979, 597.27027639480026226, 2494.5375852903726711, 6848.1904505362823326,
  11602.651437647350124, 9842.7148383839780218, 1.0765576773720192317e-8,
];
const D = [
  22.266688044328115691, 235.38790178262499861, 1519.377599407554805, 6485.558298266760755, 18615.571640885098091, 34900.952721145977266,
  38912.003286093271411, 19685.429676859990727,
];
const P = [0.21589853405795699, 0.1274011611602473639, 0.022235277870649807, 0.001421619193227893466, 2.9112874951168792e-5, 0.02307344176494017303];
const Q = [1.28426009614491121, 0.468238212480865118, 0.0659881378689285515, 0.00378239633202758244, 7.29751555083966205e-5];

/** Φ(x) − ½ for |x| ≤ CENTRAL_LIMIT. */
function centralPart(x: number): number {
  const xsq = x * x;
  let num = A[4] * xsq;
  let den = xsq;
  for (let i = 0; i < 3; i++) {
    num = (num + A[i]) * xsq;
    den = (den + B[i]) * xsq;
  }
  return (x * (num + A[3])) / (den + B[3]);
}

/** t(y) with Φ(−y) = e^{−y²/2}·t(y), for y > CENTRAL_LIMIT; the Mills ratio is √(2π)·t(y). */
function tailFactor(y: number): number {
  if (y <= ASYMPTOTIC_LIMIT) {
    let num = C[8] * y;
    let den = y;
    for (let i = 0; i < 7; i++) {
      num = (num + C[i]) * y;
      den = (den + D[i]) * y;
    }
    return (num + C[7]) / (den + D[7]);
  }
  const xsq = 1 / (y * y);
  let num = P[5] * xsq;
  let den = xsq;
  for (let i = 0; i < 4; i++) {
    num = (num + P[i]) * xsq;
    den = (den + Q[i]) * xsq;
  }
  return (INV_SQRT_2PI - (xsq * (num + P[4])) / (den + Q[4])) / y;
}

/** e^{−y²/2} without the rounding error of y² (y is split into a 1/16 grid point and a remainder). */
function halfGaussian(y: number): number {
  const grid = Math.trunc(y * 16) / 16;
  const del = (y - grid) * (y + grid);
  return Math.exp(-grid * grid * 0.5) * Math.exp(-del * 0.5);
}

/** Standard normal density φ(x). */
export function normalPdf(x: number): number {
  return Math.exp(-0.5 * x * x) / SQRT_2PI;
}

/** Mills ratio R(y) = (1 − Φ(y)) / φ(y) for y ≥ 0: finite where 1 − Φ(y) itself underflows. */
export function millsRatio(y: number): number {
  if (y <= CENTRAL_LIMIT) return (0.5 - centralPart(y)) / normalPdf(y);
  return SQRT_2PI * tailFactor(y);
}

/** Φ(x), the standard normal CDF, with full relative accuracy in the lower tail (Φ(−37) ≈ 5.7e−300). */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const y = Math.abs(x);
  if (y <= CENTRAL_LIMIT) return 0.5 + centralPart(x);
  if (y === Infinity) return x > 0 ? 1 : 0;
  const lower = halfGaussian(y) * tailFactor(y);
  return x < 0 ? lower : 1 - lower;
}

/** 1 − Φ(x), accurate in the upper tail. */
export function normalSurvival(x: number): number {
  return normalCdf(-x);
}

/** ln Φ(x), finite far below where Φ underflows (needed for p far below DBL_MIN). */
export function logNormalCdf(x: number): number {
  if (x < -CENTRAL_LIMIT) return -0.5 * x * x - LN_SQRT_2PI + Math.log(millsRatio(-x));
  return Math.log(normalCdf(x));
}

// M. J. Wichura, "Algorithm AS 241: the percentage points of the normal distribution" (1988), PPND16.
const CENTRAL_NUM = [3.387132872796366608, 133.14166789178437745, 1971.5909503065514427, 13731.693765509461125, 45921.953931549871457, 67265.770927008700853, 33430.575583588128105, 2509.0809287301226727];
const CENTRAL_DEN = [1, 42.313330701600911252, 687.1870074920579083, 5394.1960214247511077, 21213.794301586595867, 39307.89580009271061, 28729.085735721942674, 5226.495278852545925];
const NEAR_NUM = [1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504, 1.27045825245236838258, 0.24178072517745061177, 0.0227238449892691845833, 7.7454501427834140764e-4];
const NEAR_DEN = [1, 2.05319162663775882187, 1.6763848301838038494, 0.68976733498510000455, 0.14810397642748007459, 0.0151986665636164571966, 5.475938084995344946e-4, 1.05075007164441684324e-9];
const FAR_NUM = [6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 0.29656057182850489123, 0.026532189526576123093, 0.0012426609473880784386, 2.71155556874348757815e-5, 2.01033439929228813265e-7];
const FAR_DEN = [1, 0.59983220655588793769, 0.13692988092273580531, 0.0148753612908506148525, 7.868691311456132591e-4, 1.8463183175100546818e-5, 1.4215117583164458887e-7, 2.04426310338993978564e-15];

/** Horner evaluation of Σ c[i]·x^i. */
function poly(c: readonly number[], x: number): number {
  let s = c[c.length - 1];
  for (let i = c.length - 2; i >= 0; i--) s = s * x + c[i];
  return s;
}

/** Φ⁻¹(p), accurate to ~1e−15 relative, including subnormal p (Φ⁻¹(1e−300) ≈ −37.0471). */
export function normalQuantile(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * poly(CENTRAL_NUM, r)) / poly(CENTRAL_DEN, r);
  }
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let x: number;
  if (r <= 5) {
    r -= 1.6;
    x = poly(NEAR_NUM, r) / poly(NEAR_DEN, r);
  } else {
    r -= 5;
    x = poly(FAR_NUM, r) / poly(FAR_DEN, r);
  }
  return q < 0 ? -x : x;
}
