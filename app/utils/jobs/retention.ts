/**
 * How long security records are kept. Sessions go when they expire; sign-in attempts
 * are needed for 15 minutes by the lockout rule and are kept 30 days for review.
 */
export const SIGN_IN_ATTEMPT_RETENTION_DAYS = 30;

export function retentionCutoffs(now: Date) {
  return {
    sessionsExpiredBefore: now,
    signInAttemptsBefore: new Date(now.getTime() - SIGN_IN_ATTEMPT_RETENTION_DAYS * 24 * 3600 * 1000),
  };
}
