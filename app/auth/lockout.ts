/**
 * Failed sign-in rate limiting, as a plain rule: at most MAX_PER_EMAIL failures for
 * one email and MAX_PER_IP failures from one address within WINDOW_MS. The attempts
 * themselves are kept in the SignInAttempt table, so every web process sees them.
 */
export const WINDOW_MS = 15 * 60 * 1000;
export const MAX_PER_EMAIL = 5;
export const MAX_PER_IP = 20;

export type Lockout = { blocked: false } | { blocked: true; retryAfterSeconds: number };

export function signInLockout(input: {
  /** Times of failed attempts for this email within the window, any order. */
  emailFailures: Date[];
  ipFailures: Date[];
  now: Date;
}): Lockout {
  const retryAfter = (failures: Date[], max: number) => {
    const recent = failures
      .map((d) => d.getTime())
      .filter((t) => input.now.getTime() - t < WINDOW_MS)
      .sort((a, b) => b - a);
    if (recent.length < max) return 0;
    // Blocked until the max-th most recent failure leaves the window.
    const freeAt = recent[max - 1]! + WINDOW_MS;
    return Math.ceil((freeAt - input.now.getTime()) / 1000);
  };
  const seconds = Math.max(
    retryAfter(input.emailFailures, MAX_PER_EMAIL),
    retryAfter(input.ipFailures, MAX_PER_IP),
  );
  return seconds > 0 ? { blocked: true, retryAfterSeconds: seconds } : { blocked: false };
}
