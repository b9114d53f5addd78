import { z } from "zod";
import { runImportBatch } from "~/sourcing/imports.server";
import { defineJob } from "./define";

/** Commits a large import batch in one transaction (see app/sourcing/imports.server.ts). */
export const sourcingImport = defineJob({
  name: "sourcing.import",
  schema: z.object({ batchId: z.string().min(1), actorId: z.string().min(1).nullable() }),
  // A retry finds a committed batch and does nothing; one after a crash starts over.
  queue: { retryLimit: 2, retryDelay: 30, retryBackoff: true, expireInSeconds: 30 * 60 },
  concurrency: 1,
  handler: async ({ batchId, actorId }, { isLastAttempt }) => {
    await runImportBatch(batchId, actorId, { isLastAttempt });
  },
});
