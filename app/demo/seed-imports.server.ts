import type { Prisma } from "@prisma/client";
import { ingestRecords } from "~/sourcing/ingest.server";
import { type Tier, TIERS } from "~/sourcing/tiers";
import { type Tx } from "~/utils/db.server";
import type { DemoImportBatch } from "./imports";

/**
 * Writes the demo's board searches the way a recruiter's import does: an import batch,
 * then its records through the real ingest step (company matching, de-duplication,
 * tiers with reasons, source records, search text, audit), then the batch's counts.
 */
export async function writeImports(tx: Tx, batches: readonly DemoImportBatch[], options: { vacancyId: string; actorId: string }) {
  for (const batch of batches) {
    await tx.importBatch.create({
      data: {
        id: batch.id,
        vacancyId: options.vacancyId,
        source: batch.source,
        channel: "API",
        adapter: batch.adapter,
        label: batch.label,
        status: "RUNNING",
        records: batch.records as unknown as Prisma.InputJsonValue,
        total: batch.records.length,
        createdById: options.actorId,
        createdAt: batch.createdAt,
      },
    });
    const outcomes = await ingestRecords(tx, batch.records, {
      vacancyId: options.vacancyId,
      actorId: options.actorId,
      batchId: batch.id,
      // Written now, but committed days ago: the profile's timeline must say so.
      at: batch.committedAt,
    });
    const tiers = Object.fromEntries(TIERS.map((t) => [t, 0])) as Record<Tier, number>;
    for (const o of outcomes) if (o.tier && o.status !== "unchanged") tiers[o.tier] += 1;
    const count = (status: string) => outcomes.filter((o) => !o.erased && o.status === status).length;
    const result = { new: count("new"), merged: count("merged"), unchanged: count("unchanged"), erased: outcomes.filter((o) => o.erased).length };
    // Committed batches keep counts, not people (as app/sourcing/imports.server.ts leaves them).
    const summary = { total: outcomes.length, ...result, tiers, excluded: tiers.EXCLUDED, result };
    await tx.importBatch.update({
      where: { id: batch.id },
      data: { status: "COMMITTED", processed: outcomes.length, records: [], summary, committedAt: batch.committedAt },
    });
  }
}
