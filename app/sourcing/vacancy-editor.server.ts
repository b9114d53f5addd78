import { type Prisma, type Role } from "@prisma/client";
import { audit } from "~/utils/audit.server";
import { db, type Tx } from "~/utils/db.server";
import { resolveCompanies } from "./companies.server";
import { companyMatchKey } from "./company-match";
import { retierVacancy } from "./tiering.server";
import {
  formLists,
  LIST_FIELDS,
  LIST_KINDS,
  twoListsError,
  type ListKind,
  type LineMatch,
  type ListReport,
  type VacancyForm,
} from "./vacancy-form";

/**
 * Creating and editing a vacancy with its company lists. One transaction: the
 * vacancy, the lists (companies found in the catalog by match key or alias, missing
 * ones added), the re-tiering of its applications when a list or niche changed,
 * and the audit entry, which also keeps how each line was recognised for the page
 * shown after saving.
 */

const TEAM_ROLES = { recruiterId: "RECRUITER", hiringManagerId: "HIRING_MANAGER", departmentHeadId: "DEPARTMENT_HEAD" } as const;
type TeamField = keyof typeof TEAM_ROLES;

/** Field errors the schema cannot see: a user without the role, a company on two lists once aliases are known. */
export class VacancyFormRefused extends Error {
  constructor(readonly fieldErrors: Record<string, string[]>) {
    super(`Vacancy form refused: ${Object.keys(fieldErrors).join(", ")}`);
    this.name = "VacancyFormRefused";
  }
}

/**
 * The team drop-downs (active users with each role, plus whoever `current` has
 * assigned now) and the vacancies to copy lists from (all but `current`).
 */
export async function editorOptions(current?: { id: string } & Record<TeamField, string | null>) {
  const assigned = current ? (Object.keys(TEAM_ROLES) as TeamField[]).flatMap((field) => current[field] ?? []) : [];
  const [users, vacancies] = await Promise.all([
    db().user.findMany({
      where: { OR: [{ active: true }, { id: { in: assigned } }] },
      orderBy: { name: "asc" },
      select: { id: true, name: true, roles: true },
    }),
    db().vacancy.findMany({
      where: current ? { id: { not: current.id } } : {},
      orderBy: [{ status: "asc" }, { createdAt: "desc" }],
      select: { id: true, title: true, city: true },
    }),
  ]);
  const withRole = (role: Role) => users.filter((u) => u.roles.includes(role)).map(({ id, name }) => ({ id, name }));
  return {
    team: {
      recruiterId: withRole("RECRUITER"),
      hiringManagerId: withRole("HIRING_MANAGER"),
      departmentHeadId: withRole("DEPARTMENT_HEAD"),
    } satisfies Record<TeamField, unknown>,
    vacancies,
  };
}

/** A vacancy's company lists, read as names in the order they were saved. */
const listEntries = {
  select: { kind: true, company: { select: { name: true } } },
  orderBy: [{ createdAt: "asc" }, { company: { name: "asc" } }],
} satisfies Prisma.Vacancy$companyListsArgs;

function listsByKind(entries: ReadonlyArray<{ kind: ListKind; company: { name: string } }>): Record<ListKind, string[]> {
  const lists: Record<ListKind, string[]> = { TARGET: [], EXCLUDED: [], ADJACENT: [] };
  for (const entry of entries) lists[entry.kind].push(entry.company.name);
  return lists;
}

/** A vacancy's company lists as names, and its adjacent niches. */
export async function vacancyLists(vacancyId: string) {
  const vacancy = await db().vacancy.findUnique({
    where: { id: vacancyId },
    select: { title: true, adjacentNiches: true, companyLists: listEntries },
  });
  if (!vacancy) return null;
  return { title: vacancy.title, lists: listsByKind(vacancy.companyLists), niches: vacancy.adjacentNiches };
}

/** Everything the edit form starts from, in one read. */
export async function getVacancyForEdit(id: string) {
  const vacancy = await db().vacancy.findUnique({
    where: { id },
    select: {
      id: true,
      title: true,
      city: true,
      industry: true,
      niche: true,
      openings: true,
      salaryMinRub: true,
      salaryMaxRub: true,
      status: true,
      recruiterId: true,
      hiringManagerId: true,
      departmentHeadId: true,
      description: true,
      sellingLetter: true,
      callScript: true,
      adjacentNiches: true,
      requireLocal: true,
      salaryCeilingRub: true,
      companyLists: listEntries,
    },
  });
  if (!vacancy) return null;
  const { companyLists, ...fields } = vacancy;
  return { ...fields, lists: listsByKind(companyLists) };
}

async function checkTeam(tx: Tx, form: VacancyForm) {
  const errors: Record<string, string[]> = {};
  for (const [field, role] of Object.entries(TEAM_ROLES) as Array<[TeamField, Role]>) {
    const userId = form[field];
    if (!userId) continue;
    const user = await tx.user.findUnique({ where: { id: userId }, select: { roles: true } });
    if (!user?.roles.includes(role)) errors[field] = ["vacancyEditor.errors.wrongRole"];
  }
  return errors;
}

/**
 * How each line will be recognised, read before resolveCompanies adds the missing
 * ones: by a company's own match key, by one of its aliases, or not at all (new).
 */
async function recognise(tx: Tx, lines: readonly string[]) {
  const keys = [...new Set(lines.map(companyMatchKey).filter(Boolean))];
  const [own, aliases] = await Promise.all([
    tx.company.findMany({ where: { normalizedName: { in: keys } }, select: { normalizedName: true } }),
    tx.companyAlias.findMany({ where: { normalized: { in: keys } }, select: { normalized: true, alias: true } }),
  ]);
  const byName = new Set(own.map((c) => c.normalizedName));
  const byAlias = new Map(aliases.map((a) => [a.normalized, a.alias]));
  return (line: string): Pick<LineMatch, "via" | "alias"> => {
    const key = companyMatchKey(line);
    if (byName.has(key)) return { via: "name", alias: null };
    const alias = byAlias.get(key);
    return alias === undefined ? { via: "created", alias: null } : { via: "alias", alias };
  };
}

/** Finds or adds each line's company; a company reached from two lists (say, by an alias) is refused by name. */
async function resolveLists(tx: Tx, form: VacancyForm) {
  const lists = formLists(form);
  const how = await recognise(tx, LIST_KINDS.flatMap((kind) => lists[kind]));
  const report: ListReport = { TARGET: [], EXCLUDED: [], ADJACENT: [] };
  const errors: Record<string, string[]> = {};
  const owner = new Map<string, ListKind>();
  for (const kind of LIST_KINDS) {
    const resolved = await resolveCompanies(tx, lists[kind]);
    for (const line of lists[kind]) {
      const company = resolved.get(line);
      if (!company) continue;
      const first = owner.get(company.id);
      if (first && first !== kind) {
        const message = twoListsError(company.name, first, kind);
        for (const field of [LIST_FIELDS[first], LIST_FIELDS[kind]]) (errors[field] ??= []).push(message);
        continue;
      }
      if (first) continue;
      owner.set(company.id, kind);
      report[kind].push({ line, companyId: company.id, name: company.name, ...how(line) });
    }
  }
  return { report, errors };
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * Saves the form as a new vacancy (no `vacancyId`) or over an existing one. Throws
 * VacancyFormRefused with field errors; then nothing is written, not even the
 * companies a list would have added to the catalog.
 */
export async function saveVacancy(input: { vacancyId?: string; actorId: string; form: VacancyForm }) {
  const { form } = input;
  return db().$transaction(
    async (tx) => {
      const before = input.vacancyId
        ? await tx.vacancy.findUnique({
            where: { id: input.vacancyId },
            select: { status: true, closedAt: true, adjacentNiches: true, companyLists: { select: { kind: true, companyId: true } } },
          })
        : null;
      if (input.vacancyId && !before) return null;
      const teamErrors = await checkTeam(tx, form);
      const { report, errors } = await resolveLists(tx, form);
      if (Object.keys(teamErrors).length || Object.keys(errors).length) {
        throw new VacancyFormRefused({ ...teamErrors, ...errors });
      }
      const closedAt = form.status !== "CLOSED" ? null : before?.status === "CLOSED" ? before.closedAt : new Date();
      const data = {
        title: form.title,
        city: form.city,
        industry: form.industry,
        niche: form.niche,
        openings: form.openings,
        salaryMinRub: form.salaryMinRub,
        salaryMaxRub: form.salaryMaxRub,
        status: form.status,
        recruiterId: form.recruiterId,
        hiringManagerId: form.hiringManagerId,
        departmentHeadId: form.departmentHeadId,
        description: form.description,
        sellingLetter: form.sellingLetter,
        callScript: form.callScript,
        adjacentNiches: form.adjacentNiches,
        requireLocal: form.requireLocal,
        salaryCeilingRub: form.salaryCeilingRub,
        closedAt,
      } satisfies Prisma.VacancyUncheckedCreateInput;
      const vacancy = input.vacancyId
        ? await tx.vacancy.update({ where: { id: input.vacancyId }, data, select: { id: true } })
        : await tx.vacancy.create({ data, select: { id: true } });

      const rows = LIST_KINDS.flatMap((kind) => report[kind].map((m) => ({ vacancyId: vacancy.id, companyId: m.companyId, kind })));
      await tx.vacancyCompanyList.deleteMany({ where: { vacancyId: vacancy.id } });
      await tx.vacancyCompanyList.createMany({ data: rows });

      const listsChanged =
        !before ||
        !sameSet(before.adjacentNiches, form.adjacentNiches) ||
        LIST_KINDS.some((kind) =>
          !sameSet(
            before.companyLists.filter((l) => l.kind === kind).map((l) => l.companyId),
            report[kind].map((m) => m.companyId),
          ),
        );
      // The editor is who cleared an override the new lists no longer cover (its audit entry says so).
      if (before && listsChanged) await retierVacancy(tx, vacancy.id, input.actorId);

      await audit(tx, {
        actorId: input.actorId,
        action: before ? "vacancy.update" : "vacancy.create",
        entityType: "Vacancy",
        entityId: vacancy.id,
        details: { title: form.title, status: form.status, listsChanged, lists: report },
      });
      // Its id lets the page after saving show this save's report, even after a reload.
      const entry = await tx.auditEntry.findFirstOrThrow({
        where: { entityType: "Vacancy", entityId: vacancy.id },
        orderBy: { id: "desc" },
        select: { id: true },
      });
      return { id: vacancy.id, auditId: entry.id.toString() };
    },
    { timeout: 60_000 },
  );
}

/** How the lines were recognised at one save, read back from its audit entry. */
export async function savedReport(vacancyId: string, auditId: string | null): Promise<ListReport | null> {
  if (!auditId || !/^\d{1,18}$/.test(auditId)) return null;
  const entry = await db().auditEntry.findFirst({
    where: { id: BigInt(auditId), entityType: "Vacancy", entityId: vacancyId, action: { in: ["vacancy.create", "vacancy.update"] } },
    select: { details: true },
  });
  const details = entry?.details as { lists?: ListReport } | null | undefined;
  return details?.lists ?? null;
}
