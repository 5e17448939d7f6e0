import { lnRegularizedGammaQ } from './incompleteGamma.js';

/**
 * Inverse of the standard normal CDF (Wichura 1988, algorithm AS 241, PPND16; relative accuracy
 * about 1e-16). One uniform in, one normal out: no hidden state, so a stream's variates do not
 * depend on which distributions share it.
 */
export function normalQuantile(p: number): number {
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q *
        (((((((r * 2509.0809287301226727 + 33430.575583588128105) * r + 67265.770927008700853) * r +
          45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r +
          133.14166789178437745) * r + 3.387132872796366608)) /
      (((((((r * 5226.495278852545925 + 28729.085735721942674) * r + 39307.89580009271061) * r +
        21213.794301586595867) * r + 5394.1960214247511077) * r + 687.1870074920579083) * r +
        42.313330701600911252) * r + 1)
    );
  }
  let r = q < 0 ? p : 1 - p;
  r = Math.sqrt(-Math.log(r));
  let x: number;
  if (r <= 5) {
    r -= 1.6;
    x =
      (((((((r * 7.7454501427834140764e-4 + 0.0227238449892691845833) * r + 0.24178072517745061177) * r +
        1.27045825245236838258) * r + 3.64784832476320460504) * r + 5.7694972214606914055) * r +
        4.6303378461565452959) * r + 1.42343711074968357734) /
      (((((((r * 1.05075007164441684324e-9 + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r +
        0.14810397642748007459) * r + 0.68976733498510000455) * r + 1.6763848301838038494) * r +
        2.05319162663775882187) * r + 1);
  } else {
    r -= 5;
    x =
      (((((((r * 2.01033439929228813265e-7 + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r +
        0.026532189526576123093) * r + 0.29656057182850489123) * r + 1.7848265399172913358) * r +
        5.4637849111641143699) * r + 6.6579046435011037772) /
      (((((((r * 2.04426310338993978564e-15 + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r +
        7.868691311456132591e-4) * r + 0.0148753612908506148525) * r + 0.13692988092273580531) * r +
        0.59983220655588793769) * r + 1);
  }
  return q < 0 ? -x : x;
}

const LN_HALF = Math.log(0.5);
const LN_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
/** Below e^-700 a probability is no longer a normal double: the quantile is found in log space. */
const LN_SMALLEST = -700;

/**
 * ln P(Z > z) for a standard normal Z, accurate in the far right tail (ln P(Z > 40) = -804.6, far
 * below the smallest double): P(Z > z) = Q(1/2, z²/2) / 2 for z > 0, with ln Q in log space.
 */
export function lnNormalSurvival(z: number): number {
  if (z === Infinity) return -Infinity;
  if (z === -Infinity) return 0;
  const lnQ = lnRegularizedGammaQ(0.5, (z * z) / 2) + LN_HALF; // ln P(Z > |z|)
  return z > 0 ? lnQ : Math.log1p(-Math.exp(lnQ));
}

/**
 * The z with ln P(Z > z) = `lnSurvival` (<= 0): the normal quantile of 1 - e^lnSurvival, computed
 * on whichever side is small, so neither a probability close to 1 nor one below the smallest
 * double loses its digits. Past e^-700 a few Newton steps on {@link lnNormalSurvival} from the
 * asymptote z² = -2 ln S - ln(-4π ln S) (Mills' ratio) take over.
 */
export function normalUpperQuantileLn(lnSurvival: number): number {
  if (lnSurvival >= 0) return -Infinity;
  if (lnSurvival > LN_HALF) return normalQuantile(-Math.expm1(lnSurvival));
  if (lnSurvival > LN_SMALLEST) return -normalQuantile(Math.exp(lnSurvival));
  if (lnSurvival === -Infinity) return Infinity;
  let z = Math.sqrt(-2 * lnSurvival - Math.log(-4 * Math.PI * lnSurvival));
  for (let iteration = 0; iteration < 50; iteration++) {
    const lnS = lnNormalSurvival(z);
    // d/dz ln P(Z > z) = -φ(z) / P(Z > z).
    const step = (lnS - lnSurvival) / Math.exp(-0.5 * z * z - LN_SQRT_2PI - lnS);
    z += step;
    if (Math.abs(step) <= 1e-15 * z) break;
  }
  return z;
}
