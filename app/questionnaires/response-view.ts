import { type QuestionnaireVerdict } from "@prisma/client";
import { formatDate, numberFormat } from "~/i18n/format";
import { type AppLocale } from "~/i18n/i18n";
import { parseErrorKey } from "~/ui/error-key";
import { type Knockout } from "./knockouts";
import { type Answers, type AnswerValue, type Question, type Questionnaire } from "./questions";
import { answerValue } from "./scoring";

/**
 * How staff read a response, pure and client-safe: each answer as something to show
 * (never markup: text stays text), what it added to the score, and the knock-out
 * reasons with option keys turned into their labels. Always against the version the
 * candidate answered, whose questions may differ from today's.
 */

export type Label = { ru: string; en: string };

/** The decision that stands: a person's override, else the questionnaire's own. */
export function effectiveVerdict(response: { verdict: QuestionnaireVerdict; override: QuestionnaireVerdict | null }): QuestionnaireVerdict {
  return response.override ?? response.verdict;
}

export type AnswerShown =
  | { kind: "text"; text: string }
  | { kind: "number"; value: number }
  | { kind: "money"; amount: number }
  | { kind: "choices"; labels: Label[] }
  | { kind: "yes_no"; value: "yes" | "no" }
  | { kind: "scale"; value: number }
  | { kind: "date"; iso: string };

const optionLabel = (q: Question, value: string): Label => q.options?.find((o) => o.value === value)?.label ?? { ru: value, en: value };

/** One stored answer as the response page shows it; null when there is none (or it does not fit the question). */
export function shownAnswer(q: Question, answer: AnswerValue | undefined): AnswerShown | null {
  if (answer === undefined) return null;
  switch (q.type) {
    case "short_text":
    case "long_text":
      return typeof answer === "string" ? { kind: "text", text: answer } : null;
    case "number":
      return typeof answer === "number" ? { kind: "number", value: answer } : null;
    case "money":
      return typeof answer === "number" ? { kind: "money", amount: answer } : null;
    case "single_choice":
      return typeof answer === "string" ? { kind: "choices", labels: [optionLabel(q, answer)] } : null;
    case "multi_choice":
      return Array.isArray(answer) ? { kind: "choices", labels: answer.map((value) => optionLabel(q, value)) } : null;
    case "yes_no":
      return answer === "yes" || answer === "no" ? { kind: "yes_no", value: answer } : null;
    case "scale":
      return typeof answer === "number" ? { kind: "scale", value: answer } : null;
    case "date":
      return typeof answer === "string" ? { kind: "date", iso: answer } : null;
  }
}

export type ShownKnockout = {
  questionId: string;
  /** The reason's i18n key ("questionnaire.knockouts.equals") and its parameters. */
  key: string;
  params: Record<string, string>;
  /** For a chosen option ("equals", "includes"): its label, shown instead of its key. */
  valueLabel: Label | null;
  question: Label | null;
};

/** A stored knock-out read against its version: the reason's key and parameters, the option label and the question. */
export function shownKnockout(definition: Questionnaire | null, knockout: Knockout): ShownKnockout {
  const q = definition?.questions.find((question) => question.id === knockout.questionId) ?? null;
  const { key, params } = parseErrorKey(knockout.reason);
  const chosen = (knockout.kind === "equals" || knockout.kind === "includes") && q?.options && params.value !== undefined;
  return {
    questionId: knockout.questionId,
    key,
    params,
    valueLabel: chosen ? optionLabel(q, params.value!) : null,
    question: q?.label ?? null,
  };
}

/** A calendar day stored as yyyy-mm-dd, shown as that day (no time zone can move it). */
export function calendarDay(iso: string, locale: AppLocale): string {
  return formatDate(`${iso}T12:00:00Z`, locale, "UTC");
}

const NUMBER = /^-?\d+(\.\d+)?$/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A knock-out reason's message parameters in one language: numbers and dates as it writes them, an option as its label. */
export function knockoutParams(knockout: ShownKnockout, locale: AppLocale): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(knockout.params)) {
    if (NUMBER.test(value)) params[name] = numberFormat(locale).format(Number(value));
    else if (ISO_DAY.test(value)) params[name] = calendarDay(value, locale);
    else params[name] = value;
  }
  if (knockout.valueLabel) params.value = knockout.valueLabel[locale];
  return params;
}

/** The stored knock-outs JSON, tolerating anything odd in it (an old or hand-made row shows nothing rather than failing). */
export function storedKnockouts(value: unknown): Knockout[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (k): k is Knockout =>
      Boolean(k) && typeof k === "object" && typeof k.questionId === "string" && typeof k.kind === "string" && typeof k.reason === "string",
  );
}

/** The stored answers JSON as Answers ({} once erased). */
export function storedAnswers(value: unknown): Answers {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Answers) : {};
}

export type AnswerRow = {
  id: string;
  type: Question["type"];
  label: Label;
  required: boolean;
  answer: AnswerShown | null;
  /**
   * What the answer added to the 0..100 score, and the most it could have: weight ×
   * the answer's value (0..1) over the total weight, × 100. Null for unweighted questions.
   */
  points: { earned: number; max: number; value: number; weight: number } | null;
  knockout: ShownKnockout | null;
};

const oneDecimal = (n: number) => Math.round(n * 10) / 10;

/** Every question of the version with its answer, points and knock-out, in the form's order. */
export function answerRows(definition: Questionnaire, answers: Answers, knockouts: readonly Knockout[]): AnswerRow[] {
  const totalWeight = definition.questions.reduce((sum, q) => sum + (q.weight && q.weight > 0 ? q.weight : 0), 0);
  return definition.questions.map((q) => {
    const weight = q.weight ?? 0;
    const value = answerValue(q, answers[q.id]);
    const knockout = knockouts.find((k) => k.questionId === q.id);
    return {
      id: q.id,
      type: q.type,
      label: q.label,
      required: q.required,
      answer: shownAnswer(q, answers[q.id]),
      points:
        weight > 0 && totalWeight > 0
          ? { earned: oneDecimal((100 * weight * value) / totalWeight), max: oneDecimal((100 * weight) / totalWeight), value: Math.round(value * 100) / 100, weight }
          : null,
      knockout: knockout ? shownKnockout(definition, knockout) : null,
    };
  });
}
