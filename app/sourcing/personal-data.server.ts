import { Prisma } from "@prisma/client";
import { audit } from "~/utils/audit.server";
import { db, type Tx } from "~/utils/db.server";
import { anonymousTierReason } from "./erasure";
import { eraseFromImportBatches, erasedPerson, eraseInterviews, eraseOutreach, eraseQuestionnaires, mergedFamily } from "./erasure.server";
import { PERSONAL_DATA_ACTIONS, type PersonalDataChange, type PersonalDataProblem } from "./personal-data";

/**
 * What a candidate may ask of us: to be left alone (do-not-contact), to withdraw
 * their consent, and to have their data erased. Every change is audited in the same
 * transaction, with the reason.
 */

export class PersonalDataRefused extends Error {
  constructor(readonly problem: PersonalDataProblem) {
    super(`Personal data change refused: ${problem}`);
    this.name = "PersonalDataRefused";
  }
}

/** The profile's one entry point: the form's change, done and audited. False when there is no such (unerased) candidate. */
export function changePersonalData(input: { actorId: string; candidateId: string; change: PersonalDataChange }): Promise<boolean> {
  const { actorId, candidateId, change } = input;
  switch (change.intent) {
    case "erase":
      return eraseCandidate({ actorId, candidateId, reason: change.reason });
    case "withdraw-consent":
      return withdrawConsent({ actorId, candidateId, reason: change.reason });
    default:
      return setDoNotContact({ actorId, candidateId, doNotContact: change.intent === "do-not-contact", reason: change.reason });
  }
}

export async function setDoNotContact(input: {
  actorId: string;
  candidateId: string;
  doNotContact: boolean;
  reason: string;
}) {
  return db().$transaction((tx) => writeDoNotContact(tx, input));
}

/**
 * The do-not-contact switch inside the caller's transaction, audited with its reason:
 * the profile form, and an unsubscribe link (no actor: the person did it). False when
 * there is no such unerased candidate.
 */
export async function writeDoNotContact(
  tx: Tx,
  input: { actorId: string | null; candidateId: string; doNotContact: boolean; reason: string },
): Promise<boolean> {
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
}

/**
 * The person takes back their consent: nobody contacts them any more, and the profile
 * no longer counts them as consenting (when and to what they had agreed stays in the
 * source records and the trail). Applying again gives consent again.
 */
export async function withdrawConsent(input: { actorId: string; candidateId: string; reason: string }) {
  return db().$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<Array<{ doNotContact: boolean }>>`
      SELECT "doNotContact" FROM "Candidate" WHERE id = ${input.candidateId} AND "erasedAt" IS NULL FOR UPDATE`;
    if (!row) return false;
    await tx.candidate.update({
      where: { id: input.candidateId },
      data: { consentAt: null, consentText: null, ...(row.doNotContact ? {} : { doNotContact: true, doNotContactAt: new Date() }) },
    });
    await audit(tx, {
      actorId: input.actorId,
      action: "candidate.consent-withdraw",
      entityType: "Candidate",
      entityId: input.candidateId,
      details: { reason: input.reason },
    });
    return true;
  });
}

const ERASED_ADDRESS = "erased";
// Generous: an erasure may read the open import batches, and waits (at most
// LOCK_TIMEOUT) for an import of the same person being committed right now.
const ERASE_TX = { maxWait: 10_000, timeout: 120_000 };
const LOCK_TIMEOUT = "5s";

/**
 * Erasure on request: the person's data goes (names, contacts, work history, mail
 * bodies, free-text reasons about them); the anonymous row and its applications stay
 * so funnel numbers remain true. The candidate is also marked do-not-contact, so no
 * campaign can reach the address again. Source records lose their content but keep
 * their board id and fingerprint, so a later import of the same resume is recognised
 * and not brought back.
 *
 * The same person under other rows goes too: every candidate merged into this one
 * (however deep), and their records waiting in import batches not committed yet.
 * Messages addressed to any of their addresses lose address, subject and body,
 * whether or not they were linked to the candidate; what outreach wrote down about
 * them (messages logged by hand, call notes) goes, and they leave every call list; their
 * questionnaire answers and links go too (the score and verdict stay for the counts). All of it in one transaction,
 * with one audit entry per erased row that names no personal data (counts only,
 * and the reason the form asked for without names or contacts).
 */
export async function eraseCandidate(input: { actorId: string; candidateId: string; reason: string }) {
  try {
    return await db().$transaction((tx) => erase(tx, input), ERASE_TX);
  } catch (error) {
    // 55P03 lock_not_available: an import of this person is being committed, or a merge of them is under way.
    // 40P01 deadlock: a letter to them was being sent (its row locked, waiting to ask the contact rule about them).
    if (error instanceof Error && /55P03|40P01|lock timeout|deadlock detected/i.test(error.message)) throw new PersonalDataRefused("busy");
    throw error;
  }
}

async function erase(tx: Tx, input: { actorId: string; candidateId: string; reason: string }) {
  const now = new Date();
  const root = await tx.candidate.findFirst({ where: { id: input.candidateId, erasedAt: null }, select: { id: true } });
  if (!root) return false;
  await tx.$executeRawUnsafe(`SET LOCAL lock_timeout = '${LOCK_TIMEOUT}'`);
  const family = await mergedFamily(tx, root.id);
  const person = await erasedPerson(tx, family);
  // Batches first, candidates after: the order an import commit takes its locks in.
  const batches = await eraseFromImportBatches(tx, person);

  const locked = await tx.$queryRaw<Array<{ id: string; erasedAt: Date | null }>>`
    SELECT id, "erasedAt" FROM "Candidate" WHERE id IN (${Prisma.join(family)}) ORDER BY id FOR UPDATE`;
  if (locked.find((c) => c.id === root.id)?.erasedAt) return false;
  // A merge into one of them that committed while the batches were read: start again.
  const settled = await mergedFamily(tx, root.id);
  if (settled.length !== family.length) throw new PersonalDataRefused("busy");
  const erasing = locked.filter((c) => !c.erasedAt).map((c) => c.id);
  await tx.candidate.updateMany({
    where: { id: { in: erasing } },
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
      fieldSources: {},
    },
  });
  await tx.workExperience.deleteMany({ where: { candidateId: { in: family } } });
  await tx.sourceRecord.updateMany({ where: { candidateId: { in: family } }, data: { raw: {}, parsed: {}, url: null, email: null, phone: null } });

  // A tier reason (and the match an override was given for) names an employer, a
  // position and dates; the list and the kind of match are not personal.
  const applications = await tx.application.findMany({
    where: { candidateId: { in: family } },
    select: { id: true, tierReason: true, contactOverrideMatch: true },
  });
  for (const a of applications) {
    const reason = anonymousTierReason(a.tierReason);
    const match = anonymousTierReason(a.contactOverrideMatch);
    await tx.application.update({
      where: { id: a.id },
      data: { tierReason: reason ?? Prisma.DbNull, contactOverrideMatch: match ?? Prisma.DbNull, contactOverrideReason: null },
    });
  }
  // What an un-merge would give back is the person's data too.
  await tx.candidateMerge.updateMany({
    where: { OR: [{ survivorId: { in: family } }, { mergedId: { in: family } }] },
    data: { reason: null, undo: Prisma.DbNull },
  });
  const messages = await eraseMessages(tx, family, [...person.emails]);
  const outreach = await eraseOutreach(tx, family);
  const questionnaires = await eraseQuestionnaires(tx, family);
  const interviews = await eraseInterviews(tx, family);

  const counts = { mergedCandidates: family.length - 1, importBatches: batches.batches, importRecords: batches.records, messages, ...outreach, ...questionnaires, ...interviews };
  for (const id of erasing) {
    await audit(tx, {
      actorId: input.actorId,
      action: "candidate.erase",
      entityType: "Candidate",
      entityId: id,
      details: id === root.id ? { reason: input.reason, ...counts } : { reason: input.reason, erasedWith: root.id },
    });
  }
  return true;
}

/**
 * Messages to the person: linked to one of their rows, or sent to one of their
 * addresses before anyone linked them. One still waiting to be sent never will be.
 */
async function eraseMessages(tx: Tx, candidateIds: readonly string[], emails: readonly string[]): Promise<number> {
  const rows = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT id FROM "EmailMessage"
    WHERE "candidateId" IN (${Prisma.join(candidateIds)})
       OR lower(btrim("toAddress")) = ANY(${emails}::text[])`;
  const ids = rows.map((r) => r.id);
  if (!ids.length) return 0;
  // An error or a bounce reason may quote the address; the headers carry the unsubscribe link.
  await tx.emailMessage.updateMany({
    where: { id: { in: ids } },
    data: { toAddress: ERASED_ADDRESS, subject: "", text: "", html: null, headers: Prisma.DbNull, error: null },
  });
  await tx.emailMessage.updateMany({ where: { id: { in: ids }, status: "QUEUED" }, data: { status: "CANCELLED", error: "Erased on request: not sent." } });
  return ids.length;
}

/**
 * The candidate's personal-data trail, newest first: consent, do-not-contact,
 * erasure. For an erased candidate the free-text reasons written before the erasure
 * are not shown (they may quote the person); the erasure's own reason is.
 */
export async function candidateAuditTrail(candidateId: string) {
  const [candidate, entries] = await Promise.all([
    db().candidate.findUnique({ where: { id: candidateId }, select: { erasedAt: true } }),
    db().auditEntry.findMany({
      where: { entityType: "Candidate", entityId: candidateId, action: { in: [...PERSONAL_DATA_ACTIONS] } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 100,
      select: { id: true, action: true, details: true, createdAt: true, actor: { select: { name: true } } },
    }),
  ]);
  const erased = Boolean(candidate?.erasedAt);
  const detail = (details: Prisma.JsonValue, key: string) =>
    details && typeof details === "object" && !Array.isArray(details) && typeof details[key] === "string" ? (details[key] as string) : null;
  const vacancyIds = [...new Set(entries.flatMap((e) => detail(e.details, "vacancyId") ?? []))];
  const vacancies = vacancyIds.length ? await db().vacancy.findMany({ where: { id: { in: vacancyIds } }, select: { id: true, title: true } }) : [];
  const titleOf = new Map(vacancies.map((v) => [v.id, v.title]));
  return entries.map((e) => {
    const vacancyId = detail(e.details, "vacancyId");
    const reason = detail(e.details, "reason");
    return {
      id: e.id.toString(),
      action: e.action,
      reason: erased && e.action !== "candidate.erase" ? null : reason,
      createdAt: e.createdAt,
      actorName: e.actor?.name ?? null,
      vacancy: vacancyId ? { id: vacancyId, title: titleOf.get(vacancyId) ?? null } : null,
      consentVersion: detail(e.details, "textSha256")?.slice(0, 12) ?? null,
      /** The source record a consent belongs to (an unverified apply-page record), when it is not the person's. */
      sourceRecordId: detail(e.details, "sourceRecordId"),
    };
  });
}
