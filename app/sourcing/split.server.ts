import { type CandidateSource, type ImportChannel, type Prisma } from "@prisma/client";
import { z } from "zod";
import { addToVacancy } from "~/pipeline/pipeline.server";
import { audit } from "~/utils/audit.server";
import { db, type Tx } from "~/utils/db.server";
import { resolveCompanies } from "./companies.server";
import { FILLABLE, isUnverified, jobKey, pickPersonFields, readFieldSources, storedPersonFields, takeBackFields } from "./ingest-keys";
import { JobRecordSchema } from "./record";
import { refreshSearchText } from "./search-text.server";
import { retierCandidates } from "./tiering.server";

/**
 * Undoing a wrong automatic merge: the importer took two people for one, so one
 * source record is taken out into a new candidate built from what that record said,
 * with its jobs (linked to the company catalog) and the applications its import
 * brought. The original gives back what only that record contributed: the fields it
 * filled (Candidate.fieldSources) and the jobs it brought (WorkExperience.sourceRecordId),
 * refilled from its other records where they say something. Both are re-tiered and
 * audited (field names, never values) in the same transaction. An erased candidate is
 * never split: that would bring their data back.
 */

export type SplitProblem = "not-found" | "only-source" | "no-name" | "erased" | "merged";

export class SplitRefused extends Error {
  constructor(readonly problem: SplitProblem) {
    super(`Split refused: ${problem}`);
    this.name = "SplitRefused";
  }
}

/** What a stored record must give to become a candidate; the rest is read by storedPersonFields. */
const ParsedPerson = z.object({
  firstName: z.string().trim().min(1),
  lastName: z.string().trim().min(1),
  workHistory: z.array(z.unknown()).catch([]),
});

const jobsOf = (parsed: unknown) => {
  const list = ParsedPerson.shape.workHistory.safeParse((parsed as { workHistory?: unknown } | null)?.workHistory);
  return (list.success ? list.data : []).flatMap((job) => {
    const read = JobRecordSchema.safeParse(job);
    return read.success ? [read.data] : [];
  });
};

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

type Remaining = { id: string; source: CandidateSource; channel: ImportChannel; adapter: string; parsed: Prisma.JsonValue; vacancyId: string | null };

/** The original's jobs that came with the record: handed to another record that lists them too, else removed. */
async function takeBackJobs(tx: Tx, candidateId: string, recordId: string, others: readonly Remaining[]): Promise<number> {
  const jobs = await tx.workExperience.findMany({
    where: { candidateId, sourceRecordId: recordId },
    select: { id: true, companyName: true, title: true, startedOn: true },
  });
  const listedBy = new Map<string, string>();
  for (const other of others) for (const job of jobsOf(other.parsed)) if (!listedBy.has(jobKey(job))) listedBy.set(jobKey(job), other.id);
  let removed = 0;
  for (const job of jobs) {
    const keeper = listedBy.get(jobKey({ ...job, startedOn: job.startedOn.toISOString().slice(0, 10) }));
    if (keeper) await tx.workExperience.update({ where: { id: job.id }, data: { sourceRecordId: keeper } });
    else {
      await tx.workExperience.delete({ where: { id: job.id } });
      removed += 1;
    }
  }
  return removed;
}

/**
 * The applications the record's import brought go with it: moved when no other record
 * of the original was imported for that vacancy, else the new candidate gets one of its own.
 */
async function handOverApplications(
  tx: Tx,
  input: { originalId: string; createdId: string; recordId: string; batchVacancyId: string | null; others: readonly Remaining[]; actorId: string },
) {
  const brought = await tx.application.findMany({
    where: { candidateId: input.originalId, sourceRecordId: input.recordId },
    select: { id: true, vacancyId: true },
  });
  const claimed = new Set(input.others.map((o) => o.vacancyId).filter(Boolean));
  const fresh = new Set<string>();
  let moved = 0;
  for (const application of brought) {
    if (claimed.has(application.vacancyId)) fresh.add(application.vacancyId);
    else {
      await tx.application.update({ where: { id: application.id }, data: { candidateId: input.createdId } });
      moved += 1;
    }
  }
  if (input.batchVacancyId && !brought.some((a) => a.vacancyId === input.batchVacancyId)) fresh.add(input.batchVacancyId);
  for (const vacancyId of fresh) {
    await addToVacancy(tx, { candidateId: input.createdId, vacancyId, actorId: input.actorId, sourceRecordId: input.recordId });
  }
  return { moved, added: fresh.size };
}

export async function splitSourceRecord(input: {
  candidateId: string;
  sourceRecordId: string;
  actorId: string;
  reason?: string | null;
}) {
  const reason = input.reason?.trim() || null;
  return db().$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<Array<{ id: string; mergedIntoId: string | null; erasedAt: Date | null }>>`
      SELECT id, "mergedIntoId", "erasedAt" FROM "Candidate" WHERE id = ${input.candidateId} FOR UPDATE`;
    if (!locked) throw new SplitRefused("not-found");
    if (locked.erasedAt) throw new SplitRefused("erased");
    if (locked.mergedIntoId) throw new SplitRefused("merged");
    const records = await tx.sourceRecord.findMany({
      where: { candidateId: input.candidateId },
      orderBy: [{ importedAt: "asc" }, { id: "asc" }],
      select: { id: true, source: true, channel: true, adapter: true, externalId: true, parsed: true, importedAt: true, importBatch: { select: { vacancyId: true } } },
    });
    const record = records.find((r) => r.id === input.sourceRecordId);
    if (!record) throw new SplitRefused("not-found");
    if (records.length < 2) throw new SplitRefused("only-source");
    const person = ParsedPerson.safeParse(record.parsed);
    if (!person.success) throw new SplitRefused("no-name");
    const fields = storedPersonFields(record.parsed);
    const others: Remaining[] = records
      .filter((r) => r.id !== record.id)
      .map((r) => ({ ...r, vacancyId: r.importBatch?.vacancyId ?? null }));

    const original = await tx.candidate.findUniqueOrThrow({ where: { id: input.candidateId } });
    // The board id identifies one resume: it goes with the record to its own candidate.
    const takesExternalId = Boolean(record.externalId) && original.source === record.source && original.externalId === record.externalId;
    if (takesExternalId) await tx.candidate.update({ where: { id: input.candidateId }, data: { externalId: null } });
    const idTaken = record.externalId ? await tx.candidate.count({ where: { source: record.source, externalId: record.externalId } }) : 0;
    const jobs = jobsOf(record.parsed);
    const hints = new Map(jobs.map((j) => [j.companyName, { industry: j.industry }]));
    const companies = jobs.length ? await resolveCompanies(tx, jobs.map((j) => j.companyName), hints) : new Map<string, { id: string }>();
    const given = Object.fromEntries(FILLABLE.filter((f) => fields[f] !== null).map((f) => [f, record.id]));
    const created = await tx.candidate.create({
      data: {
        firstName: person.data.firstName,
        lastName: person.data.lastName,
        ...fields,
        fieldSources: given,
        source: record.source,
        externalId: idTaken ? null : record.externalId,
        createdAt: record.importedAt,
        workHistory: {
          create: jobs.map((job) => ({
            companyName: job.companyName,
            companyId: companies.get(job.companyName)?.id ?? null,
            sourceRecordId: record.id,
            industry: job.industry,
            title: job.title,
            startedOn: day(job.startedOn),
            endedOn: job.endedOn ? day(job.endedOn) : null,
          })),
        },
      },
      select: { id: true },
    });
    await tx.sourceRecord.update({ where: { id: record.id }, data: { candidateId: created.id } });

    // The original gives back what only this record gave it; an apply-page record (which
    // never changed anyone) cannot vouch for a field or a job either.
    const vouching = others.filter((o) => !isUnverified(o));
    const back = takeBackFields({
      current: pickPersonFields(original),
      fieldSources: readFieldSources(original.fieldSources),
      record: { id: record.id, fields },
      others: vouching.map((o) => ({ id: o.id, fields: storedPersonFields(o.parsed) })),
    });
    await tx.candidate.update({ where: { id: original.id }, data: { ...back.set, fieldSources: back.fieldSources } });
    const jobsTaken = await takeBackJobs(tx, original.id, record.id, vouching);
    const applications = await handOverApplications(tx, {
      originalId: original.id,
      createdId: created.id,
      recordId: record.id,
      batchVacancyId: record.importBatch?.vacancyId ?? null,
      others,
      actorId: input.actorId,
    });

    const details = { sourceRecordId: record.id, reason };
    await audit(tx, {
      actorId: input.actorId,
      action: "candidate.split",
      entityType: "Candidate",
      entityId: input.candidateId,
      details: { ...details, otherId: created.id, fieldsTaken: back.taken, jobsTaken, applicationsMoved: applications.moved },
    });
    await audit(tx, {
      actorId: input.actorId,
      action: "candidate.split-from",
      entityType: "Candidate",
      entityId: created.id,
      details: { ...details, otherId: input.candidateId, applicationsAdded: applications.added },
    });
    await retierCandidates(tx, [input.candidateId, created.id], { actorId: input.actorId });
    await refreshSearchText(tx, [input.candidateId, created.id]);
    return created;
  }, { maxWait: 10_000, timeout: 30_000 });
}
