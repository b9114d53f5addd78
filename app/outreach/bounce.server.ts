import { audit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { mayBounce } from "./bounce";

/**
 * Records that a message bounced: status BOUNCED, the reason as its error (shown on
 * the Outbox page and the candidate's timeline; erased with the person), audited
 * without the reason, which may quote the address. The status is checked again under
 * the row's lock.
 */
export async function markBounced(input: { actorId: string; emailId: string; reason: string }): Promise<"bounced" | "not-found" | "refused"> {
  // A queued message may be locked by its sender for a while: refuse it without waiting.
  const current = await db().emailMessage.findUnique({ where: { id: input.emailId }, select: { status: true } });
  if (!current) return "not-found";
  if (!mayBounce(current.status)) return "refused";
  return db().$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<Array<{ status: Parameters<typeof mayBounce>[0]; candidateId: string | null }>>`
      SELECT status, "candidateId" FROM "EmailMessage" WHERE id = ${input.emailId} FOR UPDATE`;
    if (!row) return "not-found";
    if (!mayBounce(row.status)) return "refused";
    await tx.emailMessage.update({ where: { id: input.emailId }, data: { status: "BOUNCED", error: input.reason } });
    await audit(tx, {
      actorId: input.actorId,
      action: "email.bounce",
      entityType: "EmailMessage",
      entityId: input.emailId,
      details: { previousStatus: row.status, candidateId: row.candidateId },
    });
    return "bounced";
  });
}
