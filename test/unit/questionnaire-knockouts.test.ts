import { describe, expect, test } from "vitest";
import { defaultKamQuestionnaire } from "~/questionnaires/default-kam";
import { knockouts } from "~/questionnaires/knockouts";
import { type Answers, type Question, type Questionnaire, validateAnswers } from "~/questionnaires/questions";

const label = (text: string) => ({ ru: text, en: text });
const q = (question: Partial<Question> & Pick<Question, "id" | "type">): Question => ({ label: label(question.id), required: false, ...question });
const options = (...values: string[]) => values.map((value) => ({ value, label: label(value) }));
const noMax = { vacancy: { salaryMaxRub: null } };
const out = (question: Question, answer: Answers[string] | undefined, context: { vacancy: { salaryMaxRub: number | null } } = noMax) =>
  knockouts({ questions: [question] }, answer === undefined ? {} : { [question.id]: answer }, context);

describe("equals", () => {
  const b2b = q({ id: "b2b", type: "yes_no", knockout: { kind: "equals", value: "no" } });
  const english = q({ id: "english", type: "single_choice", options: options("none", "basic", "fluent"), knockout: { kind: "equals", value: "none" } });

  test("yes/no: the knock-out answer puts the candidate out, the other does not", () => {
    expect(out(b2b, "no")).toEqual([{ questionId: "b2b", kind: "equals", reason: "questionnaire.knockouts.answeredNo" }]);
    expect(out(b2b, "yes")).toEqual([]);
    const yesOut = q({ id: "blocked", type: "yes_no", knockout: { kind: "equals", value: "yes" } });
    expect(out(yesOut, "yes")).toEqual([{ questionId: "blocked", kind: "equals", reason: "questionnaire.knockouts.answeredYes" }]);
  });

  test("single choice: only that option", () => {
    expect(out(english, "none")).toEqual([{ questionId: "english", kind: "equals", reason: "questionnaire.knockouts.equals|value=none" }]);
    expect(out(english, "basic")).toEqual([]);
  });
});

describe("includes", () => {
  const industries = q({ id: "industries", type: "multi_choice", options: options("it", "tobacco", "pharma"), knockout: { kind: "includes", value: "tobacco" } });

  test("out when the ticked set contains the option, alone or with others", () => {
    expect(out(industries, ["tobacco"])).toEqual([{ questionId: "industries", kind: "includes", reason: "questionnaire.knockouts.includes|value=tobacco" }]);
    expect(out(industries, ["it", "tobacco"])).toHaveLength(1);
    expect(out(industries, ["it", "pharma"])).toEqual([]);
  });
});

describe("less than and greater than", () => {
  const years = q({ id: "years", type: "number", knockout: { kind: "less_than", value: 2 } });
  const clients = q({ id: "clients", type: "number", knockout: { kind: "greater_than", value: 50 } });
  const scale = q({ id: "stress", type: "scale", knockout: { kind: "less_than", value: 2 } });
  const start = q({ id: "start", type: "date", knockout: { kind: "greater_than", value: "2026-12-31" } });
  const salary = q({ id: "salary", type: "money", knockout: { kind: "greater_than", value: 300_000 } });

  test("strictly: the boundary itself stays in", () => {
    expect(out(years, 1.99)).toEqual([{ questionId: "years", kind: "less_than", reason: "questionnaire.knockouts.lessThan|min=2" }]);
    expect(out(years, 2)).toEqual([]);
    expect(out(years, 0)).toHaveLength(1);
    expect(out(clients, 50)).toEqual([]);
    expect(out(clients, 51)).toEqual([{ questionId: "clients", kind: "greater_than", reason: "questionnaire.knockouts.greaterThan|max=50" }]);
    expect(out(scale, 1)).toHaveLength(1);
    expect(out(scale, 2)).toEqual([]);
    expect(out(salary, 300_000)).toEqual([]);
    expect(out(salary, 300_001)).toHaveLength(1);
  });

  test("dates compare as dates", () => {
    expect(out(start, "2026-12-31")).toEqual([]);
    expect(out(start, "2027-01-01")).toEqual([{ questionId: "start", kind: "greater_than", reason: "questionnaire.knockouts.greaterThan|max=2026-12-31" }]);
    expect(out(start, "2026-01-15")).toEqual([]);
  });
});

describe("above the vacancy maximum", () => {
  const salary = q({ id: "salary", type: "money", knockout: { kind: "above_vacancy_max", percent: 20 } });
  const max = (salaryMaxRub: number | null) => ({ vacancy: { salaryMaxRub } });

  test("exactly 20% above is not out; 20.01% above is", () => {
    expect(out(salary, 240_000, max(200_000))).toEqual([]);
    expect(out(salary, 240_020, max(200_000))).toEqual([
      { questionId: "salary", kind: "above_vacancy_max", reason: "questionnaire.knockouts.aboveVacancyMax|max=200000|percent=20|limit=240000" },
    ]);
    expect(out(salary, 240_001, max(200_000))).toHaveLength(1);
    // 100,003 × 1.2 is 120,003.59999999999 in floating point; the rule counts in whole numbers.
    expect(out(salary, 120_003, max(100_003))).toEqual([]);
    expect(out(salary, 120_004, max(100_003))).toHaveLength(1);
  });

  test("at or below the maximum is never out; no maximum on the vacancy, never out", () => {
    expect(out(salary, 150_000, max(200_000))).toEqual([]);
    expect(out(salary, 200_000, max(200_000))).toEqual([]);
    expect(out(salary, 100_000_000, max(null))).toEqual([]);
  });

  test("0% means anything above the maximum is out", () => {
    const strict = q({ id: "salary", type: "money", knockout: { kind: "above_vacancy_max", percent: 0 } });
    expect(out(strict, 200_000, max(200_000))).toEqual([]);
    expect(out(strict, 200_001, max(200_000))).toHaveLength(1);
  });
});

describe("the questionnaire as a whole", () => {
  test("an unanswered optional question never knocks out, whatever its rule", () => {
    const all: Questionnaire = {
      questions: [
        q({ id: "b2b", type: "yes_no", knockout: { kind: "equals", value: "no" } }),
        q({ id: "years", type: "number", knockout: { kind: "less_than", value: 2 } }),
        q({ id: "industries", type: "multi_choice", options: options("a", "b"), knockout: { kind: "includes", value: "a" } }),
        q({ id: "salary", type: "money", knockout: { kind: "above_vacancy_max", percent: 20 } }),
      ],
    };
    const validated = validateAnswers(all, { b2b: "", years: "", industries: [], salary: "" });
    expect(validated).toEqual({ ok: true, answers: {} });
    expect(knockouts(all, validated.ok ? validated.answers : {}, { vacancy: { salaryMaxRub: 1 } })).toEqual([]);
  });

  test("the default KAM questionnaire: every reason, in question order", () => {
    const kam = defaultKamQuestionnaire();
    const answers: Answers = { b2b_experience: "no", years_key_accounts: 1.5, salary_expectation: 400_000 };
    expect(knockouts(kam, answers, { vacancy: { salaryMaxRub: 250_000 } })).toEqual([
      { questionId: "b2b_experience", kind: "equals", reason: "questionnaire.knockouts.answeredNo" },
      { questionId: "years_key_accounts", kind: "less_than", reason: "questionnaire.knockouts.lessThan|min=2" },
      { questionId: "salary_expectation", kind: "above_vacancy_max", reason: "questionnaire.knockouts.aboveVacancyMax|max=250000|percent=20|limit=300000" },
    ]);
    expect(knockouts(kam, { b2b_experience: "yes", years_key_accounts: 2, salary_expectation: 300_000 }, { vacancy: { salaryMaxRub: 250_000 } })).toEqual([]);
  });
});
