import { type ContactChannel, type ContactDirection } from "@prisma/client";
import { z } from "zod";
import { ID_PATTERN } from "~/sourcing/form-fields";
import { parseLocalDateTime } from "~/i18n/local-time";

/**
 * A message that went or came outside the product (SMS, a messenger, an e-mail from
 * someone's own mailbox, a phone call, a reply), logged by hand on the candidate's
 * profile so the timeline tells the whole conversation. Client-safe: Conform checks
 * the form in the browser and the action checks it again.
 */

export const CONTACT_LOG_INTENT = "contact-log";
export const CONTACT_CHANNELS = ["SMS", "MESSENGER", "EMAIL", "PHONE", "OTHER"] as const satisfies readonly ContactChannel[];
export const CONTACT_DIRECTIONS = ["OUTBOUND", "INBOUND"] as const satisfies readonly ContactDirection[];
export const MAX_CONTACT_TEXT = 5_000;
/** A clock a minute ahead of the server's is not "the future". */
const CLOCK_SKEW_MS = 60_000;
/** Older than this is a typo (a wrong year), not a message someone is logging now. */
const MAX_AGE_MS = 5 * 366 * 86_400_000;

/**
 * The form's schema; `now` is read when a form is checked (a test passes its own).
 * When: a `datetime-local` in Moscow time, empty for now, never in the future.
 */
export function contactLogSchema(now: () => Date = () => new Date()) {
  return z.object({
    intent: z.literal(CONTACT_LOG_INTENT),
    channel: z.enum(CONTACT_CHANNELS, { error: "validation.invalidChoice" }),
    direction: z.enum(CONTACT_DIRECTIONS, { error: "validation.invalidChoice" }),
    body: z
      .string({ error: "validation.required" })
      .trim()
      .min(1, "validation.required")
      .max(MAX_CONTACT_TEXT, `validation.tooLong|max=${MAX_CONTACT_TEXT}`),
    occurredAt: z
      .string()
      .trim()
      .optional()
      .transform((value, ctx) => {
        const current = now();
        if (!value) return current;
        // A browser without a date picker leaves what was typed: "2026-03-12 14:30" too.
        const at = parseLocalDateTime(value.replace(/^(\S+)\s+(\S+)$/, "$1T$2"));
        if (!at) {
          ctx.addIssue({ code: "custom", message: "contactLog.errors.dateTime" });
          return z.NEVER;
        }
        if (at.getTime() > current.getTime() + CLOCK_SKEW_MS) {
          ctx.addIssue({ code: "custom", message: "contactLog.errors.future" });
          return z.NEVER;
        }
        if (at.getTime() < current.getTime() - MAX_AGE_MS) {
          ctx.addIssue({ code: "custom", message: "contactLog.errors.tooOld" });
          return z.NEVER;
        }
        return at;
      }),
    applicationId: z
      .string()
      .regex(ID_PATTERN, "validation.invalidChoice")
      .optional()
      .transform((value) => value ?? null),
  });
}

export const ContactLogSchema = contactLogSchema();
export type ContactLogEntry = z.output<typeof ContactLogSchema>;

export function isContactLogIntent(value: unknown): boolean {
  return value === CONTACT_LOG_INTENT;
}
