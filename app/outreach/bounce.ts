import { type EmailStatus } from "@prisma/client";
import { z } from "zod";

/**
 * "Mark as bounced" on an Outbox message: a bounce report came back by mail, or the
 * candidate says the letter never arrived. Only a message that went out (or was
 * stored for reading) can have bounced. Client-safe.
 */
export const BOUNCEABLE: readonly EmailStatus[] = ["SENT", "STORED"];

export function mayBounce(status: EmailStatus): boolean {
  return BOUNCEABLE.includes(status);
}

export const MAX_BOUNCE_REASON = 500;

export const BounceFormSchema = z.object({
  intent: z.literal("bounce"),
  reason: z
    .string({ error: "validation.required" })
    .trim()
    .min(1, "validation.required")
    .max(MAX_BOUNCE_REASON, `validation.tooLong|max=${MAX_BOUNCE_REASON}`),
});
