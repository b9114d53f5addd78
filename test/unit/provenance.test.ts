import { describe, expect, test } from "vitest";
import { disagreements } from "~/sourcing/provenance";

const record = (id: string, parsed: object) => ({ id, parsed });

describe("where sources disagree", () => {
  test("one phone written three ways is no disagreement; another number is", () => {
    const same = [record("a", { phone: "9161234567" }), record("b", { phone: "+7 916 123-45-67" }), record("c", { phone: "8 (916) 123-45-67" })];
    expect(disagreements(same)).toEqual([]);
    expect(disagreements([...same, record("d", { phone: "+7 916 765-43-21" })])).toEqual([
      { field: "phone", values: [{ value: "9161234567", sourceRecordIds: ["a", "b", "c"] }, { value: "+7 916 765-43-21", sourceRecordIds: ["d"] }] },
    ]);
  });

  test("e-mail case and spaces are no disagreement; case, spaces and ё in names neither; a city is", () => {
    const records = [
      record("a", { email: " Anna@Mail.RU", lastName: "Королёва", city: "Москва" }),
      record("b", { email: "anna@mail.ru", lastName: "КОРОЛЕВА ", city: "Тула" }),
    ];
    expect(disagreements(records)).toEqual([
      { field: "city", values: [{ value: "Москва", sourceRecordIds: ["a"] }, { value: "Тула", sourceRecordIds: ["b"] }] },
    ]);
  });
});
