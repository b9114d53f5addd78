import { z } from "zod";
import { STAGES } from "~/pipeline/stages";
import { contactBlock, type ContactSubject } from "~/sourcing/contact-policy";
import { SOURCES } from "~/sourcing/record";
import { TIERS } from "~/sourcing/tiers";

/**
 * Who a campaign is for, and why a person of the vacancy is left out. Pure and
 * client-safe: the campaign page explains the same rule launch applies
 * (campaigns.server.ts), and the dispatcher re-checks the contact part per message.
 *
 * An audience is either a filter over the vacancy's applications (stages, tiers,
 * sources, tags: any of the chosen values; an empty list of tiers, sources or tags
 * does not narrow) or the campaign's own hand-built list (CampaignMember rows, filled
 * by the candidate list's "add to campaign list" bulk action).
 */

export const MAX_AUDIENCE_TAGS = 20;

const choice = "validation.invalidChoice";

export const AudienceSchema = z.discriminatedUnion("mode", [
  z.object({
    mode: z.literal("filter"),
    stages: z.array(z.enum(STAGES, { error: choice })).min(1, "campaigns.errors.stageRequired"),
    tiers: z.array(z.enum(TIERS, { error: choice })).default([]),
    sources: z.array(z.enum(SOURCES, { error: choice })).default([]),
    tags: z
      .array(z.string().trim().min(1).max(60, "validation.tooLong|max=60"))
      .max(MAX_AUDIENCE_TAGS, `campaigns.errors.tooManyTags|max=${MAX_AUDIENCE_TAGS}`)
      .default([]),
  }),
  z.object({ mode: z.literal("list") }),
]);

export type Audience = z.output<typeof AudienceSchema>;
export type FilterAudience = Extract<Audience, { mode: "filter" }>;

/** A new campaign's audience: everyone sourced for the vacancy and not yet contacted. */
export const DEFAULT_AUDIENCE: Audience = { mode: "filter", stages: ["SOURCED"], tiers: [], sources: [], tags: [] };

/**
 * A stored audience (Campaign.audience). A campaign list made by the bulk action
 * before anyone set its audience has `{}`: it is that list.
 */
export function readAudience(stored: unknown): Audience {
  const parsed = AudienceSchema.safeParse(stored);
  return parsed.success ? parsed.data : { mode: "list" };
}

/** Why a person is left out, in the order the rule asks (the first that applies is the reason). */
export const EXCLUSION_REASONS = ["erased", "do-not-contact", "excluded", "no-email", "already-received"] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

/** One application of the audience with the facts the rule needs. */
export type AudienceCandidate = ContactSubject & {
  candidate: ContactSubject["candidate"] & { email: string | null; mergedIntoId: string | null };
  /** Has a message of this campaign already (any status). */
  alreadyReceived: boolean;
};

// The sender checks an address fully (mail.server.ts); this keeps out what is plainly
// not one, so a typo in a profile shows as "no e-mail" before launch, not as a failure.
const LOOKS_LIKE_ADDRESS = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/u;

export function hasUsableEmail(email: string | null | undefined): boolean {
  return typeof email === "string" && LOOKS_LIKE_ADDRESS.test(email.trim());
}

/**
 * Why this application is left out of the campaign, or null when it is in. A merged
 * candidate's row is not a person any more (the survivor is): it returns "merged" and
 * callers drop it from every list (splitAudience does).
 */
export function exclusionReason(row: AudienceCandidate): ExclusionReason | "merged" | null {
  if (row.candidate.mergedIntoId) return "merged";
  const blocked = contactBlock(row);
  if (blocked) return blocked;
  if (!hasUsableEmail(row.candidate.email)) return "no-email";
  if (row.alreadyReceived) return "already-received";
  return null;
}

export type ExclusionCounts = Partial<Record<ExclusionReason, number>>;

/** The audience split into who gets the message and who is left out and why; merged rows appear in neither. */
export function splitAudience<T extends AudienceCandidate>(rows: readonly T[]) {
  const recipients: T[] = [];
  const leftOut: Array<{ row: T; reason: ExclusionReason }> = [];
  for (const row of rows) {
    const reason = exclusionReason(row);
    if (reason === "merged") continue;
    if (reason) leftOut.push({ row, reason });
    else recipients.push(row);
  }
  return { recipients, leftOut, counts: countReasons(leftOut.map((l) => l.reason)) };
}

/** Left-out people counted by reason, reasons in the rule's order. */
export function countReasons(reasons: readonly ExclusionReason[]): ExclusionCounts {
  const counts: ExclusionCounts = {};
  for (const reason of EXCLUSION_REASONS) {
    const n = reasons.filter((r) => r === reason).length;
    if (n) counts[reason] = n;
  }
  return counts;
}

/** Stored exclusion counts (Campaign.exclusions), reading only known reasons. */
export function readExclusionCounts(stored: unknown): ExclusionCounts {
  const counts: ExclusionCounts = {};
  if (!stored || typeof stored !== "object") return counts;
  for (const reason of EXCLUSION_REASONS) {
    const n = (stored as Record<string, unknown>)[reason];
    if (typeof n === "number" && Number.isInteger(n) && n > 0) counts[reason] = n;
  }
  return counts;
}
