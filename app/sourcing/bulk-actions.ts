import { z } from "zod";
import { STAGES } from "~/pipeline/stages";
import { ID_PATTERN, requiredText } from "./form-fields";

/**
 * The candidate list's bulk actions as one form: the ticked candidates (`ids`), the
 * button pressed (`intent`) and that action's fields. Client-safe: Conform checks
 * it in the browser and the action checks it again on the server.
 */
export const MAX_BULK = 200;

const ids = z
  .array(z.string().regex(ID_PATTERN, "validation.invalidChoice"), { error: "candidateList.errors.noneSelected" })
  .min(1, "candidateList.errors.noneSelected")
  .max(MAX_BULK, `candidateList.errors.tooMany|max=${MAX_BULK}`);

const vacancy = z
  .string({ error: "candidateList.errors.vacancyRequired" })
  .regex(ID_PATTERN, "candidateList.errors.vacancyRequired");


/** Tags are short labels; spaces inside are kept, around them dropped. */
export function normalizeTag(tag: string): string {
  return tag.trim().replace(/\s+/g, " ");
}

const tag = z
  .string({ error: "validation.required" })
  .transform(normalizeTag)
  .pipe(z.string().min(1, "validation.required").max(60, "validation.tooLong|max=60"));

export const BulkActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("move"), ids, vacancy, to: z.enum(STAGES, { error: "validation.invalidChoice" }), moveReason: z.string().trim().max(500, "validation.tooLong|max=500").optional() }),
  z.object({ intent: z.literal("reject"), ids, vacancy, reason: requiredText(500) }),
  z
    .object({
      intent: z.literal("campaign"),
      ids,
      vacancy,
      campaignId: z.string().regex(ID_PATTERN, "validation.invalidChoice").optional(),
      campaignName: z.string().trim().max(120, "validation.tooLong|max=120").optional(),
    })
    .refine((v) => v.campaignId || v.campaignName, { path: ["campaignName"], message: "candidateList.errors.campaignRequired" }),
  z.object({ intent: z.literal("tag-add"), ids, tag }),
  z.object({ intent: z.literal("tag-remove"), ids, tag }),
]);

export type BulkAction = z.output<typeof BulkActionSchema>;

/** Why a ticked candidate was left as it was. */
export const SKIP_REASONS = [
  "not-found",
  "merged",
  "erased",
  "no-application",
  "same-stage",
  "not-allowed",
  "reason-required",
  "excluded",
  "do-not-contact",
  "already-in-list",
  "already-tagged",
  "not-tagged",
] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

export type BulkResult = {
  intent: BulkAction["intent"];
  changed: number;
  skipped: Array<{ candidateId: string; reason: SkipReason }>;
  campaign?: { id: string; name: string };
};

/** A result as the list shows it: skipped candidates with their names (null when erased or unknown). */
export type BulkReport = BulkResult & {
  names: Record<string, { firstName: string; lastName: string; middleName: string | null } | null>;
};

/** Skips grouped by reason, most frequent first: what the result message lists. */
export function groupSkips(skipped: BulkResult["skipped"]): Array<{ reason: SkipReason; candidateIds: string[] }> {
  const groups = new Map<SkipReason, string[]>();
  for (const s of skipped) groups.set(s.reason, [...(groups.get(s.reason) ?? []), s.candidateId]);
  return [...groups.entries()]
    .map(([reason, candidateIds]) => ({ reason, candidateIds }))
    .sort((a, b) => b.candidateIds.length - a.candidateIds.length || SKIP_REASONS.indexOf(a.reason) - SKIP_REASONS.indexOf(b.reason));
}
