import { describe, expect, test } from "vitest";
import { defaultKamQuestionnaire } from "~/questionnaires/default-kam";
import {
  answerSchema,
  checkQuestionnaire,
  isCalendarDate,
  parseMoneyInput,
  parseNumberInput,
  parseQuestionnaire,
  type Question,
  type Questionnaire,
  validateAnswers,
} from "~/questionnaires/questions";

const label = (text: string) => ({ ru: text, en: text });
const q = (question: Partial<Question> & Pick<Question, "id" | "type">): Question => ({ label: label(question.id), required: true, ...question });
const options = (...values: string[]) => values.map((value) => ({ value, label: label(value) }));

/** Validate one answer against a single-question questionnaire. */
function one(question: Question, raw: unknown, locale: "ru" | "en" = "ru") {
  const result = validateAnswers({ questions: [question] }, raw === undefined ? {} : { [question.id]: raw }, { locale });
  return result.ok ? { value: result.answers[question.id] } : { error: result.errors[question.id] };
}

describe("text answers", () => {
  const short = q({ id: "city", type: "short_text" });
  const long = q({ id: "why", type: "long_text" });

  test("are trimmed and limited: 300 characters for short, 5,000 for long", () => {
    expect(one(short, "  Москва \n")).toEqual({ value: "Москва" });
    expect(one(short, "я".repeat(300))).toEqual({ value: "я".repeat(300) });
    expect(one(short, "я".repeat(301))).toEqual({ error: "questionnaire.errors.tooLong|max=300" });
    expect(one(short, `  ${"a".repeat(300)}  `)).toEqual({ value: "a".repeat(300) });
    expect(one(long, "x".repeat(5000))).toEqual({ value: "x".repeat(5000) });
    expect(one(long, "x".repeat(5001))).toEqual({ error: "questionnaire.errors.tooLong|max=5000" });
  });

  test("100 KB in a short or long field is refused, not cut", () => {
    const huge = "щ".repeat(100 * 1024);
    expect(one(short, huge)).toEqual({ error: "questionnaire.errors.tooLong|max=300" });
    expect(one(long, huge)).toEqual({ error: "questionnaire.errors.tooLong|max=5000" });
  });

  test("markup is kept as plain text, exactly as written", () => {
    const script = `<script>alert("x")</script> & <b>жирный</b>`;
    expect(one(short, script)).toEqual({ value: script });
    expect(one(long, script)).toEqual({ value: script });
  });

  test("required: missing, empty and blank are all missing; optional empty is simply absent", () => {
    for (const raw of [undefined, null, "", "   \n\t"]) expect(one(short, raw)).toEqual({ error: "validation.required" });
    const optional = { ...short, required: false };
    const result = validateAnswers({ questions: [optional] }, { city: "  " });
    expect(result).toEqual({ ok: true, answers: {} });
  });

  test("a repeated field or an object is not a text", () => {
    expect(one(short, ["a", "b"])).toEqual({ error: "validation.invalidChoice" });
    expect(one(short, { a: 1 })).toEqual({ error: "validation.invalidChoice" });
  });
});

describe("numbers", () => {
  const years = q({ id: "years", type: "number", min: 0, max: 60 });

  test("Russian input: spaces, no-break spaces, a decimal comma or dot", () => {
    expect(one(years, "12")).toEqual({ value: 12 });
    expect(one(years, "2,5")).toEqual({ value: 2.5 });
    expect(one(years, "2.5")).toEqual({ value: 2.5 });
    expect(one(q({ id: "n", type: "number" }), "1\u00a0234 567,25")).toEqual({ value: 1234567.25 });
    expect(one(q({ id: "n", type: "number" }), "-3")).toEqual({ value: -3 });
  });

  test("text, NaN, Infinity and junk are not numbers", () => {
    for (const raw of ["abc", "12abc", "NaN", "Infinity", "1e5", "1,2,3", "--1", ",5", "5,"]) {
      expect(one(years, raw)).toEqual({ error: "questionnaire.errors.notANumber" });
    }
  });

  test("min and max are inclusive", () => {
    expect(one(years, "0")).toEqual({ value: 0 });
    expect(one(years, "60")).toEqual({ value: 60 });
    expect(one(years, "-0,01")).toEqual({ error: "questionnaire.errors.tooSmall|min=0" });
    expect(one(years, "60,01")).toEqual({ error: "questionnaire.errors.tooLarge|max=60" });
    expect(one(q({ id: "n", type: "number" }), "1000000000001")).toEqual({ error: "questionnaire.errors.tooLarge|max=1000000000000" });
  });

  test("English input takes commas for thousands", () => {
    expect(one(years, "2.5", "en")).toEqual({ value: 2.5 });
    expect(one(q({ id: "n", type: "number" }), "1,234.5", "en")).toEqual({ value: 1234.5 });
    expect(one(years, "2,5", "en")).toEqual({ error: "questionnaire.errors.notANumber" });
    expect(parseNumberInput("1,234", "ru")).toBe(1.234);
  });
});

describe("money", () => {
  const salary = q({ id: "salary", type: "money" });

  test("whole roubles with spaces, no-break spaces and a rouble sign", () => {
    expect(one(salary, "150 000")).toEqual({ value: 150000 });
    expect(one(salary, "150000")).toEqual({ value: 150000 });
    expect(one(salary, "150\u00a0000 ₽")).toEqual({ value: 150000 });
    expect(one(salary, "150 000 руб.")).toEqual({ value: 150000 });
    expect(one(salary, "0")).toEqual({ value: 0 });
    expect(parseMoneyInput("150,000", "en")).toBe(150000);
  });

  test("kopecks, negatives, text and more than 100 billion are refused", () => {
    expect(one(salary, "150000,5")).toEqual({ error: "questionnaire.errors.wholeRoubles" });
    expect(one(salary, "150000.50")).toEqual({ error: "questionnaire.errors.wholeRoubles" });
    expect(one(salary, "-1")).toEqual({ error: "questionnaire.errors.tooSmall|min=0" });
    expect(one(salary, "сто тысяч")).toEqual({ error: "questionnaire.errors.notMoney" });
    expect(one(salary, "100 000 000 000")).toEqual({ value: 100_000_000_000 });
    expect(one(salary, "100 000 000 001")).toEqual({ error: "questionnaire.errors.tooLarge|max=100000000000" });
  });

  test("the question's own min and max", () => {
    const ranged = q({ id: "salary", type: "money", min: 50_000, max: 500_000 });
    expect(one(ranged, "50 000")).toEqual({ value: 50000 });
    expect(one(ranged, "49 999")).toEqual({ error: "questionnaire.errors.tooSmall|min=50000" });
    expect(one(ranged, "500 000")).toEqual({ value: 500000 });
    expect(one(ranged, "500 001")).toEqual({ error: "questionnaire.errors.tooLarge|max=500000" });
  });
});

describe("choices", () => {
  const english = q({ id: "english", type: "single_choice", options: options("basic", "fluent") });
  const industries = q({ id: "industries", type: "multi_choice", options: options("it", "pharma", "fmcg") });

  test("single choice must be one of the options", () => {
    expect(one(english, "fluent")).toEqual({ value: "fluent" });
    expect(one(english, "native")).toEqual({ error: "validation.invalidChoice" });
    expect(one(english, ["basic", "fluent"])).toEqual({ error: "validation.invalidChoice" });
    expect(one(english, "")).toEqual({ error: "validation.required" });
  });

  test("multiple choice: a subset of the options, in their order, once each", () => {
    expect(one(industries, "pharma")).toEqual({ value: ["pharma"] });
    expect(one(industries, ["fmcg", "it", "fmcg"])).toEqual({ value: ["it", "fmcg"] });
    expect(one(industries, ["it", "oil"])).toEqual({ error: "validation.invalidChoice" });
    expect(one(industries, [1, 2])).toEqual({ error: "validation.invalidChoice" });
  });

  test("multiple choice: nothing ticked is missing when required, absent when optional", () => {
    expect(one(industries, undefined)).toEqual({ error: "validation.required" });
    expect(one(industries, [])).toEqual({ error: "validation.required" });
    expect(validateAnswers({ questions: [{ ...industries, required: false }] }, { industries: [] })).toEqual({ ok: true, answers: {} });
  });

  test("yes/no takes only yes and no", () => {
    const b2b = q({ id: "b2b", type: "yes_no" });
    expect(one(b2b, "yes")).toEqual({ value: "yes" });
    expect(one(b2b, "no")).toEqual({ value: "no" });
    for (const raw of ["да", "true", "on", "YES!"]) expect(one(b2b, raw)).toEqual({ error: "validation.invalidChoice" });
    expect(one(b2b, undefined)).toEqual({ error: "validation.required" });
  });
});

describe("scale and dates", () => {
  const scale = q({ id: "scale", type: "scale" });
  const start = q({ id: "start", type: "date" });

  test("the scale is a whole number from 1 to 5", () => {
    expect(one(scale, "1")).toEqual({ value: 1 });
    expect(one(scale, "5")).toEqual({ value: 5 });
    for (const raw of ["0", "6", "2.5", "-1", "три"]) expect(one(scale, raw)).toEqual({ error: "questionnaire.errors.scale|min=1|max=5" });
  });

  test("a date is a real calendar date written yyyy-mm-dd", () => {
    expect(one(start, "2026-09-01")).toEqual({ value: "2026-09-01" });
    expect(one(start, "2028-02-29")).toEqual({ value: "2028-02-29" });
    for (const raw of ["2026-02-29", "2026-13-01", "2026-04-31", "01.09.2026", "2026-9-1", "завтра"]) {
      expect(one(start, raw)).toEqual({ error: "questionnaire.errors.date" });
    }
    expect(isCalendarDate("2000-02-29")).toBe(true);
    expect(isCalendarDate("2100-02-29")).toBe(false);
  });
});

describe("a whole submission", () => {
  const form: Questionnaire = {
    questions: [
      q({ id: "b2b", type: "yes_no" }),
      q({ id: "years", type: "number", min: 0, max: 60 }),
      q({ id: "note", type: "short_text", required: false }),
    ],
  };

  test("reports every field's error at once and ignores unknown names", () => {
    expect(validateAnswers(form, { years: "abc", note: "x".repeat(301), intruder: "1" })).toEqual({
      ok: false,
      errors: { b2b: "validation.required", years: "questionnaire.errors.notANumber", note: "questionnaire.errors.tooLong|max=300" },
    });
  });

  test("gives the typed answers when all is well", () => {
    expect(validateAnswers(form, { b2b: "yes", years: "3,5", note: "", intruder: "1" })).toEqual({
      ok: true,
      answers: { b2b: "yes", years: 3.5 },
    });
  });

  test("answerSchema is the same rule as a zod schema", () => {
    const schema = answerSchema(form.questions[1]!, { locale: "ru" });
    expect(schema.parse("2,5")).toBe(2.5);
    const failed = schema.safeParse("abc");
    expect(failed.success).toBe(false);
    expect(failed.error?.issues[0]?.message).toBe("questionnaire.errors.notANumber");
    expect(answerSchema({ ...form.questions[2]! }).parse("")).toBeUndefined();
  });
});

describe("the builder's check", () => {
  const messages = (def: unknown) => checkQuestionnaire(def).map((p) => `${p.path} ${p.message}`);

  test("the default KAM questionnaire passes its own check and validates a good answer set", () => {
    const kam = defaultKamQuestionnaire();
    expect(checkQuestionnaire(kam)).toEqual([]);
    expect(parseQuestionnaire(JSON.parse(JSON.stringify(kam)))).toEqual(kam);
    const result = validateAnswers(kam, {
      b2b_experience: "yes",
      industries: ["industrial", "logistics"],
      largest_client_turnover: "80 000 000",
      key_clients_count: "7",
      years_key_accounts: "4,5",
      achievements: "Вырастил оборот клиента с 40 до 65 млн ₽ за год.",
      salary_expectation: "220 000",
      english_level: "intermediate",
      city: "Екатеринбург",
      start_date: "2026-09-01",
      why_this_job: "Хочу работать с крупными заводами.",
    });
    expect(result.ok).toBe(true);
  });

  test("structure: bad ids, duplicate ids, no questions, too many, options out of bounds", () => {
    expect(messages({ questions: [] })).toEqual(["questions questionnaire.problems.noQuestions"]);
    expect(messages({ questions: Array.from({ length: 61 }, (_, i) => q({ id: `q${i}`, type: "short_text" })) })).toEqual([
      "questions questionnaire.problems.tooManyQuestions|max=60",
    ]);
    expect(messages({ questions: [q({ id: "Bad-Id", type: "short_text" })] })).toEqual(["questions.0.id questionnaire.problems.badId"]);
    expect(messages({ questions: [q({ id: "a", type: "short_text" }), q({ id: "a", type: "long_text" })] })).toEqual([
      "questions.1.id questionnaire.problems.duplicateId",
    ]);
    expect(messages({ questions: [q({ id: "c", type: "single_choice", options: options("x") })] })).toEqual([
      "questions.0.options questionnaire.problems.tooFewOptions|min=2",
    ]);
    expect(messages({ questions: [q({ id: "c", type: "single_choice", options: options("x", "x") })] })).toEqual([
      "questions.0.options questionnaire.problems.duplicateOption",
    ]);
    const many = options(...Array.from({ length: 21 }, (_, i) => `o${i}`));
    expect(messages({ questions: [q({ id: "c", type: "multi_choice", options: many })] })).toEqual([
      "questions.0.options questionnaire.problems.tooManyOptions|max=20",
    ]);
    expect(messages({ questions: [{ id: "x", type: "essay", label: label("x"), required: true }] })).toEqual([
      "questions.0.type validation.invalidChoice",
    ]);
    expect(messages(null)).toEqual([" questionnaire.problems.invalid"]);
  });

  test("labels need both languages; problems name their question", () => {
    const problems = checkQuestionnaire({ questions: [{ id: "city", type: "short_text", label: { ru: "Город", en: " " }, required: true }] });
    expect(problems).toEqual([{ path: "questions.0.label.en", questionId: "city", message: "validation.required" }]);
  });

  test("fields that do not fit the type", () => {
    expect(messages({ questions: [q({ id: "c", type: "single_choice" })] })).toEqual(["questions.0.options questionnaire.problems.optionsMissing"]);
    expect(messages({ questions: [q({ id: "t", type: "short_text", options: options("a", "b") })] })).toEqual([
      "questions.0.options questionnaire.problems.optionsNotAllowed",
    ]);
    expect(messages({ questions: [q({ id: "t", type: "scale", min: 1 })] })).toEqual(["questions.0.min questionnaire.problems.rangeNotAllowed"]);
    expect(messages({ questions: [q({ id: "n", type: "number", min: 5, max: 1 })] })).toEqual(["questions.0.max questionnaire.problems.rangeInverted"]);
    expect(messages({ questions: [q({ id: "m", type: "money", min: -1 })] })).toEqual([
      "questions.0.min questionnaire.problems.moneyRange|max=100000000000",
    ]);
    expect(messages({ questions: [q({ id: "t", type: "yes_no", scoreRange: { worst: 0, best: 1 } })] })).toEqual([
      "questions.0.scoreRange questionnaire.problems.scoreRangeNotAllowed",
    ]);
  });

  test("weights: not on text or dates, and only where they can score", () => {
    expect(messages({ questions: [q({ id: "t", type: "long_text", weight: 10 })] })).toEqual(["questions.0.weight questionnaire.problems.weightNotScored"]);
    expect(messages({ questions: [q({ id: "d", type: "date", weight: 10 })] })).toEqual(["questions.0.weight questionnaire.problems.weightNotScored"]);
    expect(messages({ questions: [q({ id: "n", type: "number", weight: 10 })] })).toEqual([
      "questions.0.scoreRange questionnaire.problems.scoreRangeMissing",
    ]);
    expect(messages({ questions: [q({ id: "n", type: "number", weight: 10, scoreRange: { worst: 3, best: 3 } })] })).toEqual([
      "questions.0.scoreRange questionnaire.problems.scoreRangeEmpty",
    ]);
    expect(messages({ questions: [q({ id: "c", type: "single_choice", weight: 10, options: options("a", "b") })] })).toEqual([
      "questions.0.options questionnaire.problems.pointsMissing",
    ]);
    expect(messages({ questions: [q({ id: "t", type: "short_text", weight: 0 })] })).toEqual([]);
    expect(messages({ questions: [q({ id: "t", type: "yes_no", weight: 101 })] })).toEqual(["questions.0.weight questionnaire.problems.weightRange"]);
    expect(
      messages({ questions: [q({ id: "c", type: "single_choice", options: [{ value: "a", label: label("a"), points: 1.5 }, { value: "b", label: label("b") }] })] }),
    ).toEqual(["questions.0.options.0.points questionnaire.problems.pointsRange"]);
  });

  test("knock-out rules must fit their question", () => {
    const problem = (question: Question) => messages({ questions: [question] });
    const choice = { options: options("a", "b") };
    expect(problem(q({ id: "y", type: "yes_no", knockout: { kind: "equals", value: "no" } }))).toEqual([]);
    expect(problem(q({ id: "y", type: "yes_no", knockout: { kind: "equals", value: "нет" } }))).toEqual(["questions.0.knockout questionnaire.problems.knockoutValue"]);
    expect(problem(q({ id: "c", type: "single_choice", ...choice, knockout: { kind: "equals", value: "a" } }))).toEqual([]);
    expect(problem(q({ id: "c", type: "single_choice", ...choice, knockout: { kind: "equals", value: "z" } }))).toEqual(["questions.0.knockout questionnaire.problems.knockoutValue"]);
    expect(problem(q({ id: "c", type: "multi_choice", ...choice, knockout: { kind: "equals", value: "a" } }))).toEqual(["questions.0.knockout questionnaire.problems.knockoutType"]);
    expect(problem(q({ id: "c", type: "multi_choice", ...choice, knockout: { kind: "includes", value: "b" } }))).toEqual([]);
    expect(problem(q({ id: "c", type: "multi_choice", ...choice, knockout: { kind: "includes", value: "z" } }))).toEqual(["questions.0.knockout questionnaire.problems.knockoutValue"]);
    expect(problem(q({ id: "c", type: "single_choice", ...choice, knockout: { kind: "includes", value: "a" } }))).toEqual(["questions.0.knockout questionnaire.problems.knockoutType"]);
    expect(problem(q({ id: "n", type: "number", knockout: { kind: "less_than", value: 2 } }))).toEqual([]);
    expect(problem(q({ id: "s", type: "scale", knockout: { kind: "greater_than", value: 4 } }))).toEqual([]);
    expect(problem(q({ id: "n", type: "number", knockout: { kind: "less_than", value: "2026-01-01" } }))).toEqual(["questions.0.knockout questionnaire.problems.knockoutValue"]);
    expect(problem(q({ id: "d", type: "date", knockout: { kind: "greater_than", value: "2026-12-31" } }))).toEqual([]);
    expect(problem(q({ id: "d", type: "date", knockout: { kind: "greater_than", value: "2026-02-30" } }))).toEqual(["questions.0.knockout questionnaire.problems.knockoutValue"]);
    expect(problem(q({ id: "d", type: "date", knockout: { kind: "greater_than", value: 5 } }))).toEqual(["questions.0.knockout questionnaire.problems.knockoutValue"]);
    expect(problem(q({ id: "t", type: "short_text", knockout: { kind: "less_than", value: 2 } }))).toEqual(["questions.0.knockout questionnaire.problems.knockoutType"]);
    expect(problem(q({ id: "m", type: "money", knockout: { kind: "above_vacancy_max", percent: 20 } }))).toEqual([]);
    expect(problem(q({ id: "n", type: "number", knockout: { kind: "above_vacancy_max", percent: 20 } }))).toEqual(["questions.0.knockout questionnaire.problems.knockoutType"]);
  });
});

describe("messages", () => {
  test("every key the questionnaire code can give resolves in both languages", async () => {
    const { readFile } = await import("node:fs/promises");
    const { createI18n } = await import("~/i18n/i18n");
    const sources = await Promise.all(["questions", "knockouts", "scoring"].map((name) => readFile(`app/questionnaires/${name}.ts`, "utf8")));
    const keys = [...new Set(sources.join("\n").match(/\b(validation\.[a-zA-Z]+|questionnaire\.(errors|problems|knockouts)\.[a-zA-Z]+)/g) ?? [])];
    expect(keys.length).toBeGreaterThan(30);
    for (const locale of ["ru", "en"] as const) {
      const { t } = createI18n(locale);
      expect(keys.filter((key) => t(key) === key)).toEqual([]);
    }
  });
});
