import { z } from "zod";

/** The forms on a candidate's profile that change what we may do with their data. */
const reason = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, "validation.required")
  .max(500, "validation.tooLong|max=500");

export const PersonalDataSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("do-not-contact"), reason }),
  z.object({ intent: z.literal("allow-contact"), reason }),
  z.object({
    intent: z.literal("erase"),
    reason,
    confirm: z.boolean({ error: "personalData.confirmRequired" }).refine((v) => v, "personalData.confirmRequired"),
  }),
]);

export type PersonalDataChange = z.infer<typeof PersonalDataSchema>;
