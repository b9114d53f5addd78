import { Prisma } from "@prisma/client";
import { db } from "~/utils/db.server";
import { type CandidateFilters } from "./candidate-filters";
import { PAGE_SIZE, publicSummary, shownTierReason } from "./candidate-summary";
import { searchTerms } from "./search-text";

/** Counts stop here ("10 000+"): counting every match of a broad query on each page costs more than it tells. */
export const COUNT_CAP = 10_000;

/** A LIKE pattern finding `term` anywhere, with % and _ taken literally. */
export function containsPattern(term: string) {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** "москва" and "нижний новгород" find "Москва" and "Нижний Новгород" through the city index. */
function cityVariants(city: string): string[] {
  const titled = city.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
  return [...new Set([city, titled])];
}

/**
 * The WHERE of the candidate list, on `c` (Candidate) and, with a vacancy, `a` (the
 * candidate's application to it). Every search word must occur in the candidate's
 * search text (names, city, employers, positions, in Cyrillic and Latin), which the
 * trigram index answers. Merged candidates are never listed; erased ones have an
 * empty search text and no city or salary, so only unfiltered lists show them.
 */
function conditions(f: Partial<CandidateFilters>) {
  const onCandidate: Prisma.Sql[] = [];
  const terms = searchTerms(f.q ?? "");
  for (const term of terms) onCandidate.push(Prisma.sql`c."searchText" LIKE ${containsPattern(term)}`);
  // A query of punctuation only ("%", "—") has no word to find, so it finds nobody.
  if (f.q?.trim() && !terms.length) onCandidate.push(Prisma.sql`FALSE`);
  if (f.city) onCandidate.push(Prisma.sql`c.city = ANY(${cityVariants(f.city)}::text[])`);
  if (f.salaryMin !== undefined) onCandidate.push(Prisma.sql`c."salaryExpectationRub" >= ${f.salaryMin}`);
  if (f.salaryMax !== undefined) onCandidate.push(Prisma.sql`c."salaryExpectationRub" <= ${f.salaryMax}`);
  if (f.tag) onCandidate.push(Prisma.sql`c.tags @> ARRAY[${f.tag}]::text[]`);
  if (f.source) {
    onCandidate.push(Prisma.sql`(c.source = ${f.source}::"CandidateSource" OR c.id IN (
      SELECT s."candidateId" FROM "SourceRecord" s WHERE s.source = ${f.source}::"CandidateSource"))`);
  }
  const onApplication = stageAndTier(f);
  const all = [Prisma.sql`c."mergedIntoId" IS NULL`, ...onCandidate];
  if (f.vacancyId) {
    all.push(...onApplication);
  } else if (onApplication.length) {
    // Any application at that stage or tier; EXISTS keeps one row per candidate.
    all.push(Prisma.sql`EXISTS (SELECT 1 FROM "Application" a WHERE a."candidateId" = c.id AND ${Prisma.join(onApplication, " AND ")})`);
  }
  const indexed = terms.length > 0 || Boolean(f.city) || f.salaryMin !== undefined || f.salaryMax !== undefined;
  return {
    where: Prisma.join(all, " AND "),
    candidateFiltered: onCandidate.length > 0,
    indexed,
    // Erased candidates have no search text, city, salary or tags left to match.
    erasedMayMatch: !indexed && !f.tag,
  };
}

/** The stage and tier filters, on `a` (an application). */
function stageAndTier(f: Partial<CandidateFilters>): Prisma.Sql[] {
  return [
    ...(f.stage ? [Prisma.sql`a.stage = ${f.stage}::"Stage"`] : []),
    ...(f.tier ? [Prisma.sql`a.tier = ${f.tier}::"SourcingTier"`] : []),
  ];
}

function fromClause(vacancyId: string | undefined): Prisma.Sql {
  return vacancyId
    ? Prisma.sql`"Candidate" c JOIN "Application" a ON a."candidateId" = c.id AND a."vacancyId" = ${vacancyId}`
    : Prisma.sql`"Candidate" c`;
}

/**
 * Orders that an index can serve, or that sort only the vacancy's applications (a
 * narrow table) before the page's candidates are fetched. Names compare by the
 * database's byte order, which is alphabetical for capitalised Cyrillic and Latin
 * names and lets the (lastName, firstName) index answer the first pages at once.
 */
function orderClause(sort: CandidateFilters["sort"]): Prisma.Sql {
  switch (sort) {
    case "newest":
      return Prisma.sql`c."createdAt" DESC, c.id DESC`;
    case "salary":
      return Prisma.sql`c."salaryExpectationRub" ASC NULLS LAST, c.id`;
    case "salary-desc":
      return Prisma.sql`c."salaryExpectationRub" DESC NULLS LAST, c.id`;
    case "stage-changed":
      return Prisma.sql`a."stageChangedAt" DESC, a.id`;
    case "tier":
      return Prisma.sql`a.tier ASC NULLS LAST, a."createdAt" DESC, a.id`;
    default:
      return Prisma.sql`c."lastName", c."firstName", c.id`;
  }
}

/** Without a vacancy there is no application to order by: such a list is by name. */
function orderOf(f: Partial<CandidateFilters>): CandidateFilters["sort"] {
  return !f.vacancyId && (f.sort === "tier" || f.sort === "stage-changed") ? "name" : (f.sort ?? "name");
}

/** A vacancy's applications narrowed by stage and tier, on `a`. */
function applicationConditions(f: Partial<CandidateFilters>): Prisma.Sql {
  return Prisma.join([Prisma.sql`a."vacancyId" = ${f.vacancyId}`, ...stageAndTier(f)], " AND ");
}

async function countMatches(f: CandidateSearch, where: Prisma.Sql, candidateFiltered: boolean) {
  const cap = f.countCap ?? COUNT_CAP;
  if (f.vacancyId && !candidateFiltered) {
    // Only the application filters narrow: count them on the application index, less
    // the few applications left with merged candidates. Exact, and no candidate row is read.
    const appWhere = applicationConditions(f);
    const [row] = await db().$queryRaw<Array<{ n: number }>>`
      SELECT ((SELECT count(*) FROM "Application" a WHERE ${appWhere})
        - (SELECT count(*) FROM "Candidate" c JOIN "Application" a ON a."candidateId" = c.id
           WHERE c."mergedIntoId" IS NOT NULL AND ${appWhere}))::int AS n`;
    return { total: row?.n ?? 0, capped: false };
  }
  const [row] = await db().$queryRaw<Array<{ n: number }>>`
    SELECT count(*)::int AS n FROM (SELECT 1 FROM ${fromClause(f.vacancyId)} WHERE ${where} LIMIT ${cap + 1}) s`;
  const n = row?.n ?? 0;
  return n > cap ? { total: cap, capped: true } : { total: n, capped: false };
}

/** Up to this many matches, a page reads them all and sorts them (see searchCandidates). */
const SPARSE = 3_000;

export type CandidateSearch = Partial<CandidateFilters> & { pageSize?: number; countCap?: number; sparseUpTo?: number };

type PageRow = { id: string; applicationId: string | null };

/**
 * The page's rows. By name, erased candidates (who have no name left) come after
 * everyone else instead of first: the named rows are read through the name index,
 * the erased ones only when the page reaches past the named ones.
 */
async function pageRows(
  filters: CandidateSearch,
  where: Prisma.Sql,
  { limit, offset, sparse, candidateFiltered, erasedMayMatch }: { limit: number; offset: number; sparse: boolean; candidateFiltered: boolean; erasedMayMatch: boolean },
): Promise<PageRow[]> {
  const from = fromClause(filters.vacancyId);
  const applicationColumn = filters.vacancyId ? Prisma.sql`a.id` : Prisma.sql`NULL::text`;
  const sort = orderOf(filters);
  const order = orderClause(sort);
  if (!candidateFiltered && (sort === "tier" || sort === "stage-changed")) {
    // Ordered by the application alone: the (vacancyId, tier) index serves the order
    // and no candidate row is read; the few merged candidates are left out by id.
    return db().$queryRaw<PageRow[]>`
      SELECT a."candidateId" AS id, a.id AS "applicationId" FROM "Application" a
      WHERE ${applicationConditions(filters)}
        AND a."candidateId" NOT IN (SELECT id FROM "Candidate" WHERE "mergedIntoId" IS NOT NULL)
      ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`;
  }
  const select = (extra: Prisma.Sql, orderBy: Prisma.Sql, take: number, skip: number) =>
    sparse
      ? db().$queryRaw<PageRow[]>`
          WITH m AS MATERIALIZED (SELECT c.id AS cid, ${applicationColumn} AS aid FROM ${from} WHERE ${where})
          SELECT c.id, m.aid AS "applicationId" FROM m JOIN "Candidate" c ON c.id = m.cid
          ${filters.vacancyId ? Prisma.sql`JOIN "Application" a ON a.id = m.aid` : Prisma.empty}
          WHERE ${extra} ORDER BY ${orderBy} LIMIT ${take} OFFSET ${skip}`
      : db().$queryRaw<PageRow[]>`
          SELECT c.id, ${applicationColumn} AS "applicationId" FROM ${from}
          WHERE ${where} AND ${extra} ORDER BY ${orderBy} LIMIT ${take} OFFSET ${skip}`;
  if (sort !== "name") return select(Prisma.sql`TRUE`, order, limit, offset);
  const named = await select(Prisma.sql`c."erasedAt" IS NULL`, order, limit, offset);
  if (named.length === limit || !erasedMayMatch) return named;
  let namedTotal = offset + named.length;
  if (named.length === 0 && offset > 0) {
    const [row] = await db().$queryRaw<Array<{ n: number }>>`
      SELECT count(*)::int AS n FROM ${from} WHERE ${where} AND c."erasedAt" IS NULL`;
    namedTotal = row?.n ?? 0;
  }
  const erased = await select(Prisma.sql`c."erasedAt" IS NOT NULL`, Prisma.sql`c.id`, limit - named.length, Math.max(0, offset - namedTotal));
  return [...named, ...erased];
}

/** One page of the candidate list, with the count of matches (exact up to COUNT_CAP). */
export async function searchCandidates(filters: CandidateSearch) {
  const { pageSize = PAGE_SIZE } = filters;
  const page = filters.page ?? 1;
  const { where, candidateFiltered, indexed, erasedMayMatch } = conditions(filters);
  const window = { limit: pageSize + 1, offset: (page - 1) * pageSize };
  let counted: Awaited<ReturnType<typeof countMatches>>;
  let rows: PageRow[];
  if (indexed) {
    // The planner cannot tell how many candidates a word, a city or a salary range
    // matches. When few do, reading them all (through their indexes) and sorting beats
    // walking the name index past thousands of others, so the count decides.
    counted = await countMatches(filters, where, candidateFiltered);
    const sparse = !counted.capped && counted.total <= (filters.sparseUpTo ?? SPARSE);
    rows = await pageRows(filters, where, { ...window, sparse, candidateFiltered, erasedMayMatch });
  } else {
    [counted, rows] = await Promise.all([
      countMatches(filters, where, candidateFiltered),
      pageRows(filters, where, { ...window, sparse: false, candidateFiltered, erasedMayMatch }),
    ]);
  }
  const hasMore = rows.length > pageSize;
  const candidates = await hydrate(rows.slice(0, pageSize));
  const knownPages = Math.max(1, Math.ceil(counted.total / pageSize));
  return {
    total: counted.total,
    capped: counted.capped,
    page,
    pageCount: counted.capped ? Math.max(knownPages, page + (hasMore ? 1 : 0)) : knownPages,
    candidates,
  };
}

async function hydrate(rows: PageRow[]) {
  const ids = rows.map((r) => r.id);
  const applicationIds = rows.flatMap((r) => r.applicationId ?? []);
  if (!ids.length) return [];
  // Counted here for the page's ids only: Prisma's relation _count aggregates the whole table.
  const [people, applications, counts] = await Promise.all([
    db().candidate.findMany({
      where: { id: { in: ids } },
      select: {
        id: true, firstName: true, lastName: true, middleName: true, city: true, currentTitle: true,
        salaryExpectationRub: true, tags: true, source: true, doNotContact: true, consentAt: true, erasedAt: true,
        createdAt: true,
      },
    }),
    applicationIds.length
      ? db().application.findMany({
          where: { id: { in: applicationIds } },
          select: { id: true, stage: true, tier: true, tierReason: true, stageChangedAt: true, contactOverrideAt: true },
        })
      : Promise.resolve([]),
    db().$queryRaw<Array<{ candidateId: string; n: number }>>`
      SELECT "candidateId", count(*)::int AS n FROM "Application" WHERE "candidateId" IN (${Prisma.join(ids)}) GROUP BY 1`,
  ]);
  const personById = new Map(people.map((p) => [p.id, p]));
  const applicationById = new Map(applications.map((a) => [a.id, a]));
  const countOf = new Map(counts.map((c) => [c.candidateId, c.n]));
  return rows.flatMap(({ id, applicationId }) => {
    const person = personById.get(id);
    if (!person) return [];
    const { salaryExpectationRub, tags, ...rest } = person;
    const application = applicationId ? applicationById.get(applicationId) : undefined;
    return [
      {
        ...publicSummary(rest),
        salaryExpectationRub: rest.erasedAt ? null : salaryExpectationRub,
        tags: rest.erasedAt ? [] : tags,
        applications: countOf.get(id) ?? 0,
        application: application
          ? { ...application, tierReason: shownTierReason(application.tierReason, rest.erasedAt) }
          : null,
      },
    ];
  });
}

