import { Prisma } from "@prisma/client";
import { type Tx } from "~/utils/db.server";
import { type ErasedPerson, scrubBatch, scrubLabel, sourceKey, tableMentions } from "./erasure";
import { normalizeEmail, normalizePhone } from "./identity";
import { readCsv, readXlsx } from "./importers/table.server";
import { lockImportBatch } from "./imports.server";

/**
 * The parts of an erasure that reach beyond the candidate's own rows: who else is the
 * same person (candidates merged into them), and the import batches that still hold
 * them. Called by eraseCandidate inside its transaction.
 */

const MAX_MERGE_DEPTH = 20;

/** The candidate and everyone merged into them, however deep (merges of merges). */
export async function mergedFamily(tx: Tx, candidateId: string): Promise<string[]> {
  const family = [candidateId];
  let frontier = [candidateId];
  for (let depth = 0; frontier.length && depth < MAX_MERGE_DEPTH; depth++) {
    const rows = await tx.candidate.findMany({ where: { mergedIntoId: { in: frontier } }, select: { id: true } });
    frontier = rows.map((r) => r.id).filter((id) => !family.includes(id));
    family.push(...frontier);
  }
  return family;
}

const text = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : null);

/** Everything that recognises the person elsewhere, read before their rows are emptied. */
export async function erasedPerson(tx: Tx, candidateIds: readonly string[]): Promise<ErasedPerson> {
  const ids = [...candidateIds];
  const [candidates, sources, messages] = await Promise.all([
    tx.candidate.findMany({
      where: { id: { in: ids } },
      select: { firstName: true, lastName: true, middleName: true, email: true, phone: true, source: true, externalId: true },
    }),
    tx.sourceRecord.findMany({
      where: { candidateId: { in: ids } },
      select: { source: true, externalId: true, fingerprint: true, parsed: true, email: true, phone: true },
    }),
    tx.emailMessage.findMany({ where: { candidateId: { in: ids } }, select: { toAddress: true } }),
  ]);
  const externalKeys = new Set<string>();
  const fingerprintKeys = new Set<string>();
  const emails = new Set<string>();
  const phones = new Set<string>();
  const names = new Set<string>();
  const addPerson = (p: Record<string, unknown>) => {
    const email = normalizeEmail(text(p.email));
    if (email) emails.add(email);
    const phone = normalizePhone(text(p.phone));
    if (phone) phones.add(phone);
    for (const key of ["firstName", "lastName", "middleName"]) {
      const name = text(p[key]);
      if (name) names.add(name);
    }
  };
  for (const c of candidates) {
    addPerson(c);
    if (c.externalId) externalKeys.add(sourceKey(c.source, c.externalId));
  }
  for (const s of sources) {
    if (s.externalId) externalKeys.add(sourceKey(s.source, s.externalId));
    fingerprintKeys.add(sourceKey(s.source, s.fingerprint));
    addPerson({ email: s.email, phone: s.phone });
    if (s.parsed && typeof s.parsed === "object" && !Array.isArray(s.parsed)) addPerson(s.parsed as Record<string, unknown>);
  }
  for (const m of messages) {
    const email = normalizeEmail(m.toAddress);
    if (email) emails.add(email);
  }
  return { candidateIds: new Set(ids), externalKeys, fingerprintKeys, emails, phones, names: [...names] };
}

/** Batches not committed yet: the person may wait in their records, preview rows or uploaded file. */
const OPEN = ["PREVIEW", "QUEUED", "RUNNING", "FAILED"] as const;
type OpenStatus = (typeof OPEN)[number];

type PendingFile = { file?: { name?: unknown; base64?: unknown } };

async function fileMentions(mapping: Prisma.JsonValue, person: ErasedPerson): Promise<boolean> {
  const file = (mapping as PendingFile | null)?.file;
  if (!file || typeof file.base64 !== "string") return false;
  const bytes = Buffer.from(file.base64, "base64");
  try {
    const table = bytes.subarray(0, 4).toString("latin1") === "PK\x03\x04" ? await readXlsx(bytes) : readCsv(bytes);
    return tableMentions([{ cells: table.headers }, ...table.rows], person);
  } catch {
    // A file we cannot read cannot be shown to be clean: it goes.
    return true;
  }
}

export type BatchErasure = { batches: number; records: number; files: number };

/**
 * Takes the person out of every batch that was not committed yet, under the batch's
 * advisory lock (the one commit takes, so a commit waits for this, then reads the
 * batch without them). A spreadsheet still waiting for its columns to be mapped
 * cannot lose one row, so a file with the person's contacts is discarded whole (the
 * recruiter uploads it again). Committed batches the person came in keep counts only;
 * their file name loses the person's name.
 */
export async function eraseFromImportBatches(tx: Tx, person: ErasedPerson): Promise<BatchErasure> {
  const result: BatchErasure = { batches: 0, records: 0, files: 0 };
  const select = { status: true, records: true, summary: true, rowErrors: true, label: true, mapping: true } as const;
  type Batch = Prisma.ImportBatchGetPayload<{ select: typeof select }>;
  const plan = async (batch: Batch) =>
    (await fileMentions(batch.mapping, person)) ? ({ discard: true } as const) : ({ discard: false, scrubbed: scrubBatch(batch, person) } as const);

  // Read first, lock only the batches the person is in: an erasure does not wait for unrelated imports.
  const open = await tx.importBatch.findMany({ where: { status: { in: [...OPEN] } }, select: { id: true, ...select }, orderBy: { id: "asc" } });
  const affected: string[] = [];
  for (const batch of open) {
    const step = await plan(batch);
    if (step.discard || step.scrubbed.changed) affected.push(batch.id);
  }
  for (const id of affected) {
    await lockImportBatch(tx, id);
    const batch = await tx.importBatch.findUnique({ where: { id }, select });
    if (!batch || !OPEN.includes(batch.status as OpenStatus)) continue;
    const step = await plan(batch);
    if (step.discard) {
      await tx.importBatch.update({
        where: { id },
        data: { status: "DISCARDED", records: [], rowErrors: [], summary: {}, mapping: Prisma.DbNull, label: scrubLabel(batch.label, person) },
      });
      result.batches += 1;
      result.files += 1;
      continue;
    }
    const { scrubbed } = step;
    if (!scrubbed.changed) continue;
    await tx.importBatch.update({
      where: { id },
      data: {
        records: scrubbed.records as Prisma.InputJsonValue,
        summary: scrubbed.summary as Prisma.InputJsonValue,
        rowErrors: scrubbed.rowErrors as Prisma.InputJsonValue,
        label: scrubbed.label,
        total: scrubbed.records.length,
      },
    });
    result.batches += 1;
    result.records += scrubbed.removed;
  }

  const committed = await tx.importBatch.findMany({
    where: { sourceRecords: { some: { candidateId: { in: [...person.candidateIds] } } }, status: { notIn: [...OPEN] } },
    select: { id: true, label: true },
  });
  for (const batch of committed) {
    const label = scrubLabel(batch.label, person);
    if (label !== batch.label) await tx.importBatch.update({ where: { id: batch.id }, data: { label } });
  }
  return result;
}

export type OutreachErasure = { contactLogs: number; callNotes: number; callTasks: number };

/**
 * What outreach kept about the person: the text of messages logged by hand (the row
 * stays, so the timeline still says a message went or came, not what it said), the
 * notes typed during calls (the outcome stays for the daily stats), and their places
 * on call lists.
 */
export async function eraseOutreach(tx: Tx, candidateIds: readonly string[]): Promise<OutreachErasure> {
  const ids = [...candidateIds];
  const ofThem = { application: { candidateId: { in: ids } } };
  const contactLogs = await tx.contactLog.updateMany({ where: { candidateId: { in: ids } }, data: { body: "" } });
  const callNotes = await tx.callAttempt.updateMany({ where: { ...ofThem, note: { not: null } }, data: { note: null } });
  const callTasks = await tx.callTask.deleteMany({ where: ofThem });
  return { contactLogs: contactLogs.count, callNotes: callNotes.count, callTasks: callTasks.count };
}

export type QuestionnaireErasure = { questionnaireResponses: number; questionnaireInvites: number };

/**
 * What the questionnaires kept about the person: their answers go ({}), and so does the
 * reason a person wrote when overriding the verdict (it may quote them); the score,
 * the verdict and the knock-out rules that fired stay, so completion rates and the
 * funnel stay true (a knock-out names a rule of the questionnaire and its numbers,
 * such as the vacancy's maximum, never the candidate's answer). Their links are
 * deleted: nothing is left that opens a form in their name.
 */
export async function eraseQuestionnaires(tx: Tx, candidateIds: readonly string[]): Promise<QuestionnaireErasure> {
  const ofThem = { application: { candidateId: { in: [...candidateIds] } } };
  const responses = await tx.questionnaireResponse.updateMany({ where: ofThem, data: { answers: {}, overrideReason: null } });
  const invites = await tx.questionnaireInvite.deleteMany({ where: ofThem });
  return { questionnaireResponses: responses.count, questionnaireInvites: invites.count };
}

export type InterviewErasure = { interviewInvitations: number; scorecards: number };

/**
 * What the group interviews kept about the person in words: why they declined, why
 * the decision went as it did, and the assessors' notes. The attendance, the scores,
 * the recommendation and the decision itself stay, so the show rate, the session's
 * ranking and the funnel stay true. Invitations still open are cancelled and every RSVP
 * link of theirs stops working.
 */
export async function eraseInterviews(tx: Tx, candidateIds: readonly string[]): Promise<InterviewErasure> {
  const ofThem = { application: { candidateId: { in: [...candidateIds] } } };
  // Open invitations not yet marked end (no reminder, no place held) and every RSVP link stops
  // working: the stored hash is replaced by one no token has.
  await tx.interviewInvitation.updateMany({
    where: { ...ofThem, status: { in: ["WAITLISTED", "INVITED", "CONFIRMED"] }, attendance: null },
    data: { status: "CANCELLED" },
  });
  if (candidateIds.length) {
    await tx.$executeRaw`
      UPDATE "InterviewInvitation" AS i SET "tokenHash" = encode(sha256(convert_to(gen_random_uuid()::text || i.id, 'UTF8')), 'hex')
      FROM "Application" AS a WHERE a.id = i."applicationId" AND a."candidateId" IN (${Prisma.join([...candidateIds])})`;
  }
  const invitations = await tx.interviewInvitation.updateMany({ where: ofThem, data: { declineNote: null, decisionNote: null } });
  const scorecards = await tx.scorecard.updateMany({ where: { invitation: ofThem, notes: { not: null } }, data: { notes: null } });
  return { interviewInvitations: invitations.count, scorecards: scorecards.count };
}
