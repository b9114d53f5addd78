/**
 * How long records are kept. Sessions go when they expire; sign-in attempts are
 * needed for 15 minutes by the lockout rule and are kept 30 days for review. An
 * import nobody committed (a preview left open, a failed run) holds people's data
 * and uploaded files that were never imported: after a week it is discarded, its
 * counts kept.
 */
export const SIGN_IN_ATTEMPT_RETENTION_DAYS = 30;
export const IMPORT_PREVIEW_RETENTION_DAYS = 7;

/** Import statuses that are left to wait: a preview not committed, a run that failed. QUEUED and RUNNING are the job's. */
export const STALE_IMPORT_STATUSES = ["PREVIEW", "FAILED"] as const;

const DAY_MS = 24 * 3600 * 1000;

export function retentionCutoffs(now: Date) {
  return {
    sessionsExpiredBefore: now,
    signInAttemptsBefore: new Date(now.getTime() - SIGN_IN_ATTEMPT_RETENTION_DAYS * DAY_MS),
    importPreviewsCreatedBefore: new Date(now.getTime() - IMPORT_PREVIEW_RETENTION_DAYS * DAY_MS),
  };
}
