import { type SourcingTier, type Stage } from "@prisma/client";
import { beforeAll, describe, expect, it } from "vitest";
import { addApplication, moveApplication } from "~/pipeline/pipeline.server";
import Candidates, { loader } from "~/routes/candidates._index";
import { searchCandidates } from "~/sourcing/candidates.server";
import { companyMatchKey } from "~/sourcing/company-match";
import { refreshSearchText } from "~/sourcing/search-text.server";
import { retierVacancy } from "~/sourcing/tiering.server";
import { db } from "~/utils/db.server";
import { createCandidate, createUser, getRequest, respond, sessionCookie } from "../factories";
import { renderRoute, textsOf } from "../render-route";

let recruiter: Awaited<ReturnType<typeof createUser>>;
let recruiterCookie: string;
let managerCookie: string;
let v1: string;
let v2: string;
const ids: Record<string, string> = {};

type Job = { companyName: string; title: string; startedOn: string; endedOn?: string };

async function person(key: string, data: Parameters<typeof createCandidate>[0], jobs: Job[] = []) {
  const candidate = await createCandidate({
    ...data,
    workHistory: {
      create: jobs.map((j) => ({
        companyName: j.companyName,
        title: j.title,
        startedOn: new Date(j.startedOn),
        endedOn: j.endedOn ? new Date(j.endedOn) : null,
      })),
    },
  });
  await db().$transaction((tx) => refreshSearchText(tx, [candidate.id]));
  ids[key] = candidate.id;
  return candidate;
}

async function apply(key: string, vacancyId: string, tier: SourcingTier, path: Stage[] = []) {
  const application = await addApplication({ candidateId: ids[key]!, vacancyId, actorId: recruiter.id, tier });
  for (const to of path) await moveApplication({ applicationId: application.id, to, actorId: recruiter.id });
  return application;
}

const found = async (filters: Parameters<typeof searchCandidates>[0]) =>
  (await searchCandidates(filters)).candidates.map((c) => Object.entries(ids).find(([, id]) => id === c.id)?.[0] ?? c.id);

beforeAll(async () => {
  recruiter = await createUser({ roles: ["RECRUITER"] });
  recruiterCookie = await sessionCookie(recruiter.id);
  managerCookie = await sessionCookie((await createUser({ roles: ["HIRING_MANAGER"] })).id);
  v1 = (await db().vacancy.create({ data: { title: "KAM, насосы", city: "Москва", industry: "Оборудование", status: "OPEN" } })).id;
  v2 = (await db().vacancy.create({ data: { title: "KAM, FMCG", city: "Казань", industry: "FMCG", status: "OPEN" } })).id;

  const old = new Date("2025-01-01T09:00:00Z");
  await person("ivanov", { firstName: "Пётр", lastName: "Иванов", city: "Москва", salaryExpectationRub: 150_000, source: "HH", tags: ["сильный"], createdAt: old },
    [{ companyName: "ООО «Гидромаш»", title: "Менеджер по ключевым клиентам", startedOn: "2019-03-01" }]);
  await person("ivanova", { firstName: "Анна", lastName: "Иванова", city: "Казань", salaryExpectationRub: 250_000, source: "SUPERJOB", createdAt: new Date("2025-02-01T09:00:00Z") },
    [{ companyName: "АО «Ромашка»", title: "KAM", startedOn: "2018-01-01", endedOn: "2022-01-01" }]);
  await person("petrov", { firstName: "Сергей", lastName: "Петров", city: "Казань", salaryExpectationRub: 90_000, source: "FILE", createdAt: new Date("2025-03-01T09:00:00Z") },
    [{ companyName: "ИП Сидоров", title: "Торговый представитель", startedOn: "2015-01-01" }]);
  await person("smith", { firstName: "John", lastName: "Smith", city: "Санкт-Петербург", salaryExpectationRub: null, source: "REFERRAL", createdAt: new Date("2025-04-01T09:00:00Z") });
  await person("merged", { firstName: "Пётр", lastName: "Иванов", city: "Москва", mergedIntoId: ids.ivanov });
  await person("erased", { firstName: "", lastName: "", middleName: null, email: null, phone: null, city: null, salaryExpectationRub: null, erasedAt: new Date(), source: "HH" });
  await db().sourceRecord.create({
    data: { candidateId: ids.petrov!, source: "REFERRAL", channel: "FORM", adapter: "referral-form", fingerprint: "petrov-ref", raw: {}, parsed: {} },
  });

  await apply("ivanov", v1, "TARGET", ["CONTACTED"]);
  await apply("ivanova", v1, "EXCLUDED");
  await apply("ivanova", v2, "OPEN_MARKET");
  await apply("petrov", v2, "ADJACENT", ["CONTACTED", "QUESTIONNAIRE_SENT"]);
  await apply("smith", v1, "OPEN_MARKET", ["CONTACTED", "INTERVIEW_INVITED"]);
  await apply("erased", v1, "OPEN_MARKET");
});

describe("search", () => {
  it.each([
    ["иванов", ["ivanov", "ivanova"]],
    ["ivanov", ["ivanov", "ivanova"]],
    ["ИВАНОВА", ["ivanova"]],
    ["гидромаш", ["ivanov"]],
    ["gidromash", ["ivanov"]],
    ["ромашка", ["ivanova"]],
    ["smith", ["smith"]],
    ["иванова казань", ["ivanova"]],
    ["иванова москва", []],
    ["%", []],
    ["_", []],
  ])("%j finds %j", async (q, expected) => {
    expect(await found({ q })).toEqual(expected);
  });

  it("never finds merged or erased candidates", async () => {
    const all = await found({});
    expect(all).not.toContain("merged");
    expect(await found({ q: "пётр иванов" })).toEqual(["ivanov"]);
  });

  it("lists erased candidates last, without personal data", async () => {
    const { candidates, total } = await searchCandidates({});
    expect(total).toBe(5);
    expect(candidates.map((c) => c.id)).toEqual([ids.smith, ids.ivanov, ids.ivanova, ids.petrov, ids.erased]);
    expect(candidates.at(-1)).toMatchObject({ name: null, city: null, currentTitle: null, salaryExpectationRub: null, tags: [] });
  });
});

describe("filters", () => {
  it.each<[string, Parameters<typeof searchCandidates>[0], string[]]>([
    ["vacancy", { vacancyId: "V1", sort: "name" }, ["smith", "ivanov", "ivanova", "erased"]],
    ["vacancy and tier", { vacancyId: "V1", tier: "TARGET" }, ["ivanov"]],
    ["vacancy and stage", { vacancyId: "V1", stage: "SOURCED", sort: "name" }, ["ivanova", "erased"]],
    ["stage on any vacancy", { stage: "CONTACTED" }, ["ivanov"]],
    ["tier on any vacancy", { tier: "OPEN_MARKET" }, ["smith", "ivanova", "erased"]],
    ["first source", { source: "HH" }, ["ivanov", "erased"]],
    ["any source record", { source: "REFERRAL" }, ["smith", "petrov"]],
    ["city, any case", { city: "казань" }, ["ivanova", "petrov"]],
    ["city with a hyphen", { city: "санкт-петербург" }, ["smith"]],
    ["salary range", { salaryMin: 100_000, salaryMax: 200_000 }, ["ivanov"]],
    ["salary from", { salaryMin: 100_000 }, ["ivanov", "ivanova"]],
    ["tag", { tag: "сильный" }, ["ivanov"]],
    ["search within a vacancy", { vacancyId: "V2", q: "казань", sort: "name" }, ["ivanova", "petrov"]],
  ])("%s", async (_name, filters, expected) => {
    const vacancyId = filters.vacancyId === "V1" ? v1 : filters.vacancyId === "V2" ? v2 : undefined;
    expect(await found({ ...filters, vacancyId })).toEqual(expected);
  });

  it("gives the same rows whether the matches are read all at once or through the name index", async () => {
    for (const filters of [{ q: "иванов" }, { city: "казань" }, { salaryMin: 100_000, sort: "salary" as const }, { vacancyId: v2, q: "казань", sort: "name" as const }]) {
      const sparse = await searchCandidates({ ...filters, sparseUpTo: 1_000 });
      const dense = await searchCandidates({ ...filters, sparseUpTo: 0 });
      expect(dense.candidates.map((c) => c.id)).toEqual(sparse.candidates.map((c) => c.id));
      expect(dense.candidates.length).toBeGreaterThan(0);
    }
  });

  it("shows the tier, its reason and the stage per row when a vacancy is chosen", async () => {
    await db().application.updateMany({
      where: { candidateId: ids.ivanov, vacancyId: v1 },
      data: { tierReason: { list: "TARGET", match: "company", companyName: "ООО «Гидромаш»", jobTitle: "KAM", startedOn: "2019-03-01", endedOn: null } },
    });
    const [row] = (await searchCandidates({ vacancyId: v1, tier: "TARGET" })).candidates;
    expect(row!.application).toMatchObject({ stage: "CONTACTED", tier: "TARGET", tierReason: { list: "TARGET", companyName: "ООО «Гидромаш»" } });
  });
});

describe("sort and pages", () => {
  it("sorts by name, newest, salary both ways, tier and last stage change", async () => {
    expect(await found({ sort: "newest" })).toEqual(["erased", "smith", "petrov", "ivanova", "ivanov"]);
    expect((await found({ sort: "salary" })).slice(0, 3)).toEqual(["petrov", "ivanov", "ivanova"]);
    expect((await found({ sort: "salary-desc" })).slice(0, 3)).toEqual(["ivanova", "ivanov", "petrov"]);
    expect((await found({ vacancyId: v1, sort: "tier" }))[0]).toBe("ivanov");
    expect((await found({ vacancyId: v1, sort: "tier" })).at(-1)).toBe("ivanova");
    expect((await found({ vacancyId: v1, sort: "stage-changed" }))[0]).toBe("erased");
  });

  it("pages 50 at a time and caps the count", async () => {
    await db().candidate.createMany({
      data: Array.from({ length: 120 }, (_, i) => ({ firstName: "Кандидат", lastName: `Яковлев${String(i).padStart(3, "0")}`, searchText: `яковлев${i} yakovlev${i}` })),
    });
    const first = await searchCandidates({ q: "яковлев" });
    expect(first).toMatchObject({ total: 120, capped: false, pageCount: 3 });
    expect(first.candidates).toHaveLength(50);
    const third = await searchCandidates({ q: "yakovlev", page: 3 });
    expect(third.candidates.map((c) => c.name!.lastName)).toEqual(Array.from({ length: 20 }, (_, i) => `Яковлев${100 + i}`));
    const capped = await searchCandidates({ q: "яковлев", countCap: 60 });
    expect(capped).toMatchObject({ total: 60, capped: true, pageCount: 2 });
    expect(await searchCandidates({ q: "яковлев", countCap: 60, page: 2 })).toMatchObject({ pageCount: 3 });
    // Past the named candidates, the erased one ends the unfiltered list.
    const last = await searchCandidates({ page: 3 });
    expect(last.candidates.at(-1)!.id).toBe(ids.erased);
    await db().candidate.deleteMany({ where: { lastName: { startsWith: "Яковлев" } } });
  });
});

describe("the list page", () => {
  it("answers with the filters it understood and the ones it dropped", async () => {
    const response = await respond(() =>
      loader({ request: getRequest(`/candidates?q=gidromash&salaryMin=много&vacancy=${v1}`, recruiterCookie), params: {}, context: {} }),
    );
    const data = await response.json();
    expect(data.filters).toMatchObject({ q: "gidromash", vacancyId: v1, sort: "tier" });
    expect(data.errors).toEqual({ salaryMin: "candidateList.errors.salary" });
    expect(data.candidates.map((c: { id: string }) => c.id)).toEqual([ids.ivanov]);
    expect(data.canEdit).toBe(true);
    const asManager = await (await respond(() => loader({ request: getRequest("/candidates", managerCookie), params: {}, context: {} }))).json();
    expect(asManager.canEdit).toBe(false);
  });
});

describe("the list page's tier reasons", () => {
  it("shows a struck-out candidate's target company too, in Russian and English, and an erased one's list alone", async () => {
    const vacancy = (await db().vacancy.create({ data: { title: "KAM, пневматика", city: "Москва", industry: "Оборудование", status: "OPEN" } })).id;
    for (const [name, kind] of [["ПневмоТех", "EXCLUDED"], ["Гидромаш", "TARGET"]] as const) {
      const company = await db().company.create({ data: { name, normalizedName: companyMatchKey(name) } });
      await db().vacancyCompanyList.create({ data: { vacancyId: vacancy, companyId: company.id, kind } });
    }
    await person("kozlov", { firstName: "Олег", lastName: "Козлов" }, [
      { companyName: "ООО «ПневмоТех»", title: "Стажёр", startedOn: "2012-03-01", endedOn: "2014-06-01" },
      { companyName: "Гидромаш", title: "Ключевой менеджер", startedOn: "2019-01-01", endedOn: "2021-12-01" },
    ]);
    await apply("kozlov", vacancy, "OPEN_MARKET");
    await apply("erased", vacancy, "OPEN_MARKET");
    await db().$transaction((tx) => retierVacancy(tx, vacancy));
    // What erasure leaves of an erased person's reason (their tier is kept, not re-tiered).
    await db().application.updateMany({ where: { candidateId: ids.erased, vacancyId: vacancy }, data: { tier: "EXCLUDED", tierReason: { list: "EXCLUDED", match: "company" } } });

    const page = (cookie: string) => renderRoute(getRequest(`/candidates?vacancy=${vacancy}&sort=name`, cookie), { path: "/candidates", loader, Component: Candidates });
    const ru = textsOf(await page(recruiterCookie), "data-tier-reason");
    expect(ru).toHaveLength(2);
    expect(ru[0]).toMatch(/^Исключённая компания: ООО «ПневмоТех» — Стажёр, 03\.2012 — 06\.2014 \(работа там закончилась \d+ (год|года|лет) назад\)\. /);
    expect(ru[0]).toMatch(/\. Также: целевая компания Гидромаш — Ключевой менеджер, 01\.2019 — 12\.2021$/);
    expect(ru[1]).toBe("Исключённая компания");

    const english = await createUser({ roles: ["RECRUITER"] });
    await db().user.update({ where: { id: english.id }, data: { locale: "en" } });
    const en = textsOf(await page(await sessionCookie(english.id)), "data-tier-reason");
    expect(en[0]).toMatch(/^Excluded company: ООО «ПневмоТех» — Стажёр, Mar 2012 – Jun 2014 \(left \d+ years ago\)\. /);
    expect(en[0]).toMatch(/\. Also: target company Гидромаш — Ключевой менеджер, Jan 2019 – Dec 2021$/);
    expect(en[1]).toBe("Excluded company");
  });
});
