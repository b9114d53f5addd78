import type { CompanyListKind, Prisma } from "@prisma/client";
import { audit } from "~/utils/audit.server";
import { db, type Tx } from "~/utils/db.server";
import { findCompaniesByKey, type CompanyRef } from "./companies.server";
import { type CompanyInput, errorParam } from "./company-forms";
import { companyMatchKey } from "./company-match";
import { retierVacanciesListing } from "./tiering.server";

/**
 * The company catalog: companies, their aliases, merging duplicates. Every write is
 * audited in its transaction. A name or alias belongs to one company only: its match
 * key is unique across all company names and aliases, so a refused one names the
 * company that has it.
 */

export const COMPANIES_PAGE_SIZE = 50;
const TX = { maxWait: 10_000, timeout: 60_000 };

export type CatalogRefusal = { ok: false; field: string; message: string };
const refuse = (field: string, message: string): CatalogRefusal => ({ ok: false, field, message });
const taken = (field: string, owner: CompanyRef) => refuse(field, `companies.errors.taken|company=${errorParam(owner.name)}`);

export async function listCompanies(input: { q?: string | null; page: number }) {
  const q = input.q?.trim().slice(0, 200) ?? "";
  const key = companyMatchKey(q);
  const where: Prisma.CompanyWhereInput = q
    ? {
        OR: [
          { name: { contains: q, mode: "insensitive" } },
          ...(key
            ? [{ normalizedName: { contains: key } }, { aliases: { some: { normalized: { contains: key } } } }]
            : []),
        ],
      }
    : {};
  const [total, companies] = await Promise.all([
    db().company.count({ where }),
    db().company.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (input.page - 1) * COMPANIES_PAGE_SIZE,
      take: COMPANIES_PAGE_SIZE,
      select: {
        id: true,
        name: true,
        industry: true,
        city: true,
        _count: { select: { aliases: true, vacancyLists: true, workHistory: true } },
      },
    }),
  ]);
  return {
    q,
    total,
    page: input.page,
    pageCount: Math.max(1, Math.ceil(total / COMPANIES_PAGE_SIZE)),
    companies: companies.map(({ _count, ...c }) => ({ ...c, aliases: _count.aliases, vacancies: _count.vacancyLists, jobs: _count.workHistory })),
  };
}

export async function getCompany(id: string) {
  const company = await db().company.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      industry: true,
      city: true,
      createdAt: true,
      aliases: { select: { id: true, alias: true }, orderBy: { alias: "asc" } },
      vacancyLists: {
        select: { kind: true, vacancy: { select: { id: true, title: true, status: true } } },
        orderBy: { createdAt: "asc" },
      },
      _count: { select: { workHistory: true } },
    },
  });
  if (!company) return null;
  const { _count, ...rest } = company;
  return { ...rest, jobs: _count.workHistory };
}

/** Who already has this key, other than `companyId`. */
async function ownerOf(tx: Tx, key: string, companyId?: string): Promise<CompanyRef | null> {
  const owner = (await findCompaniesByKey(tx, [key])).get(key);
  return owner && owner.id !== companyId ? owner : null;
}

export async function createCompany(actorId: string, input: CompanyInput) {
  return db().$transaction(async (tx) => {
    const key = companyMatchKey(input.name);
    const owner = await ownerOf(tx, key);
    if (owner) return taken("name", owner);
    const [created] = await tx.company.createManyAndReturn({
      data: [{ name: input.name, normalizedName: key, industry: input.industry, city: input.city }],
      skipDuplicates: true,
      select: { id: true, name: true },
    });
    // Someone created it a moment ago: say whose it is, like any taken name.
    if (!created) return taken("name", (await ownerOf(tx, key))!);
    await audit(tx, { actorId, action: "company.create", entityType: "Company", entityId: created.id, details: input });
    return { ok: true as const, company: created };
  }, TX);
}

/**
 * Renames or edits a company. A new name keeps the old one as an alias, so resumes
 * that spell it the old way still find the company.
 */
export async function updateCompany(actorId: string, companyId: string, input: CompanyInput) {
  return db().$transaction(async (tx) => {
    const [company] = await tx.$queryRaw<Array<{ id: string; name: string; normalizedName: string }>>`
      SELECT id, name, "normalizedName" FROM "Company" WHERE id = ${companyId} FOR UPDATE`;
    if (!company) return null;
    const key = companyMatchKey(input.name);
    if (key !== company.normalizedName) {
      const owner = await ownerOf(tx, key, companyId);
      if (owner) return taken("name", owner);
      await tx.companyAlias.deleteMany({ where: { companyId, normalized: key } });
      await tx.companyAlias.createMany({
        data: [{ companyId, alias: company.name, normalized: company.normalizedName }],
        skipDuplicates: true,
      });
    }
    await tx.company.update({ where: { id: companyId }, data: { name: input.name, normalizedName: key, industry: input.industry, city: input.city } });
    await audit(tx, { actorId, action: "company.update", entityType: "Company", entityId: companyId, details: { before: company.name, ...input } });
    return { ok: true as const };
  }, TX);
}

export async function addAlias(actorId: string, companyId: string, alias: string) {
  return db().$transaction(async (tx) => {
    const company = await tx.company.findUnique({ where: { id: companyId }, select: { id: true, name: true } });
    if (!company) return null;
    const key = companyMatchKey(alias);
    const known = (await findCompaniesByKey(tx, [key])).get(key);
    if (known?.id === companyId) return refuse("alias", `companies.errors.aliasKnown|company=${errorParam(company.name)}`);
    if (known) return taken("alias", known);
    const created = await tx.companyAlias.createManyAndReturn({ data: [{ companyId, alias, normalized: key }], skipDuplicates: true });
    if (!created.length) return taken("alias", (await ownerOf(tx, key))!);
    await audit(tx, { actorId, action: "company.alias.add", entityType: "Company", entityId: companyId, details: { alias } });
    // Jobs saved under this spelling without a company now count on the vacancies' lists.
    const retiered = await retierVacanciesListing(tx, [companyId], actorId);
    return { ok: true as const, retiered };
  }, TX);
}

export async function removeAlias(actorId: string, companyId: string, aliasId: string) {
  return db().$transaction(async (tx) => {
    const alias = await tx.companyAlias.findFirst({ where: { id: aliasId, companyId }, select: { alias: true } });
    if (!alias) return false;
    await tx.companyAlias.delete({ where: { id: aliasId } });
    await audit(tx, { actorId, action: "company.alias.remove", entityType: "Company", entityId: companyId, details: { alias: alias.alias } });
    return true;
  }, TX);
}

/** When both companies are on one vacancy's lists, the stricter place wins. */
const STRICTNESS: Record<CompanyListKind, number> = { EXCLUDED: 3, TARGET: 2, ADJACENT: 1 };

/**
 * Merges a duplicate into another company: its name and aliases become the other's
 * aliases, its places on vacancy lists and its people's jobs move over, and the
 * vacancies listing the survivor are re-tiered. One transaction, one audit entry.
 */
export async function mergeCompanies(actorId: string, duplicateId: string, intoName: string) {
  return db().$transaction(async (tx) => {
    const into = (await findCompaniesByKey(tx, [companyMatchKey(intoName)])).values().next().value;
    if (!into) return refuse("into", `companies.errors.unknown|value=${errorParam(intoName)}`);
    if (into.id === duplicateId) return refuse("into", "companies.errors.mergeSelf");
    const merged = await mergeCompanyInto(tx, { actorId, duplicateId, survivorId: into.id });
    return merged === "no-survivor" ? refuse("into", `companies.errors.unknown|value=${errorParam(intoName)}`) : merged;
  }, TX);
}

/**
 * The merge itself, in the caller's transaction: by a person from the catalog page, or
 * by the re-key after a matcher change (actor null, `reason` "re-key", and `retier`
 * off: it re-tiers once when every key is settled). Null when the duplicate is gone.
 */
export async function mergeCompanyInto(
  tx: Tx,
  input: { actorId: string | null; duplicateId: string; survivorId: string; reason?: string; retier?: boolean },
) {
  const { actorId, duplicateId } = input;
  const locked = await tx.$queryRaw<Array<{ id: string; name: string; normalizedName: string; industry: string | null; city: string | null }>>`
    SELECT id, name, "normalizedName", industry, city FROM "Company" WHERE id IN (${duplicateId}, ${input.survivorId}) ORDER BY id FOR UPDATE`;
  const duplicate = locked.find((c) => c.id === duplicateId);
  const survivor = locked.find((c) => c.id === input.survivorId);
  if (!duplicate) return null;
  if (!survivor) return "no-survivor" as const;

  const aliasesMoved = await tx.companyAlias.updateMany({ where: { companyId: duplicateId }, data: { companyId: survivor.id } });
  await tx.companyAlias.createMany({
    data: [{ companyId: survivor.id, alias: duplicate.name, normalized: duplicate.normalizedName }],
    skipDuplicates: true,
  });

  const [theirs, ours] = await Promise.all([
    tx.vacancyCompanyList.findMany({ where: { companyId: duplicateId } }),
    tx.vacancyCompanyList.findMany({ where: { companyId: survivor.id } }),
  ]);
  const conflicts: Array<{ vacancyId: string; kept: CompanyListKind; dropped: CompanyListKind }> = [];
  for (const entry of theirs) {
    const existing = ours.find((o) => o.vacancyId === entry.vacancyId);
    if (!existing) {
      await tx.vacancyCompanyList.update({
        where: { vacancyId_companyId: { vacancyId: entry.vacancyId, companyId: duplicateId } },
        data: { companyId: survivor.id },
      });
      continue;
    }
    const kept = STRICTNESS[entry.kind] > STRICTNESS[existing.kind] ? entry.kind : existing.kind;
    conflicts.push({ vacancyId: entry.vacancyId, kept, dropped: kept === entry.kind ? existing.kind : entry.kind });
    if (kept !== existing.kind) {
      await tx.vacancyCompanyList.update({
        where: { vacancyId_companyId: { vacancyId: entry.vacancyId, companyId: survivor.id } },
        data: { kind: kept },
      });
    }
  }
  const jobs = await tx.workExperience.updateMany({ where: { companyId: duplicateId }, data: { companyId: survivor.id } });
  await tx.company.update({
    where: { id: survivor.id },
    data: { industry: survivor.industry ?? duplicate.industry, city: survivor.city ?? duplicate.city },
  });
  await tx.company.delete({ where: { id: duplicateId } });
  const retiered = input.retier === false ? 0 : await retierVacanciesListing(tx, [survivor.id], actorId);
  await audit(tx, {
    actorId,
    action: "company.merge",
    entityType: "Company",
    entityId: survivor.id,
    details: {
      mergedId: duplicateId,
      mergedName: duplicate.name,
      aliasesMoved: aliasesMoved.count,
      listsMoved: theirs.length - conflicts.length,
      conflicts,
      jobsRelinked: jobs.count,
      applicationsRetiered: retiered,
      ...(input.reason ? { reason: input.reason } : {}),
    },
  });
  return { ok: true as const, into: { id: survivor.id, name: survivor.name }, from: duplicate.name, jobs: jobs.count, retiered };
}
