import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { createI18n } from "~/i18n/i18n";
import { action as batchAction, loader as batchLoader } from "~/routes/imports.$id";
import { action as indexAction, loader as indexLoader } from "~/routes/imports._index";
import { companyMatchKey } from "~/sourcing/company-match";
import { translateError } from "~/ui/error-key";
import { db } from "~/utils/db.server";
import { reloadEnv } from "~/utils/env.server";
import { JOBS_SCHEMA, startJobs, stopJobs } from "~/utils/jobs.server";
import { createCandidate, createUser, formRequest, getRequest, respond, sessionCookie } from "../factories";
import { type FakeServer, type OnRequest } from "../fixtures/fake-board-server";
import { type FakeHhOptions, type HhResume, startFakeHh } from "../fixtures/fake-hh-server";
import { type FakeSuperjobOptions, startFakeSuperjob, type SuperjobResume } from "../fixtures/fake-superjob-server";

/**
 * A board search from the Imports page to committed candidates: the route queues it,
 * the real job worker runs the real clients against the fake boards (configured
 * through HH_API_URL / SUPERJOB_API_URL as in production), the batch shows progress,
 * ends in a preview, and the recruiter commits it.
 */

const context = { clientIp: "127.0.0.1" };
const HH_TOKEN = "hh-employer-token";
const SJ_KEY = "v3.r.sj-app-key";
const SJ_TOKEN = "sj-employer-token";
const ENV_KEYS = ["HH_API_TOKEN", "HH_API_URL", "SUPERJOB_APP_KEY", "SUPERJOB_TOKEN", "SUPERJOB_API_URL"] as const;
const savedEnv = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));

const job = (company: string, position: string, start: string, end: string | null = null) => ({ company, position, start, end, industries: [] });
const hhResume = (id: string, first: string, last: string, email: string, phone: string, experience: HhResume["experience"]): HhResume => ({
  id,
  first_name: first,
  last_name: last,
  middle_name: null,
  title: "Менеджер по ключевым клиентам",
  area: { id: "1", name: "Москва" },
  salary: { amount: 200_000, currency: "RUR" },
  contact: [
    { type: { id: "email" }, value: email },
    { type: { id: "cell" }, value: { formatted: phone } },
  ],
  experience,
});

let servers: FakeServer[] = [];
async function hhBoard(options: Omit<FakeHhOptions, "token"> & { token?: string }, envToken = HH_TOKEN) {
  const server = await startFakeHh({ token: HH_TOKEN, ...options });
  servers.push(server);
  process.env.HH_API_TOKEN = envToken;
  process.env.HH_API_URL = server.url;
  reloadEnv();
  return server;
}
async function superjobBoard(options: Omit<FakeSuperjobOptions, "appKey" | "token">, appKey = SJ_KEY) {
  const server = await startFakeSuperjob({ appKey: SJ_KEY, token: SJ_TOKEN, ...options });
  servers.push(server);
  Object.assign(process.env, { SUPERJOB_APP_KEY: appKey, SUPERJOB_TOKEN: SJ_TOKEN, SUPERJOB_API_URL: `${server.url}/2.0` });
  reloadEnv();
  return server;
}

/** Holds the board's answers back until released: proof that nobody waits for them. */
function gate(path: string) {
  let release!: () => void;
  const opened = new Promise<void>((resolve) => (release = resolve));
  const onRequest: OnRequest = (request) => (request.path === path ? opened : undefined);
  return { onRequest, release };
}

beforeAll(() => startJobs({ work: true }));
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});
afterAll(async () => {
  await stopJobs();
  for (const key of ENV_KEYS) {
    if (savedEnv[key] === undefined) delete process.env[key];
    else process.env[key] = savedEnv[key];
  }
  reloadEnv();
});

async function recruiter() {
  const user = await createUser({ roles: ["RECRUITER"] });
  return { user, cookie: await sessionCookie(user.id) };
}

async function vacancyWith(lists: Array<[string, "TARGET" | "EXCLUDED" | "ADJACENT"]>) {
  const vacancy = await db().vacancy.create({ data: { title: `KAM ${Math.random().toString(36).slice(2, 7)}`, city: "Москва", industry: "Оборудование" } });
  for (const [name, kind] of lists) {
    const key = companyMatchKey(name);
    const company = await db().company.upsert({ where: { normalizedName: key }, create: { name, normalizedName: key }, update: {} });
    await db().vacancyCompanyList.create({ data: { vacancyId: vacancy.id, companyId: company.id, kind } });
  }
  return vacancy;
}

const run = (fields: Record<string, string>, cookie: string) => respond(() => indexAction({ request: formRequest("/imports", fields, cookie), params: {}, context }));
const post = (id: string, intent: string, cookie: string) => respond(() => batchAction({ request: formRequest(`/imports/${id}`, { intent }, cookie), params: { id }, context }));
const view = async (id: string, cookie: string) => (await respond(() => batchLoader({ request: getRequest(`/imports/${id}`, cookie), params: { id }, context }))).json();
const batchIdOf = (response: Response) => {
  expect(response.status).toBe(302);
  return response.headers.get("Location")!.replace("/imports/", "");
};

async function settled(id: string) {
  await vi.waitFor(
    async () => expect((await db().importBatch.findUniqueOrThrow({ where: { id } })).status).toMatch(/PREVIEW|FAILED|DISCARDED/),
    { timeout: 60_000, interval: 100 },
  );
  return db().importBatch.findUniqueOrThrow({ where: { id } });
}

/** The search job of a batch as pg-boss keeps it. */
async function searchJob(batchId: string) {
  const rows = await db().$queryRawUnsafe<Array<{ state: string; retries: number }>>(
    `SELECT state::text, retry_count AS retries FROM ${JOBS_SCHEMA}.job WHERE name = 'sourcing.api-search' AND singleton_key = $1`,
    batchId,
  );
  return rows[0] ?? null;
}

describe("an hh.ru search by the vacancy's company lists", () => {
  test("is queued without waiting for the board, shows progress, is previewed per tier and committed", { timeout: 90_000 }, async () => {
    const { user, cookie } = await recruiter();
    const vacancy = await vacancyWith([["Гидромаш", "TARGET"], ["Насосы Групп", "ADJACENT"], ["Откат-Трейд", "EXCLUDED"]]);
    const vera = await createCandidate({ firstName: "Вера", lastName: "Волкова", email: "vera@example.ru", phone: "+79035550001" });
    const held = gate("/resumes");
    const hh = await hhBoard({
      onRequest: held.onRequest,
      hidden: ["r-hidden"],
      resumes: [
        hhResume("r-anna", "Анна", "Петрова", "anna@example.ru", "+7 (916) 100-00-01", [job("ООО «Гидромаш»", "KAM", "2019-03-01")]),
        hhResume("r-oleg", "Олег", "Смирнов", "oleg@example.ru", "+7 (916) 100-00-02", [job("Гидромаш", "Ведущий менеджер", "2020-01-01"), job("ЗАО «Откат-Трейд»", "Менеджер", "2014-01-01", "2016-06-01")]),
        hhResume("r-igor", "Игорь", "Кузнецов", "igor@example.ru", "+7 (916) 100-00-03", [job("Насосы Групп", "KAM", "2021-05-01")]),
        hhResume("r-vera", "Вера", "Волкова", "vera@example.ru", "+7 (916) 100-00-04", [job("Гидромаш", "Менеджер", "2018-02-01")]),
        hhResume("r-hidden", "Скрытый", "Соискатель", "hidden@example.ru", "+7 (916) 100-00-05", [job("Гидромаш", "KAM", "2017-01-01")]),
      ],
    });

    // The board has not answered anything yet, and the recruiter is already on the batch's page.
    const id = batchIdOf(await run({ board: "hh", vacancyId: vacancy.id }, cookie));
    const waiting = await view(id, cookie);
    expect(waiting.batch.status).toMatch(/QUEUED|RUNNING/);
    expect(waiting.counts.fetch).toEqual({ board: "hh.ru", kind: "companies", page: 0, pages: 0, found: 0 });
    expect(waiting.batch).toMatchObject({ source: "HH", channel: "API", adapter: "hh-api", label: `hh.ru: ${vacancy.title}`, total: 0, processed: 0 });
    const list = await (await respond(() => indexLoader({ request: getRequest("/imports", cookie), params: {}, context }))).json();
    expect(list.apiLimit).toBe(2000);
    expect(list.batches.find((b: { id: string }) => b.id === id).fetching).toMatchObject({ board: "hh.ru", kind: "companies" });
    // A search still fetching cannot be committed.
    expect((await post(id, "commit", cookie)).status).toBe(400);
    held.release();

    const done = await settled(id);
    expect(done).toMatchObject({ status: "PREVIEW", total: 4, error: null });
    const page = await view(id, cookie);
    expect(page.counts).toMatchObject({
      total: 4,
      new: 3,
      merged: 1,
      unchanged: 0,
      excluded: 1,
      tiers: { TARGET: 2, ADJACENT: 1, OPEN_MARKET: 0, EXCLUDED: 1 },
      search: { found: 5, notes: [], skipped: [{ row: 5, field: "id", message: "imports.errors.resumeUnavailable|id=r-hidden" }] },
    });
    expect(page.counts).not.toHaveProperty("fetch");
    expect(page.rows.map((r: { name: string; status: string; tier: string; matchedBy: string | null }) => [r.name, r.status, r.tier, r.matchedBy])).toEqual([
      ["Петрова Анна", "new", "TARGET", null],
      ["Смирнов Олег", "new", "EXCLUDED", null],
      ["Кузнецов Игорь", "new", "ADJACENT", null],
      ["Волкова Вера", "merged", "TARGET", "email"],
    ]);
    const searches = hh.requests.filter((r) => r.path === "/resumes");
    expect(searches.map((r) => [r.query.get("text"), r.query.get("text.field"), r.query.get("page"), r.query.get("per_page")])).toEqual([
      ['"Гидромаш" OR "Насосы Групп"', "experience_company", "0", "50"],
    ]);
    expect(hh.requests.filter((r) => r.path.startsWith("/resumes/")).map((r) => r.path)).toEqual(["/resumes/r-anna", "/resumes/r-oleg", "/resumes/r-igor", "/resumes/r-vera", "/resumes/r-hidden"]);

    expect(batchIdOf(await post(id, "commit", cookie))).toBe(id);
    expect(await db().importBatch.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "COMMITTED", records: [], summary: { result: { new: 3, merged: 1, unchanged: 0, erased: 0 } } });
    const applications = await db().application.findMany({ where: { vacancyId: vacancy.id }, include: { candidate: { include: { sources: true } } }, orderBy: { candidate: { lastName: "asc" } } });
    expect(applications.map((a) => [a.candidate.lastName, a.tier, a.stage])).toEqual([
      ["Волкова", "TARGET", "SOURCED"],
      ["Кузнецов", "ADJACENT", "SOURCED"],
      ["Петрова", "TARGET", "SOURCED"],
      ["Смирнов", "EXCLUDED", "SOURCED"],
    ]);
    expect(applications[0]!.candidateId).toBe(vera.id);
    expect(applications.map((a) => a.candidate.sources.map((s) => [s.source, s.channel, s.adapter, s.externalId, s.url, s.importBatchId]))).toEqual([
      [["HH", "API", "hh-api", "r-vera", "https://hh.ru/resume/r-vera", id]],
      [["HH", "API", "hh-api", "r-igor", "https://hh.ru/resume/r-igor", id]],
      [["HH", "API", "hh-api", "r-anna", "https://hh.ru/resume/r-anna", id]],
      [["HH", "API", "hh-api", "r-oleg", "https://hh.ru/resume/r-oleg", id]],
    ]);
    const trail = await db().auditEntry.findMany({ where: { entityType: "ImportBatch", entityId: id }, orderBy: { id: "asc" } });
    expect(trail.map((e) => [e.action, e.actorId, e.details])).toEqual([
      ["import.create", user.id, { source: "HH", channel: "API", adapter: "hh-api", vacancyId: vacancy.id, total: 0, board: "hh", search: "companies" }],
      ["import.commit", user.id, { vacancyId: vacancy.id, records: 4, new: 3, merged: 1, unchanged: 0, erased: 0 }],
    ]);
  });

  test("can be stopped while it fetches: the job finds the batch discarded and previews nothing", { timeout: 60_000 }, async () => {
    const { user, cookie } = await recruiter();
    const vacancy = await vacancyWith([["Гидромаш", "TARGET"]]);
    const held = gate("/resumes");
    await hhBoard({ onRequest: held.onRequest, resumes: [hhResume("r-stop", "Пётр", "Стопов", "stop@example.ru", "+7 (916) 200-00-01", [job("Гидромаш", "KAM", "2019-01-01")])] });
    const id = batchIdOf(await run({ board: "hh", vacancyId: vacancy.id }, cookie));
    expect((await post(id, "discard", cookie)).status).toBe(302);
    held.release();
    await vi.waitFor(async () => expect((await searchJob(id))?.state).toBe("completed"), { timeout: 30_000, interval: 100 });
    expect(await db().importBatch.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "DISCARDED", records: [], total: 0 });
    expect(await db().candidate.count({ where: { lastName: "Стопов" } })).toBe(0);
    const trail = await db().auditEntry.findMany({ where: { entityType: "ImportBatch", entityId: id }, orderBy: { id: "asc" } });
    expect(trail.map((e) => [e.action, e.actorId])).toEqual([
      ["import.create", user.id],
      ["import.discard", user.id],
    ]);
  });
});

describe("responses to the employer's own hh.ru vacancy", () => {
  test("are loaded by the vacancy's id or link, with their own adapter, and committed", { timeout: 60_000 }, async () => {
    const { cookie } = await recruiter();
    // No company lists needed: the people applied themselves.
    const vacancy = await vacancyWith([]);
    const hh = await hhBoard({
      resumes: [
        hhResume("r-maria", "Мария", "Белова", "maria@example.ru", "+7 (916) 300-00-01", [job("Рога и копыта", "Менеджер", "2018-02-01")]),
        hhResume("r-petr", "Пётр", "Иванов", "petr@example.ru", "+7 (916) 300-00-02", [job("Вектор", "KAM", "2020-09-01")]),
      ],
      negotiations: { "777": ["r-maria", "r-petr"] },
    });
    const id = batchIdOf(await run({ search: "responses", board: "hh", vacancyId: vacancy.id, hhVacancyId: "https://hh.ru/vacancy/777?from=share" }, cookie));
    expect(await db().importBatch.findUniqueOrThrow({ where: { id } })).toMatchObject({ adapter: "hh-responses", label: `hh.ru 777: ${vacancy.title}`, summary: { fetch: { kind: "responses", hhVacancyId: "777" } } });

    expect(await settled(id)).toMatchObject({ status: "PREVIEW", total: 2 });
    const page = await view(id, cookie);
    expect(page.counts).toMatchObject({ new: 2, merged: 0, tiers: { OPEN_MARKET: 2 }, search: { found: 2, skipped: [], notes: [], hhVacancyId: "777" } });
    expect(hh.requests.filter((r) => r.path === "/negotiations/response").map((r) => [r.query.get("vacancy_id"), r.query.get("page"), r.query.get("per_page")])).toEqual([["777", "0", "50"]]);
    // Each full resume through the response's own link, which opens its contacts.
    expect(hh.requests.filter((r) => r.path.startsWith("/resumes/")).map((r) => [r.path, r.query.get("topic_id")])).toEqual([
      ["/resumes/r-maria", "topic-0"],
      ["/resumes/r-petr", "topic-1"],
    ]);

    expect((await post(id, "commit", cookie)).status).toBe(302);
    const sources = await db().sourceRecord.findMany({ where: { importBatchId: id }, orderBy: { externalId: "asc" }, include: { candidate: true } });
    expect(sources.map((s) => [s.source, s.channel, s.adapter, s.externalId, s.candidate.lastName, s.candidate.email])).toEqual([
      ["HH", "API", "hh-responses", "r-maria", "Белова", "maria@example.ru"],
      ["HH", "API", "hh-responses", "r-petr", "Иванов", "petr@example.ru"],
    ]);
    expect(await db().application.count({ where: { vacancyId: vacancy.id } })).toBe(2);
  });

  test("refuses a missing or wrong vacancy id, and responses from SuperJob, on their fields", async () => {
    const { cookie } = await recruiter();
    const vacancy = await vacancyWith([]);
    await hhBoard({ resumes: [] });
    const batches = await db().importBatch.count();
    const error = async (fields: Record<string, string>) => {
      const response = await run(fields, cookie);
      expect(response.status).toBe(400);
      return (await response.json()).error;
    };
    expect(await error({ search: "responses", board: "hh", vacancyId: vacancy.id })).toEqual({ hhVacancyId: ["imports.hhVacancyIdRequired"] });
    expect(await error({ search: "responses", board: "hh", vacancyId: vacancy.id, hhVacancyId: "12ab" })).toEqual({ hhVacancyId: ["imports.hhVacancyIdInvalid"] });
    expect(await error({ search: "responses", board: "superjob", vacancyId: vacancy.id, hhVacancyId: "777" })).toEqual({ board: ["imports.responsesOnlyHh"] });
    // A company search needs companies to look for.
    expect(await error({ board: "hh", vacancyId: vacancy.id })).toEqual({ vacancyId: ["imports.apiNoCompanies"] });
    expect(await db().importBatch.count()).toBe(batches);
  });
});

describe("a SuperJob search", () => {
  test("pages to the 2,000-result ceiling, writing progress after every page, and says the board found more", { timeout: 90_000 }, async () => {
    const { cookie } = await recruiter();
    const vacancy = await vacancyWith([["Гидромаш", "TARGET"]]);
    const resumes: SuperjobResume[] = Array.from({ length: 2050 }, (_, i) => ({
      id: 50_000 + i,
      firstname: "Игорь",
      lastname: `Глубинов${i}`,
      email: `deep${i}@example.ru`,
      phone1: null,
      town: { id: 4, title: "Москва" },
      profession: "KAM",
      payment: 150_000,
      currency: "rub",
      link: `https://www.superjob.ru/resume/${50_000 + i}.html`,
      work_history: [{ name: "Гидромаш", profession: "KAM", monthbeg: 3, yearbeg: 2019, monthend: 0, yearend: 0 }],
    }));
    // What the batch showed each time the board was asked for the next page.
    const seen: Array<{ page: number; pages: number; processed: number; total: number }> = [];
    const sj = await superjobBoard({
      resumes,
      onRequest: async (request) => {
        if (request.path !== "/2.0/resumes/") return;
        const batch = await db().importBatch.findFirstOrThrow({ where: { adapter: "superjob-api", vacancyId: vacancy.id } });
        const fetch = (batch.summary as { fetch: { page: number; pages: number } }).fetch;
        seen.push({ page: fetch.page, pages: fetch.pages, processed: batch.processed, total: batch.total });
      },
    });
    const id = batchIdOf(await run({ board: "superjob", vacancyId: vacancy.id }, cookie));
    expect(await settled(id)).toMatchObject({ status: "PREVIEW", total: 2000 });

    expect(sj.requests.map((r) => [r.query.get("keyword"), r.query.get("page"), r.query.get("count")])).toEqual(Array.from({ length: 20 }, (_, page) => ["Гидромаш", String(page), "100"]));
    expect(seen).toEqual([
      { page: 0, pages: 0, processed: 0, total: 0 },
      ...Array.from({ length: 19 }, (_, i) => ({ page: i + 1, pages: 20, processed: (i + 1) * 100, total: 2000 })),
    ]);
    const page = await view(id, cookie);
    expect(page.counts).toMatchObject({ new: 2000, tiers: { TARGET: 2000 }, search: { found: 2050, skipped: [], notes: ["imports.errors.depthLimit|board=SuperJob|found=2050|limit=2000"] } });
  });
});

describe("a search the board refuses", () => {
  const hhResumes = [hhResume("r-x", "Икс", "Иксов", "x@example.ru", "+7 (916) 400-00-01", [job("Гидромаш", "KAM", "2019-01-01")])];
  test.each([
    ["a wrong hh.ru token", () => hhBoard({ resumes: hhResumes }, "expired-token"), "hh", "imports.errors.apiUnauthorized|board=hh.ru"],
    ["an hh.ru token without resume database access", () => hhBoard({ resumes: hhResumes, forbiddenTokens: ["no-database"] }, "no-database"), "hh", "imports.errors.apiForbidden|board=hh.ru"],
    ["hh.ru asking to wait an hour", () => hhBoard({ resumes: hhResumes, faults: [{ path: "/resumes", status: 429, retryAfter: "3600" }] }), "hh", "imports.errors.apiRateLimited|board=hh.ru"],
    ["hh.ru down beyond the retries", () => hhBoard({ resumes: hhResumes, faults: Array.from({ length: 4 }, () => ({ path: "/resumes", status: 503 })) }), "hh", "imports.errors.apiUnavailable|board=hh.ru|status=503"],
    ["a wrong SuperJob app key", () => superjobBoard({ resumes: [] }, "wrong-key"), "superjob", "imports.errors.apiForbidden|board=SuperJob"],
  ] as const)("%s ends the batch FAILED with that message, once, importing nothing", { timeout: 60_000 }, async (_name, board, boardName, message) => {
    const { cookie } = await recruiter();
    const vacancy = await vacancyWith([["Гидромаш", "TARGET"]]);
    await board();
    const candidates = await db().candidate.count();
    const id = batchIdOf(await run({ board: boardName, vacancyId: vacancy.id }, cookie));
    expect(await settled(id)).toMatchObject({ status: "FAILED", error: message, total: 0, records: [] });
    // The client already retried what can be retried: the job is not run again.
    expect(await searchJob(id)).toEqual({ state: "completed", retries: 0 });
    const page = await view(id, cookie);
    expect(page.batch).toMatchObject({ status: "FAILED", error: message });
    for (const locale of ["ru", "en"] as const) {
      const text = translateError(createI18n(locale).t, message);
      expect(text).not.toMatch(/imports\.|\{\{/);
      expect(text).toContain(boardName === "hh" ? "hh.ru" : "SuperJob");
    }
    expect(await db().candidate.count()).toBe(candidates);
  });
});
