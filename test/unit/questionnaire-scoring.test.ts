import { describe, expect, test } from "vitest";
import { defaultKamQuestionnaire } from "~/questionnaires/default-kam";
import { type Answers, type Question, type Questionnaire } from "~/questionnaires/questions";
import { answerValue, score } from "~/questionnaires/scoring";

const label = (text: string) => ({ ru: text, en: text });
const q = (question: Partial<Question> & Pick<Question, "id" | "type">): Question => ({ label: label(question.id), required: false, ...question });

describe("each answer's value", () => {
  test("yes/no: yes is 1, no is 0", () => {
    const b2b = q({ id: "b2b", type: "yes_no", weight: 10 });
    expect(answerValue(b2b, "yes")).toBe(1);
    expect(answerValue(b2b, "no")).toBe(0);
  });

  test("scale: 1 → 0, 3 → 0.5, 5 → 1", () => {
    const scale = q({ id: "s", type: "scale", weight: 10 });
    expect([1, 2, 3, 4, 5].map((n) => answerValue(scale, n))).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });

  test("single choice: the option's points, 0 for an option without points", () => {
    const english = q({
      id: "english",
      type: "single_choice",
      weight: 10,
      options: [
        { value: "none", label: label("none") },
        { value: "basic", label: label("basic"), points: 0.25 },
        { value: "fluent", label: label("fluent"), points: 1 },
      ],
    });
    expect(answerValue(english, "fluent")).toBe(1);
    expect(answerValue(english, "basic")).toBe(0.25);
    expect(answerValue(english, "none")).toBe(0);
    expect(answerValue(english, "gone")).toBe(0);
  });

  test("multiple choice: points add up, capped at 1", () => {
    const industries = q({
      id: "industries",
      type: "multi_choice",
      weight: 10,
      options: [
        { value: "a", label: label("a"), points: 0.5 },
        { value: "b", label: label("b"), points: 0.4 },
        { value: "c", label: label("c"), points: 0.7 },
        { value: "d", label: label("d") },
      ],
    });
    expect(answerValue(industries, ["a", "b"])).toBeCloseTo(0.9);
    expect(answerValue(industries, ["a", "b", "c"])).toBe(1);
    expect(answerValue(industries, ["d"])).toBe(0);
  });

  test("numbers: linear between worst and best, clamped, either direction", () => {
    const years = q({ id: "years", type: "number", weight: 10, scoreRange: { worst: 2, best: 8 } });
    expect(answerValue(years, 2)).toBe(0);
    expect(answerValue(years, 5)).toBe(0.5);
    expect(answerValue(years, 8)).toBe(1);
    expect(answerValue(years, 0)).toBe(0);
    expect(answerValue(years, 30)).toBe(1);
    const salary = q({ id: "salary", type: "money", weight: 10, scoreRange: { worst: 300_000, best: 200_000 } });
    expect(answerValue(salary, 200_000)).toBe(1);
    expect(answerValue(salary, 250_000)).toBe(0.5);
    expect(answerValue(salary, 400_000)).toBe(0);
    expect(answerValue(q({ id: "n", type: "number", weight: 10 }), 5)).toBe(0);
  });

  test("text, dates and unanswered questions are worth 0", () => {
    expect(answerValue(q({ id: "t", type: "long_text" }), "много опыта")).toBe(0);
    expect(answerValue(q({ id: "d", type: "date" }), "2026-09-01")).toBe(0);
    expect(answerValue(q({ id: "y", type: "yes_no" }), undefined)).toBe(0);
  });
});

describe("the score", () => {
  const form: Questionnaire = {
    questions: [
      q({ id: "b2b", type: "yes_no", weight: 30 }),
      q({ id: "stress", type: "scale", weight: 10 }),
      q({ id: "years", type: "number", weight: 60, scoreRange: { worst: 0, best: 10 } }),
      q({ id: "why", type: "long_text" }),
    ],
  };

  test("weights are relative: 100 × Σ weight × value / Σ weight", () => {
    expect(score(form, { b2b: "yes", stress: 5, years: 10, why: "..." })).toBe(100);
    expect(score(form, { b2b: "no", stress: 1, years: 0 })).toBe(0);
    expect(score(form, { b2b: "yes", stress: 3, years: 5 })).toBe(65); // 30 + 5 + 30
    expect(score(form, { b2b: "no", stress: 2, years: 1 })).toBe(8.5); // 0 + 2.5 + 6
  });

  test("an unanswered weighted question counts as 0, its weight still counts", () => {
    expect(score(form, { b2b: "yes" })).toBe(30);
    expect(score(form, {})).toBe(0);
  });

  test("rounded to one decimal", () => {
    const thirds: Questionnaire = { questions: [q({ id: "a", type: "yes_no", weight: 1 }), q({ id: "b", type: "yes_no", weight: 2 })] };
    expect(score(thirds, { a: "yes", b: "no" })).toBe(33.3);
    expect(score(thirds, { a: "no", b: "yes" })).toBe(66.7);
  });

  test("no weighted question (or all weights 0) scores 0", () => {
    expect(score({ questions: [q({ id: "t", type: "short_text" }), q({ id: "y", type: "yes_no", weight: 0 })] }, { t: "x", y: "yes" })).toBe(0);
  });

  test("the default KAM questionnaire ranks a strong candidate above a weak one, within 0..100", () => {
    const kam = defaultKamQuestionnaire();
    const strong: Answers = {
      b2b_experience: "yes",
      industries: ["industrial", "logistics"],
      largest_client_turnover: 100_000_000,
      key_clients_count: 12,
      years_key_accounts: 9,
      english_level: "fluent",
      relocation: "yes",
    };
    const weak: Answers = { b2b_experience: "yes", industries: ["other"], largest_client_turnover: 2_000_000, key_clients_count: 1, years_key_accounts: 2, english_level: "none" };
    expect(score(kam, strong)).toBe(100);
    const weakScore = score(kam, weak);
    expect(weakScore).toBeGreaterThan(0);
    expect(weakScore).toBeLessThan(40);
  });
});
