import { expect, test } from "vitest";
import { IMPORT_PREVIEW_RETENTION_DAYS, retentionCutoffs, SIGN_IN_ATTEMPT_RETENTION_DAYS, STALE_IMPORT_STATUSES } from "~/utils/jobs/retention";

test("sessions go when expired; sign-in attempts after 30 days; uncommitted imports after 7", () => {
  const now = new Date("2026-11-22T12:00:00Z");
  expect(SIGN_IN_ATTEMPT_RETENTION_DAYS).toBe(30);
  expect(IMPORT_PREVIEW_RETENTION_DAYS).toBe(7);
  expect(retentionCutoffs(now)).toEqual({
    sessionsExpiredBefore: now,
    signInAttemptsBefore: new Date("2026-10-23T12:00:00Z"),
    importPreviewsCreatedBefore: new Date("2026-11-15T12:00:00Z"),
  });
});

test("only batches left waiting are discarded, never one a job is committing or one already done", () => {
  expect([...STALE_IMPORT_STATUSES].sort()).toEqual(["FAILED", "PREVIEW"]);
});
