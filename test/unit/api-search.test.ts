import { describe, expect, it } from "vitest";
import { API_SEARCH_MAX_RESULTS, ApiSearchJobSchema, searchProgress } from "~/sourcing/api-search";
import { ApiSearchSchema } from "~/sourcing/import-forms";

describe("searchProgress", () => {
  it("counts one search page by page against what the board found", () => {
    const progress = searchProgress();
    expect(progress({ page: 1, pages: 3, found: 120, records: 50 })).toEqual({ processed: 50, total: 120, page: 1, pages: 3, found: 120 });
    expect(progress({ page: 3, pages: 3, found: 120, records: 118 })).toEqual({ processed: 118, total: 120, page: 3, pages: 3, found: 120 });
  });

  it("carries the resumes of earlier searches over when the next one starts at page 1", () => {
    const progress = searchProgress();
    progress({ page: 1, pages: 2, found: 70, records: 50 });
    progress({ page: 2, pages: 2, found: 70, records: 70 });
    expect(progress({ page: 1, pages: 1, found: 30, records: 30 })).toEqual({ processed: 100, total: 100, page: 1, pages: 1, found: 30 });
  });

  it("never reports past the ceiling, nor a total below what is done", () => {
    const progress = searchProgress(API_SEARCH_MAX_RESULTS);
    expect(progress({ page: 1, pages: 40, found: 5400, records: 50 })).toEqual({ processed: 50, total: 2000, page: 1, pages: 40, found: 5400 });
    // A board that says it found fewer than it then gave.
    expect(searchProgress(10)({ page: 1, pages: 1, found: 3, records: 7 })).toMatchObject({ processed: 7, total: 7 });
    expect(searchProgress(10)({ page: 2, pages: 2, found: 30, records: 25 })).toMatchObject({ processed: 10, total: 10 });
  });
});

describe("the search form and the job's payload", () => {
  const parse = (fields: Record<string, string>) => ApiSearchSchema.safeParse(fields);

  it("reads a company search without an hh.ru vacancy, whatever is typed in that field", () => {
    expect(parse({ board: "superjob", vacancyId: "v1" })).toMatchObject({ success: true, data: { board: "superjob", vacancyId: "v1", hhVacancyId: null } });
    expect(parse({ board: "hh", vacancyId: "v1", search: "companies", hhVacancyId: "123" })).toMatchObject({ success: true, data: { hhVacancyId: null } });
  });

  it("takes the hh.ru vacancy as its number or its link", () => {
    expect(parse({ board: "hh", vacancyId: "v1", search: "responses", hhVacancyId: " 123456 " })).toMatchObject({ data: { hhVacancyId: "123456" } });
    expect(parse({ board: "hh", vacancyId: "v1", search: "responses", hhVacancyId: "https://spb.hh.ru/vacancy/98765?from=share" })).toMatchObject({ data: { hhVacancyId: "98765" } });
  });

  it("refuses responses without a vacancy, with a wrong one, or from SuperJob, on the field concerned", () => {
    const issues = (fields: Record<string, string>) => parse(fields).error?.issues.map((i) => [i.path.join("."), i.message]);
    expect(issues({ board: "hh", vacancyId: "v1", search: "responses" })).toEqual([["hhVacancyId", "imports.hhVacancyIdRequired"]]);
    expect(issues({ board: "hh", vacancyId: "v1", search: "responses", hhVacancyId: "https://hh.ru/employer/1" })).toEqual([["hhVacancyId", "imports.hhVacancyIdInvalid"]]);
    expect(issues({ board: "superjob", vacancyId: "v1", search: "responses", hhVacancyId: "1" })).toEqual([["board", "imports.responsesOnlyHh"]]);
    expect(issues({ board: "hh", search: "companies" })).toEqual([["vacancyId", "imports.apiVacancyRequired"]]);
  });

  it("queues only searches a board can run", () => {
    expect(ApiSearchJobSchema.safeParse({ batchId: "b", board: "hh", query: { kind: "responses", hhVacancyId: "777" } }).success).toBe(true);
    expect(ApiSearchJobSchema.safeParse({ batchId: "b", board: "superjob", query: { kind: "responses", hhVacancyId: "777" } }).success).toBe(false);
    expect(ApiSearchJobSchema.safeParse({ batchId: "b", board: "superjob", query: { kind: "companies", companies: [] } }).success).toBe(false);
  });
});
