import { z } from "zod";

/**
 * The shortlist's bulk form, pure and client-safe: the ticked applications (`ids`),
 * the button pressed (`intent`) and its fields. Only "reject" exists now; inviting to
 * a group interview arrives with the interviews step.
 */
export const MAX_SHORTLIST_BULK = 200;
export const MAX_REJECT_REASON = 500;

const ID = /^[a-z0-9-]{1,60}$/i;

export const ShortlistBulkSchema = z.object({
  intent: z.literal("reject", { error: "validation.invalidChoice" }),
  vacancy: z.string({ error: "validation.invalidChoice" }).regex(ID, "validation.invalidChoice"),
  ids: z
    .array(z.string().regex(ID, "validation.invalidChoice"), { error: "questionnaireResults.errors.noneSelected" })
    .min(1, "questionnaireResults.errors.noneSelected")
    .max(MAX_SHORTLIST_BULK, `questionnaireResults.errors.tooMany|max=${MAX_SHORTLIST_BULK}`),
  reason: z
    .string({ error: "questionnaireResults.errors.reasonRequired" })
    .trim()
    .min(1, "questionnaireResults.errors.reasonRequired")
    .max(MAX_REJECT_REASON, `validation.tooLong|max=${MAX_REJECT_REASON}`),
});
export type ShortlistBulk = z.output<typeof ShortlistBulkSchema>;

/** What a bulk rejection did, for the result message ("12 rejected, 10 letters queued, 2 without e-mail"). */
export type RejectReport = {
  /** Moved to "rejected" now. */
  rejected: number;
  /** Were rejected already (knocked out by the questionnaire, or by hand). */
  alreadyRejected: number;
  /** Could not be rejected from where they are (hired, withdrawn...): nothing done for them. */
  notAllowed: number;
  /** Not an application of this vacancy. */
  notFound: number;
  letters: {
    queued: number;
    /** The rejection letter went out before (each person gets it once). */
    alreadySent: number;
    noEmail: number;
    /** No rejection template for the vacancy (nor a general one). */
    noTemplate: number;
    /** The contact rule forbids writing to them (do-not-contact, erased, excluded company). */
    contactRefused: number;
  };
};
