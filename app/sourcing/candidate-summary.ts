import { type Prisma } from "@prisma/client";

/** What lists may show of a candidate and of a tier reason. Pure, so lists and tests share it. */

export const PAGE_SIZE = 50;

const TIER_REASON_KEYS = ["list", "match", "companyName", "jobTitle", "startedOn", "endedOn", "niche"] as const;

/** The parts of a stored tier reason a list shows; anything else in the JSON stays on the server. */
export function readTierReason(value: Prisma.JsonValue | null) {
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  const picked: Partial<Record<(typeof TIER_REASON_KEYS)[number], string | null>> = {};
  for (const key of TIER_REASON_KEYS) {
    const v = value[key];
    if (typeof v === "string" || v === null) picked[key] = v;
  }
  return picked;
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

