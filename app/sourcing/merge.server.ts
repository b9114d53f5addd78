import { Prisma, type Stage } from "@prisma/client";
import { z } from "zod";
import { FUNNEL, isExit } from "~/pipeline/stages";
import { audit } from "~/utils/audit.server";
import { db, type Tx } from "~/utils/db.server";
import { containsPattern } from "./candidates.server";
import { normalizeEmail, normalizePhone } from "./identity";
import { fillEmpty, type PersonFields, pickPersonFields, readFieldSources } from "./ingest-keys";
import { refreshSearchText } from "./search-text.server";
import { searchTerms } from "./search-text";
import { retierCandidates } from "./tiering.server";

/**
 * Merging two records of one person by hand, and undoing it exactly. The merged
 * candidate's source records, work history and applications move to the survivor;
 * empty fields of the survivor are filled from the merged one (with the source record
 * each came from); the merged row stays (hidden, with mergedIntoId) so an un-merge can
 * give everything back. What moved, what was filled in and which applications changed
 * places is in the CandidateMerge row (its `undo`, personal data that erasure clears);
 * the audit entries name the fields only, never their values, as they outlive an
 * erasure. Both ways the people's applications are re-tiered from the history they
 * now have, in the same transaction. Nothing of an erased person is merged or
 * brought back by an un-merge.
 */

/** "no-undo": the merge row keeps nothing to give back (cleared by an erasure, or a merge older than its undo data). */
export type MergeProblem = "same" | "not-found" | "merged" | "erased" | "undone" | "survivor-merged" | "no-undo";

export class MergeRefused extends Error {
  constructor(readonly problem: MergeProblem) {
    super(`Merge refused: ${problem}`);
    this.name = "MergeRefused";
  }
}

/** The fields a merge fills on the survivor: those an import fills. */
type FilledField = keyof PersonFields;

/** CandidateMerge.undo: what un-merge gives back. Read leniently: a field missing is nothing to undo. */
const UndoSchema = z.object({
  filled: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).catch({}),
  /** The survivor's fieldSources entries the merge set (field → source record id). */
  fieldSources: z.record(z.string(), z.string()).catch({}),
  tagsAdded: z.array(z.string()).catch([]),
  doNotContactAt: z.string().nullable().catch(null),
  /** Survivor's applications that went to the merged candidate because the merged one's got further. */
  swapped: z.array(z.object({ survivorApplicationId: z.string(), mergedApplicationId: z.string() })).catch([]),
});
type Undo = z.infer<typeof UndoSchema> & { filled: Partial<Record<FilledField, string | number | boolean>> };

const TX = { maxWait: 10_000, timeout: 30_000 };

async function lockCandidates(tx: Tx, ids: string[]) {
  const rows = await tx.$queryRaw<Array<{ id: string; mergedIntoId: string | null; erasedAt: Date | null }>>`
    SELECT id, "mergedIntoId", "erasedAt" FROM "Candidate" WHERE id IN (${Prisma.join(ids)}) ORDER BY id FOR UPDATE`;
  return new Map(rows.map((r) => [r.id, r]));
}

/** How far an application got: its funnel step, or for an exit the step it left from (and a half). */
async function progress(tx: Tx, application: { id: string; stage: Stage }) {
  if (!isExit(application.stage)) return FUNNEL.indexOf(application.stage);
  const last = await tx.stageChange.findFirst({
    where: { applicationId: application.id, toStage: application.stage },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { fromStage: true },
  });
  return (last?.fromStage ? FUNNEL.indexOf(last.fromStage) : 0) + 0.5;
}

/**
 * Exchanges the owners of two applications to the same vacancy. The (candidate,
 * vacancy) key is unique and checked row by row, so one application waits on a
 * placeholder candidate that never outlives this transaction.
 */
async function swapOwners(tx: Tx, first: { id: string; candidateId: string }, second: { id: string; candidateId: string }) {
  const placeholder = await tx.candidate.create({
    data: { firstName: "", lastName: "", mergedIntoId: first.candidateId },
    select: { id: true },
  });
  await tx.application.update({ where: { id: first.id }, data: { candidateId: placeholder.id } });
  await tx.application.update({ where: { id: second.id }, data: { candidateId: first.candidateId } });
  await tx.application.update({ where: { id: first.id }, data: { candidateId: second.candidateId } });
  await tx.candidate.delete({ where: { id: placeholder.id } });
}

export async function mergeCandidates(input: { survivorId: string; mergedId: string; actorId: string; reason?: string | null }) {
  const { survivorId, mergedId, actorId } = input;
  const reason = input.reason?.trim() || null;
  if (survivorId === mergedId) throw new MergeRefused("same");
  return db().$transaction(async (tx) => {
    const locked = await lockCandidates(tx, [survivorId, mergedId]);
    const [survivorRow, mergedRow] = [locked.get(survivorId), locked.get(mergedId)];
    if (!survivorRow || !mergedRow) throw new MergeRefused("not-found");
    if (survivorRow.mergedIntoId || mergedRow.mergedIntoId) throw new MergeRefused("merged");
    if (survivorRow.erasedAt || mergedRow.erasedAt) throw new MergeRefused("erased");

    const load = (id: string) =>
      tx.candidate.findUniqueOrThrow({
        where: { id },
        include: {
          sources: { select: { id: true } },
          workHistory: { select: { id: true } },
          applications: { select: { id: true, vacancyId: true, stage: true, candidateId: true } },
        },
      });
    const survivor = await load(survivorId);
    const merged = await load(mergedId);

    const movedApplications: string[] = [];
    const swapped: Undo["swapped"] = [];
    for (const application of merged.applications) {
      const rival = survivor.applications.find((a) => a.vacancyId === application.vacancyId);
      if (!rival) {
        await tx.application.update({ where: { id: application.id }, data: { candidateId: survivorId } });
        movedApplications.push(application.id);
      } else if ((await progress(tx, application)) > (await progress(tx, rival))) {
        await swapOwners(tx, application, rival);
        movedApplications.push(application.id);
        swapped.push({ survivorApplicationId: rival.id, mergedApplicationId: application.id });
      }
    }
    const sourceRecordIds = merged.sources.map((s) => s.id);
    const workExperienceIds = merged.workHistory.map((w) => w.id);
    await tx.sourceRecord.updateMany({ where: { id: { in: sourceRecordIds } }, data: { candidateId: survivorId } });
    await tx.workExperience.updateMany({ where: { id: { in: workExperienceIds } }, data: { candidateId: survivorId } });

    // The survivor's empty fields, as an import fills them (consent only as a pair).
    const filling = fillEmpty(pickPersonFields(survivor), pickPersonFields(merged));
    const filled: Undo["filled"] = Object.fromEntries(
      Object.entries(filling).map(([field, value]) => [field, value instanceof Date ? value.toISOString() : value]),
    ) as Undo["filled"];
    const tagsAdded = merged.tags.filter((t) => !survivor.tags.includes(t));
    // A person who asked to be left alone stays left alone under any of their records.
    const doNotContactAt = merged.doNotContact && !survivor.doNotContact ? (merged.doNotContactAt ?? new Date()) : null;
    // A filled value keeps the source record it came from; that record moves here too.
    const mergedSources = readFieldSources(merged.fieldSources);
    const fieldSources = Object.fromEntries(Object.keys(filled).flatMap((f) => (mergedSources[f] ? [[f, mergedSources[f]]] : [])));
    await tx.candidate.update({
      where: { id: survivorId },
      data: {
        ...filling,
        fieldSources: { ...readFieldSources(survivor.fieldSources), ...fieldSources },
        tags: [...survivor.tags, ...tagsAdded],
        ...(doNotContactAt ? { doNotContact: true, doNotContactAt } : {}),
      },
    });
    await tx.candidate.update({ where: { id: mergedId }, data: { mergedIntoId: survivorId } });
    const undo: Undo = { filled, fieldSources, tagsAdded, doNotContactAt: doNotContactAt?.toISOString() ?? null, swapped };
    const merge = await tx.candidateMerge.create({
      data: { survivorId, mergedId, sourceRecordIds, applicationIds: movedApplications, workExperienceIds, actorId, reason, undo },
    });
    // Which fields, never their values: the audit trail outlives an erasure.
    await audit(tx, {
      actorId,
      action: "candidate.merge",
      entityType: "Candidate",
      entityId: survivorId,
      details: { mergeId: merge.id, otherId: mergedId, reason, filled: Object.keys(filled), tagsAdded: tagsAdded.length, doNotContactAdded: doNotContactAt !== null },
    });
    await audit(tx, {
      actorId,
      action: "candidate.merged-into",
      entityType: "Candidate",
      entityId: mergedId,
      details: { mergeId: merge.id, otherId: survivorId, reason },
    });
    await retierCandidates(tx, [survivorId], { actorId });
    await refreshSearchText(tx, [survivorId, mergedId]);
    return merge;
  }, TX);
}

/** `survivorId`, when given, must be the merge's survivor (the profile the request came from). */
export async function unmergeCandidates(input: { mergeId: string; actorId: string; survivorId?: string; reason?: string | null }) {
  const reason = input.reason?.trim() || null;
  return db().$transaction(async (tx) => {
    const [merge] = await tx.$queryRaw<Array<{ id: string; survivorId: string; mergedId: string; undoneAt: Date | null }>>`
      SELECT id, "survivorId", "mergedId", "undoneAt" FROM "CandidateMerge" WHERE id = ${input.mergeId} FOR UPDATE`;
    if (!merge || (input.survivorId && merge.survivorId !== input.survivorId)) throw new MergeRefused("not-found");
    if (merge.undoneAt) throw new MergeRefused("undone");
    const { survivorId, mergedId } = merge;
    const locked = await lockCandidates(tx, [survivorId, mergedId]);
    // An erased person stays erased: un-merging would bring their hidden row back.
    if (locked.get(survivorId)?.erasedAt || locked.get(mergedId)?.erasedAt) throw new MergeRefused("erased");
    if (locked.get(survivorId)?.mergedIntoId) throw new MergeRefused("survivor-merged");
    if (locked.get(mergedId)?.mergedIntoId !== survivorId) throw new MergeRefused("not-found");
    const record = await tx.candidateMerge.findUniqueOrThrow({ where: { id: merge.id } });
    // Without its undo data an un-merge would move rows back but leave the filled-in
    // values, tags and swapped applications where they are: half an undo. A split of the
    // record that does not belong is the way out.
    if (record.undo === null) throw new MergeRefused("no-undo");
    const undo = UndoSchema.parse(record.undo) as Undo;

    for (const pair of undo.swapped) {
      await swapOwners(
        tx,
        { id: pair.mergedApplicationId, candidateId: survivorId },
        { id: pair.survivorApplicationId, candidateId: mergedId },
      );
    }
    const swappedIn = new Set(undo.swapped.map((p) => p.mergedApplicationId));
    const back = { candidateId: survivorId };
    await tx.application.updateMany({
      where: { id: { in: record.applicationIds.filter((id) => !swappedIn.has(id)) }, ...back },
      data: { candidateId: mergedId },
    });
    await tx.sourceRecord.updateMany({ where: { id: { in: record.sourceRecordIds }, ...back }, data: { candidateId: mergedId } });
    await tx.workExperience.updateMany({ where: { id: { in: record.workExperienceIds }, ...back }, data: { candidateId: mergedId } });

    const survivor = await tx.candidate.findUniqueOrThrow({ where: { id: survivorId } });
    const restore: Prisma.CandidateUpdateInput = {};
    for (const [field, value] of Object.entries(undo.filled) as Array<[FilledField, string | number | boolean]>) {
      const now = survivor[field];
      // A value someone has changed since the merge is theirs now, and stays.
      if ((now instanceof Date ? now.toISOString() : now) === value) Object.assign(restore, { [field]: null });
    }
    const sources = readFieldSources(survivor.fieldSources);
    for (const [field, sourceId] of Object.entries(undo.fieldSources)) if (sources[field] === sourceId) delete sources[field];
    restore.fieldSources = sources;
    if (undo.tagsAdded.length) restore.tags = survivor.tags.filter((t) => !undo.tagsAdded.includes(t));
    if (undo.doNotContactAt && survivor.doNotContact && survivor.doNotContactAt?.toISOString() === undo.doNotContactAt) {
      Object.assign(restore, { doNotContact: false, doNotContactAt: null });
    }
    await tx.candidate.update({ where: { id: survivorId }, data: restore });
    await tx.candidate.update({ where: { id: mergedId }, data: { mergedIntoId: null } });
    await tx.candidateMerge.update({ where: { id: merge.id }, data: { undoneAt: new Date() } });
    const details = { mergeId: merge.id, reason };
    await audit(tx, { actorId: input.actorId, action: "candidate.unmerge", entityType: "Candidate", entityId: survivorId, details: { ...details, otherId: mergedId } });
    await audit(tx, { actorId: input.actorId, action: "candidate.unmerged-from", entityType: "Candidate", entityId: mergedId, details: { ...details, otherId: survivorId } });
    await retierCandidates(tx, [survivorId, mergedId], { actorId: input.actorId });
    await refreshSearchText(tx, [survivorId, mergedId]);
    return { survivorId, mergedId };
  }, TX);
}

/**
 * Candidates a recruiter may merge into `candidateId`: by e-mail or phone (the profile's
 * own, or one any of their source records gave), or by name words.
 */
export async function findMergeCandidates(candidateId: string, query: string) {
  const q = query.trim();
  if (!q) return [];
  const email = q.includes("@") ? normalizeEmail(q) : null;
  const phone = !email && /^[\d\s()+-]{6,}$/.test(q) ? normalizePhone(q) : null;
  const terms = searchTerms(q);
  const match = email
    ? Prisma.sql`(c.email = ${email} OR c.id IN (SELECT "candidateId" FROM "SourceRecord" WHERE email = ${email}))`
    : phone
      ? Prisma.sql`(c.phone = ${phone} OR c.id IN (SELECT "candidateId" FROM "SourceRecord" WHERE phone = ${phone}))`
      : terms.length
        ? Prisma.join(terms.map((t) => Prisma.sql`c."searchText" LIKE ${containsPattern(t)}`), " AND ")
        : Prisma.sql`FALSE`;
  const rows = await db().$queryRaw<Array<{ id: string }>>`
    SELECT c.id FROM "Candidate" c
    WHERE c."mergedIntoId" IS NULL AND c."erasedAt" IS NULL AND c.id <> ${candidateId} AND ${match}
    ORDER BY c."lastName", c."firstName", c.id LIMIT 20`;
  const people = await db().candidate.findMany({
    where: { id: { in: rows.map((r) => r.id) } },
    select: { id: true, firstName: true, lastName: true, middleName: true, email: true, phone: true, city: true, currentTitle: true, createdAt: true },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }],
  });
  return people;
}
