import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseSuperjobResumes, superjobRecord, superjobResumes, superjobSearchQuery } from "~/sourcing/importers/superjob";
import { parseUpload } from "~/sourcing/importers/upload.server";
import { CandidateRecordSchema, MAX_SALARY_RUB } from "~/sourcing/record";

const answer = JSON.parse(readFileSync("test/fixtures/superjob/resumes.json", "utf8")) as { objects: Array<Record<string, unknown>> };
const [anna, igor] = answer.objects as [Record<string, unknown>, Record<string, unknown>];

function read(value: unknown, channel: "API" | "FILE" = "API") {
  const result = superjobRecord(value, 1, channel);
  if (!("record" in result)) throw new Error(`not read: ${JSON.stringify(result.errors)}`);
  return result.record;
}

describe("a SuperJob resume", () => {
  it("becomes a record field by field", () => {
    expect(read(anna)).toEqual(
      CandidateRecordSchema.parse({
        source: "SUPERJOB",
        channel: "API",
        adapter: "superjob-api",
        externalId: "46571234",
        url: "https://www.superjob.ru/resume/menedzher-46571234.html",
        firstName: "Анна",
        lastName: "Петрова",
        middleName: "Сергеевна",
        email: "ANNA.PETROVA@example.ru",
        phone: "8 916 123 45 67",
        city: "Москва",
        currentTitle: "Менеджер по работе с ключевыми клиентами",
        salaryExpectationRub: 170000,
        relocation: null,
        workHistory: [
          // monthend/yearend 0: still there.
          { companyName: "Гидромаш", industry: null, title: "KAM", startedOn: "2019-03-01", endedOn: null },
          { companyName: "Альфа-Трейд", industry: null, title: "Менеджер по продажам", startedOn: "2015-09-01", endedOn: "2019-02-01" },
          // An unknown start month reads as January; null end: still there. The entry without an employer is left out.
          { companyName: "Насосы Групп", industry: null, title: "Стажёр", startedOn: "2014-01-01", endedOn: null },
        ],
        raw: anna,
      }),
    );
  });

  it("takes the second phone when the first is empty and drops a salary in dollars", () => {
    expect(read(igor)).toMatchObject({ phone: "+7 (903) 555-11-22", email: null, salaryExpectationRub: null, city: "Санкт-Петербург", workHistory: [] });
    expect(read({ ...anna, currency: "RUB", payment: "95000" }).salaryExpectationRub).toBe(95000);
    expect(read({ ...anna, payment: 0 }).salaryExpectationRub).toBeNull();
  });

  it("with a salary beyond reason is a row error naming the SuperJob field", () => {
    expect(superjobRecord({ ...anna, payment: 3_000_000_000 }, 2, "FILE")).toEqual({
      errors: [{ row: 2, field: "payment", message: `imports.errors.salaryTooHigh|value=3000000000|max=${MAX_SALARY_RUB}` }],
    });
  });

  it("reads an unknown month as the first of the year at a start and the last at an end", () => {
    const job = { name: "Гидромаш", profession: "KAM", monthbeg: 0, yearbeg: 2017, monthend: 0, yearend: 2019 };
    expect(read({ ...anna, work_history: [job] }).workHistory).toEqual([{ companyName: "Гидромаш", industry: null, title: "KAM", startedOn: "2017-01-01", endedOn: "2019-12-01" }]);
    // Within one year with both months unknown: the whole year, not an end before the start.
    expect(read({ ...anna, work_history: [{ ...job, yearbeg: 2019, monthbeg: 5 }] }).workHistory[0]).toMatchObject({ startedOn: "2019-05-01", endedOn: "2019-12-01" });
  });

  it("with a job that ends before it starts, or in a month that does not exist, is a row error", () => {
    const job = { name: "Гидромаш", profession: "KAM", monthbeg: 6, yearbeg: 2020, monthend: 2, yearend: 2019 };
    expect(superjobRecord({ ...anna, work_history: [job] }, 3, "FILE")).toEqual({
      errors: [{ row: 3, field: "work_history", message: "imports.errors.jobEndsBeforeStart|company=Гидромаш|start=2020-06|end=2019-02" }],
    });
    // A year with a month 13 has an end, so it is not read as "still there".
    expect(superjobRecord({ ...anna, work_history: [{ ...job, yearend: 2021, monthend: 13 }] }, 4, "FILE")).toEqual({
      errors: [{ row: 4, field: "work_history", message: "imports.errors.badJobDate|company=Гидромаш|value=2021-13" }],
    });
  });

  it("from a saved file is marked as a file import", () => {
    expect(read(anna, "FILE")).toMatchObject({ channel: "FILE", adapter: "superjob-file" });
  });

  it("without a name is a row error naming the field", () => {
    expect(superjobRecord({ ...anna, firstname: "" }, 3, "FILE")).toEqual({ errors: [{ row: 3, field: "firstname", message: "imports.errors.noName" }] });
    expect(superjobRecord({ ...anna, lastname: null }, 4, "FILE")).toEqual({ errors: [{ row: 4, field: "lastname", message: "imports.errors.noName" }] });
  });

  it("with a value the shared schema refuses is a row error naming the SuperJob field", () => {
    expect(superjobRecord({ ...anna, town: { title: "Г".repeat(200) } }, 5, "FILE")).toEqual({
      errors: [{ row: 5, field: "town", message: "imports.errors.badField|field=town" }],
    });
  });
});

describe("a saved SuperJob JSON", () => {
  it("may be a search answer, a list or one resume", () => {
    expect(superjobResumes(answer)).toHaveLength(3);
    expect(superjobResumes([anna])).toEqual([anna]);
    expect(superjobResumes(anna)).toEqual([anna]);
    expect(superjobResumes({ objects: [], total: 0, more: false })).toEqual([]);
    expect(superjobResumes([])).toEqual([]);
  });

  it("is not recognised in hh.ru's shape or any other", () => {
    expect(superjobResumes({ items: [{ first_name: "Анна", last_name: "Петрова", experience: [] }] })).toBeNull();
    expect(superjobResumes({ objects: [{ title: "вакансия" }] })).toBeNull();
    expect(superjobResumes(42)).toBeNull();
  });

  it("reads every resume and reports the unreadable one by its place in the list", () => {
    const result = parseSuperjobResumes(superjobResumes(answer)!, "FILE");
    expect(result.records.map((r) => r.lastName)).toEqual(["Петрова", "Кузнецов"]);
    expect(result.errors).toEqual([{ row: 3, field: "firstname", message: "imports.errors.noName" }]);
  });

  it("uploads as SuperJob JSON whatever the file is called", async () => {
    const upload = await parseUpload({ fileName: "resumes.csv", bytes: Buffer.from(JSON.stringify(answer, null, 2)) });
    expect(upload).toMatchObject({ kind: "superjob-json" });
    expect("result" in upload && upload.result.records.map((r) => r.adapter)).toEqual(["superjob-file", "superjob-file"]);
  });
});

describe("SuperJob search parameters", () => {
  it("page from 0 with a page size", () => {
    expect(superjobSearchQuery({ keyword: "Гидромаш", town: 4 }, 0, 100)).toEqual({ keyword: "Гидромаш", town: 4, page: 0, count: 100 });
  });
});
