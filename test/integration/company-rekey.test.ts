import { type CompanyListKind } from "@prisma/client";
import { afterAll, describe, expect, test, vi } from "vitest";
import { resetDatabase, seedDemo } from "~/demo/seed.server";
import { addApplication } from "~/pipeline/pipeline.server";
import { COMPANY_MATCH_KEY_VERSION, companyMatchKey } from "~/sourcing/company-match";
import { rekeyCompanies } from "~/sourcing/company-rekey.server";
import { retierCandidates } from "~/sourcing/tiering.server";
import { db } from "~/utils/db.server";
import { JOBS_SCHEMA, queueStartupJobs, startJobs, stopJobs } from "~/utils/jobs.server";
import { createCandidate } from "../factories";

/** Everything a re-key may change, to check that a second run changes nothing. */
const state = async () => ({
  companies: await db().company.findMany({ orderBy: { id: "asc" } }),
  aliases: await db().companyAlias.findMany({ orderBy: { id: "asc" } }),
  jobs: await db().workExperience.findMany({ orderBy: { id: "asc" }, select: { id: true, companyId: true } }),
  lists: await db().vacancyCompanyList.findMany({ orderBy: [{ vacancyId: "asc" }, { companyId: "asc" }] }),
  applications: await db().application.findMany({ orderBy: { id: "asc" }, select: { id: true, tier: true, tierReason: true, updatedAt: true } }),
  audit: await db().auditEntry.count(),
  version: await db().appState.findUnique({ where: { key: "companyMatchKeyVersion" } }),
});

/** A company stored with the key an older matcher gave it (or the right one when `key` is left out). */
const company = (name: string, key = companyMatchKey(name), createdAt = new Date("2025-01-01T00:00:00Z")) =>
  db().company.create({ data: { name, normalizedName: key, createdAt } });

async function personAt(vacancyId: string, jobs: Array<{ companyName: string; companyId: string | null }>) {
  const candidate = await createCandidate({
    workHistory: { create: jobs.map((j, i) => ({ ...j, title: "KAM", startedOn: new Date(`201${i}-01-01`), endedOn: null })) },
  });
  const application = await addApplication({ candidateId: candidate.id, vacancyId, actorId: null });
  await db().$transaction((tx) => retierCandidates(tx, [candidate.id]));
  return { candidate, applicationId: application.id };
}

const tierOf = async (applicationId: string) => db().application.findUniqueOrThrow({ where: { id: applicationId }, select: { tier: true, tierReason: true } });

describe("re-keying the company catalog after a matcher change", () => {
  afterAll(() => stopJobs());

  test("a catalog keyed by the current matcher (the demo) only gets its version recorded", async () => {
    await seedDemo({ now: new Date("2026-03-10T09:30:00Z") });
    const before = await state();
    const report = await rekeyCompanies();
    expect(report).toEqual({
      fromVersion: null,
      toVersion: COMPANY_MATCH_KEY_VERSION,
      companiesRekeyed: 0,
      aliasesRekeyed: 0,
      aliasesDropped: 0,
      companiesMerged: 0,
      companiesCreated: 0,
      jobsRelinked: 0,
      applicationsRetiered: 0,
    });
    const after = await state();
    expect({ ...after, audit: after.audit - 1, version: null }).toEqual({ ...before, version: null });
    expect(after.version?.value).toBe(COMPANY_MATCH_KEY_VERSION);
    await resetDatabase();
  });

  test("recomputes every key, merges companies that now collide, moves jobs, re-tiers, records the version; a second run does nothing", async () => {
    const vacancy = await db().vacancy.create({ data: { title: "KAM", city: "Москва", industry: "Оборудование", status: "OPEN" } });
    const list = (companyId: string, kind: CompanyListKind) => db().vacancyCompanyList.create({ data: { vacancyId: vacancy.id, companyId, kind } });

    // «Сбербанк» is keyed right; «Cбербанк» typed with a Latin C got a key of its own from the old matcher.
    const sber = await company("Сбербанк", companyMatchKey("Сбербанк"), new Date("2024-01-01T00:00:00Z"));
    const latinSber = await company("Cбербанк", "kberbank");
    await list(sber.id, "TARGET");
    // The old matcher dropped a leading "AG": "AG Technologies" took the key of "Technologies".
    const ag = await company("AG Technologies", companyMatchKey("Technologies"));
    await list(ag.id, "EXCLUDED");
    // An alias with an old key, and one that now spells its own company's name.
    const gidromash = await company("Гидромаш");
    const oldAlias = await db().companyAlias.create({ data: { companyId: gidromash.id, alias: "Gidromash Plus", normalized: "gidromash+" } });
    const sameAsName = await db().companyAlias.create({ data: { companyId: gidromash.id, alias: "Гидрoмаш", normalized: "gidrоmash-latin-o" } });
    expect(companyMatchKey("Гидрoмаш")).toBe(gidromash.normalizedName);

    const atLatinSber = await personAt(vacancy.id, [{ companyName: "Cбербанк", companyId: latinSber.id }]);
    const atTechnologies = await personAt(vacancy.id, [{ companyName: "Technologies", companyId: ag.id }]);
    const atAg = await personAt(vacancy.id, [{ companyName: "AG Technologies", companyId: ag.id }]);
    expect(await tierOf(atLatinSber.applicationId)).toMatchObject({ tier: "OPEN_MARKET" });
    expect(await tierOf(atTechnologies.applicationId)).toMatchObject({ tier: "EXCLUDED" });

    const report = await rekeyCompanies();
    expect(report).toMatchObject({ fromVersion: null, toVersion: COMPANY_MATCH_KEY_VERSION, companiesMerged: 1, companiesCreated: 1 });
    // «Гидрoмаш», and «Cбербанк» (the merge keeps a duplicate's name as an alias): both now spell their company's own key.
    expect(report!.aliasesDropped).toBe(2);
    expect(report!.companiesRekeyed).toBe(1); // AG Technologies (the Latin-C duplicate went in the merge)
    expect(report!.aliasesRekeyed).toBe(1); // Gidromash Plus
    expect(report!.jobsRelinked).toBe(1); // "Technologies" leaves AG Technologies
    expect(report!.applicationsRetiered).toBe(2);

    // Every stored key is the current matcher's.
    for (const c of await db().company.findMany()) expect(c.normalizedName, c.name).toBe(companyMatchKey(c.name));
    for (const a of await db().companyAlias.findMany()) expect(a.normalized, a.alias).toBe(companyMatchKey(a.alias));
    expect(await db().companyAlias.findUnique({ where: { id: oldAlias.id } })).toMatchObject({ normalized: companyMatchKey("Gidromash Plus") });
    expect(await db().companyAlias.findUnique({ where: { id: sameAsName.id } })).toBeNull();

    // The collision was merged by the catalog's merge, audited without an actor.
    expect(await db().company.findUnique({ where: { id: latinSber.id } })).toBeNull();
    const merge = await db().auditEntry.findFirstOrThrow({ where: { action: "company.merge", entityId: sber.id } });
    expect(merge).toMatchObject({ actorId: null, details: { mergedId: latinSber.id, mergedName: "Cбербанк", jobsRelinked: 1, reason: "re-key" } });
    expect(await db().workExperience.findFirstOrThrow({ where: { candidateId: atLatinSber.candidate.id } })).toMatchObject({ companyId: sber.id });

    // "Technologies" is its own company now; "AG Technologies" stays struck out.
    const technologies = await db().company.findUniqueOrThrow({ where: { normalizedName: companyMatchKey("Technologies") } });
    expect(technologies).toMatchObject({ name: "Technologies" });
    expect(await db().workExperience.findFirstOrThrow({ where: { candidateId: atTechnologies.candidate.id } })).toMatchObject({ companyId: technologies.id });

    // Applications re-tiered from the links as they are now.
    expect(await tierOf(atLatinSber.applicationId)).toMatchObject({ tier: "TARGET", tierReason: { list: "TARGET", companyName: "Cбербанк" } });
    expect(await tierOf(atTechnologies.applicationId)).toMatchObject({ tier: "OPEN_MARKET", tierReason: null });
    expect(await tierOf(atAg.applicationId)).toMatchObject({ tier: "EXCLUDED", tierReason: { companyName: "AG Technologies" } });

    expect((await db().appState.findUniqueOrThrow({ where: { key: "companyMatchKeyVersion" } })).value).toBe(COMPANY_MATCH_KEY_VERSION);
    expect(await db().auditEntry.findFirstOrThrow({ where: { action: "company.rekey" } })).toMatchObject({ actorId: null, details: report });

    // Idempotent: the version is recorded, so the next start-up changes nothing.
    const settled = await state();
    expect(await rekeyCompanies()).toBeNull();
    expect(await state()).toEqual(settled);
  });

  test("several processes starting at once re-key once", async () => {
    await db().appState.deleteMany();
    await company("Cбербанк-Лизинг", "stale-key");
    const reports = await Promise.all([rekeyCompanies(), rekeyCompanies(), rekeyCompanies()]);
    expect(reports.filter((r) => r !== null)).toHaveLength(1);
    expect(await db().auditEntry.count({ where: { action: "company.rekey" } })).toBe(2);
    expect(await db().company.findFirstOrThrow({ where: { name: "Cбербанк-Лизинг" } })).toMatchObject({ normalizedName: companyMatchKey("Cбербанк-Лизинг") });
  });

  test("is queued at start-up as one job however many processes start, and a worker runs it", async () => {
    await db().appState.deleteMany();
    const stale = await company("Газпрoм нефть", "stale-key-2");
    await startJobs({ work: false });
    // Three processes starting within the same minute.
    await Promise.all([queueStartupJobs(), queueStartupJobs(), queueStartupJobs()]);
    const jobs = await db().$queryRawUnsafe<Array<{ state: string }>>(`SELECT state::text FROM ${JOBS_SCHEMA}.job WHERE name = 'company.rekey'`);
    expect(jobs).toHaveLength(1);
    await stopJobs();
    await startJobs({ work: true });
    await vi.waitFor(
      async () => expect((await db().appState.findUnique({ where: { key: "companyMatchKeyVersion" } }))?.value).toBe(COMPANY_MATCH_KEY_VERSION),
      { timeout: 20_000, interval: 200 },
    );
    expect(await db().company.findUniqueOrThrow({ where: { id: stale.id } })).toMatchObject({ normalizedName: companyMatchKey("Газпрoм нефть") });
  });
});
