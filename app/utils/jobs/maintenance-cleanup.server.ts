import { z } from "zod";
import { discardStaleImportBatches } from "~/sourcing/import-retention.server";
import { db } from "../db.server";
import { defineJob } from "./define";
import { retentionCutoffs, STALE_IMPORT_STATUSES } from "./retention";

/**
 * Hourly: expired sessions and old sign-in attempts are deleted, import batches left
 * uncommitted for a week are discarded (see retention.ts). Safe to run twice.
 */
export const maintenanceCleanup = defineJob({
  name: "maintenance.cleanup",
  schema: z.object({}),
  schedule: "0 * * * *",
  async handler() {
    await cleanUp(new Date());
  },
});

export async function cleanUp(now: Date) {
  const cutoff = retentionCutoffs(now);
  return db().$transaction(async (tx) => {
    const sessions = await tx.session.deleteMany({ where: { expiresAt: { lt: cutoff.sessionsExpiredBefore } } });
    const attempts = await tx.signInAttempt.deleteMany({ where: { createdAt: { lt: cutoff.signInAttemptsBefore } } });
    const importBatches = await discardStaleImportBatches(tx, { createdBefore: cutoff.importPreviewsCreatedBefore, statuses: STALE_IMPORT_STATUSES });
    return { sessions: sessions.count, signInAttempts: attempts.count, importBatches };
  });
}
