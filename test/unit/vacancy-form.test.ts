import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, test } from "vitest";
import {
  crossListDuplicates,
  editorSchema,
  listValues,
  twoListsError,
  VacancyFormSchema,
  vacancyFormValues,
} from "~/sourcing/vacancy-form";

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}

const basics = { title: "Key Account Manager", city: "Москва", industry: "Промышленное оборудование", openings: "2", status: "OPEN" };
const parse = (fields: Record<string, string>) => parseWithZod(form({ ...basics, ...fields }), { schema: VacancyFormSchema });

describe("the vacancy form", () => {
  test("roubles with spaces, lists one per line, niches and must-haves", () => {
    const submission = parse({
      salaryMinRub: "150 000",
      salaryMaxRub: "220000",
      targetCompanies: "ООО «Гидромаш»\n\n  Romashka LLC \nГИДРОМАШ\n",
      excludedCompanies: "АО Откат-Снаб",
      adjacentNiches: "трубопроводная арматура\nТрубопроводная арматура\nнасосы",
      requireLocal: "on",
      salaryCeilingRub: "300 000 ₽",
    });
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(submission.value).toMatchObject({
      openings: 2,
      salaryMinRub: 150_000,
      salaryMaxRub: 220_000,
      niche: null,
      recruiterId: null,
      // The same company typed twice in one list is kept once, as first typed.
      targetCompanies: ["ООО «Гидромаш»", "Romashka LLC"],
      excludedCompanies: ["АО Откат-Снаб"],
      adjacentCompanies: [],
      adjacentNiches: ["трубопроводная арматура", "насосы"],
      requireLocal: true,
      salaryCeilingRub: 300_000,
    });
  });

  test("every bad field gets its own message", () => {
    const submission = parseWithZod(
      form({ openings: "0", status: "ARCHIVED", salaryMinRub: "200 000", salaryMaxRub: "150 000,50", salaryCeilingRub: "-1", targetCompanies: "«»" }),
      { schema: VacancyFormSchema },
    );
    expect(submission.reply().error).toEqual({
      title: ["validation.required"],
      city: ["validation.required"],
      industry: ["validation.required"],
      openings: ["vacancyEditor.errors.openings|max=50"],
      status: ["validation.invalidChoice"],
      salaryMaxRub: ["vacancyEditor.errors.roubles"],
      salaryCeilingRub: ["vacancyEditor.errors.roubles"],
      targetCompanies: ["vacancyEditor.errors.notACompany|value=«»"],
    });
    expect(parse({ openings: "51" }).reply().error).toEqual({ openings: ["vacancyEditor.errors.openings|max=50"] });
    expect(parse({ salaryMinRub: "200 000", salaryMaxRub: "150 000" }).reply().error).toEqual({
      salaryMaxRub: ["vacancyEditor.errors.salaryRange"],
    });
  });

  test("a company on two lists is named on both, whatever its spelling", () => {
    const submission = parse({ targetCompanies: "«Гидромаш»\nАльфа", excludedCompanies: "ООО ГИДРОМАШ", adjacentCompanies: "альфа" });
    const gidromash = twoListsError("«Гидромаш»", "TARGET", "EXCLUDED");
    const alfa = twoListsError("Альфа", "TARGET", "ADJACENT");
    expect(gidromash).toBe("vacancyEditor.errors.twoLists.TARGET_EXCLUDED|name=«Гидромаш»");
    expect(alfa).toBe("vacancyEditor.errors.twoLists.TARGET_ADJACENT|name=«Альфа»");
    expect(submission.reply().error).toEqual({
      targetCompanies: [gidromash, alfa],
      excludedCompanies: [gidromash],
      adjacentCompanies: [alfa],
    });
  });

  test("cross-list pairs are reported once each, in the form's order", () => {
    expect(crossListDuplicates({ TARGET: ["Вектор"], EXCLUDED: [], ADJACENT: ["ВЕКТОР"] })).toEqual([
      { name: "Вектор", kinds: ["TARGET", "ADJACENT"] },
    ]);
    expect(twoListsError("A|B=C", "ADJACENT", "EXCLUDED")).toBe("vacancyEditor.errors.twoLists.EXCLUDED_ADJACENT|name=«A B C»");
  });

  test("too many or too long lines are refused", () => {
    const many = Array.from({ length: 501 }, (_, i) => `Компания ${i}`).join("\n");
    expect(parse({ targetCompanies: many }).reply().error).toEqual({ targetCompanies: ["vacancyEditor.errors.tooManyLines|max=500"] });
    const long = parse({ adjacentNiches: "н".repeat(201) }).reply().error;
    expect(long?.adjacentNiches?.[0]).toMatch(/^vacancyEditor\.errors\.lineTooLong\|max=200\|value=н{40}$/);
  });

  test("the copy button needs only a vacancy to copy from", () => {
    const copy = parseWithZod(form({ intent: "copy", copyFrom: "" }), { schema: editorSchema("copy") });
    expect(copy.reply().error).toEqual({ copyFrom: ["vacancyEditor.errors.chooseVacancy"] });
    expect(parseWithZod(form({ intent: "copy", copyFrom: "cm123" }), { schema: editorSchema("copy") }).status).toBe("success");
    expect(editorSchema("save")).toBe(VacancyFormSchema);
  });

  test("a saved vacancy becomes the form's starting strings and parses back unchanged", () => {
    const values = vacancyFormValues({
      title: "KAM",
      city: "Москва",
      industry: "Оборудование",
      niche: null,
      openings: 3,
      salaryMinRub: 150_000,
      salaryMaxRub: null,
      status: "DRAFT",
      recruiterId: "u1",
      hiringManagerId: null,
      departmentHeadId: null,
      description: "Описание",
      sellingLetter: null,
      adjacentNiches: ["насосы"],
      requireLocal: false,
      salaryCeilingRub: null,
      lists: { TARGET: ["Гидромаш", "Альфа"], EXCLUDED: [], ADJACENT: ["Вектор"] },
    });
    expect(values).toMatchObject({ openings: "3", salaryMaxRub: "", targetCompanies: "Гидромаш\nАльфа", requireLocal: "" });
    const back = parseWithZod(form(values), { schema: VacancyFormSchema });
    expect(back.status).toBe("success");
    if (back.status !== "success") return;
    expect(back.value).toMatchObject({ openings: 3, salaryMinRub: 150_000, salaryMaxRub: null, targetCompanies: ["Гидромаш", "Альфа"], requireLocal: false });
    expect(listValues({ TARGET: [], EXCLUDED: ["X"], ADJACENT: [] }, ["a", "b"])).toEqual({
      targetCompanies: "",
      excludedCompanies: "X",
      adjacentCompanies: "",
      adjacentNiches: "a\nb",
    });
  });
});
