import { describe, expect, test } from "vitest";
import { betaQuantile, logChoose, logGamma, logRising, regularizedIncompleteBeta } from "~/interviews/beta";
import { breakdown, CREDIBLE_LEVEL, DEFAULT_PRIOR, estimateShowRate } from "~/interviews/show-rate";

// Reference values below come from SciPy 1.17 (scipy.special.gammaln / betainc,
// scipy.stats.beta.ppf), quoted to the digits the assertions use.

describe("special functions", () => {
  test("log-gamma matches known values, including x < 0.5 (reflection) and large x", () => {
    expect(logGamma(1)).toBeCloseTo(0, 14);
    expect(logGamma(2)).toBeCloseTo(0, 14);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
    expect(logGamma(0.1)).toBeCloseTo(2.252712651734206, 12);
    expect(logGamma(10.5)).toBeCloseTo(13.940625219403763, 12);
    expect(logGamma(1000.5)).toBeCloseTo(5908.674175848678, 9);
    // Γ(n) = (n−1)!
    expect(Math.exp(logGamma(11))).toBeCloseTo(3_628_800, 5);
    expect(() => logGamma(0)).toThrow(RangeError);
    expect(() => logGamma(-1)).toThrow(RangeError);
  });

  test("rising factorials and binomial coefficients", () => {
    expect(Math.exp(logRising(3, 4))).toBeCloseTo(3 * 4 * 5 * 6, 9);
    expect(logRising(7.5, 0)).toBe(0);
    // Above the summing threshold it switches to log-gamma; both agree.
    expect(logRising(2.5, 5000)).toBeCloseTo(logGamma(5002.5) - logGamma(2.5), 6);
    expect(Math.exp(logChoose(10, 3))).toBeCloseTo(120, 9);
    expect(Math.exp(logChoose(52, 5))).toBeCloseTo(2_598_960, 3);
    expect(logChoose(7, 0)).toBe(0);
    expect(logChoose(7, 7)).toBe(0);
  });

  test("regularized incomplete beta: closed forms and a SciPy value", () => {
    expect(regularizedIncompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 14);
    expect(regularizedIncompleteBeta(0.3, 3, 1)).toBeCloseTo(0.3 ** 3, 14);
    expect(regularizedIncompleteBeta(0.3, 1, 4)).toBeCloseTo(1 - 0.7 ** 4, 14);
    expect(regularizedIncompleteBeta(0.5, 7.3, 7.3)).toBeCloseTo(0.5, 13);
    expect(regularizedIncompleteBeta(0.3, 2.5, 3.7)).toBeCloseTo(0.31900317528430866, 12);
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
  });

  test("incomplete beta agrees with a binomial tail: P(Bin(n, x) ≥ a) = I_x(a, n − a + 1)", () => {
    const n = 30;
    const x = 0.37;
    for (const a of [1, 5, 11, 20, 30]) {
      let tail = 0;
      for (let k = a; k <= n; k++) tail += Math.exp(logChoose(n, k) + k * Math.log(x) + (n - k) * Math.log(1 - x));
      expect(regularizedIncompleteBeta(x, a, n - a + 1)).toBeCloseTo(tail, 12);
    }
  });

  test("Beta quantiles: closed form for Beta(a, 1), SciPy for Beta(4, 6), and they invert the CDF", () => {
    expect(betaQuantile(0.3, 2.5, 1)).toBeCloseTo(0.3 ** (1 / 2.5), 10);
    expect(betaQuantile(0.1, 4, 6)).toBeCloseTo(0.21039624, 7);
    expect(betaQuantile(0.9, 4, 6)).toBeCloseTo(0.59942049, 7);
    for (const p of [0.01, 0.25, 0.5, 0.75, 0.99]) {
      expect(regularizedIncompleteBeta(betaQuantile(p, 14, 120), 14, 120)).toBeCloseTo(p, 9);
    }
    expect(betaQuantile(0, 2, 3)).toBe(0);
    expect(betaQuantile(1, 2, 3)).toBe(1);
    expect(() => betaQuantile(1.2, 2, 3)).toThrow(RangeError);
  });
});

describe("estimateShowRate", () => {
  test("the default prior is the method's 1:2…1:3 rule: Beta(4, 6), mean 0.4", () => {
    expect(DEFAULT_PRIOR).toEqual({ mean: 0.4, strength: 10 });
    expect(CREDIBLE_LEVEL).toBe(0.8);
    const prior = estimateShowRate({ attended: 0, noShow: 0 });
    expect(prior.alpha).toBeCloseTo(4, 12);
    expect(prior.beta).toBeCloseTo(6, 12);
    expect(prior.mean).toBeCloseTo(0.4, 12);
    expect(prior.observations).toBe(0);
    // 80% central interval of Beta(4, 6), SciPy: 0.2104 … 0.5994, so 1:2 and 1:3 both inside.
    expect(prior.low).toBeCloseTo(0.21039624, 7);
    expect(prior.high).toBeCloseTo(0.59942049, 7);
    expect(prior.low).toBeLessThan(1 / 3);
    expect(prior.high).toBeGreaterThan(1 / 2);
  });

  test("a custom prior is used as given", () => {
    const estimate = estimateShowRate({ attended: 0, noShow: 0 }, { mean: 0.5, strength: 2 });
    expect(estimate.alpha).toBe(1);
    expect(estimate.beta).toBe(1);
    expect(estimate.low).toBeCloseTo(0.1, 10);
    expect(estimate.high).toBeCloseTo(0.9, 10);
  });

  test("everyone came: the mean moves up but stays below 1", () => {
    const estimate = estimateShowRate({ attended: 10, noShow: 0 });
    expect(estimate.alpha).toBeCloseTo(14, 12);
    expect(estimate.beta).toBeCloseTo(6, 12);
    expect(estimate.mean).toBeCloseTo(0.7, 12);
    expect(estimate.low).toBeCloseTo(0.56595202, 7);
    expect(estimate.high).toBeCloseTo(0.82486926, 7);
    const many = estimateShowRate({ attended: 10_000, noShow: 0 });
    expect(many.mean).toBeGreaterThan(0.999);
    expect(many.mean).toBeLessThan(1);
    expect(many.high).toBeLessThan(1);
  });

  test("nobody came: the mean moves down but stays above 0", () => {
    const estimate = estimateShowRate({ attended: 0, noShow: 10 });
    expect(estimate.mean).toBeCloseTo(0.2, 12);
    expect(estimate.low).toBeCloseTo(0.09514178, 7);
    expect(estimate.high).toBeCloseTo(0.31859088, 7);
    const many = estimateShowRate({ attended: 0, noShow: 10_000 });
    expect(many.mean).toBeLessThan(0.001);
    expect(many.mean).toBeGreaterThan(0);
    expect(many.low).toBeGreaterThan(0);
  });

  test("the interval narrows as data at the same rate accumulates, and centres on it", () => {
    const widths = [0, 20, 100, 1000, 10_000].map((n) => {
      const estimate = estimateShowRate({ attended: (7 * n) / 20, noShow: (13 * n) / 20 });
      expect(estimate.observations).toBe(n);
      expect(estimate.low).toBeLessThan(estimate.mean);
      expect(estimate.high).toBeGreaterThan(estimate.mean);
      return estimate.high - estimate.low;
    });
    for (let i = 1; i < widths.length; i++) expect(widths[i]!).toBeLessThan(widths[i - 1]!);
    const large = estimateShowRate({ attended: 3500, noShow: 6500 });
    expect(large.mean).toBeCloseTo(0.35, 3);
    // Normal approximation: ±1.2816 × √(p(1−p)/n) ≈ ±0.0061.
    expect(large.high - large.low).toBeCloseTo(2 * 1.2816 * Math.sqrt((0.35 * 0.65) / 10_010), 4);
  });

  test("refuses negative or fractional counts and a degenerate prior", () => {
    expect(() => estimateShowRate({ attended: -1, noShow: 0 })).toThrow(RangeError);
    expect(() => estimateShowRate({ attended: 0, noShow: -3 })).toThrow(RangeError);
    expect(() => estimateShowRate({ attended: 1.5, noShow: 0 })).toThrow(RangeError);
    expect(() => estimateShowRate({ attended: Number.NaN, noShow: 0 })).toThrow(RangeError);
    expect(() => estimateShowRate({ attended: 1, noShow: Infinity })).toThrow(RangeError);
    expect(() => estimateShowRate({ attended: 1, noShow: 1 }, { mean: 0, strength: 10 })).toThrow(RangeError);
    expect(() => estimateShowRate({ attended: 1, noShow: 1 }, { mean: 1, strength: 10 })).toThrow(RangeError);
    expect(() => estimateShowRate({ attended: 1, noShow: 1 }, { mean: 0.4, strength: 0 })).toThrow(RangeError);
  });
});

describe("breakdown", () => {
  const rows = [
    ...Array.from({ length: 6 }, (_, i) => ({ attended: i < 4, source: "hh", confirmed: true })),
    ...Array.from({ length: 10 }, (_, i) => ({ attended: i < 2, source: "superjob", confirmed: false })),
    { attended: true, source: "referral", confirmed: true },
  ];

  test("one estimate per group, in order of first appearance, with its counts", () => {
    const bySource = breakdown(rows, "source");
    expect(bySource.map((g) => [g.group, g.attended, g.noShow, g.estimate.observations])).toEqual([
      ["hh", 4, 2, 6],
      ["superjob", 2, 8, 10],
      ["referral", 1, 0, 1],
    ]);
    expect(bySource[0]!.estimate).toEqual(estimateShowRate({ attended: 4, noShow: 2 }));
    // hh: (4 + 4) / (10 + 6) = 0.5; superjob: (4 + 2) / 20 = 0.3; referral stays near the prior.
    expect(bySource.map((g) => g.estimate.mean)).toEqual([expect.closeTo(0.5, 12), expect.closeTo(0.3, 12), expect.closeTo(5 / 11, 12)]);
  });

  test("boolean keys (confirmed or not) and a custom prior", () => {
    const byConfirmed = breakdown(rows, "confirmed", { mean: 0.5, strength: 2 });
    expect(byConfirmed.map((g) => [g.group, g.attended, g.noShow])).toEqual([
      [true, 5, 2],
      [false, 2, 8],
    ]);
    expect(byConfirmed[0]!.estimate.alpha).toBe(6);
    expect(byConfirmed[0]!.estimate.beta).toBe(3);
  });

  test("no rows, no groups", () => {
    expect(breakdown([] as Array<{ attended: boolean; tier: string }>, "tier")).toEqual([]);
  });
});
