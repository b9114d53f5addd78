import { z } from "zod";
import { audit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { normalizeEmail, normalizePhone } from "./identity";
import { JobRecordSchema } from "./record";
import { refreshSearchText } from "./search-text.server";

/**
 * Undoing a wrong automatic merge: the importer took two people for one, so one
 * source record is taken out into a new candidate built from what that record said.
 */

export type SplitProblem = "not-found" | "only-source" | "no-name" | "erased" | "merged";

export class SplitRefused extends Error {
  constructor(readonly problem: SplitProblem) {
    super(`Split refused: ${problem}`);
    this.name = "SplitRefused";
  }
}

/** What a stored record must give to become a candidate; the rest is optional and may be missing in older records. */
const ParsedPerson = z.object({
  firstName: z.string().trim().min(1),
  lastName: z.string().trim().min(1),
  middleName: z.string().trim().nullish().catch(null),
  email: z.string().nullish().catch(null),
  phone: z.string().nullish().catch(null),
  city: z.string().trim().nullish().catch(null),
  currentTitle: z.string().trim().nullish().catch(null),
  salaryExpectationRub: z.number().int().nonnegative().nullish().catch(null),
  relocation: z.boolean().nullish().catch(null),
  consentAt: z.string().datetime().nullish().catch(null),
  consentText: z.string().nullish().catch(null),
  workHistory: z.array(z.unknown()).catch([]),
});

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
    const record = await tx.sourceRecord.findFirst({ where: { id: input.sourceRecordId, candidateId: input.candidateId } });
    if (!record) throw new SplitRefused("not-found");
    if ((await tx.sourceRecord.count({ where: { candidateId: input.candidateId } })) < 2) throw new SplitRefused("only-source");
    const person = ParsedPerson.safeParse(record.parsed);
    if (!person.success) throw new SplitRefused("no-name");
    const p = person.data;

    const original = await tx.candidate.findUniqueOrThrow({ where: { id: input.candidateId }, select: { source: true, externalId: true } });
    // The board id identifies one resume: it goes with the record to its own candidate.
    const takesExternalId = Boolean(record.externalId) && original.source === record.source && original.externalId === record.externalId;
    if (takesExternalId) await tx.candidate.update({ where: { id: input.candidateId }, data: { externalId: null } });
    const idTaken = record.externalId
      ? await tx.candidate.count({ where: { source: record.source, externalId: record.externalId } })
      : 0;
    const jobs = p.workHistory.flatMap((job) => {
      const parsed = JobRecordSchema.safeParse(job);
      return parsed.success ? [parsed.data] : [];
    });
    const created = await tx.candidate.create({
      data: {
        firstName: p.firstName,
        lastName: p.lastName,
        middleName: p.middleName || null,
        email: p.email ? normalizeEmail(p.email) : null,
        phone: p.phone ? normalizePhone(p.phone) : null,
        city: p.city || null,
        currentTitle: p.currentTitle || null,
        salaryExpectationRub: p.salaryExpectationRub ?? null,
        relocation: p.relocation ?? null,
        consentAt: p.consentAt ? new Date(p.consentAt) : null,
        consentText: p.consentAt ? (p.consentText ?? null) : null,
        source: record.source,
        externalId: idTaken ? null : record.externalId,
        createdAt: record.importedAt,
        workHistory: {
          create: jobs.map((job) => ({
            companyName: job.companyName,
            industry: job.industry,
            title: job.title,
            startedOn: new Date(`${job.startedOn}T00:00:00Z`),
            endedOn: job.endedOn ? new Date(`${job.endedOn}T00:00:00Z`) : null,
          })),
        },
      },
      select: { id: true },
    });
    await tx.sourceRecord.update({ where: { id: record.id }, data: { candidateId: created.id } });
    const details = { sourceRecordId: record.id, reason };
    await audit(tx, { actorId: input.actorId, action: "candidate.split", entityType: "Candidate", entityId: input.candidateId, details: { ...details, otherId: created.id } });
    await audit(tx, { actorId: input.actorId, action: "candidate.split-from", entityType: "Candidate", entityId: created.id, details: { ...details, otherId: input.candidateId } });
    await refreshSearchText(tx, [input.candidateId, created.id]);
    return created;
  }, { maxWait: 10_000, timeout: 30_000 });
}
