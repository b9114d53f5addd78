import { type Stage } from "@prisma/client";
import { beforeAll, describe, expect, it } from "vitest";
import { loadFunnels } from "~/analytics/funnel.server";
import { listClients } from "~/handover/clients.server";
import { addApplication, moveApplication } from "~/pipeline/pipeline.server";
import { loader as rootLoader } from "~/root";
import { loader as analyticsLoader } from "~/routes/analytics";
import { loader as candidateLoader } from "~/routes/candidates.$id";
import { loader as candidatesLoader } from "~/routes/candidates._index";
import { loader as handoverLoader } from "~/routes/handover";
import { loader as homeLoader } from "~/routes/_index";
import { loader as interviewsLoader } from "~/routes/interviews._index";
import { loader as outreachLoader } from "~/routes/outreach._index";
import { loader as probationLoader } from "~/routes/probation";
import { loader as questionnairesLoader } from "~/routes/questionnaires._index";
import { action as languageAction } from "~/routes/settings.language";
import { loader as vacancyLoader } from "~/routes/vacancies.$id";
import { loader as vacanciesLoader } from "~/routes/vacancies._index";
import { listApplications } from "~/sourcing/applications.server";
import { searchCandidates } from "~/sourcing/candidates.server";
import { getCandidateProfile } from "~/sourcing/profile.server";
import { candidateSearchText } from "~/sourcing/search-text";
import { refreshSearchText } from "~/sourcing/search-text.server";
import { getVacancy, listVacancies, pipelineDashboard } from "~/sourcing/vacancies.server";
import { db } from "~/utils/db.server";
import { createUser, formRequest, getRequest, respond, sessionCookie } from "../factories";

let recruiter: Awaited<ReturnType<typeof createUser>>;
let manager: Awaited<ReturnType<typeof createUser>>;
let recruiterCookie: string;
let managerCookie: string;
let openVacancyId: string;
let otherVacancyId: string;
let ivanovaId: string;
let erasedId: string;

const args = (url: string, cookie: string, params: Record<string, string> = {}) => ({
  request: getRequest(url, cookie),
  params,
  context: {},
});

/** Moves an application along `path` (after SOURCED) the way the product does. */
async function apply(candidateId: string, vacancyId: string, path: Stage[], reason?: string) {
  const application = await addApplication({ candidateId, vacancyId, actorId: recruiter.id, tier: "TARGET" });
  for (const to of path) {
    await moveApplication({ applicationId: application.id, to, actorId: recruiter.id, reason });
  }
  return application;
}

beforeAll(async () => {
  recruiter = await createUser({ roles: ["RECRUITER"], name: "Ольга Рекрутер" });
  manager = await createUser({ roles: ["HIRING_MANAGER"], name: "Максим Менеджер" });
  recruiterCookie = await sessionCookie(recruiter.id);
  managerCookie = await sessionCookie(manager.id);

  const open = await db().vacancy.create({
    data: {
      title: "KAM, промышленное оборудование",
      city: "Москва",
      industry: "Оборудование",
      openings: 2,
      status: "OPEN",
      recruiterId: recruiter.id,
      salaryMinRub: 150000,
      salaryMaxRub: 220000,
    },
  });
  const other = await db().vacancy.create({
    data: { title: "KAM, FMCG", city: "Казань", industry: "FMCG", status: "OPEN", hiringManagerId: manager.id },
  });
  await db().vacancy.create({ data: { title: "Черновик", city: "Москва", industry: "IT", status: "DRAFT" } });
  openVacancyId = open.id;
  otherVacancyId = other.id;
  const company = await db().company.create({ data: { name: "ООО «Ромашка»", normalizedName: "ромашка" } });
  await db().vacancyCompanyList.create({ data: { vacancyId: open.id, companyId: company.id, kind: "TARGET" } });

  const ivanova = await db().candidate.create({
    data: {
      firstName: "Анна",
      lastName: "Иванова",
      city: "Казань",
      currentTitle: "Менеджер по ключевым клиентам",
      email: "anna@example.ru",
      phone: "+79161234567",
      source: "HH",
      consentAt: new Date("2026-01-10T09:00:00Z"),
      workHistory: {
        create: { companyName: "Ромашка", title: "KAM", startedOn: new Date("2020-01-01"), companyId: company.id },
      },
    },
  });
  ivanovaId = ivanova.id;
  const petrov = await db().candidate.create({
    data: { firstName: "Пётр", lastName: "Петров", city: "Москва", currentTitle: "Аккаунт-менеджер" },
  });
  const erased = await db().candidate.create({
    data: { firstName: "—", lastName: "—", erasedAt: new Date(), source: "INBOUND" },
  });
  erasedId = erased.id;

  await apply(ivanova.id, open.id, ["CONTACTED", "QUESTIONNAIRE_SENT", "QUESTIONNAIRE_PASSED", "INTERVIEW_INVITED"]);
  await apply(ivanova.id, other.id, ["INTERVIEW_INVITED", "INTERVIEWED", "PROBATION"]);
  await apply(petrov.id, open.id, ["CONTACTED", "REJECTED"], "Работал в исключённой компании");
  // Asked to be left alone after the contact: nobody may move such a person into a contact stage.
  await db().candidate.update({ where: { id: petrov.id }, data: { doNotContact: true } });
  await apply(erased.id, open.id, ["WITHDRAWN"], "Попросил удалить данные: Сидоров");

  await db().candidate.createMany({
    data: Array.from({ length: 120 }, (_, i) => ({
      firstName: "Кандидат",
      lastName: `Смирнов${String(i).padStart(3, "0")}`,
      city: i % 2 ? "Самара" : "Тула",
      currentTitle: "Менеджер по продажам",
    })),
  });
  const named = await db().candidate.findMany({ where: { erasedAt: null }, select: { id: true } });
  await db().$transaction((tx) => refreshSearchText(tx, named.map((c) => c.id)), { timeout: 30_000 });

  const head = await db().accountManager.create({ data: { name: "Руководитель отдела" } });
  await db().client.createMany({
    data: [
      { name: "Альфа", segment: "KEY", annualTurnoverRub: 9_000_000_000_000_000n, ownerId: head.id },
      { name: "Бета", segment: "KEY", annualTurnoverRub: 40_000_000n },
      { name: "Гамма", segment: "REGULAR", annualTurnoverRub: 10_000_000n },
      { name: "Дельта", segment: "TRAINING", annualTurnoverRub: 1_000_000n },
    ],
  });
});

describe("searchCandidates", () => {
  it("finds by last name, city or title, ignoring case", async () => {
    expect((await searchCandidates({ q: "иванова" })).candidates.map((c) => c.id)).toEqual([ivanovaId]);
    expect((await searchCandidates({ q: "КАЗАНЬ" })).total).toBe(1);
    expect((await searchCandidates({ q: "ключевым" })).total).toBe(1);
  });

  it("needs every word to match some field", async () => {
    expect((await searchCandidates({ q: "Иванова Казань" })).total).toBe(1);
    expect((await searchCandidates({ q: "Иванова Москва" })).total).toBe(0);
  });

  it("pages 50 at a time in a stable order", async () => {
    const first = await searchCandidates({ q: "Смирнов" });
    expect(first).toMatchObject({ total: 120, pageCount: 3 });
    expect(first.candidates).toHaveLength(50);
    const third = await searchCandidates({ q: "Смирнов", page: 3 });
    expect(third.candidates).toHaveLength(20);
    expect(third.candidates.at(-1)!.name!.lastName).toBe("Смирнов119");
  });

  it("takes % and _ literally", async () => {
    expect((await searchCandidates({ q: "%" })).total).toBe(0);
    expect((await searchCandidates({ q: "_" })).total).toBe(0);
  });

  it("searches and pages through thousands of candidates", async () => {
    await db().candidate.createMany({
      data: Array.from({ length: 5000 }, (_, i) => {
        const person = {
          firstName: `Имя${i}`,
          lastName: `Кузнецов${i}`,
          middleName: null,
          city: ["Москва", "Казань", "Пермь"][i % 3]!,
          currentTitle: "Менеджер по работе с клиентами",
        };
        return { ...person, searchText: candidateSearchText(person, []) };
      }),
    });
    const result = await searchCandidates({ q: "кузнецов пермь", page: 5 });
    const unfiltered = await searchCandidates({ page: 60 });
    expect(result.total).toBe(1666);
    expect(result.candidates).toHaveLength(50);
    expect(unfiltered.candidates.length).toBeGreaterThan(0);
    await db().candidate.deleteMany({ where: { lastName: { startsWith: "Кузнецов" } } });
  });

  it("lists erased candidates without personal data and never matches them", async () => {
    const all = await searchCandidates({ page: 1, pageSize: 500 });
    const erased = all.candidates.find((c) => c.id === erasedId)!;
    expect(erased).toMatchObject({ name: null, city: null, currentTitle: null });
    expect((await searchCandidates({ q: "—" })).total).toBe(0);
  });
});

describe("getCandidateProfile", () => {
  it("returns the person, work history and applications with stage history", async () => {
    const profile = await getCandidateProfile(ivanovaId);
    if (!profile || profile.erased) throw new Error("expected a profile");
    expect(profile).toMatchObject({ firstName: "Анна", email: "anna@example.ru" });
    expect(profile.workHistory).toHaveLength(1);
    expect(profile.applications).toHaveLength(2);
    const toOpen = profile.applications.find((a) => a.vacancy.id === openVacancyId)!;
    expect(toOpen.history.map((h) => h.toStage)).toEqual([
      "SOURCED",
      "CONTACTED",
      "QUESTIONNAIRE_SENT",
      "QUESTIONNAIRE_PASSED",
      "INTERVIEW_INVITED",
    ]);
    expect(toOpen.history[1]!.actorName).toBe("Ольга Рекрутер");
  });

  it("returns no personal data for an erased candidate, not even history reasons", async () => {
    const profile = await getCandidateProfile(erasedId);
    expect(profile).toMatchObject({ erased: true });
    const json = JSON.stringify(profile);
    for (const field of ["firstName", "lastName", "email", "phone", "workHistory", "Сидоров"]) {
      expect(json).not.toContain(field);
    }
    expect(profile!.applications[0]!.history.at(-1)).toMatchObject({ toStage: "WITHDRAWN", reason: null });
  });

  it("returns null for an unknown id", async () => {
    expect(await getCandidateProfile("nope")).toBeNull();
  });
});

describe("vacancies", () => {
  it("counts applications per stage for each vacancy", async () => {
    const open = (await listVacancies()).find((v) => v.id === openVacancyId)!;
    expect(open.counts).toMatchObject({ INTERVIEW_INVITED: 1, REJECTED: 1, WITHDRAWN: 1, SOURCED: 0 });
    expect((await listVacancies({ status: "DRAFT" })).map((v) => v.title)).toEqual(["Черновик"]);
  });

  it("shows the user's own open vacancies first on the dashboard", async () => {
    const board = await pipelineDashboard(manager.id);
    expect(board.mine.map((v) => v.id)).toEqual([otherVacancyId]);
    expect(board.others.map((v) => v.id)).toEqual([openVacancyId]);
    expect(board.totals).toMatchObject({ openVacancies: 2, openings: 3, interviews: 1, probation: 1, inProgress: 2 });
  });

  it("gives one vacancy with its company lists, or null", async () => {
    const vacancy = await getVacancy(openVacancyId);
    expect(vacancy?.companyLists).toEqual([{ kind: "TARGET", company: expect.objectContaining({ name: "ООО «Ромашка»" }) }]);
    expect(await getVacancy("nope")).toBeNull();
  });

  it("lists applications by stage and vacancy, hiding erased people", async () => {
    const interviews = await listApplications({ stages: ["INTERVIEW_INVITED", "INTERVIEWED"] });
    expect(interviews.total).toBe(1);
    expect(interviews.applications[0]!.candidate).toMatchObject({ hasEmail: true, hasPhone: true });
    const withdrawn = await listApplications({ stages: ["WITHDRAWN"], vacancyId: openVacancyId });
    expect(withdrawn.applications[0]!.candidate).toMatchObject({ name: null, hasEmail: false });
  });
});

describe("loadFunnels", () => {
  it("counts how far applications got, from the stage history", async () => {
    const { overall, vacancies } = await loadFunnels();
    expect(vacancies.map((v) => v.title)).not.toContain("Черновик");
    const reached = Object.fromEntries(overall.steps.map((s) => [s.stage, s.reached]));
    expect(reached).toEqual({
      SOURCED: 4,
      CONTACTED: 3,
      QUESTIONNAIRE_SENT: 2,
      QUESTIONNAIRE_PASSED: 2,
      INTERVIEW_INVITED: 2,
      INTERVIEWED: 1,
      PROBATION: 1,
      HIRED: 0,
    });
    const open = vacancies.find((v) => v.id === openVacancyId)!;
    expect(open.funnel.total).toBe(3);
    expect(open.funnel.now.REJECTED).toBe(1);
  });
});

describe("listClients", () => {
  it("totals turnover per segment exactly, as strings", async () => {
    const { totals, grandTotal, clients } = await listClients();
    expect(clients.map((c) => c.name)).toEqual(["Альфа", "Бета", "Гамма", "Дельта"]);
    expect(totals.find((t) => t.segment === "KEY")).toMatchObject({ clients: 2, turnoverRub: "9000000040000000" });
    expect(grandTotal).toEqual({ clients: 4, turnoverRub: "9000000051000000" });
    expect(clients[0]!.owner?.name).toBe("Руководитель отдела");
    expect(() => JSON.stringify(clients)).not.toThrow();
    expect((await listClients({ segment: "TRAINING" })).clients.map((c) => c.name)).toEqual(["Дельта"]);
  });
});

describe("section routes", () => {
  it.each([
    ["/", homeLoader],
    ["/vacancies", vacanciesLoader],
    ["/candidates?q=Смирнов&page=2", candidatesLoader],
    ["/outreach", outreachLoader],
    ["/questionnaires", questionnairesLoader],
    ["/interviews", interviewsLoader],
    ["/probation?stage=PROBATION", probationLoader],
    ["/handover", handoverLoader],
    ["/analytics", analyticsLoader],
  ] as const)("%s answers a recruiter with JSON", async (url, loader) => {
    const response = await respond(() => loader(args(url, recruiterCookie)));
    expect(response.status).toBe(200);
    await response.json();
  });

  it("opens a vacancy and a candidate, and answers 404 for unknown ids", async () => {
    expect((await respond(() => vacancyLoader(args("/v", recruiterCookie, { id: openVacancyId })))).status).toBe(200);
    expect((await respond(() => candidateLoader(args("/c", recruiterCookie, { id: ivanovaId })))).status).toBe(200);
    expect((await respond(() => vacancyLoader(args("/v", recruiterCookie, { id: "nope" })))).status).toBe(404);
    expect((await respond(() => candidateLoader(args("/c", recruiterCookie, { id: "nope" })))).status).toBe(404);
  });

  it("refuses outreach to a hiring manager and sends strangers to sign in", async () => {
    expect((await respond(() => outreachLoader(args("/outreach", managerCookie)))).status).toBe(403);
    const anonymous = await respond(() => vacanciesLoader({ request: getRequest("/vacancies"), params: {}, context: {} }));
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toBe("/login?redirectTo=%2Fvacancies");
  });
});

describe("language", () => {
  it("is remembered on the signed-in user's account", async () => {
    const request = formRequest("/settings/language", { locale: "en", redirectTo: "/vacancies?status=OPEN" }, managerCookie);
    const response = await respond(() => languageAction({ request, params: {}, context: {} }));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/vacancies?status=OPEN");
    expect((await db().user.findUniqueOrThrow({ where: { id: manager.id } })).locale).toBe("en");
    const root = await respond(() => rootLoader(args("/", managerCookie)));
    expect(await root.json()).toMatchObject({ locale: "en" });
  });

  it("goes into a cookie for visitors who are not signed in", async () => {
    const request = formRequest("/settings/language", { locale: "en", redirectTo: "/login" });
    const response = await respond(() => languageAction({ request, params: {}, context: {} }));
    expect(response.headers.get("Set-Cookie")).toMatch(/^lng=en; Path=\//);
    const root = await respond(() =>
      rootLoader({ request: getRequest("/login", "lng=en"), params: {}, context: {} }),
    );
    expect(await root.json()).toEqual({ user: null, locale: "en" });
  });

  it("follows Accept-Language before any choice, and ignores bad input", async () => {
    const request = new Request("http://localhost/login", { headers: { "Accept-Language": "en-US,en;q=0.9" } });
    const root = await respond(() => rootLoader({ request, params: {}, context: {} }));
    expect(await root.json()).toMatchObject({ locale: "en" });

    const bad = formRequest("/settings/language", { locale: "de", redirectTo: "//evil.example" });
    const response = await respond(() => languageAction({ request: bad, params: {}, context: {} }));
    expect(response.headers.get("Location")).toBe("/");
    expect(response.headers.get("Set-Cookie")).toBeNull();
  });
});
