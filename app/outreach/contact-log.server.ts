import { audit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { type ContactLogEntry } from "./contact-log";

/**
 * Messages logged by hand (ContactLog): written with their audit entry in one
 * transaction. The text is the person's data, so the audit names only the row, the
 * channel and the direction, and erasure blanks it (app/sourcing/erasure.server.ts).
 */

export type ContactLogProblem = "application" | "erased";

export class ContactLogRefused extends Error {
  constructor(readonly problem: ContactLogProblem) {
    super(`Contact log refused: ${problem}`);
    this.name = "ContactLogRefused";
  }
}

/**
 * Logs one message on the candidate's profile. Null when there is no such candidate
 * shown (unknown, or merged into another); refused for an erased one and for a
 * vacancy that is not one of theirs.
 */
export async function logContact(input: { actorId: string; candidateId: string; entry: ContactLogEntry }): Promise<{ id: string } | null> {
  const { actorId, candidateId, entry } = input;
  return db().$transaction(async (tx) => {
    // FOR SHARE: an erasure of this person waits for the row, then blanks its text too.
    const [candidate] = await tx.$queryRaw<Array<{ erasedAt: Date | null; mergedIntoId: string | null }>>`
      SELECT "erasedAt", "mergedIntoId" FROM "Candidate" WHERE id = ${candidateId} FOR SHARE`;
    if (!candidate || candidate.mergedIntoId) return null;
    if (candidate.erasedAt) throw new ContactLogRefused("erased");
    if (entry.applicationId) {
      const application = await tx.application.findFirst({ where: { id: entry.applicationId, candidateId }, select: { id: true } });
      if (!application) throw new ContactLogRefused("application");
    }
    const row = await tx.contactLog.create({
      data: {
        candidateId,
        applicationId: entry.applicationId,
        channel: entry.channel,
        direction: entry.direction,
        body: entry.body,
        occurredAt: entry.occurredAt,
        authorId: actorId,
      },
      select: { id: true },
    });
    await audit(tx, {
      actorId,
      action: "candidate.contact-log",
      entityType: "Candidate",
      entityId: candidateId,
      details: { contactLogId: row.id, channel: entry.channel, direction: entry.direction, applicationId: entry.applicationId },
    });
    return row;
  });
}
