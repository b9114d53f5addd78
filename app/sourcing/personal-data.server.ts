import { audit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";

/**
 * What a candidate may ask of us: to be left alone (do-not-contact) and to have their
 * data erased. Every change is audited in the same transaction, with the reason.
 */
export async function setDoNotContact(input: {
  actorId: string;
  candidateId: string;
  doNotContact: boolean;
  reason: string;
}) {
  return db().$transaction(async (tx) => {
    const { count } = await tx.candidate.updateMany({
      where: { id: input.candidateId, erasedAt: null },
      data: { doNotContact: input.doNotContact, doNotContactAt: input.doNotContact ? new Date() : null },
    });
    if (count === 0) return false;
    await audit(tx, {
      actorId: input.actorId,
      action: input.doNotContact ? "candidate.do-not-contact" : "candidate.allow-contact",
      entityType: "Candidate",
      entityId: input.candidateId,
      details: { reason: input.reason },
    });
    return true;
  });
}

/**
 * Erasure on request: the person's data goes (names, contacts, work history, mail
 * bodies); the anonymous row and its applications stay so funnel numbers remain true.
 * The candidate is also marked do-not-contact, so no campaign can reach the address
 * again. Source records lose their content but keep their board id and fingerprint,
 * so a later import of the same resume is recognised and not brought back.
 */
export async function eraseCandidate(input: { actorId: string; candidateId: string; reason: string }) {
  return db().$transaction(async (tx) => {
    const now = new Date();
    const { count } = await tx.candidate.updateMany({
      where: { id: input.candidateId, erasedAt: null },
      data: {
        firstName: "",
        lastName: "",
        middleName: null,
        email: null,
        phone: null,
        city: null,
        currentTitle: null,
        salaryExpectationRub: null,
        consentText: null,
        relocation: null,
        tags: [],
        searchText: "",
        doNotContact: true,
        doNotContactAt: now,
        erasedAt: now,
      },
    });
    if (count === 0) return false;
    await tx.workExperience.deleteMany({ where: { candidateId: input.candidateId } });
    await tx.sourceRecord.updateMany({
      where: { candidateId: input.candidateId },
      data: { raw: {}, parsed: {}, url: null },
    });
    await tx.emailMessage.updateMany({
      where: { candidateId: input.candidateId },
      data: { toAddress: "erased", subject: "", text: "", html: null },
    });
    await audit(tx, {
      actorId: input.actorId,
      action: "candidate.erase",
      entityType: "Candidate",
      entityId: input.candidateId,
      details: { reason: input.reason },
    });
    return true;
  });
}

/** The audit trail of one candidate, newest first, for their profile. */
export async function candidateAuditTrail(candidateId: string) {
  const entries = await db().auditEntry.findMany({
    where: { entityType: "Candidate", entityId: candidateId },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: { id: true, action: true, details: true, createdAt: true, actor: { select: { name: true } } },
  });
  return entries.map((e) => ({
    id: e.id.toString(),
    action: e.action,
    reason: typeof e.details === "object" && e.details && "reason" in e.details ? String(e.details.reason) : null,
    createdAt: e.createdAt,
    actorName: e.actor?.name ?? null,
  }));
}
