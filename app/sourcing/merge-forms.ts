import { z } from "zod";

/**
 * The profile's merge forms: merge another candidate into this one, undo a merge,
 * take a source record out into a candidate of its own. Client-safe.
 */
const id = z.string({ error: "validation.required" }).regex(/^[a-z0-9-]{1,60}$/i, "validation.invalidChoice");
const reason = z.string().trim().max(500, "validation.tooLong|max=500").optional();

export const MERGE_INTENTS = ["merge", "unmerge", "split"] as const;

export const MergeFormSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("merge"), otherId: id, reason }),
  z.object({ intent: z.literal("unmerge"), mergeId: id, reason }),
  z.object({ intent: z.literal("split"), sourceRecordId: id, reason }),
]);

export type MergeForm = z.infer<typeof MergeFormSchema>;

export function isMergeIntent(intent: unknown): intent is MergeForm["intent"] {
  return (MERGE_INTENTS as readonly unknown[]).includes(intent);
}
