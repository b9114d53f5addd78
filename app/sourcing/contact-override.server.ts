import { Prisma } from "@prisma/client";
import { audit } from "~/utils/audit.server";
import { db, type Tx } from "~/utils/db.server";

/**
 * Lifting the excluded-company rule for one application: someone who may
 * (area "contactOverride") says why the candidate may be contacted after all.
 * The override, who gave it, when, and the excluded match it was given for (the tier
 * reason at that moment) are kept on the application, and the change goes to the
 * candidate's audit trail in the same transaction. A re-tier that strikes the
 * candidate out for another company takes the override back (tiering.server.ts
 * writeTiers); what outreach may do is decided by contact-policy.server.ts.
 */

export type OverrideProblem = "not-found" | "not-excluded" | "already-overridden" | "not-overridden";

export class OverrideRefused extends Error {
  constructor(readonly problem: OverrideProblem) {
    super(`Contact override refused: ${problem}`);
    this.name = "OverrideRefused";
  }
}

type Locked = {
  id: string;
  candidateId: string;
  vacancyId: string;
  tier: string | null;
  tierReason: Prisma.JsonValue | null;
  contactOverrideAt: Date | null;
};

/** Locks the application row so an override and a re-tiering cannot interleave. */
async function lockApplication(tx: Tx, applicationId: string): Promise<Locked> {
  const rows = await tx.$queryRaw<Locked[]>`
    SELECT id, "candidateId", "vacancyId", tier::text AS tier, "tierReason", "contactOverrideAt"
    FROM "Application" WHERE id = ${applicationId} FOR UPDATE`;
  const row = rows[0];
  if (!row) throw new OverrideRefused("not-found");
  return row;
}

export async function overrideExclusion(input: { applicationId: string; actorId: string; reason: string }) {
  return db().$transaction(async (tx) => {
    const application = await lockApplication(tx, input.applicationId);
    if (application.tier !== "EXCLUDED") throw new OverrideRefused("not-excluded");
    if (application.contactOverrideAt) throw new OverrideRefused("already-overridden");
    const updated = await tx.application.update({
      where: { id: application.id },
      data: {
        contactOverrideReason: input.reason,
        contactOverrideById: input.actorId,
        contactOverrideAt: new Date(),
        contactOverrideMatch: application.tierReason ?? Prisma.DbNull,
      },
    });
    await audit(tx, {
      actorId: input.actorId,
      action: "candidate.contact-override",
      entityType: "Candidate",
      entityId: application.candidateId,
      details: { reason: input.reason, applicationId: application.id, vacancyId: application.vacancyId },
    });
    return updated;
  });
}

export async function revokeOverride(input: { applicationId: string; actorId: string; reason?: string | null }) {
  return db().$transaction(async (tx) => {
    const application = await lockApplication(tx, input.applicationId);
    if (!application.contactOverrideAt) throw new OverrideRefused("not-overridden");
    const updated = await tx.application.update({
      where: { id: application.id },
      data: { contactOverrideReason: null, contactOverrideById: null, contactOverrideAt: null, contactOverrideMatch: Prisma.DbNull },
    });
    await audit(tx, {
      actorId: input.actorId,
      action: "candidate.contact-override-revoke",
      entityType: "Candidate",
      entityId: application.candidateId,
      details: { reason: input.reason ?? null, applicationId: application.id, vacancyId: application.vacancyId },
    });
    return updated;
  });
}

/** What the override page shows about one application (no personal data once erased). */
export async function getOverrideSubject(applicationId: string) {
  const application = await db().application.findUnique({
    where: { id: applicationId },
    select: {
      id: true,
      tier: true,
      contactOverrideAt: true,
      contactOverrideReason: true,
      vacancy: { select: { id: true, title: true } },
      candidate: { select: { id: true, firstName: true, lastName: true, erasedAt: true } },
    },
  });
  if (!application) return null;
  const { candidate, ...rest } = application;
  return {
    ...rest,
    candidate: {
      id: candidate.id,
      name: candidate.erasedAt ? null : { firstName: candidate.firstName, lastName: candidate.lastName },
    },
  };
}
