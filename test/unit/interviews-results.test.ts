import { describe, expect, test } from "vitest";
import { attendeeResult, rankAttendees, ResultsFormSchema, totalCounts, weightedScore, type SubmittedCard } from "~/interviews/results";
import { type Competency, DEFAULT_RUBRIC, type Rubric } from "~/interviews/rubric";

const competency = (id: string, weight: number): Competency => ({ ...DEFAULT_RUBRIC[0]!, id, weight });
/** Negotiation counts three times as much as listening. */
const rubric: Rubric = [competency("negotiation", 3), competency("listening", 1)];
const card = (assessorId: string, negotiation: number | undefined, listening: number | undefined, recommendation: SubmittedCard["recommendation"] = "YES"): SubmittedCard => ({
  assessorId,
  scores: { ...(negotiation !== undefined ? { negotiation } : {}), ...(listening !== undefined ? { listening } : {}) },
  recommendation,
});

describe("weightedScore", () => {
  test("Σ w·s / Σ w on the 1–5 scale: weights matter", () => {
    expect(weightedScore(rubric, { negotiation: 5, listening: 1 })).toBe(4);
    expect(weightedScore(rubric, { negotiation: 1, listening: 5 })).toBe(2);
    // With equal weights both would be 3.
    const equal = [competency("negotiation", 1), competency("listening", 1)];
    expect(weightedScore(equal, { negotiation: 5, listening: 1 })).toBe(3);
  });

  test("only the competencies scored count; none scored is null; ids outside the rubric are ignored", () => {
    expect(weightedScore(rubric, { listening: 2 })).toBe(2);
    expect(weightedScore(rubric, {})).toBeNull();
    expect(weightedScore(rubric, { charisma: 5 })).toBeNull();
    expect(weightedScore(rubric, { negotiation: 4, charisma: 1 })).toBe(4);
  });
});

describe("attendeeResult", () => {
  test("no scorecards: nothing to say, nothing flagged", () => {
    const r = attendeeResult(rubric, []);
    expect(r).toMatchObject({ assessors: 0, mean: null, spread: null, disagreements: 0, recommendations: { STRONG_YES: 0, YES: 0, NO: 0, STRONG_NO: 0 } });
    expect(r.competencies.every((c) => c.min === null && c.max === null && !c.disagreement)).toBe(true);
  });

  test("one assessor: their weighted score, no spread, no disagreement", () => {
    const r = attendeeResult(rubric, [card("a", 5, 1, "STRONG_YES")]);
    expect(r).toMatchObject({ assessors: 1, mean: 4, spread: 0, disagreements: 0 });
    expect(r.recommendations.STRONG_YES).toBe(1);
  });

  test("exactly 2 points apart on a competency is flagged, 1 point is not", () => {
    const r = attendeeResult(rubric, [card("a", 4, 3), card("b", 2, 4, "NO")]);
    expect(r.competencies).toEqual([
      { id: "negotiation", scored: 2, min: 2, max: 4, mean: 3, disagreement: true },
      { id: "listening", scored: 2, min: 3, max: 4, mean: 3.5, disagreement: false },
    ]);
    expect(r.disagreements).toBe(1);
    // a: (12 + 3) / 4 = 3.75; b: (6 + 4) / 4 = 2.5
    expect(r.byAssessor).toEqual([{ assessorId: "a", weighted: 3.75 }, { assessorId: "b", weighted: 2.5 }]);
    expect(r.mean).toBeCloseTo(3.125);
    expect(r.spread).toBeCloseTo(1.25);
    expect(r.recommendations).toEqual({ STRONG_YES: 0, YES: 1, NO: 1, STRONG_NO: 0 });
  });

  test("three assessors: spread from the highest and lowest; min and max over all of them", () => {
    const r = attendeeResult(rubric, [card("a", 3, 3), card("b", 4, 4), card("c", 5, 3)]);
    expect(r.competencies[0]).toMatchObject({ min: 3, max: 5, disagreement: true });
    expect(r.spread).toBeCloseTo(4.5 - 3);
  });

  test("a competency one assessor left out is compared among the others", () => {
    const r = attendeeResult(rubric, [card("a", 5, undefined), card("b", 5, 1), card("c", 4, undefined)]);
    expect(r.competencies[1]).toMatchObject({ scored: 1, min: 1, max: 1, disagreement: false });
    expect(r.competencies[0]).toMatchObject({ scored: 3, disagreement: false });
  });
});

describe("rankAttendees", () => {
  const person = (sortName: string, cards: SubmittedCard[]) => ({ id: sortName, sortName, cards });

  test("highest mean first; ties by fewer disagreements, then by name; nobody scored comes last without a rank", () => {
    const ranked = rankAttendees(rubric, [
      person("Яковлев", [card("a", 4, 4), card("b", 4, 4)]),
      person("Белова", [card("a", 5, 2), card("b", 3, 5)]), // (15+2)/4 = 4.25, (9+5)/4 = 3.5 → 3.875, negotiation flagged
      person("Иванов", []),
      person("Алексеев", [card("a", 4, 4), card("b", 4, 4)]),
      person("Громов", [card("a", 4, 5), card("b", 4, 5)]), // 4.25
      person("Дьячков", [card("a", 4, 3), card("b", 4, 5)]), // 3.75 and 4.25 → 4, listening 3 vs 5 flagged
    ]);
    expect(ranked.map((r) => [r.id, r.rank])).toEqual([
      ["Громов", 1],
      ["Алексеев", 2],
      ["Яковлев", 3],
      ["Дьячков", 4],
      ["Белова", 5],
      ["Иванов", null],
    ]);
  });

  test("an equal mean with more disagreements ranks lower, whatever the name", () => {
    const ranked = rankAttendees(rubric, [person("Абрамов", [card("a", 5, 1), card("b", 3, 5)]), person("Юдин", [card("a", 4, 3), card("b", 4, 3)])]);
    // Абрамов: (15+1)/4 = 4, (9+5)/4 = 3.5 → 3.75 with negotiation and listening flagged; Юдин: 3.75 with none.
    expect(ranked.map((r) => [r.id, r.result.disagreements])).toEqual([
      ["Юдин", 0],
      ["Абрамов", 2],
    ]);
  });

  test("the session's recommendation totals add the attendees' up", () => {
    const ranked = rankAttendees(rubric, [person("a", [card("x", 4, 4, "YES"), card("y", 4, 4, "STRONG_YES")]), person("b", [card("x", 1, 1, "STRONG_NO")])]);
    expect(totalCounts(ranked.map((r) => r.result))).toEqual({ STRONG_YES: 1, YES: 1, NO: 0, STRONG_NO: 1 });
  });
});

describe("the results page's forms", () => {
  test("a decision names the attendee and one of take, reserve, reject", () => {
    expect(ResultsFormSchema.safeParse({ intent: "decide", invitationId: "i", decision: "TAKE" }).success).toBe(true);
    expect(ResultsFormSchema.safeParse({ intent: "decide", invitationId: "i", decision: "HIRE" }).success).toBe(false);
    expect(ResultsFormSchema.safeParse({ intent: "delegate" }).success).toBe(true);
  });
});
