/**
 * The special functions behind the show-rate estimate and the overbooking
 * recommendation: log-gamma, the regularized incomplete beta function and Beta
 * quantiles. Pure, no dependencies, safe to import on the client.
 *
 * Everything is computed in log space where products of many factors appear, so
 * nothing overflows or underflows for the sizes this app meets (hundreds of
 * invitations, thousands of observations).
 */

// Lanczos approximation, g = 7, 9 coefficients (Numerical Recipes 3rd ed., §6.1;
// the same set as Boost and most JavaScript ports): relative error below 1e-15.
const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** ln Γ(x) for x > 0 (Lanczos). Throws RangeError otherwise. */
export function logGamma(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) throw new RangeError(`logGamma needs a finite x > 0, got ${x}`);
  if (x < 0.5) {
    // Reflection: Γ(x)Γ(1−x) = π / sin(πx); keeps the series in its accurate range.
    return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  }
  const z = x - 1;
  let sum = LANCZOS[0]!;
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i]! / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b). */
export function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/**
 * ln of the rising factorial x (x+1) … (x+m−1) = Γ(x+m)/Γ(x), m a non-negative
 * integer. Summed term by term for m up to a few thousand (exact to rounding, even
 * when x is huge and the log-gamma difference would cancel), log-gamma beyond.
 */
export function logRising(x: number, m: number): number {
  if (m <= 4096) {
    let sum = 0;
    for (let i = 0; i < m; i++) sum += Math.log(x + i);
    return sum;
  }
  return logGamma(x + m) - logGamma(x);
}

/** ln C(n, k) for integers 0 ≤ k ≤ n. */
export function logChoose(n: number, k: number): number {
  const j = Math.min(k, n - k);
  // C(n, j) = (n−j+1)…n / j!
  return logRising(n - j + 1, j) - logRising(1, j);
}

/**
 * The regularized incomplete beta function I_x(a, b) = P(X ≤ x) for X ~ Beta(a, b).
 * Modified Lentz evaluation of the standard continued fraction (Numerical Recipes
 * §6.4 "betacf"), using the symmetry I_x(a,b) = 1 − I_{1−x}(b,a) on the side where
 * the fraction converges fast (x above (a+1)/(a+b+2)).
 */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  if (!(a > 0) || !(b > 0)) throw new RangeError(`Beta parameters must be > 0, got a=${a}, b=${b}`);
  if (Number.isNaN(x)) throw new RangeError("x is NaN");
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const logFront = a * Math.log(x) + b * Math.log1p(-x) - logBeta(a, b);
  if (x < (a + 1) / (a + b + 2)) return Math.exp(logFront) * continuedFraction(x, a, b) / a;
  return 1 - (Math.exp(logFront) * continuedFraction(1 - x, b, a)) / b;
}

function continuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  const epsilon = 1e-15;
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  // Converges in O(√max(a, b)) steps; the cap is generous for a, b in the millions.
  for (let m = 1; m <= 100_000; m++) {
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
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < epsilon) return h;
  }
  throw new Error(`incomplete beta did not converge for x=${x}, a=${a}, b=${b}`);
}

/**
 * The p-quantile of Beta(a, b): the x with I_x(a, b) = p. Bisection on [0, 1]
 * (I_x is increasing in x, so it always converges), stopped when the bracket is
 * narrower than 1e-12 — far finer than any show rate needs.
 */
export function betaQuantile(p: number, a: number, b: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`a quantile needs 0 ≤ p ≤ 1, got ${p}`);
  if (!(a > 0) || !(b > 0)) throw new RangeError(`Beta parameters must be > 0, got a=${a}, b=${b}`);
  if (p === 0) return 0;
  if (p === 1) return 1;
  let lo = 0;
  let hi = 1;
  while (hi - lo > 1e-12) {
    const mid = (lo + hi) / 2;
    if (regularizedIncompleteBeta(mid, a, b) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
