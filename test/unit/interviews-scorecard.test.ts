import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, test } from "vitest";
import { DEFAULT_RUBRIC, type Rubric } from "~/interviews/rubric";
import { MAX_NOTES, readScores, SCORE_RANGE, scorecardFormSchema, scorecardValuesSchema, scoredCount } from "~/interviews/scorecard";

const rubric: Rubric = DEFAULT_RUBRIC.slice(0, 3);
const [a, b, c] = rubric.map((x) => x.id) as [string, string, string];

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}
const parse = (fields: Record<string, string>) => {
  const submit = fields.intent === "submit";
  return parseWithZod(form({ invitationId: "inv1", ...fields }), { schema: scorecardFormSchema(rubric, { submit }) });
};

describe("a scorecard's scores", () => {
  test.each(["0", "6", "2.5", "abc", "-1", "Infinity"])("%s is refused at its field, in a draft and on submit", (bad) => {
    for (const intent of ["save", "submit"]) {
      const submission = parse({ intent, [`scores.${a}`]: bad, [`scores.${b}`]: "3", [`scores.${c}`]: "4", recommendation: "YES" });
      expect(submission.status).toBe("error");
      expect(submission.reply().error).toEqual({ [`scores.${a}`]: [SCORE_RANGE] });
    }
  });

  test("whole numbers 1 to 5 pass, as typed or as numbers", () => {
    const submission = parse({ intent: "submit", [`scores.${a}`]: "1", [`scores.${b}`]: " 5 ", [`scores.${c}`]: "3", recommendation: "STRONG_NO", notes: "  Хорошо слушает  " });
    expect(submission.status).toBe("success");
    expect(submission.status === "success" && submission.value).toEqual({
      invitationId: "inv1",
      intent: "submit",
      scores: { [a]: 1, [b]: 5, [c]: 3 },
      recommendation: "STRONG_NO",
      notes: "Хорошо слушает",
    });
    expect(scorecardValuesSchema(rubric, { submit: true }).safeParse({ scores: { [a]: 2, [b]: 4, [c]: 5 }, recommendation: "YES" }).success).toBe(true);
    expect(scorecardValuesSchema(rubric, { submit: true }).safeParse({ scores: { [a]: 2, [b]: 4, [c]: 5.5 }, recommendation: "YES" }).success).toBe(false);
  });

  test("a draft may leave scores and the recommendation blank", () => {
    const submission = parse({ intent: "save", [`scores.${b}`]: "2" });
    expect(submission.status === "success" && submission.value).toEqual({ invitationId: "inv1", intent: "save", scores: { [b]: 2 } });
    expect(parse({ intent: "save" }).status).toBe("success");
  });

  test("submitting needs every competency and the recommendation, each missing one said at its field", () => {
    const submission = parse({ intent: "submit", [`scores.${a}`]: "4" });
    expect(submission.reply().error).toEqual({
      [`scores.${b}`]: ["interviewScoring.scorecard.scoreRequired"],
      [`scores.${c}`]: ["interviewScoring.scorecard.scoreRequired"],
      recommendation: ["interviewScoring.scorecard.recommendationRequired"],
    });
    expect(Object.keys(parse({ intent: "submit" }).reply().error ?? {})).toHaveLength(4);
  });

  test("an unknown recommendation and over-long notes are refused", () => {
    const submission = parse({ intent: "save", recommendation: "MAYBE", notes: "x".repeat(MAX_NOTES + 1) });
    expect(submission.reply().error).toEqual({ recommendation: ["validation.invalidChoice"], notes: [`validation.tooLong|max=${MAX_NOTES}`] });
    expect(parse({ intent: "save", notes: "x".repeat(MAX_NOTES) }).status).toBe("success");
  });
});

describe("reading stored scores", () => {
  test("keeps only the rubric's competencies and valid scores", () => {
    expect(readScores(rubric, { [a]: 3, [b]: 7, [c]: "4", other: 5 })).toEqual({ [a]: 3, [c]: 4 });
    expect(readScores(rubric, null)).toEqual({});
    expect(readScores(rubric, [1, 2])).toEqual({});
    expect(scoredCount(rubric, { [a]: 3, other: 5 })).toBe(1);
  });
});
