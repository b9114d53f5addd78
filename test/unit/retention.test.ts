import { expect, test } from "vitest";
import { retentionCutoffs, SIGN_IN_ATTEMPT_RETENTION_DAYS } from "~/utils/jobs/retention";

test("sessions go when expired; sign-in attempts after 30 days", () => {
  const now = new Date("2026-11-22T12:00:00Z");
  expect(SIGN_IN_ATTEMPT_RETENTION_DAYS).toBe(30);
  expect(retentionCutoffs(now)).toEqual({
    sessionsExpiredBefore: now,
    signInAttemptsBefore: new Date("2026-10-23T12:00:00Z"),
  });
});
