import { z } from "zod";
import { type Rubric, SCORE_MAX, SCORE_MIN } from "./rubric";

/**
 * One assessor's scorecard for one attendee, as the scoring form posts it and the
 * server checks it: a whole score from 1 to 5 for each competency of the session's
 * rubric, notes and an overall recommendation. A draft may leave anything blank; a
 * submitted scorecard is final, so submitting needs every score and the
 * recommendation. Pure and client-safe: the form validates with the same schema.
 */

export const RECOMMENDATIONS = ["STRONG_YES", "YES", "NO", "STRONG_NO"] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];
export const MAX_NOTES = 5000;
export const SCORE_LEVELS = [1, 2, 3, 4, 5] as const;
export const SCORECARD_INTENTS = ["save", "submit"] as const;
export type ScorecardIntent = (typeof SCORECARD_INTENTS)[number];

export const SCORE_RANGE = `interviewScoring.scorecard.scoreRange|min=${SCORE_MIN}|max=${SCORE_MAX}`;
const SCORE_REQUIRED = "interviewScoring.scorecard.scoreRequired";
const RECOMMENDATION_REQUIRED = "interviewScoring.scorecard.recommendationRequired";

/** Scores by competency id; a draft's may be missing. */
export type ScoreMap = Partial<Record<string, number>>;

export type ScorecardValues = {
  scores: ScoreMap;
  notes?: string;
  recommendation?: Recommendation;
};

/** A score as typed or posted ("3", 3): a whole number within the scale, nothing else (0, 6, 2.5, "abc" are refused). */
const score = z.coerce.number({ error: SCORE_RANGE }).int(SCORE_RANGE).min(SCORE_MIN, SCORE_RANGE).max(SCORE_MAX, SCORE_RANGE);

const requiredScore = z.custom<unknown>((v) => v !== undefined && v !== null && v !== "", SCORE_REQUIRED).pipe(score);

/** The scorecard's values against a rubric: every competency required when submitting, optional in a draft. */
export function scorecardValuesSchema(rubric: Rubric, { submit }: { submit: boolean }) {
  const scores = Object.fromEntries(rubric.map((c) => [c.id, submit ? requiredScore : score.optional()]));
  return z.object({
    // A form with no score picked posts no "scores" at all.
    scores: z.object(scores).prefault({}),
    notes: z.string().trim().max(MAX_NOTES, `validation.tooLong|max=${MAX_NOTES}`).optional(),
    recommendation: submit
      ? z.enum(RECOMMENDATIONS, { error: RECOMMENDATION_REQUIRED })
      : z.enum(RECOMMENDATIONS, { error: "validation.invalidChoice" }).optional(),
  });
}

/** The scoring form: the values plus which attendee and whether it is a draft or the final submit. */
export function scorecardFormSchema(rubric: Rubric, { submit }: { submit: boolean }) {
  return scorecardValuesSchema(rubric, { submit }).extend({
    invitationId: z.string({ error: "validation.required" }).min(1, "validation.required"),
    intent: z.enum(SCORECARD_INTENTS),
  });
}

/** Whether the posted form asks to submit (the schema to parse it with depends on it). */
export function isSubmit(formData: FormData): boolean {
  return formData.get("intent") === "submit";
}

/** A stored scorecard's scores (Scorecard.scores) read back: only the rubric's competencies, only valid scores. */
export function readScores(rubric: Rubric, value: unknown): ScoreMap {
  const out: ScoreMap = {};
  if (!value || typeof value !== "object" || Array.isArray(value)) return out;
  const stored = value as Record<string, unknown>;
  for (const c of rubric) {
    const parsed = score.safeParse(stored[c.id]);
    if (stored[c.id] !== undefined && stored[c.id] !== null && parsed.success) out[c.id] = parsed.data;
  }
  return out;
}

/** How many of the rubric's competencies a scorecard has scored. */
export function scoredCount(rubric: Rubric, scores: ScoreMap): number {
  return rubric.filter((c) => scores[c.id] !== undefined).length;
}

/** Attendance marks that make someone an attendee: scored, ranked, decided on. */
export const ATTENDED_MARKS = ["ATTENDED", "LATE"] as const;

/**
 * Whether assessors may score this invitation: an attendee, or, until check-in is
 * closed, someone confirmed and not marked yet (assessors score during the session,
 * while the recruiter may still be at the door).
 */
export function isScorable(invitation: { status: string; attendance: string | null }, session: { checkInClosedAt: Date | string | null }): boolean {
  if (invitation.attendance) return (ATTENDED_MARKS as readonly string[]).includes(invitation.attendance);
  return !session.checkInClosedAt && invitation.status === "CONFIRMED";
}
