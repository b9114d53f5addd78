import { Prisma } from "@prisma/client";
import { type Tx } from "~/utils/db.server";
import { tryLockImportBatch } from "./imports.server";

/**
 * Discards import batches left uncommitted (a preview, a failed run) since before
 * `createdBefore`, as a person discarding them would: records, preview rows, row
 * errors and any uploaded file go; status, label and counts stay. Each batch under
 * the advisory lock a commit takes, so a commit running right now finishes first
 * (and then the batch is no longer one to discard).
 */
export async function discardStaleImportBatches(
  tx: Tx,
  input: { createdBefore: Date; statuses: readonly ("PREVIEW" | "FAILED")[] },
): Promise<number> {
  const stale = await tx.importBatch.findMany({
    where: { status: { in: [...input.statuses] }, createdAt: { lt: input.createdBefore } },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  let discarded = 0;
  for (const { id } of stale) {
    // Never wait on a commit: the next hourly run gets whatever is still left.
    if (!(await tryLockImportBatch(tx, id))) continue;
    discarded += await tx.$executeRaw`
      UPDATE "ImportBatch"
      SET status = 'DISCARDED', records = '[]'::jsonb, "rowErrors" = '[]'::jsonb,
          summary = CASE WHEN jsonb_typeof(summary) = 'object' THEN summary - 'rows' ELSE '{}'::jsonb END,
          mapping = NULL
      WHERE id = ${id} AND status::text IN (${Prisma.join([...input.statuses])})`;
  }
  return discarded;
}
