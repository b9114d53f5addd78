import { Prisma, type QuestionnaireVerdict, type SourcingTier, type Stage } from "@prisma/client";
import { type Source } from "~/sourcing/record";
import { type Tx } from "~/utils/db.server";
import { type Knockout } from "./knockouts";
import { type Questionnaire } from "./questions";
import { shownKnockout, storedKnockouts, type ShownKnockout } from "./response-view";
import { SHORTLIST_PAGE_SIZE, type ShortlistFilters } from "./shortlist-filters";
import { versionById } from "./store.server";

/**
 * The questionnaire results page's data: the vacancies that have a questionnaire,
 * the ranked shortlist of one vacancy's responses, and who still has not answered.
 * Ranking, filters and pages are done in SQL over the (vacancyId, score) index, so a
 * vacancy with thousands of responses reads 50 rows, not all of them.
 */

type Name = { firstName: string; lastName: string; middleName: string | null };

/** Vacancies with a questionnaire or with responses: open ones first, then by title. */
export async function questionnaireVacancies(tx: Pick<Tx, "vacancy">) {
  const vacancies = await tx.vacancy.findMany({
    where: { OR: [{ questionnaireId: { not: null } }, { responses: { some: {} } }] },
    orderBy: [{ title: "asc" }, { createdAt: "asc" }],
    select: { id: true, title: true, city: true, status: true, questionnaireId: true },
  });
  const open = (v: (typeof vacancies)[number]) => v.status === "OPEN";
  return [...vacancies.filter(open), ...vacancies.filter((v) => !open(v))];
}

/** The vacancy's questionnaire as the page header shows it: name, newest version, archived or not. */
export async function vacancyQuestionnaireHeader(tx: Pick<Tx, "vacancy">, vacancyId: string) {
  const vacancy = await tx.vacancy.findUnique({
    where: { id: vacancyId },
    select: {
      questionnaire: {
        select: { id: true, name: true, archivedAt: true, versions: { orderBy: { version: "desc" }, take: 1, select: { version: true } } },
      },
    },
  });
  const q = vacancy?.questionnaire;
  return q ? { id: q.id, name: q.name, archived: Boolean(q.archivedAt), version: q.versions[0]?.version ?? null } : null;
}

export type ShortlistRow = {
  rank: number;
  responseId: string;
  applicationId: string;
  candidateId: string;
  /** Null once the candidate's data was erased. */
  name: Name | null;
  score: number;
  verdict: QuestionnaireVerdict;
  overridden: boolean;
  firstKnockout: ShownKnockout | null;
  tier: SourcingTier | null;
  source: Source;
  stage: Stage;
  submittedAt: Date;
};

type RawRow = {
  id: string;
  applicationId: string;
  score: number;
  verdict: QuestionnaireVerdict;
  override: QuestionnaireVerdict | null;
  firstKnockout: unknown;
  versionId: string;
  submittedAt: Date;
  stage: Stage;
  tier: SourcingTier | null;
  candidateId: string;
  firstName: string;
  lastName: string;
  middleName: string | null;
  erasedAt: Date | null;
  source: Source;
};

function conditions(vacancyId: string, filters: ShortlistFilters): Prisma.Sql {
  const where: Prisma.Sql[] = [Prisma.sql`r."vacancyId" = ${vacancyId}`];
  if (filters.verdict === "passed") where.push(Prisma.sql`COALESCE(r.override, r.verdict) = 'PASSED'`);
  if (filters.verdict === "knocked_out") where.push(Prisma.sql`COALESCE(r.override, r.verdict) = 'KNOCKED_OUT'`);
  if (filters.minScore !== undefined) where.push(Prisma.sql`r.score >= ${filters.minScore}`);
  if (filters.source) where.push(Prisma.sql`c.source = ${filters.source}::"CandidateSource"`);
  if (filters.tier) where.push(Prisma.sql`a.tier = ${filters.tier}::"SourcingTier"`);
  if (filters.openOnly) where.push(Prisma.sql`a.stage NOT IN ('HIRED', 'REJECTED', 'WITHDRAWN')`);
  return Prisma.join(where, " AND ");
}

/**
 * One page of a vacancy's responses, best first: score descending, ties by who
 * answered first (then by id, so the order is stable). The rank is the place in
 * this filtered list. The default shows the effective verdict "passed" only.
 */
export async function shortlist(tx: Tx, vacancyId: string, filters: ShortlistFilters) {
  const where = conditions(vacancyId, filters);
  const from = Prisma.sql`
    FROM "QuestionnaireResponse" r
    JOIN "Application" a ON a.id = r."applicationId"
    JOIN "Candidate" c ON c.id = a."candidateId"`;
  const counted = await tx.$queryRaw<Array<{ total: number }>>`SELECT count(*)::int AS total ${from} WHERE ${where}`;
  const total = counted[0]?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / SHORTLIST_PAGE_SIZE));
  const page = Math.min(filters.page, pageCount);
  const offset = (page - 1) * SHORTLIST_PAGE_SIZE;
  const raw = await tx.$queryRaw<RawRow[]>`
    SELECT r.id, r."applicationId", r.score, r.verdict::text AS verdict, r.override::text AS override,
      r.knockouts -> 0 AS "firstKnockout", r."versionId", r."submittedAt",
      a.stage::text AS stage, a.tier::text AS tier,
      c.id AS "candidateId", c."firstName", c."lastName", c."middleName", c."erasedAt", c.source::text AS source
    ${from}
    WHERE ${where}
    ORDER BY r.score DESC, r."submittedAt" ASC, r.id ASC
    LIMIT ${SHORTLIST_PAGE_SIZE} OFFSET ${offset}`;
  const definitions = await definitionsOf(tx, raw.map((r) => r.versionId));
  const rows: ShortlistRow[] = raw.map((r, index) => {
    const [knockout] = storedKnockouts([r.firstKnockout]) as Knockout[];
    return {
      rank: offset + index + 1,
      responseId: r.id,
      applicationId: r.applicationId,
      candidateId: r.candidateId,
      name: r.erasedAt ? null : { firstName: r.firstName, lastName: r.lastName, middleName: r.middleName },
      score: r.score,
      verdict: r.override ?? r.verdict,
      overridden: r.override !== null,
      firstKnockout: knockout ? shownKnockout(definitions.get(r.versionId) ?? null, knockout) : null,
      tier: r.tier,
      source: r.source,
      stage: r.stage,
      submittedAt: r.submittedAt,
    };
  });
  return { rows, total, page, pageCount };
}

/** The few versions a page of responses answered, parsed once each. */
async function definitionsOf(tx: Tx, versionIds: readonly string[]): Promise<Map<string, Questionnaire>> {
  const out = new Map<string, Questionnaire>();
  for (const id of new Set(versionIds)) {
    const version = await versionById(tx, id);
    if (version) out.set(id, version.definition);
  }
  return out;
}

export const WAITING_SHOWN = 20;

/**
 * Applications of the vacancy at "questionnaire sent" without a response: how many,
 * and the longest waiting first, with when the first link went and whether the
 * reminder was sent.
 */
export async function waitingForAnswers(tx: Pick<Tx, "$queryRaw">, vacancyId: string, limit = WAITING_SHOWN) {
  const rows = await tx.$queryRaw<
    Array<{ applicationId: string; candidateId: string; firstName: string; lastName: string; middleName: string | null; erasedAt: Date | null; invitedAt: Date | null; remindedAt: Date | null; total: number }>
  >`
    SELECT a.id AS "applicationId", c.id AS "candidateId", c."firstName", c."lastName", c."middleName", c."erasedAt",
      COALESCE(min(i."createdAt") FILTER (WHERE NOT i."isReminder"), min(i."createdAt")) AS "invitedAt",
      max(i."remindedAt") AS "remindedAt",
      (count(*) OVER ())::int AS total
    FROM "Application" a
    JOIN "Candidate" c ON c.id = a."candidateId"
    LEFT JOIN "QuestionnaireInvite" i ON i."applicationId" = a.id
    WHERE a."vacancyId" = ${vacancyId} AND a.stage = 'QUESTIONNAIRE_SENT'
      AND NOT EXISTS (SELECT 1 FROM "QuestionnaireResponse" r WHERE r."applicationId" = a.id)
    GROUP BY a.id, c.id
    ORDER BY "invitedAt" ASC NULLS LAST, a.id
    LIMIT ${limit}`;
  return {
    total: rows[0]?.total ?? 0,
    rows: rows.map((r) => ({
      applicationId: r.applicationId,
      candidateId: r.candidateId,
      name: r.erasedAt ? null : { firstName: r.firstName, lastName: r.lastName, middleName: r.middleName },
      invitedAt: r.invitedAt,
      remindedAt: r.remindedAt,
    })),
  };
}
