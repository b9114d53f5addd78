import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  buildCompanyQuery,
  HH_QUERY_MAX_LENGTH,
  hhAccountRefusal,
  hhPagePlan,
  hhRecord,
  hhResumeUnavailable,
  hhResumes,
  hhSearchQuery,
  parseHhResumes,
} from "~/sourcing/importers/hh";
import { isoDay } from "~/sourcing/importers/common";
import { parseUpload } from "~/sourcing/importers/upload.server";
import { CandidateRecordSchema, MAX_SALARY_RUB } from "~/sourcing/record";

const fixture = (name: string) => readFileSync(`test/fixtures/hh/${name}`, "utf8");
const resume = JSON.parse(fixture("resume.json")) as Record<string, unknown>;
const negotiations = JSON.parse(fixture("negotiations.json")) as { items: Array<{ resume: Record<string, unknown> }> };

function read(value: unknown, channel: "API" | "FILE" = "API") {
  const result = hhRecord(value, 1, channel);
  if (!("record" in result)) throw new Error(`not read: ${JSON.stringify(result.errors)}`);
  return result.record;
}

describe("an hh.ru resume", () => {
  it("becomes a record field by field", () => {
    const record = read(resume);
    expect(record).toEqual(
      CandidateRecordSchema.parse({
        source: "HH",
        channel: "API",
        adapter: "hh-api",
        externalId: "0a1b2c3d4e5f60718293a4b5c6d7e8f9aabbcc",
        url: "https://hh.ru/resume/0a1b2c3d4e5f60718293a4b5c6d7e8f9aabbcc",
        firstName: "Анна",
        lastName: "Петрова",
        middleName: "Сергеевна",
        email: "anna.petrova@example.ru",
        // The preferred mobile, not the home phone listed first.
        phone: "+7 (916) 123-45-67",
        city: "Москва",
        currentTitle: "Менеджер по ключевым клиентам",
        salaryExpectationRub: 180000,
        relocation: true,
        workHistory: [
          { companyName: "ООО «Гидромаш»", industry: "Насосы, компрессоры", title: "Менеджер по ключевым клиентам", startedOn: "2019-03-01", endedOn: null },
          { companyName: "АО Альфа-Трейд", industry: "Оптовая торговля", title: "Менеджер по продажам", startedOn: "2015-09-01", endedOn: "2019-02-01" },
          { companyName: "Насосы Групп", industry: null, title: "Стажёр", startedOn: "2014-06-01", endedOn: "2014-08-01" },
        ],
        raw: resume,
      }),
    );
  });

  it("from a saved file is marked as a file import", () => {
    expect(read(resume, "FILE")).toMatchObject({ channel: "FILE", adapter: "hh-file", source: "HH" });
  });

  it("reads a phone given only as country, city and number", () => {
    const contact = [{ type: { id: "cell" }, value: { country: "7", city: "903", number: "5551122" } }];
    expect(read({ ...resume, contact }).phone).toBe("+79035551122");
    expect(read({ ...resume, contact: [{ type: { id: "work" }, value: "8 495 111 22 33" }] }).phone).toBe("8 495 111 22 33");
    expect(read({ ...resume, contact: [] })).toMatchObject({ phone: null, email: null });
  });

  it("keeps roubles and drops other currencies instead of guessing a rate", () => {
    expect(read({ ...resume, salary: { amount: 150000, currency: "RUR" } }).salaryExpectationRub).toBe(150000);
    expect(read({ ...resume, salary: { amount: 3000, currency: "USD" } }).salaryExpectationRub).toBeNull();
    expect(read({ ...resume, salary: { amount: 2500, currency: "EUR" } }).salaryExpectationRub).toBeNull();
    expect(read({ ...resume, salary: null }).salaryExpectationRub).toBeNull();
  });

  it("with a salary beyond reason is a row error, not a commit that overflows", () => {
    expect(hhRecord({ ...resume, salary: { amount: 3_000_000_000, currency: "RUR" } }, 2, "FILE")).toEqual({
      errors: [{ row: 2, field: "salary", message: `imports.errors.salaryTooHigh|value=3000000000|max=${MAX_SALARY_RUB}` }],
    });
    expect(read({ ...resume, salary: { amount: MAX_SALARY_RUB, currency: "RUR" } }).salaryExpectationRub).toBe(MAX_SALARY_RUB);
  });

  it("with a job that ends before it starts is a row error naming the job", () => {
    const experience = [{ company: "ООО «Гидромаш»", position: "KAM", start: "2020-03-01", end: "2018-01-01" }];
    expect(hhRecord({ ...resume, experience }, 3, "FILE")).toEqual({
      errors: [{ row: 3, field: "experience", message: "imports.errors.jobEndsBeforeStart|company=ООО «Гидромаш»|start=2020-03|end=2018-01" }],
    });
    // Ending in the month it started is a short job, not a mistake.
    expect(read({ ...resume, experience: [{ ...experience[0], end: "2020-03-01" }] }).workHistory).toMatchObject([{ startedOn: "2020-03-01", endedOn: "2020-03-01" }]);
  });

  it("with a date that does not exist is a row error, not a job hh.ru never listed or one still going", () => {
    const job = { company: "Гидромаш", position: "KAM", start: "2019-02-01", end: null };
    expect(hhRecord({ ...resume, experience: [{ ...job, start: "2019-02-31" }] }, 4, "FILE")).toEqual({
      errors: [{ row: 4, field: "experience", message: "imports.errors.badJobDate|company=Гидромаш|value=2019-02-31" }],
    });
    expect(hhRecord({ ...resume, experience: [{ ...job, end: "2021-13-01" }] }, 5, "FILE")).toEqual({
      errors: [{ row: 5, field: "experience", message: "imports.errors.badJobDate|company=Гидромаш|value=2021-13-01" }],
    });
  });

  it("reads relocation from its type", () => {
    const relocation = (id: string) => read({ ...resume, relocation: { type: { id } } }).relocation;
    expect([relocation("no_relocation"), relocation("relocation_possible"), relocation("relocation_desirable"), relocation("other")]).toEqual([false, true, true, null]);
    expect(read({ ...resume, relocation: undefined }).relocation).toBeNull();
  });

  it("without a first or last name is a row error naming the field", () => {
    expect(hhRecord({ ...resume, first_name: null }, 7, "FILE")).toEqual({ errors: [{ row: 7, field: "first_name", message: "imports.errors.noName" }] });
    expect(hhRecord({ ...resume, last_name: " " }, 2, "FILE")).toEqual({ errors: [{ row: 2, field: "last_name", message: "imports.errors.noName" }] });
    expect(hhRecord("text", 3, "FILE")).toEqual({ errors: [{ row: 3, message: "imports.errors.notAResume" }] });
  });

  it("that the shared schema refuses is a row error naming the hh.ru field", () => {
    expect(hhRecord({ ...resume, first_name: "А".repeat(200) }, 4, "FILE")).toEqual({
      errors: [{ row: 4, field: "first_name", message: "imports.errors.badField|field=first_name" }],
    });
  });
});

describe("a saved hh.ru JSON", () => {
  it("may be one resume, a list, a search answer or a negotiations answer", () => {
    expect(hhResumes(resume)).toEqual([resume]);
    expect(hhResumes([resume, resume])).toHaveLength(2);
    expect(hhResumes({ found: 1, pages: 1, items: [resume] })).toEqual([resume]);
    expect(hhResumes(negotiations)).toEqual(negotiations.items.map((i) => i.resume));
    expect(hhResumes({ found: 0, pages: 0, items: [] })).toEqual([]);
    // An empty list is an empty export, not some other JSON.
    expect(hhResumes([])).toEqual([]);
  });

  it("is not recognised in other shapes", () => {
    expect(hhResumes({ objects: [{ firstname: "Анна", lastname: "Петрова", work_history: [] }] })).toBeNull();
    expect(hhResumes([{ name: "x" }])).toBeNull();
    expect(hhResumes("resume")).toBeNull();
  });

  it("reads negotiations with the row of each unreadable resume", () => {
    const result = parseHhResumes(hhResumes(negotiations)!, "FILE");
    expect(result.records).toHaveLength(1);
    expect(result.records[0]).toMatchObject({ firstName: "Олег", lastName: "Смирнов", city: "Санкт-Петербург", salaryExpectationRub: null, externalId: "neg-resume-1" });
    expect(result.errors).toEqual([{ row: 2, field: "first_name", message: "imports.errors.noName" }]);
  });

  it("uploads as hh.ru JSON, told apart from SuperJob by its shape", async () => {
    const upload = await parseUpload({ fileName: "export.txt", bytes: Buffer.from(JSON.stringify({ found: 1, items: [resume] })) });
    expect(upload).toMatchObject({ kind: "hh-json", result: { errors: [] } });
    expect("result" in upload && upload.result.records[0]).toMatchObject({ channel: "FILE", adapter: "hh-file", externalId: resume.id });
  });
});

describe("isoDay", () => {
  it("keeps real days and months, and refuses days that do not exist", () => {
    expect(["2019-03-01", "2019-03", "2019-03-15T10:00:00+0300", "2020-02-29", "2019-12-31"].map(isoDay)).toEqual(["2019-03-01", "2019-03-01", "2019-03-15", "2020-02-29", "2019-12-31"]);
    expect(["2019-02-31", "2019-02-29", "2019-04-31", "2019-13-01", "2019-00-10", "1850-01-01", "март 2019", null, 2019].map(isoDay)).toEqual(Array(9).fill(null));
  });
});

describe("buildCompanyQuery", () => {
  it("quotes each company without its legal form and joins them with OR", () => {
    expect(buildCompanyQuery(["ООО «Гидромаш»", "Насосы Групп LLC", "АО \"Альфа-Трейд\""])).toEqual(['"Гидромаш" OR "Насосы Групп" OR "Альфа-Трейд"']);
  });

  it("drops repeats and names that are only a legal form", () => {
    expect(buildCompanyQuery(["Гидромаш", "гидромаш", "ООО", "  ", "ПАО Гидромаш"])).toEqual(['"Гидромаш"']);
    expect(buildCompanyQuery([])).toEqual([]);
  });

  it("strips query operators a name could carry", () => {
    expect(buildCompanyQuery(["Рога (и) копыта!*"])).toEqual(['"Рога и копыта"']);
  });

  it("splits a long list into searches under the length limit, losing no company", () => {
    const names = Array.from({ length: 120 }, (_, i) => `Компания номер ${i + 1}`);
    const queries = buildCompanyQuery(names);
    expect(queries.length).toBeGreaterThan(1);
    for (const q of queries) expect(q.length).toBeLessThanOrEqual(HH_QUERY_MAX_LENGTH);
    const found = queries.flatMap((q) => q.split(" OR ")).map((q) => q.slice(1, -1));
    expect(found).toEqual(names);
    expect(buildCompanyQuery(["А".repeat(600)], 100)[0]).toHaveLength(100);
  });
});

describe("hh.ru search paging", () => {
  it("sends the text.* parameters as the triad hh.ru requires", () => {
    expect(hhSearchQuery({ text: '"Гидромаш"' }, 2, 50)).toEqual({
      text: '"Гидромаш"',
      "text.logic": "all",
      "text.field": "experience_company",
      "text.period": "",
      area: undefined,
      page: 2,
      per_page: 50,
    });
  });

  it("stops at the 2,000-deep limit and says so", () => {
    expect(hhPagePlan(5400, 50, 2000)).toEqual({ pages: 40, limit: 2000, capped: true });
    expect(hhPagePlan(5400, 20, 10_000)).toEqual({ pages: 100, limit: 2000, capped: true });
    expect(hhPagePlan(120, 50, 2000)).toEqual({ pages: 3, limit: 2000, capped: false });
    expect(hhPagePlan(5400, 50, 100)).toEqual({ pages: 2, limit: 2000, capped: false });
    expect(hhPagePlan(0, 50, 2000)).toEqual({ pages: 0, limit: 2000, capped: false });
  });

  it.each([30, 7, 50, 20, 1, 33, 49, 3])("with %i a page never asks for a page that ends past the 2,000th result", (perPage) => {
    // hh.ru answers 400 for the whole page once (page + 1) * per_page passes 2,000.
    const { pages, limit, capped } = hhPagePlan(5400, perPage, 10_000);
    expect(pages * perPage).toBeLessThanOrEqual(2000);
    expect(limit).toBe(pages * perPage);
    // …and leaves no whole page out that hh.ru would still give.
    expect((pages + 1) * perPage).toBeGreaterThan(2000);
    expect(capped).toBe(true);
  });

  it("plans pages for a search that fits in fewer pages than the depth allows", () => {
    expect(hhPagePlan(95, 30, 2000)).toEqual({ pages: 4, limit: 1980, capped: false });
    // 1,990 found with 30 a page: ten are past the depth, and the note says so with 1,980.
    expect(hhPagePlan(1990, 30, 2000)).toEqual({ pages: 66, limit: 1980, capped: true });
    expect(hhPagePlan(1980, 30, 2000)).toEqual({ pages: 66, limit: 1980, capped: false });
    expect(hhPagePlan(5400, 30, 100)).toEqual({ pages: 4, limit: 1980, capped: false });
  });
});

describe("hh.ru's refusals of a full resume", () => {
  const answer = (...errors: Array<{ type: string; value?: string }>) => ({ errors, description: "…" });

  it("name the account's problem when it is one, so the search stops saying what to do", () => {
    expect(hhAccountRefusal(403, answer({ type: "resumes", value: "quota_exceeded" }))).toBe("imports.errors.hhQuotaExceeded|board=hh.ru");
    expect(hhAccountRefusal(429, answer({ type: "resumes", value: "view_limit_exceeded" }))).toBe("imports.errors.hhViewLimit|board=hh.ru");
    expect(hhAccountRefusal(403, answer({ type: "resumes", value: "no_available_service" }))).toBe("imports.errors.hhNoService|board=hh.ru");
    expect(hhAccountRefusal(403, answer({ type: "api_access_payment", value: "action_must_be_payed" }))).toBe("imports.errors.hhNoService|board=hh.ru");
    expect(hhAccountRefusal(403, answer({ type: "resumes", value: "cant_view_contacts" }))).toBe("imports.errors.hhNoContactAccess|board=hh.ru");
    expect(hhAccountRefusal(403, answer({ type: "oauth", value: "token_expired" }))).toBe("imports.errors.apiUnauthorized|board=hh.ru");
    expect(hhAccountRefusal(403, answer({ type: "forbidden" }))).toBeNull();
    expect(hhAccountRefusal(500, "<html>")).toBeNull();
  });

  it("skip a resume only when it is hidden or gone, never on a quota or an unknown refusal", () => {
    expect(hhResumeUnavailable(403, answer({ type: "forbidden" }))).toBe(true);
    expect(hhResumeUnavailable(404, answer({ type: "not_found" }))).toBe(true);
    expect(hhResumeUnavailable(404, null)).toBe(true);
    expect(hhResumeUnavailable(403, answer({ type: "negotiations", value: "resume_not_found" }))).toBe(true);
    expect(hhResumeUnavailable(403, answer({ type: "resumes", value: "quota_exceeded" }))).toBe(false);
    expect(hhResumeUnavailable(403, answer({ type: "forbidden" }, { type: "resumes", value: "quota_exceeded" }))).toBe(false);
    expect(hhResumeUnavailable(403, answer({ type: "something_new" }))).toBe(false);
    expect(hhResumeUnavailable(403, null)).toBe(false);
    expect(hhResumeUnavailable(500, answer({ type: "forbidden" }))).toBe(false);
  });
});
