import { describe, expect, test } from "vitest";
import { MAX_PER_EMAIL, MAX_PER_IP, WINDOW_MS, signInLockout } from "~/auth/lockout";

const now = new Date("2026-11-22T12:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);
const times = (n: number, spacingMs = 1000) => Array.from({ length: n }, (_, i) => ago(i * spacingMs));

describe("signInLockout", () => {
  test("allows attempts below the limits", () => {
    expect(signInLockout({ emailFailures: times(MAX_PER_EMAIL - 1), ipFailures: times(MAX_PER_IP - 1), now })).toEqual({
      blocked: false,
    });
  });

  test("blocks an email at the limit until its oldest counted failure leaves the window", () => {
    const failures = times(MAX_PER_EMAIL, 60_000); // newest now, oldest 4 min ago
    const result = signInLockout({ emailFailures: failures, ipFailures: [], now });
    expect(result).toEqual({ blocked: true, retryAfterSeconds: (WINDOW_MS - 4 * 60_000) / 1000 });
  });

  test("ignores failures older than the window", () => {
    const old = times(MAX_PER_EMAIL * 3).map((d) => new Date(d.getTime() - WINDOW_MS));
    expect(signInLockout({ emailFailures: old, ipFailures: old, now }).blocked).toBe(false);
  });

  test("blocks an address that tries many emails", () => {
    const result = signInLockout({ emailFailures: [], ipFailures: times(MAX_PER_IP), now });
    expect(result.blocked).toBe(true);
  });

  test("counts only the most recent failures when there are more than the limit", () => {
    const failures = [...times(MAX_PER_EMAIL, 1000), ago(WINDOW_MS - 1000)];
    const result = signInLockout({ emailFailures: failures, ipFailures: [], now });
    expect(result).toEqual({ blocked: true, retryAfterSeconds: WINDOW_MS / 1000 - 4 });
  });
});
