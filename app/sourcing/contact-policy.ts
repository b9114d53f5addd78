import { type SourcingTier } from "@prisma/client";
import { z } from "zod";

/**
 * Whether outreach (letters, calls, campaigns) may reach a candidate about one
 * application. Pure and client-safe, so the call list can grey out a row with the
 * same rule the sender enforces.
 */
export type ContactBlock = "erased" | "do-not-contact" | "excluded";

export type ContactSubject = {
  tier: SourcingTier | null;
  contactOverrideAt: Date | string | null;
  candidate: { doNotContact: boolean; erasedAt: Date | string | null };
};

/**
 * Why this application may not be contacted, or null when it may. The candidate's own
 * wishes come first: an override only lifts the excluded-company rule, never a
 * do-not-contact request or an erasure.
 */
export function contactBlock(application: ContactSubject): ContactBlock | null {
  if (application.candidate.erasedAt) return "erased";
  if (application.candidate.doNotContact) return "do-not-contact";
  if (application.tier === "EXCLUDED" && !application.contactOverrideAt) return "excluded";
  return null;
}

export function mayContact(application: ContactSubject): boolean {
  return contactBlock(application) === null;
}

/** An override must say why, in a sentence someone can later understand. */
export const MIN_OVERRIDE_REASON = 10;
export const MAX_OVERRIDE_REASON = 500;

const redirectTo = z.string().max(2000).optional();

/** The override form on the candidate profile: allow contact with a reason, or take it back. */
export const ContactOverrideSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("override"),
    reason: z
      .string({ error: "validation.required" })
      .trim()
      .min(1, { message: "validation.required", abort: true })
      .min(MIN_OVERRIDE_REASON, `intake.override.errors.reasonTooShort|min=${MIN_OVERRIDE_REASON}`)
      .max(MAX_OVERRIDE_REASON, `validation.tooLong|max=${MAX_OVERRIDE_REASON}`),
    redirectTo,
  }),
  z.object({
    intent: z.literal("revoke"),
    reason: z
      .string()
      .trim()
      .max(MAX_OVERRIDE_REASON, `validation.tooLong|max=${MAX_OVERRIDE_REASON}`)
      .optional()
      .transform((value) => value || null),
    redirectTo,
  }),
]);
