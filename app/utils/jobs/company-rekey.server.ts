import { z } from "zod";
import { rekeyCompanies } from "~/sourcing/company-rekey.server";
import { defineJob } from "./define";

/**
 * Queued at every start-up: recomputes the catalog's stored company keys when
 * companyMatchKey's version is newer than the one they were computed with, and does
 * nothing otherwise. Safe with several processes starting at once (an advisory lock,
 * then the version check).
 */
export const companyRekey = defineJob({
  name: "company.rekey",
  schema: z.object({}),
  atStartup: true,
  // A large catalog re-keys in one transaction: give it time, and retry a failure.
  queue: { retryLimit: 5, retryDelay: 60, retryBackoff: true, expireInSeconds: 60 * 60 },
  async handler() {
    const report = await rekeyCompanies();
    if (!report) return;
    const { fromVersion, toVersion, ...counts } = report;
    // A new database has nothing to re-key: say something only when something changed.
    const changed = Object.entries(counts).filter(([, n]) => n > 0);
    if (changed.length) {
      console.log(`company.rekey: keys of version ${fromVersion ?? "unknown"} → ${toVersion}: ${changed.map(([k, n]) => `${k} ${n}`).join(", ")}`);
    }
  },
});
