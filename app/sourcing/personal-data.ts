import { z } from "zod";
import { type AuditAction } from "~/utils/audit-actions";

/** The forms on a candidate's profile that change what we may do with their data. */
const reason = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, "validation.required")
  .max(500, "validation.tooLong|max=500");

export const PersonalDataSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("do-not-contact"), reason }),
  z.object({ intent: z.literal("allow-contact"), reason }),
  z.object({ intent: z.literal("withdraw-consent"), reason }),
  z.object({
    intent: z.literal("erase"),
    reason,
    confirm: z.boolean({ error: "personalData.confirmRequired" }).refine((v) => v, "personalData.confirmRequired"),
  }),
]);

export type PersonalDataChange = z.infer<typeof PersonalDataSchema>;

/**
 * What the profile's personal-data panel lists: consent given and withdrawn, contact
 * stopped and allowed again, erasure, and the consents the apply page collected for
 * someone we already had, which belong to their source record, not the person
 * (anyone can type anyone's e-mail there). Everything else a candidate went through is
 * on the timeline.
 */
export const PERSONAL_DATA_ACTIONS: ReadonlySet<AuditAction> = new Set<AuditAction>([
  "candidate.consent-given",
  "candidate.apply-unverified",
  "candidate.consent-withdraw",
  "candidate.do-not-contact",
  "candidate.allow-contact",
  "candidate.erase",
]);

/** Why a change could not be made now; the panel says what to do. */
export type PersonalDataProblem = "busy";
