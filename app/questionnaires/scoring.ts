import { type Answers, type AnswerValue, type Question, type Questionnaire } from "./questions";

/**
 * The questionnaire score, 0..100, that ranks the shortlist. Pure.
 *
 * Rule: score = 100 × Σ(weight × value) / Σ(weight), over the questions with a
 * weight above 0, rounded to one decimal. Weights are relative (10 and 20 mean
 * "twice as important"). Each answer's value is 0..1:
 * - yes/no: yes = 1, no = 0;
 * - scale 1..5: (n − 1) / 4;
 * - single choice: the chosen option's `points` (0 when it has none);
 * - multiple choice: the sum of the chosen options' points, capped at 1;
 * - number and money: linear from `scoreRange.worst` (0) to `scoreRange.best` (1),
 *   clamped; worst may be above best (a lower salary expectation scoring higher);
 *   without a scoreRange, 0;
 * - text and dates are not scored (the builder refuses weights on them): 0.
 * An unanswered question is worth 0 but its weight still counts, so skipping an
 * optional weighted question costs points. No weighted question at all: 0.
 */

export function answerValue(q: Question, answer: AnswerValue | undefined): number {
  if (answer === undefined) return 0;
  const points = (value: string) => q.options?.find((o) => o.value === value)?.points ?? 0;
  switch (q.type) {
    case "yes_no":
      return answer === "yes" ? 1 : 0;
    case "scale":
      return typeof answer === "number" ? clamp((answer - 1) / 4) : 0;
    case "single_choice":
      return typeof answer === "string" ? points(answer) : 0;
    case "multi_choice":
      return Array.isArray(answer) ? Math.min(1, answer.reduce((sum, value) => sum + points(value), 0)) : 0;
    case "number":
    case "money": {
      const range = q.scoreRange;
      if (!range || typeof answer !== "number" || range.worst === range.best) return 0;
      return clamp((answer - range.worst) / (range.best - range.worst));
    }
    default:
      return 0;
  }
}

const clamp = (value: number) => Math.min(1, Math.max(0, value));

export function score(questionnaire: Questionnaire, answers: Answers): number {
  let total = 0;
  let earned = 0;
  for (const q of questionnaire.questions) {
    const weight = q.weight ?? 0;
    if (weight <= 0) continue;
    total += weight;
    earned += weight * answerValue(q, answers[q.id]);
  }
  if (total === 0) return 0;
  return Math.round((1000 * earned) / total) / 10;
}
