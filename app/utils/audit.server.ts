import { type Prisma } from "@prisma/client";
import { type AuditAction } from "./audit-actions";
import { type Tx } from "./db.server";

/**
 * Appends to the audit trail, inside the caller's transaction so the change and its
 * record are committed together or not at all. Entries are never updated or deleted.
 */
export async function audit(
  tx: Tx,
  entry: {
    actorId: string | null;
    action: AuditAction;
    entityType: string;
    entityId: string;
    details?: Prisma.InputJsonValue;
  },
) {
  await tx.auditEntry.create({ data: entry });
}
