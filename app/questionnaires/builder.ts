import { z } from "zod";
import { type AppLocale } from "~/i18n/i18n";
import {
  CHOICE_TYPES,
  checkQuestionnaire,
  MAX_QUESTIONS,
  MIN_OPTIONS,
  NUMERIC_TYPES,
  parseNumberInput,
  QUESTION_TYPES,
  SCORED_TYPES,
  type DefinitionProblem,
  type KnockoutKind,
  type Questionnaire,
  type QuestionType,
} from "./questions";

/**
 * The questionnaire builder's form, pure and client-safe. The editor keeps a draft
 * (every field as typed, numbers as strings) in React state and posts it as one JSON
 * field; the same functions turn it into a definition and list its problems in the
 * browser (before submitting) and in the action, so both say the same thing. A
 * problem's path ("questions.3.options.1.value") names the card and field it is shown at
 * (builder-problems.ts).
 */

export type KnockoutChoice = KnockoutKind | "none";
export const KNOCKOUT_CHOICES = ["none", "equals", "includes", "less_than", "greater_than", "above_vacancy_max"] as const satisfies readonly KnockoutChoice[];

export type DraftOption = { key: string; value: string; labelRu: string; labelEn: string; points: string };
export type DraftQuestion = {
  /** Stable across moves, for React; never stored. */
  key: string;
  id: string;
  type: QuestionType;
  labelRu: string;
  labelEn: string;
  helpRu: string;
  helpEn: string;
  required: boolean;
  options: DraftOption[];
  min: string;
  max: string;
  weight: string;
  scoreWorst: string;
  scoreBest: string;
  knockoutKind: KnockoutChoice;
  knockoutValue: string;
  knockoutPercent: string;
};
export type Draft = { questions: DraftQuestion[] };

const isChoice = (type: QuestionType) => (CHOICE_TYPES as readonly QuestionType[]).includes(type);
const isNumeric = (type: QuestionType) => (NUMERIC_TYPES as readonly QuestionType[]).includes(type);
/** Which parts of a question its type has: the editor shows them, the definition keeps them. */
export const hasOptions = isChoice;
export const hasRange = isNumeric;
export const hasWeight = (type: QuestionType) => (SCORED_TYPES as readonly QuestionType[]).includes(type);

/** The knock-out rules that fit a question type (besides "none"). */
export function knockoutKindsFor(type: QuestionType): KnockoutKind[] {
  switch (type) {
    case "yes_no":
    case "single_choice":
      return ["equals"];
    case "multi_choice":
      return ["includes"];
    case "number":
    case "scale":
    case "date":
      return ["less_than", "greater_than"];
    case "money":
      return ["less_than", "greater_than", "above_vacancy_max"];
    case "short_text":
    case "long_text":
      return [];
  }
}

/** What a knock-out value is compared with: switching between types of one group keeps it. */
function valueGroup(type: QuestionType): string {
  if (type === "number" || type === "money" || type === "scale") return "number";
  return type;
}

// ---------------------------------------------------------------------------
// Definition ↔ draft
// ---------------------------------------------------------------------------

const text = (value: number | undefined) => (value === undefined ? "" : String(value));

export function definitionToDraft(definition: Questionnaire): Draft {
  return {
    questions: definition.questions.map((q, index) => {
      const rule = q.knockout;
      return {
        key: `q${index}`,
        id: q.id,
        type: q.type,
        labelRu: q.label.ru,
        labelEn: q.label.en,
        helpRu: q.help?.ru ?? "",
        helpEn: q.help?.en ?? "",
        required: q.required,
        options: (q.options ?? []).map((o, j) => ({ key: `o${j}`, value: o.value, labelRu: o.label.ru, labelEn: o.label.en, points: text(o.points) })),
        min: text(q.min),
        max: text(q.max),
        weight: text(q.weight),
        scoreWorst: text(q.scoreRange?.worst),
        scoreBest: text(q.scoreRange?.best),
        knockoutKind: rule?.kind ?? "none",
        knockoutValue: rule && "value" in rule ? String(rule.value) : "",
        knockoutPercent: rule?.kind === "above_vacancy_max" ? String(rule.percent) : "",
      };
    }),
  };
}

export const MAX_PERCENT = 1_000;

/**
 * The definition a draft stands for, and what could not be read from it (a number
 * that is not one, half a scoring range, a rule without its value): those fields are
 * left out and reported at their path. Parts the question's type does not have
 * (options of a text question, left over from another type) are dropped.
 */
export function draftToDefinition(draft: Draft, locale: AppLocale = "ru"): { definition: unknown; problems: DefinitionProblem[] } {
  const problems: DefinitionProblem[] = [];
  const questions = draft.questions.map((q, index) => {
    const base = `questions.${index}`;
    const report = (path: string, message: string) => problems.push({ path: `${base}.${path}`, ...(q.id.trim() ? { questionId: q.id.trim() } : {}), message });
    const number = (raw: string, path: string, required = false): number | undefined => {
      const value = raw.trim();
      if (!value) {
        if (required) report(path, "validation.required");
        return undefined;
      }
      const parsed = parseNumberInput(value, locale);
      if (parsed === null) report(path, "questionnaire.problems.notANumber");
      return parsed ?? undefined;
    };
    const question: Record<string, unknown> = {
      id: q.id.trim(),
      type: q.type,
      label: { ru: q.labelRu, en: q.labelEn },
      required: q.required,
    };
    if (q.helpRu.trim() || q.helpEn.trim()) {
      question.help = { ...(q.helpRu.trim() ? { ru: q.helpRu } : {}), ...(q.helpEn.trim() ? { en: q.helpEn } : {}) };
    }
    if (hasOptions(q.type)) {
      question.options = q.options.map((o, j) => {
        const points = number(o.points, `options.${j}.points`);
        return { value: o.value.trim(), label: { ru: o.labelRu, en: o.labelEn }, ...(points !== undefined ? { points } : {}) };
      });
    }
    if (hasRange(q.type)) {
      const min = number(q.min, "min");
      const max = number(q.max, "max");
      if (min !== undefined) question.min = min;
      if (max !== undefined) question.max = max;
      if (q.scoreWorst.trim() || q.scoreBest.trim()) {
        const worst = number(q.scoreWorst, "scoreRange.worst", true);
        const best = number(q.scoreBest, "scoreRange.best", true);
        if (worst !== undefined && best !== undefined) question.scoreRange = { worst, best };
      }
    }
    if (hasWeight(q.type)) {
      const weight = number(q.weight, "weight");
      if (weight !== undefined) question.weight = weight;
    }
    const knockout = knockoutOf(q, report, number);
    if (knockout) question.knockout = knockout;
    return question;
  });
  const definition = { questions };
  const seen = new Set(problems.map((p) => `${p.path} ${p.message}`));
  for (const problem of checkQuestionnaire(definition)) {
    if (!seen.has(`${problem.path} ${problem.message}`)) problems.push(problem);
  }
  return { definition, problems };
}

function knockoutOf(
  q: DraftQuestion,
  report: (path: string, message: string) => void,
  number: (raw: string, path: string, required?: boolean) => number | undefined,
): Record<string, unknown> | null {
  const kind = q.knockoutKind;
  switch (kind) {
    case "none":
      return null;
    case "equals":
    case "includes": {
      const value = q.knockoutValue.trim();
      if (!value) report("knockout.value", "validation.required");
      return value ? { kind, value } : null;
    }
    case "less_than":
    case "greater_than": {
      if (q.type === "date") {
        const value = q.knockoutValue.trim();
        if (!value) report("knockout.value", "validation.required");
        return value ? { kind, value } : null;
      }
      const value = number(q.knockoutValue, "knockout.value", true);
      return value === undefined ? null : { kind, value };
    }
    case "above_vacancy_max": {
      const percent = number(q.knockoutPercent, "knockout.percent", true);
      if (percent === undefined) return null;
      if (percent < 0 || percent > MAX_PERCENT) {
        report("knockout.percent", `questionnaireBuilder.problems.percentRange|max=${MAX_PERCENT}`);
        return null;
      }
      return { kind, percent };
    }
  }
}

/** Everything wrong with a draft; empty means it can be saved. */
export function draftProblems(draft: Draft, locale: AppLocale = "ru"): DefinitionProblem[] {
  return draftToDefinition(draft, locale).problems;
}

// ---------------------------------------------------------------------------
// The posted draft
// ---------------------------------------------------------------------------

// Generous caps: the real limits (300 characters a label, 60 questions) are the
// definition's and come back as problems at their fields; these only keep a forged
// post from being absurd.
const field = z.string().max(10_000);
const draftOptionSchema = z.object({ key: z.string().max(40), value: field, labelRu: field, labelEn: field, points: field });
const draftQuestionSchema = z.object({
  key: z.string().max(40),
  id: field,
  type: z.enum(QUESTION_TYPES),
  labelRu: field,
  labelEn: field,
  helpRu: field,
  helpEn: field,
  required: z.boolean(),
  options: z.array(draftOptionSchema).max(100),
  min: field,
  max: field,
  weight: field,
  scoreWorst: field,
  scoreBest: field,
  knockoutKind: z.enum(KNOCKOUT_CHOICES),
  knockoutValue: field,
  knockoutPercent: field,
});
export const draftSchema = z.object({ questions: z.array(draftQuestionSchema).max(MAX_QUESTIONS * 2) });

/** The draft the editor posted, or null when it is not one (a forged or broken post). */
export function parseDraft(json: unknown): Draft | null {
  if (typeof json !== "string") return null;
  try {
    const parsed = draftSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------
// Editing
// ---------------------------------------------------------------------------

function nextKey(items: readonly { key: string }[], prefix: string): string {
  const used = new Set(items.map((item) => item.key));
  let n = items.length;
  while (used.has(`${prefix}${n}`)) n += 1;
  return `${prefix}${n}`;
}

function unused(taken: readonly string[], prefix: string): string {
  const set = new Set(taken);
  let n = 1;
  while (set.has(`${prefix}${n}`)) n += 1;
  return `${prefix}${n}`;
}

export function newOption(question: Pick<DraftQuestion, "options">): DraftOption {
  return {
    key: nextKey(question.options, "o"),
    value: unused(question.options.map((o) => o.value), "option_"),
    labelRu: "",
    labelEn: "",
    points: "",
  };
}

/** A new short-text question with a key no other question has. */
export function newQuestion(draft: Draft): DraftQuestion {
  return {
    key: nextKey(draft.questions, "q"),
    id: unused(draft.questions.map((q) => q.id), "question_"),
    type: "short_text",
    labelRu: "",
    labelEn: "",
    helpRu: "",
    helpEn: "",
    required: true,
    options: [],
    min: "",
    max: "",
    weight: "",
    scoreWorst: "",
    scoreBest: "",
    knockoutKind: "none",
    knockoutValue: "",
    knockoutPercent: "",
  };
}

/**
 * The question with another type: a choice question gets blank options up to the
 * minimum; a knock-out rule that does not fit the new type is dropped, and its value
 * when it meant something else (a yes/no answer is not an option). The rest is kept
 * as typed, so switching back loses nothing before saving.
 */
export function changeType(question: DraftQuestion, type: QuestionType): DraftQuestion {
  if (question.type === type) return question;
  const next: DraftQuestion = { ...question, type };
  if (hasOptions(type)) {
    while (next.options.length < MIN_OPTIONS) next.options = [...next.options, newOption(next)];
  }
  if (next.knockoutKind !== "none" && !knockoutKindsFor(type).includes(next.knockoutKind)) {
    next.knockoutKind = "none";
    next.knockoutValue = "";
  } else if (valueGroup(type) !== valueGroup(question.type)) {
    next.knockoutValue = "";
  }
  return next;
}

/** An option changed; a knock-out rule that named its old value follows it. */
export function updateOption(question: DraftQuestion, index: number, patch: Partial<Omit<DraftOption, "key">>): DraftQuestion {
  const old = question.options[index];
  if (!old) return question;
  const options = question.options.map((o, j) => (j === index ? { ...o, ...patch } : o));
  const follows = patch.value !== undefined && (question.knockoutKind === "equals" || question.knockoutKind === "includes") && question.knockoutValue === old.value && old.value !== "";
  return { ...question, options, ...(follows ? { knockoutValue: patch.value } : {}) };
}

/** The list with the item at `index` moved one place up (-1) or down (+1); unchanged at an end. */
export function moveItem<T>(list: readonly T[], index: number, delta: -1 | 1): T[] {
  const target = index + delta;
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return [...list];
  const next = [...list];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

export function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

export function replaceAt<T>(list: readonly T[], index: number, item: T): T[] {
  return list.map((existing, i) => (i === index ? item : existing));
}

// ---------------------------------------------------------------------------
// Starting points
// ---------------------------------------------------------------------------

export const START_CHOICES = ["default", "blank"] as const;
export type StartChoice = (typeof START_CHOICES)[number];

/** "Blank with one question": a required short text, to be rewritten. */
export function blankQuestionnaire(): Questionnaire {
  return { questions: [{ id: "question_1", type: "short_text", label: { ru: "Новый вопрос", en: "New question" }, required: true }] };
}
