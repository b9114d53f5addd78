import { describe, expect, test } from "vitest";
import {
  canonicalJson,
  fillEmpty,
  fingerprintOf,
  groupBySource,
  isUnverified,
  jobKey,
  type PersonFields,
  personFields,
  readFieldSources,
  recordContacts,
  sourceKey,
  storedPersonFields,
  takeBackFields,
} from "~/sourcing/ingest-keys";
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

describe("keys per source", () => {
  test("a board id or fingerprint is one key only within its source", () => {
    expect(sourceKey("HH", "42")).toBe(sourceKey("HH", "42"));
    expect(sourceKey("HH", "42")).not.toBe(sourceKey("SUPERJOB", "42"));
  });

  test("values are grouped by source, each once", () => {
    const items = [{ source: "HH", value: "1" }, { source: "SUPERJOB", value: "1" }, { source: "HH", value: "2" }, { source: "HH", value: "1" }];
    expect(groupBySource(items)).toEqual([{ source: "HH", values: ["1", "2"] }, { source: "SUPERJOB", values: ["1"] }]);
    expect(groupBySource([])).toEqual([]);
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

describe("the public apply page", () => {
  const record = (overrides: object) =>
    CandidateRecordSchema.parse({ source: "HH", channel: "API", adapter: "hh-api", firstName: "А", lastName: "Б", email: "A@B.ru", phone: "8 916 123 45 67", raw: {}, ...overrides });
  test("is unverified, and lends no contacts for recognising anyone later", () => {
    const apply = record({ source: "INBOUND", channel: "FORM", adapter: "apply-page" });
    expect(isUnverified(apply)).toBe(true);
    expect(recordContacts(apply)).toEqual({ email: null, phone: null });
    for (const trusted of [record({}), record({ source: "MANUAL", channel: "FORM", adapter: "manual-form" }), record({ source: "INBOUND", channel: "API", adapter: "hh-negotiations" })]) {
      expect(isUnverified(trusted)).toBe(false);
      expect(recordContacts(trusted)).toEqual({ email: "a@b.ru", phone: "+79161234567" });
    }
  });
});

describe("stored records", () => {
  test("read as a fresh record is read, whatever is missing or unreadable counting as not given", () => {
    expect(storedPersonFields({ email: " X@Y.ru ", phone: "8 (916) 123-45-67", city: " Тула ", salaryExpectationRub: "много", consentAt: "2026-01-01T10:00:00.000Z" })).toEqual({
      ...empty,
      email: "x@y.ru",
      phone: "+79161234567",
      city: "Тула",
    });
    expect(storedPersonFields({})).toEqual(empty);
    expect(storedPersonFields(null)).toEqual(empty);
    expect(storedPersonFields({ consentAt: "2026-01-01T10:00:00.000Z", consentText: "Да" })).toMatchObject({ consentAt: new Date("2026-01-01T10:00:00.000Z"), consentText: "Да" });
  });

  test("a candidate's fieldSources keep only string ids; anything but an object is none", () => {
    expect(readFieldSources({ city: "rec-1", email: "rec-2", phone: 7, title: null })).toEqual({ city: "rec-1", email: "rec-2" });
    expect(readFieldSources(["rec-1"])).toEqual({});
    expect(readFieldSources("rec-1")).toEqual({});
    expect(readFieldSources(null)).toEqual({});
  });
});

describe("taking a record back (split)", () => {
  const current: PersonFields = { ...empty, email: "a@b.ru", phone: "+79160000001", city: "Москва", currentTitle: "Ведущий KAM", salaryExpectationRub: 150_000 };
  const wrong = { id: "wrong", fields: { ...empty, email: "a@b.ru", phone: "+79160000001", city: "Тула", currentTitle: "KAM", salaryExpectationRub: 150_000 } };

  test("empties the fields it gave and still holds, keeps what someone changed, and refills from the others oldest first", () => {
    const result = takeBackFields({
      current,
      fieldSources: { email: "right", phone: "wrong", city: "right", currentTitle: "wrong", salaryExpectationRub: "wrong" },
      record: wrong,
      others: [
        { id: "right", fields: { ...empty, email: "a@b.ru", city: "Москва" } },
        { id: "older", fields: { ...empty, phone: "+79160000002", salaryExpectationRub: 180_000 } },
        { id: "newer", fields: { ...empty, phone: "+79160000003" } },
      ],
    });
    expect(result.taken.sort()).toEqual(["phone", "salaryExpectationRub"]);
    expect(result.set).toEqual({ phone: "+79160000002", salaryExpectationRub: 180_000 });
    // currentTitle was changed by a person after the import: it stays, and no longer points at the record.
    expect(result.fieldSources).toEqual({ email: "right", city: "right", phone: "older", salaryExpectationRub: "older" });
  });

  test("a field with no provenance, or from another record, is never taken; consent goes as a pair", () => {
    const consent = { consentAt: new Date("2026-01-01T10:00:00Z"), consentText: "Согласна" };
    const result = takeBackFields({
      current: { ...current, ...consent },
      fieldSources: { email: "right", consentAt: "wrong", consentText: "wrong" },
      record: { id: "wrong", fields: { ...wrong.fields, ...consent } },
      others: [],
    });
    expect(result.taken.sort()).toEqual(["consentAt", "consentText"]);
    expect(result.set).toEqual({ consentAt: null, consentText: null });
    expect(result.fieldSources).toEqual({ email: "right" });
  });
});
