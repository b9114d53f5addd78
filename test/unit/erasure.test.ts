import { describe, expect, test } from "vitest";
import { anonymousTierReason, type ErasedPerson, recordIsOf, scrubBatch, scrubLabel, sourceKey, tableMentions, textMentions } from "~/sourcing/erasure";
import { fingerprintOf } from "~/sourcing/ingest-keys";

const person: ErasedPerson = {
  candidateIds: new Set(["cand-1", "cand-merged"]),
  externalKeys: new Set([sourceKey("HH", "resume-1")]),
  fingerprintKeys: new Set([sourceKey("FILE", fingerprintOf({ row: 7, name: "Иванов" }))]),
  emails: new Set(["petr.ivanov@mail.test"]),
  phones: new Set(["+79161234567"]),
  names: ["Пётр", "Иванов", "Ivanov"],
};

describe("recognising the person's records", () => {
  test("by board id of the same board, fingerprint, e-mail or phone as people type them", () => {
    expect(recordIsOf({ source: "HH", externalId: "resume-1", raw: {} }, person)).toBe(true);
    expect(recordIsOf({ source: "SUPERJOB", externalId: "resume-1", raw: {} }, person)).toBe(false);
    expect(recordIsOf({ source: "FILE", raw: { name: "Иванов", row: 7 } }, person)).toBe(true);
    expect(recordIsOf({ source: "FILE", raw: { row: 8 }, email: " Petr.Ivanov@MAIL.test " }, person)).toBe(true);
    expect(recordIsOf({ source: "FILE", raw: { row: 9 }, phone: "8 (916) 123-45-67" }, person)).toBe(true);
  });

  test("never by name alone: a namesake is someone else", () => {
    expect(recordIsOf({ source: "FILE", raw: { row: 10 }, email: "other@mail.test", phone: "+7 916 000-00-00" }, person)).toBe(false);
  });
});

describe("file names and row errors", () => {
  test("a name, address or phone in free text is found, spelled with ё or е, in any case", () => {
    expect(textMentions("Иванов_резюме.csv", person)).toBe(true);
    expect(textMentions("ПЕТР ИВАНОВ.xlsx", person)).toBe(true);
    expect(textMentions("imports.errors.badEmail|value=petr.ivanov@mail.test", person)).toBe(true);
    expect(textMentions("резюме 8-916-123-45-67.csv", person)).toBe(true);
    expect(textMentions("Ивановская_область.csv", person)).toBe(false);
    expect(textMentions("hh.ru: Key Account Manager", person)).toBe(false);
  });

  test("the label keeps what is not about the person", () => {
    expect(scrubLabel("Иванов_резюме.csv", person)).toBe("…_резюме.csv");
    expect(scrubLabel("Резюме Пётр Иванов (2).xlsx", person)).toBe("Резюме … … (2).xlsx");
    expect(scrubLabel("from petr.ivanov@mail.test.json", person)).toBe("from ….json");
    expect(scrubLabel("79161234567.csv", person)).toBe("…");
    expect(scrubLabel("Выгрузка hh.ru.csv", person)).toBe("Выгрузка hh.ru.csv");
  });
});

describe("an open batch without the person", () => {
  const records = [
    { source: "FILE", raw: { row: 1 }, firstName: "Пётр", lastName: "Иванов", email: "petr.ivanov@mail.test" },
    { source: "FILE", raw: { row: 2 }, firstName: "Анна", lastName: "Смирнова", email: "anna@mail.test" },
    // Same phone as row 1's group in the file: the import would make them one person.
    { source: "FILE", raw: { row: 3 }, firstName: "П.", lastName: "Иванов", phone: "+7 903 000-11-22" },
    { source: "FILE", raw: { row: 4 }, firstName: "Олег", lastName: "Петров", email: "oleg@mail.test" },
    // Matched (at preview) the candidate who is now erased, by a key not in the person's set any more.
    { source: "FILE", raw: { row: 5 }, firstName: "Пётр", lastName: "Иванов", email: "old@mail.test" },
  ];
  const row = (n: number, status: string, tier: string | null, mergesWith: { candidateId: string | null; name: string; row: number | null } | null = null) => ({
    row: n,
    name: "x",
    status,
    matchedBy: null,
    mergesWith,
    tier,
    reason: tier ? { list: "TARGET", companyName: "Гидромаш" } : null,
  });
  const batch = {
    records,
    label: "Иванов и другие.csv",
    rowErrors: [
      { row: 9, field: "email", message: "imports.errors.badEmail|value=petr.ivanov@mail" },
      { row: 12, field: "phone", message: "companies.phone.notAPhone|value=нет" },
      { row: 14, field: "phone", message: "companies.phone.extension|value=+7 916 123-45-67 доб. 12" },
    ],
    summary: {
      total: 5,
      new: 3,
      merged: 2,
      unchanged: 0,
      erased: 0,
      tiers: { TARGET: 2, ADJACENT: 0, OPEN_MARKET: 1, EXCLUDED: 1 },
      excluded: 1,
      rows: [
        row(1, "new", "TARGET"),
        row(2, "new", "OPEN_MARKET"),
        row(3, "merged", "TARGET", { candidateId: null, name: "Иванов Пётр", row: 1 }),
        row(4, "new", "EXCLUDED"),
        row(5, "merged", "TARGET", { candidateId: "cand-merged", name: "Иванов Пётр", row: null }),
      ],
    },
  };

  test("loses the person's records, their preview rows, the row errors naming them and their name in the label", () => {
    const scrubbed = scrubBatch(batch, person);
    expect(scrubbed.changed).toBe(true);
    expect(scrubbed.removed).toBe(3);
    expect(scrubbed.records.map((r) => (r as { raw: { row: number } }).raw.row)).toEqual([2, 4]);
    expect(scrubbed.summary.rows!.map((r) => r.row)).toEqual([2, 4]);
    expect(JSON.stringify(scrubbed.summary)).not.toContain("Иванов");
    expect(scrubbed.rowErrors).toEqual([{ row: 12, field: "phone", message: "companies.phone.notAPhone|value=нет" }]);
    expect(scrubbed.label).toBe("… и другие.csv");
  });

  test("counts go down by what was removed, one tier per candidate; nothing else is recomputed", () => {
    const { summary } = scrubBatch(batch, person);
    expect(summary).toMatchObject({ total: 2, new: 2, merged: 0, unchanged: 0, tiers: { TARGET: 0, OPEN_MARKET: 1, EXCLUDED: 1 }, excluded: 1 });
  });

  test("a batch without the person is left as it was", () => {
    const other = { ...batch, label: "Выгрузка.csv", records: [records[1]], rowErrors: [], summary: { total: 1, rows: [row(1, "new", null)] } };
    const scrubbed = scrubBatch(other, person);
    expect(scrubbed.changed).toBe(false);
    expect(scrubbed.records).toEqual([records[1]]);
  });
});

test("a spreadsheet waiting for its mapping is found by any cell with the person's address or phone", () => {
  expect(tableMentions([{ cells: ["Иванов", "Пётр", "PETR.IVANOV@mail.test"] }], person)).toBe(true);
  expect(tableMentions([{ cells: ["Анна", "8 916 123 45 67"] }], person)).toBe(true);
  expect(tableMentions([{ cells: ["Иванов", "Пётр", "another@mail.test", "2021"] }], person)).toBe(false);
});

test("a tier reason keeps its list and kind of match, not the employer, title or dates", () => {
  const reason = { list: "EXCLUDED", match: "company", companyName: "ООО «Гидромаш»", jobTitle: "KAM", startedOn: "2019-01-01", endedOn: null };
  expect(anonymousTierReason(reason)).toEqual({ list: "EXCLUDED", match: "company" });
  expect(anonymousTierReason({ list: "ADJACENT", match: "niche", niche: "арматура", companyName: "Альфа" })).toEqual({ list: "ADJACENT", match: "niche" });
  expect(anonymousTierReason(null)).toBeNull();
});
