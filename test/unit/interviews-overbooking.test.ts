import { describe, expect, test } from "vitest";
import { createRng, type Rng } from "~/demo/random";
import {
  betaBinomialCdf,
  betaBinomialDistribution,
  betaBinomialPmf,
  recommendInvites,
  spreadOverSessions,
} from "~/interviews/overbooking";
import { estimateShowRate } from "~/interviews/show-rate";

// Reference values below come from SciPy 1.17 (scipy.stats.betabinom / binom).
const prior = estimateShowRate({ attended: 0, noShow: 0 }); // Beta(4, 6)

describe("Beta-Binomial distribution", () => {
  test("known values: Beta-Binomial(10, 4, 6) and (25, 2.5, 7.5)", () => {
    // P(0) = (6·7·…·15)/(10·11·…·19) = 9·8·7·6 / (19·18·17·16) = 0.0325077…
    expect(betaBinomialPmf(0, 10, 4, 6)).toBeCloseTo(0.03250773993808048, 13);
    expect(betaBinomialPmf(3, 10, 4, 6)).toBeCloseTo(0.1714693974755894, 13);
    expect(betaBinomialPmf(4, 10, 4, 6)).toBeCloseTo(0.17504167658966427, 13);
    expect(betaBinomialPmf(10, 10, 4, 6)).toBeCloseTo(0.0030959752321981426, 13);
    expect(betaBinomialCdf(3, 10, 4, 6)).toBeCloseTo(0.4299833293641342, 13);
    expect(betaBinomialPmf(5, 25, 2.5, 7.5)).toBeCloseTo(0.10246898779638709, 13);
  });

  test("Beta(1, 1) makes every count equally likely", () => {
    for (let k = 0; k <= 7; k++) expect(betaBinomialPmf(k, 7, 1, 1)).toBeCloseTo(1 / 8, 14);
  });

  test("sums to 1 and its mean is nα/(α+β), for small and large n", () => {
    for (const [n, a, b] of [[1, 4, 6], [31, 4, 6], [200, 0.3, 12], [200, 74, 136], [1000, 2, 3]] as const) {
      const pmf = betaBinomialDistribution(n, a, b);
      expect(pmf).toHaveLength(n + 1);
      expect(pmf.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 12);
      expect(pmf.reduce((s, p, k) => s + k * p, 0)).toBeCloseTo((n * a) / (a + b), 9);
      // The recurrence and the direct formula agree (relative error ~1e-13 at n = 1000).
      for (const k of [0, Math.floor(n / 3), n]) expect(pmf[k]! / betaBinomialPmf(k, n, a, b)).toBeCloseTo(1, 11);
    }
  });

  test("tends to Binomial(n, α/(α+β)) when α+β is huge", () => {
    const binomial = (k: number, n: number, p: number) => {
      let c = 1;
      for (let i = 0; i < k; i++) c = (c * (n - i)) / (i + 1);
      return c * p ** k * (1 - p) ** (n - k);
    };
    for (let k = 0; k <= 20; k++) expect(betaBinomialPmf(k, 20, 4e9, 6e9)).toBeCloseTo(binomial(k, 20, 0.4), 9);
    expect(betaBinomialPmf(8, 20, 4e9, 6e9)).toBeCloseTo(0.17970578775468962, 9);
    expect(betaBinomialCdf(8, 20, 4e9, 6e9)).toBeCloseTo(0.5955987253122248, 9);
  });

  test("CDF edges, out-of-range k and bad parameters", () => {
    expect(betaBinomialCdf(-1, 10, 4, 6)).toBe(0);
    expect(betaBinomialCdf(10, 10, 4, 6)).toBe(1);
    expect(betaBinomialCdf(3.7, 10, 4, 6)).toBe(betaBinomialCdf(3, 10, 4, 6));
    expect(betaBinomialPmf(11, 10, 4, 6)).toBe(0);
    expect(betaBinomialPmf(-1, 10, 4, 6)).toBe(0);
    expect(betaBinomialPmf(2.5, 10, 4, 6)).toBe(0);
    expect(betaBinomialPmf(0, 0, 4, 6)).toBe(1);
    expect(() => betaBinomialPmf(1, 10, 0, 6)).toThrow(RangeError);
    expect(() => betaBinomialPmf(1, 10, 4, -1)).toThrow(RangeError);
    expect(() => betaBinomialPmf(1, 10.5, 4, 6)).toThrow(RangeError);
    expect(() => betaBinomialCdf(1, -1, 4, 6)).toThrow(RangeError);
  });
});

describe("recommendInvites", () => {
  test("the method's prior with 8 seats: invite 31", () => {
    // 8 / 0.4 = 20 would fill the seats only about half the time; with p known to be
    // exactly 0.4 a Binomial would need 24. Beta(4, 6) leaves p anywhere from about
    // 0.21 to 0.60 (80%), so the low-show-rate case takes 7 more invitations:
    // P(≥ 8 of 30) = 0.7946 < 0.8 ≤ P(≥ 8 of 31) = 0.8099 (SciPy).
    const plan = recommendInvites({ seats: 8, capacity: 12, estimate: prior });
    expect(plan.invite).toBe(31);
    expect(plan.reached).toBe(true);
    expect(plan.cappedToCapacity).toBe(false);
    expect(plan.seats).toBe(8);
    expect(plan.fillChance).toBeCloseTo(0.8098694669902103, 12);
    expect(1 - betaBinomialCdf(7, 30, 4, 6)).toBeCloseTo(0.7945650384230233, 12);
    expect(plan.overCapacityChance).toBeCloseTo(0.4753577106518283, 12);
    expect(plan.expectedAttendees).toBeCloseTo(12.4, 12);
  });

  test("less uncertainty, fewer extra invitations: the same 0.4 as Binomial-like certainty needs 24", () => {
    const certain = recommendInvites({ seats: 8, capacity: 12, estimate: { alpha: 4e6, beta: 6e6 } });
    expect(certain.invite).toBe(24);
    const history = recommendInvites({ seats: 8, capacity: 12, estimate: estimateShowRate({ attended: 70, noShow: 130 }) });
    expect(history.invite).toBe(28); // Beta(74, 136), SciPy: P(≥ 8 of 28) = 0.8088
    expect(history.fillChance).toBeCloseTo(0.8087964027821575, 10);
    expect(history.overCapacityChance).toBeCloseTo(0.1635316512674816, 10);
  });

  test("monotonic in confidence: 0.5 → 20, 0.8 → 31, 0.9 → 40, 0.95 → 51", () => {
    const invites = [0.5, 0.8, 0.9, 0.95].map((confidence) => recommendInvites({ seats: 8, capacity: 100, estimate: prior, confidence }).invite);
    expect(invites).toEqual([20, 31, 40, 51]);
    let last = 0;
    for (let confidence = 0.05; confidence < 0.99; confidence += 0.05) {
      const plan = recommendInvites({ seats: 8, capacity: 100, estimate: prior, confidence });
      expect(plan.invite).toBeGreaterThanOrEqual(last);
      expect(plan.fillChance).toBeGreaterThanOrEqual(confidence);
      last = plan.invite;
    }
  });

  test("monotonic in seats, and each answer is the smallest that reaches the confidence", () => {
    const invites = Array.from({ length: 12 }, (_, i) => recommendInvites({ seats: i + 1, capacity: 100, estimate: prior }).invite);
    expect(invites).toEqual([4, 8, 12, 16, 20, 23, 27, 31, 35, 38, 42, 46]);
    invites.forEach((n, i) => {
      const seats = i + 1;
      expect(1 - betaBinomialCdf(seats - 1, n, 4, 6)).toBeGreaterThanOrEqual(0.8);
      expect(1 - betaBinomialCdf(seats - 1, n - 1, 4, 6)).toBeLessThan(0.8);
    });
  });

  test("a room smaller than the seats asked for: plan for the room, say so", () => {
    const plan = recommendInvites({ seats: 8, capacity: 5, estimate: prior });
    expect(plan.cappedToCapacity).toBe(true);
    expect(plan.seats).toBe(5);
    expect(plan.invite).toBe(20);
    expect(plan.fillChance).toBeCloseTo(0.8204163652439512, 12);
    // Filling a full room at 80% means more than it holds turn up most of the time.
    expect(plan.overCapacityChance).toBeCloseTo(0.733724047067375, 12);
    expect(recommendInvites({ seats: 5, capacity: 5, estimate: prior })).toEqual({ ...plan, cappedToCapacity: false });
  });

  test("a show rate near zero: maxInvites, not reached", () => {
    const plan = recommendInvites({ seats: 8, capacity: 12, estimate: { alpha: 0.01, beta: 100 } });
    expect(plan.reached).toBe(false);
    expect(plan.invite).toBe(200);
    expect(plan.fillChance).toBeCloseTo(0.00011950117309655894, 10);
    expect(plan.fillChance).toBeLessThan(0.8);
    const capped = recommendInvites({ seats: 8, capacity: 12, estimate: prior, maxInvites: 25 });
    expect(capped).toMatchObject({ invite: 25, reached: false });
    // maxInvites below the seats: still an answer, not a loop or a throw.
    expect(recommendInvites({ seats: 8, capacity: 12, estimate: prior, maxInvites: 3 })).toMatchObject({ invite: 3, reached: false, fillChance: 0 });
  });

  test("an estimate near 1 invites just the seats", () => {
    const plan = recommendInvites({ seats: 8, capacity: 8, estimate: { alpha: 10_000, beta: 1 } });
    expect(plan.invite).toBe(8);
    expect(plan.overCapacityChance).toBe(0);
  });

  test("refuses bad input", () => {
    const ok = { seats: 8, capacity: 12, estimate: prior };
    expect(() => recommendInvites({ ...ok, seats: 0 })).toThrow(RangeError);
    expect(() => recommendInvites({ ...ok, seats: 2.5 })).toThrow(RangeError);
    expect(() => recommendInvites({ ...ok, capacity: 0 })).toThrow(RangeError);
    expect(() => recommendInvites({ ...ok, capacity: 7.5 })).toThrow(RangeError);
    expect(() => recommendInvites({ ...ok, confidence: 0 })).toThrow(RangeError);
    expect(() => recommendInvites({ ...ok, confidence: 1 })).toThrow(RangeError);
    expect(() => recommendInvites({ ...ok, confidence: Number.NaN })).toThrow(RangeError);
    expect(() => recommendInvites({ ...ok, maxInvites: 0 })).toThrow(RangeError);
    expect(() => recommendInvites({ ...ok, estimate: { alpha: 0, beta: 6 } })).toThrow(RangeError);
    expect(() => recommendInvites({ ...ok, estimate: { alpha: 4, beta: Infinity } })).toThrow(RangeError);
  });
});

describe("simulation: the plan fills about `confidence` of sessions", () => {
  const trueRate = 0.35;
  const seats = 8;
  const sessions = 2000;
  const binomialDraw = (rng: Rng, n: number, p: number) => {
    let hits = 0;
    for (let i = 0; i < n; i++) if (rng.next() < p) hits++;
    return hits;
  };

  test("one posterior from 200 invitations at p = 0.35, 2,000 sessions of 8 seats", () => {
    const rng = createRng(20240601);
    const attended = binomialDraw(rng, 200, trueRate);
    const estimate = estimateShowRate({ attended, noShow: 200 - attended });
    const plan = recommendInvites({ seats, capacity: 100, estimate, confidence: 0.8 });
    let filled = 0;
    for (let s = 0; s < sessions; s++) if (binomialDraw(rng, plan.invite, trueRate) >= seats) filled++;
    const fraction = filled / sessions;
    expect(fraction).toBeGreaterThan(0.74);
    expect(fraction).toBeLessThan(0.9);
  });

  test("a fresh history for every session: filled sessions ≈ 0.8 averaged over what the history could have been", () => {
    const rng = createRng(7);
    const plans = new Map<number, number>();
    let filled = 0;
    for (let s = 0; s < sessions; s++) {
      const attended = binomialDraw(rng, 200, trueRate);
      let invite = plans.get(attended);
      if (invite === undefined) {
        invite = recommendInvites({ seats, capacity: 100, estimate: estimateShowRate({ attended, noShow: 200 - attended }) }).invite;
        plans.set(attended, invite);
      }
      if (binomialDraw(rng, invite, trueRate) >= seats) filled++;
    }
    const fraction = filled / sessions;
    expect(fraction).toBeGreaterThan(0.74);
    expect(fraction).toBeLessThan(0.9);
  });

  test("the naive plan (seats / mean rate) fills only about half, so the simulation can tell", () => {
    const rng = createRng(11);
    const invite = Math.ceil(seats / trueRate); // 23
    let filled = 0;
    for (let s = 0; s < sessions; s++) if (binomialDraw(rng, invite, trueRate) >= seats) filled++;
    expect(filled / sessions).toBeLessThan(0.7);
  });
});

describe("spreadOverSessions", () => {
  const candidates = ["a", "b", "c", "d", "e", "f", "g"];

  test("fills sessions in order up to recommended − already invited; the rest is the waitlist", () => {
    const spread = spreadOverSessions(candidates, [
      { id: "mon", alreadyInvited: 1, recommended: 3 },
      { id: "tue", alreadyInvited: 5, recommended: 4 },
      { id: "wed", alreadyInvited: 0, recommended: 3 },
    ]);
    expect([...spread.bySession]).toEqual([
      ["mon", ["a", "b"]],
      ["tue", []],
      ["wed", ["c", "d", "e"]],
    ]);
    expect(spread.waitlist).toEqual(["f", "g"]);
  });

  test("too few candidates: later sessions get fewer or none, no waitlist", () => {
    const spread = spreadOverSessions(["a", "b", "c"], [
      { id: "s1", alreadyInvited: 0, recommended: 2 },
      { id: "s2", alreadyInvited: 0, recommended: 2 },
      { id: "s3", alreadyInvited: 0, recommended: 2 },
    ]);
    expect(Object.fromEntries(spread.bySession)).toEqual({ s1: ["a", "b"], s2: ["c"], s3: [] });
    expect(spread.waitlist).toEqual([]);
  });

  test("no sessions: everyone waits", () => {
    const spread = spreadOverSessions(candidates, []);
    expect(spread.bySession.size).toBe(0);
    expect(spread.waitlist).toEqual(candidates);
  });

  test("refuses repeated ids and bad counts", () => {
    expect(() => spreadOverSessions(["a", "a"], [])).toThrow(RangeError);
    expect(() => spreadOverSessions(["a"], [{ id: "s", alreadyInvited: 0, recommended: 1 }, { id: "s", alreadyInvited: 0, recommended: 1 }])).toThrow(RangeError);
    expect(() => spreadOverSessions(["a"], [{ id: "s", alreadyInvited: -1, recommended: 1 }])).toThrow(RangeError);
    expect(() => spreadOverSessions(["a"], [{ id: "s", alreadyInvited: 0, recommended: 1.5 }])).toThrow(RangeError);
  });
});
