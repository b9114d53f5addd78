import { z } from "zod";
import { db } from "../db.server";
import { defineJob } from "./define";
import { retentionCutoffs } from "./retention";

/** Hourly: expired sessions and old sign-in attempts are deleted. Safe to run twice. */
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
  const [sessions, attempts] = await db().$transaction([
    db().session.deleteMany({ where: { expiresAt: { lt: cutoff.sessionsExpiredBefore } } }),
    db().signInAttempt.deleteMany({ where: { createdAt: { lt: cutoff.signInAttemptsBefore } } }),
  ]);
  return { sessions: sessions.count, signInAttempts: attempts.count };
}
