import { afterEach, describe, expect, it } from "vitest";
import { type BoardSearchProgress } from "~/sourcing/importers/board-search";
import { createHhClient, defaultHhUserAgent, hhClientFromEnv } from "~/sourcing/importers/hh-client.server";
import { createSuperjobClient, superjobClientFromEnv } from "~/sourcing/importers/superjob-client.server";
import { ImportRefused } from "~/sourcing/record";
import { parseEnv } from "~/utils/env.server";
import { type FakeServer } from "../fixtures/fake-board-server";
import { type HhResume, startFakeHh } from "../fixtures/fake-hh-server";
import { startFakeSuperjob, type SuperjobResume } from "../fixtures/fake-superjob-server";

const TOKEN = "employer-token";
const USER_AGENT = "KAMHiringTest/1.0 (test@kam.local)";
const APP_KEY = "v3.r.app-key";
/** Every resume below worked at one of the two. */
const BOTH = '"Гидромаш" OR "Насосы Групп"';

const hhResume = (i: number): HhResume => ({
  id: `r${i}`,
  first_name: "Анна",
  last_name: `Петрова${i}`,
  middle_name: null,
  title: "Менеджер по ключевым клиентам",
  area: { id: "1", name: "Москва" },
  salary: { amount: 100_000 + i, currency: "RUR" },
  contact: [
    { type: { id: "email" }, value: `anna${i}@example.ru` },
    { type: { id: "cell" }, value: { country: "7", city: "916", number: String(1_000_000 + i), formatted: `+7 (916) ${String(1_000_000 + i).replace(/(\d{3})(\d{2})(\d{2})/, "$1-$2-$3")}` } },
  ],
  experience: [{ company: i % 2 ? "ООО «Гидромаш»" : "Насосы Групп", position: "KAM", start: "2019-03-01", end: null }],
});
const hhResumes = Array.from({ length: 120 }, (_, i) => hhResume(i));

const sjResume = (i: number): SuperjobResume => ({
  id: 1000 + i,
  firstname: "Игорь",
  lastname: `Кузнецов${i}`,
  email: `igor${i}@example.ru`,
  phone1: `8 903 ${String(1_000_000 + i)}`,
  town: { id: 4, title: "Москва" },
  profession: "KAM",
  payment: 150_000,
  currency: "rub",
  link: `https://www.superjob.ru/resume/${1000 + i}.html`,
  work_history: [{ name: i % 3 ? "Гидромаш" : "Альфа-Трейд", profession: "KAM", monthbeg: 3, yearbeg: 2019, monthend: 0, yearend: 0 }],
});

let servers: FakeServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});
async function serve<T extends FakeServer>(start: Promise<T>): Promise<T> {
  const server = await start;
  servers.push(server);
  return server;
}

const fastHh = (url: string, extra: Partial<Parameters<typeof createHhClient>[0]> = {}) =>
  createHhClient({ baseUrl: url, token: TOKEN, userAgent: USER_AGENT, minIntervalMs: 1, retryBaseMs: 10, ...extra });

async function refusal(run: Promise<unknown>): Promise<string> {
  const error = await run.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ImportRefused);
  return (error as ImportRefused).messageKey;
}

describe("the hh.ru client", () => {
  it("pages through a search with full resumes, auth headers, per_page 50, and waits out a 429 and a 500", async () => {
    const hh = await serve(startFakeHh({ token: TOKEN, resumes: hhResumes, faults: [{ path: "/resumes", status: 429, retryAfter: "1" }, { path: "/resumes/r7", status: 500 }] }));
    const progress: BoardSearchProgress[] = [];
    const result = await fastHh(hh.url).searchResumes({ text: BOTH }, { onPage: (p) => void progress.push(p) });

    expect(result).toMatchObject({ found: 120, notes: [], skipped: [] });
    expect(result.records).toHaveLength(120);
    expect(result.records[1]).toMatchObject({
      source: "HH",
      channel: "API",
      adapter: "hh-api",
      externalId: "r1",
      url: "https://hh.ru/resume/r1",
      lastName: "Петрова1",
      email: "anna1@example.ru",
      phone: "+7 (916) 100-00-01",
      salaryExpectationRub: 100_001,
      workHistory: [{ companyName: "ООО «Гидромаш»", title: "KAM", startedOn: "2019-03-01", endedOn: null }],
    });
    const searches = hh.requests.filter((r) => r.path === "/resumes");
    expect(searches.map((r) => [r.query.get("page"), r.query.get("per_page")])).toEqual([["0", "50"], ["0", "50"], ["1", "50"], ["2", "50"]]);
    expect(searches.every((r) => r.query.get("text.field") === "experience_company" && r.query.get("text.period") === "")).toBe(true);
    // Retry-After: 1 was honoured before asking again.
    expect(searches[1]!.at - searches[0]!.at).toBeGreaterThanOrEqual(990);
    expect(hh.requests.filter((r) => r.path === "/resumes/r7")).toHaveLength(2);
    expect(hh.requests.filter((r) => r.path.startsWith("/resumes/"))).toHaveLength(121);
    for (const r of hh.requests) expect([r.headers.authorization, r.headers["hh-user-agent"]]).toEqual([`Bearer ${TOKEN}`, USER_AGENT]);
    expect(hh.faults).toEqual([]);
    expect(progress).toEqual([
      { page: 1, pages: 3, found: 120, records: 50 },
      { page: 2, pages: 3, found: 120, records: 100 },
      { page: 3, pages: 3, found: 120, records: 120 },
    ]);
  });

  it("stops at the 2,000th result and says how many were found", async () => {
    const hh = await serve(startFakeHh({ token: TOKEN, resumes: [], found: 5400 }));
    const result = await fastHh(hh.url, { fullResumes: false }).searchResumes({ text: '"Гидромаш"' });
    expect(result.records).toHaveLength(2000);
    expect(result.found).toBe(5400);
    expect(result.notes).toEqual(["imports.errors.depthLimit|board=hh.ru|found=5400|limit=2000"]);
    const pages = hh.requests.map((r) => Number(r.query.get("page")));
    expect(pages).toEqual(Array.from({ length: 40 }, (_, i) => i));
    expect(hh.requests.every((r) => Number(r.query.get("page")) * Number(r.query.get("per_page")) < 2000)).toBe(true);
  });

  it("stops at maxResults and fetches no more full resumes than it keeps", async () => {
    const hh = await serve(startFakeHh({ token: TOKEN, resumes: hhResumes }));
    const result = await fastHh(hh.url).searchResumes({ text: BOTH }, { maxResults: 70 });
    expect(result.records).toHaveLength(70);
    expect(result.notes).toEqual([]);
    expect(hh.requests.filter((r) => r.path === "/resumes")).toHaveLength(2);
    expect(hh.requests.filter((r) => r.path.startsWith("/resumes/"))).toHaveLength(70);
  });

  it("skips a resume hh.ru will not show instead of failing the search", async () => {
    const hh = await serve(startFakeHh({ token: TOKEN, resumes: hhResumes.slice(0, 5), hidden: ["r3"] }));
    const result = await fastHh(hh.url).searchResumes({ text: BOTH });
    expect(result.records.map((r) => r.externalId)).toEqual(["r0", "r1", "r2", "r4"]);
    expect(result.skipped).toEqual([{ row: 4, field: "id", message: "imports.errors.resumeUnavailable|id=r3" }]);
  });

  it("skips a resume deleted since the search as it skips a hidden one", async () => {
    const hh = await serve(startFakeHh({ token: TOKEN, resumes: hhResumes.slice(0, 5), hidden: ["r3"], deleted: ["r1"] }));
    const result = await fastHh(hh.url).searchResumes({ text: BOTH });
    expect(result.records.map((r) => r.externalId)).toEqual(["r0", "r2", "r4"]);
    expect(result.skipped.map((s) => s.message)).toEqual(["imports.errors.resumeUnavailable|id=r1", "imports.errors.resumeUnavailable|id=r3"]);
  });

  it("stops with a clear error when the manager's view quota runs out, instead of skipping everyone after it", async () => {
    const hh = await serve(startFakeHh({ token: TOKEN, resumes: hhResumes.slice(0, 8), viewQuota: { views: 3, error: "quota_exceeded" } }));
    expect(await refusal(fastHh(hh.url).searchResumes({ text: BOTH }))).toBe("imports.errors.hhQuotaExceeded|board=hh.ru");
    // Three resumes shown, the fourth refused, and not one more asked for.
    expect(hh.requests.filter((r) => r.path.startsWith("/resumes/")).map((r) => r.path)).toEqual(["/resumes/r0", "/resumes/r1", "/resumes/r2", "/resumes/r3"]);
  });

  it("stops at once when the daily view limit is reached, without waiting it out as a rate limit", async () => {
    const hh = await serve(startFakeHh({ token: TOKEN, resumes: hhResumes.slice(0, 4), viewQuota: { views: 1, error: "view_limit_exceeded" } }));
    expect(await refusal(fastHh(hh.url).searchResumes({ text: BOTH }))).toBe("imports.errors.hhViewLimit|board=hh.ru");
    expect(hh.requests.filter((r) => r.path.startsWith("/resumes/"))).toHaveLength(2);
  });

  it("pages 30 at a time up to the 1,980th result, where the next page would pass hh.ru's depth", async () => {
    const hh = await serve(startFakeHh({ token: TOKEN, resumes: [], found: 5400 }));
    const result = await fastHh(hh.url, { fullResumes: false, perPage: 30 }).searchResumes({ text: '"Гидромаш"' });
    expect(result.records).toHaveLength(1980);
    expect(result.notes).toEqual(["imports.errors.depthLimit|board=hh.ru|found=5400|limit=1980"]);
    expect(hh.requests.map((r) => Number(r.query.get("page")))).toEqual(Array.from({ length: 66 }, (_, i) => i));
  });

  it("searches a company list in experience, quoted and OR-ed, once per resume", async () => {
    const hh = await serve(startFakeHh({ token: TOKEN, resumes: hhResumes.slice(0, 6) }));
    const result = await fastHh(hh.url).searchCompanies(["ООО «Гидромаш»", "Насосы Групп", "гидромаш"]);
    expect(result.records.map((r) => r.externalId)).toEqual(["r0", "r1", "r2", "r3", "r4", "r5"]);
    expect(hh.requests[0]!.query.get("text")).toBe('"Гидромаш" OR "Насосы Групп"');
  });

  it("reads the responses to a vacancy through each response's own resume link", async () => {
    const hh = await serve(startFakeHh({ token: TOKEN, resumes: hhResumes.slice(0, 5), negotiations: { "555": ["r1", "r2", "r3"] } }));
    const result = await fastHh(hh.url, { perPage: 2 }).negotiations("555");
    expect(result.records.map((r) => r.externalId)).toEqual(["r1", "r2", "r3"]);
    const lists = hh.requests.filter((r) => r.path === "/negotiations/response");
    expect(lists.map((r) => [r.query.get("vacancy_id"), r.query.get("page"), r.query.get("per_page")])).toEqual([["555", "0", "2"], ["555", "1", "2"]]);
    expect(hh.requests.filter((r) => r.path.startsWith("/resumes/")).map((r) => r.query.get("topic_id"))).toEqual(["topic-0", "topic-1", "topic-2"]);
    expect(await refusal(fastHh(hh.url).negotiations("999"))).toBe("imports.errors.apiNotFound|board=hh.ru");
  });

  it("keeps the minimum interval between requests", async () => {
    const hh = await serve(startFakeHh({ token: TOKEN, resumes: hhResumes.slice(0, 3) }));
    const client = fastHh(hh.url, { minIntervalMs: 150 });
    // One request first, so the timed ones share an open connection: the server then
    // sees them as the client spaced them, not shifted by the first connection's set-up.
    await client.getResume("r0");
    await Promise.all(["r0", "r1", "r2"].map((id) => client.getResume(id)));
    const at = hh.requests.slice(1).map((r) => r.at);
    expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(140);
    expect(at[2]! - at[1]!).toBeGreaterThanOrEqual(140);
    expect(client.requests).toBe(4);
  });

  it("says clearly when the token is wrong, lacks access, or hh.ru keeps failing", async () => {
    const hh = await serve(startFakeHh({ token: TOKEN, forbiddenTokens: ["no-database"], resumes: hhResumes.slice(0, 1) }));
    expect(await refusal(fastHh(hh.url, { token: "expired" }).searchResumes({ text: "x" }))).toBe("imports.errors.apiUnauthorized|board=hh.ru");
    expect(await refusal(fastHh(hh.url, { token: "no-database" }).searchResumes({ text: "x" }))).toBe("imports.errors.apiForbidden|board=hh.ru");

    hh.faults.push(...Array.from({ length: 5 }, () => ({ path: "/resumes", status: 503 })));
    const before = hh.requests.length;
    expect(await refusal(fastHh(hh.url, { maxRetries: 2 }).getResume("r0"))).toBe("imports.errors.apiUnavailable|board=hh.ru|status=503");
    expect(hh.requests.length - before).toBe(3);

    hh.faults.splice(0, hh.faults.length, { path: "/resumes", status: 429, retryAfter: "3600" });
    expect(await refusal(fastHh(hh.url).getResume("r0"))).toBe("imports.errors.apiRateLimited|board=hh.ru");
  });

  it("is configured from the environment, or not offered without a token", async () => {
    const hh = await serve(startFakeHh({ token: TOKEN, resumes: hhResumes.slice(0, 1) }));
    expect(hhClientFromEnv(parseEnv({}))).toBeNull();
    const client = hhClientFromEnv(parseEnv({ HH_API_TOKEN: TOKEN, HH_API_URL: hh.url }))!;
    expect(await client.getResume("r0")).toMatchObject({ record: { externalId: "r0" } });
    expect(hh.requests[0]!.headers["hh-user-agent"]).toBe("KAMHiring/1.0 (hiring@kam-hiring.local)");
    expect(defaultHhUserAgent("hr@example.ru")).toBe("KAMHiring/1.0 (hr@example.ru)");
  });
});

describe("the SuperJob client", () => {
  const resumes = Array.from({ length: 230 }, (_, i) => sjResume(i));
  const fastSj = (url: string, extra: Partial<Parameters<typeof createSuperjobClient>[0]> = {}) =>
    createSuperjobClient({ baseUrl: `${url}/2.0`, appKey: APP_KEY, token: TOKEN, minIntervalMs: 1, retryBaseMs: 10, ...extra });

  it("pages with count 100 until more is false, with the app key and token, through a 429 and a 500", async () => {
    const sj = await serve(startFakeSuperjob({ appKey: APP_KEY, token: TOKEN, resumes, faults: [{ path: "/2.0/resumes/", status: 429, retryAfter: "0" }, { path: "/2.0/resumes/", status: 500 }] }));
    const result = await fastSj(sj.url).searchResumes({ keyword: "" });
    expect(result.found).toBe(230);
    expect(result.records).toHaveLength(230);
    expect(result.records[5]).toMatchObject({ source: "SUPERJOB", channel: "API", adapter: "superjob-api", externalId: "1005", email: "igor5@example.ru", phone: "8 903 1000005", salaryExpectationRub: 150_000 });
    expect(sj.requests.map((r) => [r.query.get("page"), r.query.get("count")])).toEqual([["0", "100"], ["0", "100"], ["0", "100"], ["1", "100"], ["2", "100"]]);
    for (const r of sj.requests) expect([r.headers["x-api-app-id"], r.headers.authorization]).toEqual([APP_KEY, `Bearer ${TOKEN}`]);
  });

  it("searches one company at a time and keeps a resume found twice once", async () => {
    const sj = await serve(startFakeSuperjob({ appKey: APP_KEY, token: TOKEN, resumes: resumes.slice(0, 6) }));
    const result = await fastSj(sj.url).searchCompanies(["ООО «Гидромаш»", "Альфа-Трейд", "KAM"]);
    expect(result.records.map((r) => r.externalId)).toEqual(["1001", "1002", "1004", "1005", "1000", "1003"]);
    expect(sj.requests.map((r) => r.query.get("keyword"))).toEqual(["Гидромаш", "Альфа-Трейд", "KAM"]);
  });

  it("says clearly when the token or the app key is wrong", async () => {
    const sj = await serve(startFakeSuperjob({ appKey: APP_KEY, token: TOKEN, resumes: resumes.slice(0, 1) }));
    expect(await refusal(fastSj(sj.url, { token: "expired" }).searchResumes({ keyword: "" }))).toBe("imports.errors.apiUnauthorized|board=SuperJob");
    expect(await refusal(fastSj(sj.url, { appKey: "wrong" }).getResume("1000"))).toBe("imports.errors.apiForbidden|board=SuperJob");
    expect(await fastSj(sj.url).getResume("1000")).toMatchObject({ record: { externalId: "1000", lastName: "Кузнецов0" } });
  });

  it("is configured from the environment, or not offered without an app key", async () => {
    const sj = await serve(startFakeSuperjob({ appKey: APP_KEY, token: TOKEN, resumes: resumes.slice(0, 1) }));
    expect(superjobClientFromEnv(parseEnv({}))).toBeNull();
    const anonymous = superjobClientFromEnv(parseEnv({ SUPERJOB_APP_KEY: APP_KEY, SUPERJOB_API_URL: `${sj.url}/2.0` }))!;
    expect(await anonymous.getResume("1000")).toMatchObject({ record: { email: null, phone: null } });
    expect(sj.requests[0]!.headers.authorization).toBeUndefined();
  });
});
