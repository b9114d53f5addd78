import { Prisma, type Stage } from "@prisma/client";
import { db } from "~/utils/db.server";

export const PAGE_SIZE = 50;

/** At most this many words of a search are used: enough for "Иванов Москва KAM". */
const MAX_TERMS = 5;
const SEARCHED = ["lastName", "firstName", "middleName", "city", "currentTitle"] as const;

function escapeLike(term: string) {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Every word must match some field, so "Иванов Казань" finds Ivanov from Kazan.
 * The ICU collation makes ILIKE fold Cyrillic case too: under the C locale the
 * embedded server uses, plain ILIKE folds only ASCII (Prisma's `mode:
 * "insensitive"` is plain ILIKE), and "иванова" would miss "Иванова".
 */
function searchCondition(q: string): Prisma.Sql {
  const terms = q.trim().split(/\s+/).filter(Boolean).slice(0, MAX_TERMS);
  if (!terms.length) return Prisma.sql`TRUE`;
  const perTerm = terms.map((term) => {
    const pattern = `%${escapeLike(term)}%`;
    const fields = SEARCHED.map((f) => Prisma.sql`${Prisma.raw(`"${f}"`)} ILIKE (${pattern} COLLATE "und-x-icu")`);
    return Prisma.sql`(${Prisma.join(fields, " OR ")})`;
  });
  return Prisma.sql`"erasedAt" IS NULL AND ${Prisma.join(perTerm, " AND ")}`;
}

/** Only what a list may show: erased candidates keep an id and flags, nothing personal. */
function publicSummary<
  T extends {
    erasedAt: Date | null;
    firstName: string;
    lastName: string;
    middleName: string | null;
    city: string | null;
    currentTitle: string | null;
  },
>(c: T) {
  const { firstName, lastName, middleName, city, currentTitle, ...rest } = c;
  return c.erasedAt
    ? { ...rest, name: null, city: null, currentTitle: null }
    : { ...rest, name: { firstName, lastName, middleName }, city, currentTitle };
}

export async function searchCandidates({
  q = "",
  page = 1,
  pageSize = PAGE_SIZE,
}: {
  q?: string;
  page?: number;
  pageSize?: number;
}) {
  const where = searchCondition(q);
  const [[counted], pageIds] = await Promise.all([
    db().$queryRaw<Array<{ total: number }>>`SELECT count(*)::int AS total FROM "Candidate" WHERE ${where}`,
    db().$queryRaw<Array<{ id: string }>>`
      SELECT id FROM "Candidate" WHERE ${where}
      ORDER BY "lastName" COLLATE "und-x-icu", "firstName" COLLATE "und-x-icu", id
      LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
  ]);
  const total = counted?.total ?? 0;
  const ids = pageIds.map((r) => r.id);
  const found = await db().candidate.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      firstName: true,
      lastName: true,
      middleName: true,
      city: true,
      currentTitle: true,
      source: true,
      doNotContact: true,
      consentAt: true,
      erasedAt: true,
      _count: { select: { applications: true } },
    },
  });
  const byId = new Map(found.map((c) => [c.id, c]));
  const rows = ids.flatMap((id) => byId.get(id) ?? []);
  return {
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
    candidates: rows.map(({ _count, ...c }) => ({ ...publicSummary(c), applications: _count.applications })),
  };
}

/**
 * One candidate with work history and applications (each with its stage history).
 * An erased candidate comes back without any personal data, including free-text
 * reasons in the history, which may quote them.
 */
export async function getCandidateProfile(id: string) {
  const candidate = await db().candidate.findUnique({
    where: { id },
    include: {
      workHistory: { orderBy: [{ startedOn: "desc" }] },
      applications: {
        orderBy: { createdAt: "desc" },
        select: {
          id: true,
          stage: true,
          tier: true,
          stageChangedAt: true,
          createdAt: true,
          vacancy: { select: { id: true, title: true, city: true } },
          history: {
            orderBy: { createdAt: "asc" },
            select: {
              id: true,
              fromStage: true,
              toStage: true,
              reason: true,
              createdAt: true,
              actor: { select: { name: true } },
            },
          },
        },
      },
    },
  });
  if (!candidate) return null;
  const applications = candidate.applications.map((a) => ({
    ...a,
    history: a.history.map((h) => ({
      id: h.id.toString(),
      fromStage: h.fromStage,
      toStage: h.toStage,
      reason: candidate.erasedAt ? null : h.reason,
      createdAt: h.createdAt,
      actorName: h.actor?.name ?? null,
    })),
  }));
  if (candidate.erasedAt) {
    return {
      erased: true as const,
      id: candidate.id,
      erasedAt: candidate.erasedAt,
      source: candidate.source,
      createdAt: candidate.createdAt,
      applications,
    };
  }
  const { workHistory, applications: _raw, ...person } = candidate;
  return { erased: false as const, ...person, workHistory, applications };
}

/**
 * Applications at the given stages (newest stage change first), with the person
 * behind each: what the outreach, questionnaire, interview and probation pages list.
 */
export async function listApplications({
  stages,
  vacancyId,
  page = 1,
  pageSize = PAGE_SIZE,
}: {
  stages?: readonly Stage[];
  vacancyId?: string;
  page?: number;
  pageSize?: number;
}) {
  const where: Prisma.ApplicationWhereInput = {
    ...(stages ? { stage: { in: [...stages] } } : {}),
    ...(vacancyId ? { vacancyId } : {}),
  };
  const [total, rows] = await Promise.all([
    db().application.count({ where }),
    db().application.findMany({
      where,
      orderBy: [{ stageChangedAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        stage: true,
        tier: true,
        stageChangedAt: true,
        vacancy: { select: { id: true, title: true } },
        candidate: {
          select: {
            id: true,
            firstName: true,
            lastName: true,
            middleName: true,
            city: true,
            currentTitle: true,
            email: true,
            phone: true,
            doNotContact: true,
            consentAt: true,
            erasedAt: true,
          },
        },
      },
    }),
  ]);
  return {
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
    applications: rows.map(({ candidate: { email, phone, ...candidate }, ...a }) => ({
      ...a,
      candidate: {
        ...publicSummary(candidate),
        hasEmail: !candidate.erasedAt && Boolean(email),
        hasPhone: !candidate.erasedAt && Boolean(phone),
      },
    })),
  };
}

/** Applications per stage, across all vacancies or one. */
export async function countApplicationsByStage(vacancyId?: string) {
  const groups = await db().application.groupBy({
    by: ["stage"],
    where: vacancyId ? { vacancyId } : {},
    _count: { _all: true },
  });
  return Object.fromEntries(groups.map((g) => [g.stage, g._count._all])) as Partial<Record<Stage, number>>;
}
