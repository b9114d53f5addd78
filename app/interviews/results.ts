import { z } from "zod";
import { type Rubric } from "./rubric";
import { RECOMMENDATIONS, type Recommendation, type ScoreMap } from "./scorecard";

/**
 * A session's results from its submitted scorecards, pure: each attendee's weighted
 * score per assessor (on the 1–5 scale), their mean, how far the assessors lie apart,
 * and the competencies where two assessors differ by 2 points or more (worth talking
 * over before deciding). Then the ranking and the decision forms.
 */

/** Assessors this far apart on one competency (or more) are flagged. */
export const DISAGREEMENT_POINTS = 2;

/** Σ weight·score / Σ weight over the competencies scored (1–5); null when none is. */
export function weightedScore(rubric: Rubric, scores: ScoreMap): number | null {
  let sum = 0;
  let weights = 0;
  for (const c of rubric) {
    const s = scores[c.id];
    if (s === undefined) continue;
    sum += c.weight * s;
    weights += c.weight;
  }
  return weights ? sum / weights : null;
}

export type SubmittedCard = { assessorId: string; scores: ScoreMap; recommendation: Recommendation | null };

export type CompetencyResult = {
  id: string;
  /** How many assessors scored it. */
  scored: number;
  min: number | null;
  max: number | null;
  mean: number | null;
  disagreement: boolean;
};

export type RecommendationCounts = Record<Recommendation, number>;

export type AttendeeResult = {
  /** Submitted scorecards counted. */
  assessors: number;
  /** Each assessor's weighted score, in the order given. */
  byAssessor: Array<{ assessorId: string; weighted: number | null }>;
  /** The mean of the assessors' weighted scores; null without any. */
  mean: number | null;
  /** Highest minus lowest weighted score among the assessors (0 with one); null without any. */
  spread: number | null;
  competencies: CompetencyResult[];
  /** Competencies flagged. */
  disagreements: number;
  recommendations: RecommendationCounts;
};

export function emptyCounts(): RecommendationCounts {
  return Object.fromEntries(RECOMMENDATIONS.map((r) => [r, 0])) as RecommendationCounts;
}

const mean = (values: readonly number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);

/** One attendee's results from the submitted scorecards about them. */
export function attendeeResult(rubric: Rubric, cards: readonly SubmittedCard[]): AttendeeResult {
  const byAssessor = cards.map((card) => ({ assessorId: card.assessorId, weighted: weightedScore(rubric, card.scores) }));
  const weighted = byAssessor.map((a) => a.weighted).filter((w): w is number => w !== null);
  const competencies = rubric.map((c): CompetencyResult => {
    const given = cards.map((card) => card.scores[c.id]).filter((s): s is number => s !== undefined);
    const min = given.length ? Math.min(...given) : null;
    const max = given.length ? Math.max(...given) : null;
    return { id: c.id, scored: given.length, min, max, mean: mean(given), disagreement: min !== null && max !== null && max - min >= DISAGREEMENT_POINTS };
  });
  const recommendations = emptyCounts();
  for (const card of cards) if (card.recommendation) recommendations[card.recommendation] += 1;
  return {
    assessors: cards.length,
    byAssessor,
    mean: mean(weighted),
    spread: weighted.length ? Math.max(...weighted) - Math.min(...weighted) : null,
    competencies,
    disagreements: competencies.filter((c) => c.disagreement).length,
    recommendations,
  };
}

export type RankInput<T> = T & { sortName: string; cards: readonly SubmittedCard[] };
export type Ranked<T> = T & { rank: number | null; result: AttendeeResult };

/**
 * The ranking: highest mean weighted score first; on a tie, fewer disagreements (the
 * assessors agree more), then by name. Attendees nobody has scored yet come last,
 * without a rank.
 */
export function rankAttendees<T>(rubric: Rubric, attendees: ReadonlyArray<RankInput<T>>): Array<Ranked<RankInput<T>>> {
  const rows = attendees.map((a) => ({ ...a, result: attendeeResult(rubric, a.cards) }));
  rows.sort((a, b) => {
    const am = a.result.mean;
    const bm = b.result.mean;
    if (am === null || bm === null) {
      if (am !== bm) return am === null ? 1 : -1;
    } else if (am !== bm) return bm - am;
    if (a.result.disagreements !== b.result.disagreements) return a.result.disagreements - b.result.disagreements;
    return a.sortName.localeCompare(b.sortName, "ru");
  });
  let rank = 0;
  return rows.map((row) => ({ ...row, rank: row.result.mean === null ? null : ++rank }));
}

/** The recommendations of many attendees added up (the session's totals). */
export function totalCounts(results: ReadonlyArray<Pick<AttendeeResult, "recommendations">>): RecommendationCounts {
  const total = emptyCounts();
  for (const r of results) for (const key of RECOMMENDATIONS) total[key] += r.recommendations[key];
  return total;
}

// ─── The results page's forms ───

export const DECISIONS = ["TAKE", "RESERVE", "REJECT"] as const;
export type Decision = (typeof DECISIONS)[number];
export const MAX_DECISION_NOTE = 2000;
/** Typically taken to probation from one group interview (the method): a hint shown on the page, not a limit. */
export const TYPICAL_TAKEN = { min: 2, max: 3 } as const;

export const DecisionFormSchema = z.object({
  intent: z.literal("decide"),
  invitationId: z.string({ error: "validation.required" }).min(1, "validation.required"),
  decision: z.enum(DECISIONS, { error: "validation.invalidChoice" }),
  note: z.string().trim().max(MAX_DECISION_NOTE, `validation.tooLong|max=${MAX_DECISION_NOTE}`).optional(),
});

export const DelegateFormSchema = z.object({
  intent: z.literal("delegate"),
  /** Empty: the department head decides again. */
  delegateId: z.string().trim().optional(),
});

export const ResultsFormSchema = z.discriminatedUnion("intent", [DecisionFormSchema, DelegateFormSchema]);

/**
 * Who may take, reserve or reject a session's attendees: a department head, or the
 * hiring manager a head delegated the session to.
 */
export function mayDecide(user: { id: string; roles: readonly string[] }, session: { decisionDelegateId: string | null }): boolean {
  if (user.roles.includes("DEPARTMENT_HEAD")) return true;
  return user.roles.includes("HIRING_MANAGER") && session.decisionDelegateId === user.id;
}
