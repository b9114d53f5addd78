import { type Prisma } from "@prisma/client";
import { audit } from "~/utils/audit.server";
import { db, type Tx } from "~/utils/db.server";
import { DEFAULT_RUBRIC, readRubric, type Rubric } from "./rubric";

/**
 * A vacancy's rubric (InterviewRubric, the default without one) and its edits. Each
 * session scores against its own copy (InterviewSession.rubric); an edit refreshes the
 * copies of the vacancy's sessions nobody has submitted a scorecard for yet, so scores
 * already given are always read against the criteria they were given on.
 */

/** The rubric new sessions of the vacancy copy. */
export async function vacancyRubric(tx: Pick<Tx, "interviewRubric">, vacancyId: string): Promise<Rubric> {
  const row = await tx.interviewRubric.findUnique({ where: { vacancyId }, select: { competencies: true } });
  return row ? readRubric(row.competencies) : DEFAULT_RUBRIC;
}

/** The editor's page: the vacancy, its rubric, and which sessions an edit would reach. */
export async function rubricEditor(vacancyId: string) {
  const vacancy = await db().vacancy.findUnique({
    where: { id: vacancyId },
    select: { id: true, title: true, interviewRubric: { select: { competencies: true, updatedAt: true, updatedById: true } } },
  });
  if (!vacancy) return null;
  const sessions = await db().interviewSession.findMany({
    where: { vacancyId },
    select: { id: true, startsAt: true, cancelledAt: true, _count: { select: { scorecards: { where: { submittedAt: { not: null } } } } } },
    orderBy: { startsAt: "asc" },
  });
  const updatedBy = vacancy.interviewRubric?.updatedById
    ? await db().user.findUnique({ where: { id: vacancy.interviewRubric.updatedById }, select: { name: true } })
    : null;
  const scored = sessions.filter((s) => s._count.scorecards > 0);
  return {
    vacancy: { id: vacancy.id, title: vacancy.title },
    rubric: vacancy.interviewRubric ? readRubric(vacancy.interviewRubric.competencies) : DEFAULT_RUBRIC,
    isDefault: !vacancy.interviewRubric,
    updatedAt: vacancy.interviewRubric?.updatedAt ?? null,
    updatedByName: updatedBy?.name ?? null,
    sessions: {
      total: sessions.length,
      /** Sessions an edit refreshes. */
      refreshable: sessions.length - scored.length,
      /** Sessions with submitted scorecards: they keep the rubric they were scored on. */
      kept: scored.map((s) => ({ id: s.id, startsAt: s.startsAt })),
    },
  };
}

export type RubricSaved = { refreshed: number; kept: number };

/**
 * Writes the vacancy's rubric and refreshes the copy of each of its sessions without a
 * submitted scorecard, in the caller's transaction. The sessions are locked first (in
 * id order, as booking locks them): a scorecard being submitted holds its session's
 * row, so no session takes the new rubric while someone submits against the old one.
 */
export async function saveRubric(tx: Tx, { vacancyId, rubric, actorId }: { vacancyId: string; rubric: Rubric; actorId: string }): Promise<RubricSaved> {
  const competencies = rubric as unknown as Prisma.InputJsonValue;
  await tx.interviewRubric.upsert({
    where: { vacancyId },
    create: { vacancyId, competencies, updatedById: actorId },
    update: { competencies, updatedById: actorId },
  });
  const locked = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT id FROM "InterviewSession" WHERE "vacancyId" = ${vacancyId} ORDER BY id FOR UPDATE`;
  const ids = locked.map((s) => s.id);
  const scored = ids.length
    ? await tx.scorecard.groupBy({ by: ["sessionId"], where: { sessionId: { in: ids }, submittedAt: { not: null } } })
    : [];
  const keep = new Set(scored.map((s) => s.sessionId));
  const refresh = ids.filter((id) => !keep.has(id));
  if (refresh.length) {
    await tx.interviewSession.updateMany({ where: { id: { in: refresh } }, data: { rubric: competencies } });
  }
  await audit(tx, {
    actorId,
    action: "interview.rubric-update",
    entityType: "Vacancy",
    entityId: vacancyId,
    details: { competencies: rubric.length, ids: rubric.map((c) => c.id), refreshedSessions: refresh.length, keptSessions: keep.size },
  });
  return { refreshed: refresh.length, kept: keep.size };
}

/** saveRubric in a transaction of its own; null when there is no such vacancy. */
export async function saveVacancyRubric(input: { vacancyId: string; rubric: Rubric; actorId: string }): Promise<RubricSaved | null> {
  return db().$transaction(async (tx) => {
    const vacancy = await tx.vacancy.findUnique({ where: { id: input.vacancyId }, select: { id: true } });
    if (!vacancy) return null;
    return saveRubric(tx, input);
  });
}
