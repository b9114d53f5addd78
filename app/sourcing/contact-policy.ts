import { type SourcingTier, type Stage } from "@prisma/client";
import { z } from "zod";
import { FUNNEL, type MoveKind } from "~/pipeline/stages";
import { sameCompany } from "./company-match";

/**
 * Whether outreach (letters, calls, campaigns) may reach a candidate about one
 * application. Pure and client-safe, so the call list can grey out a row with the
 * same rule the sender enforces. On the server, contact-policy.server.ts is the one
 * function every sender calls (it loads the facts under a lock and asks this rule).
 */
export type ContactBlock = "erased" | "do-not-contact" | "excluded";

export type ContactSubject = {
  tier: SourcingTier | null;
  contactOverrideAt: Date | string | null;
  /** The application's tierReason now, and the one the override was given for. */
  tierReason?: unknown;
  contactOverrideMatch?: unknown;
  candidate: { doNotContact: boolean; erasedAt: Date | string | null };
};

const companyOf = (match: unknown): string | null => {
  if (!match || typeof match !== "object") return null;
  const name = (match as { companyName?: unknown }).companyName;
  return typeof name === "string" && name.trim() ? name : null;
};

/**
 * Whether an override given for `overridden` still covers the application struck out
 * for `current`: a person allowed contact despite one excluded company, not despite
 * any. An override from before matches were recorded (null) covers what it covers.
 */
export function overrideCovers(overridden: unknown, current: unknown): boolean {
  const was = companyOf(overridden);
  const now = companyOf(current);
  if (!was || !now) return true;
  return sameCompany(was, now);
}

/**
 * Why this application may not be contacted, or null when it may. The candidate's own
 * wishes come first: an override only lifts the excluded-company rule, never a
 * do-not-contact request or an erasure, and only for the company it was given for.
 */
export function contactBlock(application: ContactSubject): ContactBlock | null {
  if (application.candidate.erasedAt) return "erased";
  if (application.candidate.doNotContact) return "do-not-contact";
  if (application.tier !== "EXCLUDED") return null;
  if (!application.contactOverrideAt) return "excluded";
  return overrideCovers(application.contactOverrideMatch, application.tierReason) ? null : "excluded";
}

export function mayContact(application: ContactSubject): boolean {
  return contactBlock(application) === null;
}

/**
 * The stages whose entry means someone writes to or calls the candidate: the first
 * contact, the questionnaire, the invitation, the probation offer, the hire. Every
 * funnel stage after SOURCED.
 */
export const CONTACT_STAGES: readonly Stage[] = FUNNEL.filter((stage) => stage !== "SOURCED");

/**
 * Whether a stage move reaches the candidate: forward into a contact stage, or a
 * reopened application going back to one. A step back (a wrong click undone) and an
 * exit contact nobody.
 */
export function moveReachesOut(kind: MoveKind, to: Stage): boolean {
  return (kind === "forward" || kind === "reopen") && CONTACT_STAGES.includes(to);
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
