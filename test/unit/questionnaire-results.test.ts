import { describe, expect, test } from "vitest";
import { completionFromCounts, rateOf } from "~/questionnaires/completion";
import { overrideMoves } from "~/questionnaires/override";
import { type Question, type Questionnaire } from "~/questionnaires/questions";
import { answerRows, effectiveVerdict, shownAnswer, shownKnockout, storedAnswers, storedKnockouts } from "~/questionnaires/response-view";
import { parseShortlistFilters, shortlistFiltersToParams } from "~/questionnaires/shortlist-filters";
import { ShortlistBulkSchema } from "~/questionnaires/shortlist-form";

const label = (text: string) => ({ ru: `${text} (ru)`, en: `${text} (en)` });
const counts = (invited: number, answered: number, passed: number, knockedOut: number, viaOpenLink = 0) => ({ invited, answered, passed, knockedOut, viaOpenLink });

describe("completion rates", () => {
  test("the rate is answered over invited, null when nobody was invited", () => {
    expect(rateOf(counts(8, 6, 4, 2)).rate).toBe(0.75);
    expect(rateOf(counts(0, 0, 0, 0)).rate).toBeNull();
  });

  test("sums sources into the total and keeps the product's order of sources", () => {
    const { total, bySource } = completionFromCounts([
      { source: "REFERRAL", ...counts(1, 1, 0, 1, 1) },
      { source: "HH", ...counts(4, 3, 2, 1) },
      { source: "SUPERJOB", ...counts(2, 1, 1, 0) },
    ]);
    expect(total).toEqual({ ...counts(7, 5, 3, 2, 1), rate: 5 / 7 });
    expect(bySource.map((s) => [s.source, s.rate])).toEqual([
      ["HH", 0.75],
      ["SUPERJOB", 0.5],
      ["REFERRAL", 1],
    ]);
  });

  test("no rows: zeros and no sources", () => {
    expect(completionFromCounts([])).toEqual({ total: { ...counts(0, 0, 0, 0), rate: null }, bySource: [] });
  });
});

describe("shortlist filters", () => {
  test("defaults: passed only, page 1, everyone", () => {
    expect(parseShortlistFilters(new URLSearchParams())).toEqual({ filters: { verdict: "passed", openOnly: false, page: 1 }, errors: {} });
  });

  test("reads every filter and writes them back, defaults left out", () => {
    const params = new URLSearchParams("vacancy=v1&verdict=all&minScore=72,5&source=HH&tier=TARGET&open=1&page=3");
    const { filters, errors } = parseShortlistFilters(params);
    expect(errors).toEqual({});
    expect(filters).toEqual({ vacancyId: "v1", verdict: "all", minScore: 72.5, source: "HH", tier: "TARGET", openOnly: true, page: 3 });
    expect(shortlistFiltersToParams(filters).toString()).toBe("vacancy=v1&verdict=all&minScore=72.5&source=HH&tier=TARGET&open=1&page=3");
    expect(shortlistFiltersToParams({ verdict: "passed", page: 1 }).toString()).toBe("");
  });

  test("a bad value is dropped with a message; the rest still applies", () => {
    const { filters, errors } = parseShortlistFilters(new URLSearchParams("verdict=maybe&minScore=101&source=HH&tier=NOPE&page=-2"));
    expect(errors).toEqual({ verdict: "validation.invalidChoice", minScore: "questionnaireResults.errors.minScore", tier: "validation.invalidChoice" });
    expect(filters).toEqual({ verdict: "passed", source: "HH", openOnly: false, page: 1 });
    expect(parseShortlistFilters(new URLSearchParams("minScore=abc")).errors.minScore).toBe("questionnaireResults.errors.minScore");
  });
});

describe("bulk form", () => {
  test("needs ticked rows and a reason of at most 500 characters", () => {
    const ok = ShortlistBulkSchema.safeParse({ intent: "reject", vacancy: "v1", ids: ["a1"], reason: "  Опыт не подходит " });
    expect(ok.success && ok.data.reason).toBe("Опыт не подходит");
    const bad = ShortlistBulkSchema.safeParse({ intent: "reject", vacancy: "v1", ids: [], reason: " " });
    expect(bad.success ? [] : bad.error.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["ids", "questionnaireResults.errors.noneSelected"],
      ["reason", "questionnaireResults.errors.reasonRequired"],
    ]);
    const long = ShortlistBulkSchema.safeParse({ intent: "reject", vacancy: "v1", ids: ["a1"], reason: "x".repeat(501) });
    expect(long.success ? null : long.error.issues[0]!.message).toBe("validation.tooLong|max=500");
  });
});

describe("overrideMoves", () => {
  const plan = (from: "PASSED" | "KNOCKED_OUT", to: "PASSED" | "KNOCKED_OUT", stage: Parameters<typeof overrideMoves>[0]["stage"], before: Parameters<typeof overrideMoves>[0]["stageBeforeExit"] = null) =>
    overrideMoves({ from, to, stage, stageBeforeExit: before });

  test("letting a knocked-out candidate back in reopens the rejection and moves on to questionnaire passed", () => {
    expect(plan("KNOCKED_OUT", "PASSED", "REJECTED", "QUESTIONNAIRE_SENT")).toEqual({ ok: true, moves: ["QUESTIONNAIRE_SENT", "QUESTIONNAIRE_PASSED"] });
    expect(plan("KNOCKED_OUT", "PASSED", "REJECTED", "SOURCED")).toEqual({ ok: true, moves: ["SOURCED", "QUESTIONNAIRE_PASSED"] });
    expect(plan("KNOCKED_OUT", "PASSED", "REJECTED", "INTERVIEW_INVITED")).toEqual({ ok: true, moves: ["INTERVIEW_INVITED"] });
    expect(plan("KNOCKED_OUT", "PASSED", "CONTACTED")).toEqual({ ok: true, moves: ["QUESTIONNAIRE_PASSED"] });
    expect(plan("KNOCKED_OUT", "PASSED", "INTERVIEWED")).toEqual({ ok: true, moves: [] });
  });

  test("knocking out by hand rejects an open application and leaves one already out", () => {
    expect(plan("PASSED", "KNOCKED_OUT", "QUESTIONNAIRE_PASSED")).toEqual({ ok: true, moves: ["REJECTED"] });
    expect(plan("PASSED", "KNOCKED_OUT", "INTERVIEWED")).toEqual({ ok: true, moves: ["REJECTED"] });
    expect(plan("PASSED", "KNOCKED_OUT", "REJECTED", "INTERVIEWED")).toEqual({ ok: true, moves: [] });
    expect(plan("PASSED", "KNOCKED_OUT", "WITHDRAWN", "QUESTIONNAIRE_PASSED")).toEqual({ ok: true, moves: [] });
  });

  test("a withdrawn candidate stays withdrawn", () => {
    expect(plan("KNOCKED_OUT", "PASSED", "WITHDRAWN", "QUESTIONNAIRE_SENT")).toEqual({ ok: true, moves: [] });
  });

  test("refused on probation, hired, or out from there; nothing to do when the verdict is the same", () => {
    expect(plan("PASSED", "KNOCKED_OUT", "PROBATION")).toEqual({ ok: false, problem: "too-late" });
    expect(plan("PASSED", "KNOCKED_OUT", "HIRED")).toEqual({ ok: false, problem: "too-late" });
    expect(plan("KNOCKED_OUT", "PASSED", "REJECTED", "PROBATION")).toEqual({ ok: false, problem: "too-late" });
    expect(plan("KNOCKED_OUT", "PASSED", "REJECTED", null)).toEqual({ ok: false, problem: "not-reopenable" });
    expect(plan("PASSED", "PASSED", "QUESTIONNAIRE_PASSED")).toEqual({ ok: false, problem: "unchanged" });
  });
});

describe("reading a response", () => {
  const questions: Question[] = [
    { id: "years", type: "number", label: label("Years"), required: true, weight: 30, scoreRange: { worst: 0, best: 10 }, knockout: { kind: "less_than", value: 2 } },
    { id: "salary", type: "money", label: label("Salary"), required: true },
    {
      id: "english",
      type: "single_choice",
      label: label("English"),
      required: true,
      weight: 10,
      options: [
        { value: "none", label: label("None"), points: 0 },
        { value: "fluent", label: label("Fluent"), points: 1 },
      ],
      knockout: { kind: "equals", value: "none" },
    },
    { id: "industries", type: "multi_choice", label: label("Industries"), required: false, options: [{ value: "it", label: label("IT") }, { value: "agro", label: label("Agro") }] },
    { id: "b2b", type: "yes_no", label: label("B2B"), required: true },
    { id: "mood", type: "scale", label: label("Mood"), required: false },
    { id: "start", type: "date", label: label("Start"), required: true },
    { id: "about", type: "long_text", label: label("About"), required: false },
  ];
  const definition: Questionnaire = { questions };

  test("each type of answer as something to show, text kept as written", () => {
    const q = (id: string) => questions.find((x) => x.id === id)!;
    expect(shownAnswer(q("years"), 2.5)).toEqual({ kind: "number", value: 2.5 });
    expect(shownAnswer(q("salary"), 250000)).toEqual({ kind: "money", amount: 250000 });
    expect(shownAnswer(q("english"), "fluent")).toEqual({ kind: "choices", labels: [label("Fluent")] });
    expect(shownAnswer(q("industries"), ["it", "gone"])).toEqual({ kind: "choices", labels: [label("IT"), { ru: "gone", en: "gone" }] });
    expect(shownAnswer(q("b2b"), "no")).toEqual({ kind: "yes_no", value: "no" });
    expect(shownAnswer(q("mood"), 4)).toEqual({ kind: "scale", value: 4 });
    expect(shownAnswer(q("start"), "2026-03-01")).toEqual({ kind: "date", iso: "2026-03-01" });
    expect(shownAnswer(q("about"), "<script>alert(1)</script>")).toEqual({ kind: "text", text: "<script>alert(1)</script>" });
    expect(shownAnswer(q("about"), undefined)).toBeNull();
    expect(shownAnswer(q("salary"), "a lot")).toBeNull();
  });

  test("points are weight × value over the total weight, and add up to the score", () => {
    const rows = answerRows(definition, { years: 5, english: "fluent" }, []);
    expect(rows.find((r) => r.id === "years")!.points).toEqual({ earned: 37.5, max: 75, value: 0.5, weight: 30 });
    expect(rows.find((r) => r.id === "english")!.points).toEqual({ earned: 25, max: 25, value: 1, weight: 10 });
    expect(rows.find((r) => r.id === "salary")!.points).toBeNull();
    expect(rows.map((r) => r.id)).toEqual(questions.map((q) => q.id));
  });

  test("a knock-out names the option's label, not its key, and sits on its question", () => {
    const knockout = { questionId: "english", kind: "equals" as const, reason: "questionnaire.knockouts.equals|value=none" };
    expect(shownKnockout(definition, knockout)).toEqual({
      questionId: "english",
      key: "questionnaire.knockouts.equals",
      params: { value: "none" },
      valueLabel: label("None"),
      question: label("English"),
    });
    const years = { questionId: "years", kind: "less_than" as const, reason: "questionnaire.knockouts.lessThan|min=2" };
    expect(shownKnockout(null, years)).toMatchObject({ key: "questionnaire.knockouts.lessThan", params: { min: "2" }, valueLabel: null, question: null });
    expect(answerRows(definition, { english: "none" }, [knockout]).find((r) => r.id === "english")!.knockout?.valueLabel).toEqual(label("None"));
  });

  test("stored JSON that is odd shows nothing rather than failing", () => {
    expect(storedKnockouts(null)).toEqual([]);
    expect(storedKnockouts([{ questionId: "x" }, "x", { questionId: "b2b", kind: "equals", reason: "questionnaire.knockouts.answeredNo" }])).toHaveLength(1);
    expect(storedAnswers([1, 2])).toEqual({});
    expect(storedAnswers({ b2b: "yes" })).toEqual({ b2b: "yes" });
  });

  test("the override stands over the verdict", () => {
    expect(effectiveVerdict({ verdict: "KNOCKED_OUT", override: "PASSED" })).toBe("PASSED");
    expect(effectiveVerdict({ verdict: "KNOCKED_OUT", override: null })).toBe("KNOCKED_OUT");
  });
});
