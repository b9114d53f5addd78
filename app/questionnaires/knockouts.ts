import { type Answers, type AnswerValue, type KnockoutKind, type Question, type Questionnaire } from "./questions";

/**
 * Knock-out rules: the answers that put a candidate out at once, whatever the score.
 * Pure. A rule fires only on an answer that is there: an optional question left
 * empty never knocks anyone out. Reasons are i18n keys with parameters
 * ("questionnaire.knockouts.aboveVacancyMax|max=200000|percent=20|limit=240000").
 */

export type Knockout = { questionId: string; kind: KnockoutKind; reason: string };
export type KnockoutContext = { vacancy: { salaryMaxRub: number | null } };

function fired(q: Question, answer: AnswerValue, context: KnockoutContext): string | null {
  const rule = q.knockout;
  if (!rule) return null;
  switch (rule.kind) {
    case "equals":
      if (answer !== rule.value) return null;
      if (q.type === "yes_no") return rule.value === "yes" ? "questionnaire.knockouts.answeredYes" : "questionnaire.knockouts.answeredNo";
      return `questionnaire.knockouts.equals|value=${rule.value}`;
    case "includes":
      return Array.isArray(answer) && answer.includes(rule.value) ? `questionnaire.knockouts.includes|value=${rule.value}` : null;
    case "less_than":
    case "greater_than": {
      // Numbers compare as numbers, ISO dates as strings (yyyy-mm-dd sorts as it reads).
      if (typeof answer !== typeof rule.value || Array.isArray(answer)) return null;
      const out = rule.kind === "less_than" ? answer < rule.value : answer > rule.value;
      if (!out) return null;
      return rule.kind === "less_than"
        ? `questionnaire.knockouts.lessThan|min=${rule.value}`
        : `questionnaire.knockouts.greaterThan|max=${rule.value}`;
    }
    case "above_vacancy_max": {
      const max = context.vacancy.salaryMaxRub;
      if (max === null || typeof answer !== "number") return null;
      // answer > max × (1 + percent/100), in whole numbers so exactly +percent% is not out.
      if (answer * 100 <= max * (100 + rule.percent)) return null;
      const limit = Math.floor((max * (100 + rule.percent)) / 100);
      return `questionnaire.knockouts.aboveVacancyMax|max=${max}|percent=${rule.percent}|limit=${limit}`;
    }
  }
}

/** Every rule the answers trip, in question order (empty: the candidate stays in). */
export function knockouts(questionnaire: Questionnaire, answers: Answers, context: KnockoutContext): Knockout[] {
  const out: Knockout[] = [];
  for (const q of questionnaire.questions) {
    const answer = answers[q.id];
    if (!q.knockout || answer === undefined) continue;
    const reason = fired(q, answer, context);
    if (reason) out.push({ questionId: q.id, kind: q.knockout.kind, reason });
  }
  return out;
}
