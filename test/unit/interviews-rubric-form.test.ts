import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, test } from "vitest";
import { DEFAULT_RUBRIC } from "~/interviews/rubric";
import { competencyKey, newCompetency, RubricFormSchema, rubricToForm, withKeys } from "~/interviews/rubric-form";

describe("competency keys", () => {
  test("made from the English name, unique, always a valid key", () => {
    expect(competencyKey("Trust and rapport", new Set())).toBe("trust-and-rapport");
    expect(competencyKey("  2nd language!  ", new Set())).toBe("nd-language");
    expect(competencyKey("Negotiation", new Set(["negotiation", "negotiation-2"]))).toBe("negotiation-3");
    expect(competencyKey("Иностранный язык", new Set())).toBe("competency");
    expect(competencyKey(undefined, new Set(["competency"]))).toBe("competency-2");
    expect(competencyKey("x".repeat(80), new Set()).length).toBeLessThanOrEqual(40);
  });

  test("only competencies posted without a key get one; saved keys stay", () => {
    expect(withKeys([{ id: "trust" }, { name: { en: "Trust" } }, { name: { en: "Trust" } }])).toEqual([
      { id: "trust" },
      { id: "trust-2", name: { en: "Trust" } },
      { id: "trust-3", name: { en: "Trust" } },
    ]);
    expect(withKeys(undefined)).toEqual([]);
  });
});

describe("the rubric form", () => {
  test("the default rubric goes to the form and back unchanged", () => {
    const form = rubricToForm(DEFAULT_RUBRIC);
    expect(form.competencies[0]!.weight).toBe("3");
    expect(RubricFormSchema.parse(form)).toEqual({ competencies: DEFAULT_RUBRIC });
  });

  test("a new competency left blank is refused field by field", () => {
    const data = new FormData();
    const blank = newCompetency();
    data.set("competencies[0].weight", blank.weight);
    const submission = parseWithZod(data, { schema: RubricFormSchema });
    expect(submission.reply().error).toEqual({
      "competencies[0].name.ru": ["validation.required"],
      "competencies[0].name.en": ["validation.required"],
      "competencies[0].levels.1.ru": ["validation.required"],
      "competencies[0].levels.1.en": ["validation.required"],
      "competencies[0].levels.3.ru": ["validation.required"],
      "competencies[0].levels.3.en": ["validation.required"],
      "competencies[0].levels.5.ru": ["validation.required"],
      "competencies[0].levels.5.en": ["validation.required"],
    });
  });

  test("weights outside 1–10 and duplicate keys are refused", () => {
    const [a, b] = rubricToForm(DEFAULT_RUBRIC.slice(0, 2)).competencies;
    const result = RubricFormSchema.safeParse({ competencies: [{ ...a, weight: "11" }, { ...b, id: a!.id, weight: "2.5" }] });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["competencies.0.weight", "interviewScoring.rubric.weightRange|min=1|max=10"],
      ["competencies.1.weight", "interviewScoring.rubric.weightRange|min=1|max=10"],
    ]);
    const dup = RubricFormSchema.safeParse({ competencies: [a, { ...b, id: a!.id }] });
    expect(dup.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([["competencies.1.id", "interviewScoring.rubric.duplicateId"]]);
  });
});
