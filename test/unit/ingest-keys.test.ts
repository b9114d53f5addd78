import { describe, expect, test } from "vitest";
import { canonicalJson, fillEmpty, fingerprintOf, jobKey, type PersonFields, personFields } from "~/sourcing/ingest-keys";
import { newId } from "~/utils/bulk-insert.server";
import { CandidateRecordSchema } from "~/sourcing/record";

const empty: PersonFields = {
  middleName: null,
  email: null,
  phone: null,
  city: null,
  currentTitle: null,
  salaryExpectationRub: null,
  relocation: null,
  consentAt: null,
  consentText: null,
};

describe("fingerprints", () => {
  test("key order does not matter, values do", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}');
    expect(fingerprintOf({ a: 1, b: "x" })).toBe(fingerprintOf({ b: "x", a: 1 }));
    expect(fingerprintOf({ a: 1 })).not.toBe(fingerprintOf({ a: 2 }));
    expect(fingerprintOf({ a: 1, gone: undefined })).toBe(fingerprintOf({ a: 1 }));
    expect(fingerprintOf(undefined)).toBe(fingerprintOf(null));
  });
});

describe("job keys", () => {
  test("one job despite legal form, case and day of the month", () => {
    expect(jobKey({ companyName: "ООО «Ромашка»", title: "Менеджер  по продажам", startedOn: "2020-03-01" })).toBe(
      jobKey({ companyName: "Ромашка", title: "менеджер по продажам", startedOn: "2020-03-17" }),
    );
  });
  test("another month or title is another job", () => {
    const base = { companyName: "Ромашка", title: "KAM", startedOn: "2020-03-01" };
    expect(jobKey(base)).not.toBe(jobKey({ ...base, startedOn: "2020-04-01" }));
    expect(jobKey(base)).not.toBe(jobKey({ ...base, title: "Директор" }));
  });
});

describe("filling a candidate", () => {
  const record = (fields: Record<string, unknown>) =>
    personFields(CandidateRecordSchema.parse({ source: "HH", channel: "API", adapter: "hh-api", firstName: "А", lastName: "Б", raw: {}, ...fields }));

  test("contacts are normalised, blanks are nothing", () => {
    expect(record({ email: " Ivan@Mail.RU ", phone: "8 916 123-45-67", city: "  " })).toMatchObject({
      email: "ivan@mail.ru",
      phone: "+79161234567",
      city: null,
    });
    expect(record({ email: "нет", phone: "нет" })).toMatchObject({ email: null, phone: null });
  });

  test("consent is kept only with its wording", () => {
    expect(record({ consentAt: "2024-01-01T00:00:00.000Z" })).toMatchObject({ consentAt: null, consentText: null });
    expect(record({ consentAt: "2024-01-01T00:00:00.000Z", consentText: "Согласен" }).consentAt).toEqual(new Date("2024-01-01T00:00:00.000Z"));
  });

  test("only empty fields are filled; disagreeing values are left alone", () => {
    const current = { ...empty, city: "Москва", salaryExpectationRub: 0 };
    const incoming = { ...empty, city: "Казань", currentTitle: "KAM", salaryExpectationRub: 150_000, relocation: false };
    expect(fillEmpty(current, incoming)).toEqual({ currentTitle: "KAM", relocation: false });
  });

  test("consent is filled as a pair or not at all", () => {
    const at = new Date("2024-01-01");
    expect(fillEmpty({ ...empty, consentText: "старый текст" }, { ...empty, consentAt: at, consentText: "новый" })).toEqual({});
    expect(fillEmpty(empty, { ...empty, consentAt: at, consentText: "новый" })).toEqual({ consentAt: at, consentText: "новый" });
  });
});

test("ids are cuid-shaped and distinct", () => {
  const ids = new Set(Array.from({ length: 1_000 }, newId));
  expect(ids.size).toBe(1_000);
  for (const id of ids) expect(id).toMatch(/^c[0-9a-z]{24}$/);
});
