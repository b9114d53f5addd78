import { parseTierReason, type StoredTierReason } from "./tiers";

/** What lists and the profile may show of a candidate and of a tier reason. Pure, so pages and tests share it. */

export const PAGE_SIZE = 50;

/**
 * A stored tier reason as a page shows it (TierReasonText): only its known fields, at
 * most MAX_ALSO other matches. Of an erased person's, only the list and how it matched,
 * even if the stored one was not stripped.
 */
export function shownTierReason(value: unknown, erasedAt: Date | null): StoredTierReason | null {
  const reason = parseTierReason(value);
  return reason && erasedAt ? { list: reason.list, match: reason.match } : reason;
}

/** Only what a list may show: erased candidates keep an id and flags, nothing personal. */
export function publicSummary<
  T extends {
    erasedAt: Date | null;
    firstName: string;
    lastName: string;
    middleName: string | null;
    city: string | null;
    currentTitle: string | null;
  },
>(c: T) {
  const { firstName, lastName, middleName, city, currentTitle, ...rest } = c;
  return c.erasedAt
    ? { ...rest, name: null, city: null, currentTitle: null }
    : { ...rest, name: { firstName, lastName, middleName }, city, currentTitle };
}

