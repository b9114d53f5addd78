import { z } from "zod";
import { type AppLocale } from "~/i18n/i18n";

/**
 * A questionnaire's questions and the answers candidates give to them. Pure and
 * client-safe: the builder checks a definition in the browser, the public form
 * validates answers in the browser and again in the action, and the stored
 * definition (JSON in a versioned questionnaire) is parsed with the same schema.
 * Errors are i18n keys in the house format "key|param=value" (see ~/ui/error-key).
 */

export const QUESTION_TYPES = [
  "short_text",
  "long_text",
  "number",
  "money",
  "single_choice",
  "multi_choice",
  "yes_no",
  "scale",
  "date",
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const CHOICE_TYPES = ["single_choice", "multi_choice"] as const satisfies readonly QuestionType[];
export const NUMERIC_TYPES = ["number", "money"] as const satisfies readonly QuestionType[];
/** Types a weight can score (text and dates have no "better"). */
export const SCORED_TYPES = ["number", "money", "single_choice", "multi_choice", "yes_no", "scale"] as const satisfies readonly QuestionType[];

export const QUESTION_ID = /^[a-z][a-z0-9_]{0,39}$/;
export const OPTION_VALUE = /^[a-z0-9][a-z0-9_-]{0,39}$/;
export const MAX_QUESTIONS = 60;
export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 20;
export const MAX_LABEL = 300;
export const MAX_HELP = 1_000;
export const MAX_SHORT_TEXT = 300;
export const MAX_LONG_TEXT = 5_000;
/** 100 billion roubles: enough for the yearly turnover of the largest client anyone manages. */
export const MAX_MONEY = 100_000_000_000;
/** Plain numbers without a min/max still stay within this, so nothing absurd is stored. */
export const MAX_ABS_NUMBER = 1_000_000_000_000;
export const SCALE_MIN = 1;
export const SCALE_MAX = 5;
export const YES_NO = ["yes", "no"] as const;
export type YesNo = (typeof YES_NO)[number];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const text = (max: number) => z.string().trim().min(1, "validation.required").max(max, `validation.tooLong|max=${max}`);
const labelSchema = z.object({ ru: text(MAX_LABEL), en: text(MAX_LABEL) });
const helpSchema = z.object({ ru: text(MAX_HELP).optional(), en: text(MAX_HELP).optional() });
const finite = z.number().refine(Number.isFinite, "questionnaire.problems.notANumber");

export const optionSchema = z.object({
  value: z.string().regex(OPTION_VALUE, "questionnaire.problems.badOptionValue"),
  label: labelSchema,
  /** What choosing it is worth for the score, 0..1 (default 0). */
  points: z.number().min(0, "questionnaire.problems.pointsRange").max(1, "questionnaire.problems.pointsRange").optional(),
});
export type QuestionOption = z.infer<typeof optionSchema>;

export const knockoutRuleSchema = z.discriminatedUnion("kind", [
  /** yes_no or single_choice: the answer is this value → out. */
  z.object({ kind: z.literal("equals"), value: z.string().min(1) }),
  /** multi_choice: the answer contains this option → out. */
  z.object({ kind: z.literal("includes"), value: z.string().min(1) }),
  /** number/money/scale: a number; date: an ISO date. Strictly less / greater → out. */
  z.object({ kind: z.literal("less_than"), value: z.union([finite, z.string().regex(ISO_DATE)]) }),
  z.object({ kind: z.literal("greater_than"), value: z.union([finite, z.string().regex(ISO_DATE)]) }),
  /** money: above the vacancy's salaryMaxRub by more than percent% → out. */
  z.object({ kind: z.literal("above_vacancy_max"), percent: z.number().min(0).max(1_000) }),
]);
export type KnockoutRule = z.infer<typeof knockoutRuleSchema>;
export type KnockoutKind = KnockoutRule["kind"];

export const questionSchema = z.object({
  id: z.string().regex(QUESTION_ID, "questionnaire.problems.badId"),
  type: z.enum(QUESTION_TYPES, { error: "validation.invalidChoice" }),
  label: labelSchema,
  help: helpSchema.optional(),
  required: z.boolean(),
  options: z
    .array(optionSchema)
    .min(MIN_OPTIONS, `questionnaire.problems.tooFewOptions|min=${MIN_OPTIONS}`)
    .max(MAX_OPTIONS, `questionnaire.problems.tooManyOptions|max=${MAX_OPTIONS}`)
    .refine((options) => new Set(options.map((o) => o.value)).size === options.length, "questionnaire.problems.duplicateOption")
    .optional(),
  min: finite.optional(),
  max: finite.optional(),
  weight: z.number().min(0, "questionnaire.problems.weightRange").max(100, "questionnaire.problems.weightRange").optional(),
  /** number/money: the answer worth 0 and the answer worth 1, linear between, clamped. */
  scoreRange: z.object({ worst: finite, best: finite }).optional(),
  knockout: knockoutRuleSchema.optional(),
});
export type Question = z.infer<typeof questionSchema>;

export const questionnaireSchema = z.object({
  questions: z
    .array(questionSchema)
    .min(1, "questionnaire.problems.noQuestions")
    .max(MAX_QUESTIONS, `questionnaire.problems.tooManyQuestions|max=${MAX_QUESTIONS}`)
    .superRefine((questions, ctx) => {
      const seen = new Set<string>();
      questions.forEach((q, index) => {
        if (seen.has(q.id)) ctx.addIssue({ code: "custom", path: [index, "id"], message: "questionnaire.problems.duplicateId" });
        seen.add(q.id);
      });
    }),
});
export type Questionnaire = z.infer<typeof questionnaireSchema>;

/** One answer as stored: text, a number (money in whole roubles), an option value or several, "yes"/"no", an ISO date. */
export type AnswerValue = string | number | string[];
/** Answers by question id; an optional question left empty is absent. */
export type Answers = Record<string, AnswerValue>;

const isChoice = (type: QuestionType) => (CHOICE_TYPES as readonly QuestionType[]).includes(type);
const isNumeric = (type: QuestionType) => (NUMERIC_TYPES as readonly QuestionType[]).includes(type);
const isScored = (type: QuestionType) => (SCORED_TYPES as readonly QuestionType[]).includes(type);

// ---------------------------------------------------------------------------
// The builder's check
// ---------------------------------------------------------------------------

/** A problem in a definition: where (a dotted path, "questions.3.options") and an i18n key. */
export type DefinitionProblem = { path: string; questionId?: string; message: string };

/** Is this a real calendar date written yyyy-mm-dd? */
export function isCalendarDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const [year, month, day] = value.split("-").map(Number) as [number, number, number];
  if (year < 1900 || year > 2100) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function knockoutProblem(q: Question, rule: KnockoutRule): string | null {
  const optionValues = new Set((q.options ?? []).map((o) => o.value));
  switch (rule.kind) {
    case "equals":
      if (q.type === "yes_no") return (YES_NO as readonly string[]).includes(rule.value) ? null : "questionnaire.problems.knockoutValue";
      if (q.type === "single_choice") return optionValues.has(rule.value) ? null : "questionnaire.problems.knockoutValue";
      return "questionnaire.problems.knockoutType";
    case "includes":
      if (q.type !== "multi_choice") return "questionnaire.problems.knockoutType";
      return optionValues.has(rule.value) ? null : "questionnaire.problems.knockoutValue";
    case "less_than":
    case "greater_than":
      if (q.type === "date") return typeof rule.value === "string" && isCalendarDate(rule.value) ? null : "questionnaire.problems.knockoutValue";
      if (isNumeric(q.type) || q.type === "scale") return typeof rule.value === "number" ? null : "questionnaire.problems.knockoutValue";
      return "questionnaire.problems.knockoutType";
    case "above_vacancy_max":
      return q.type === "money" ? null : "questionnaire.problems.knockoutType";
  }
}

/** The problems of one (structurally valid) question, beyond what the schema says. */
function questionProblems(q: Question): string[][] {
  const problems: string[][] = [];
  const add = (field: string, message: string) => problems.push([field, message]);
  if (isChoice(q.type) && !q.options) add("options", "questionnaire.problems.optionsMissing");
  if (!isChoice(q.type) && q.options) add("options", "questionnaire.problems.optionsNotAllowed");
  if (!isNumeric(q.type) && (q.min !== undefined || q.max !== undefined)) add("min", "questionnaire.problems.rangeNotAllowed");
  if (q.min !== undefined && q.max !== undefined && q.min > q.max) add("max", "questionnaire.problems.rangeInverted");
  if (q.type === "money" && ((q.min ?? 0) < 0 || (q.max ?? 0) > MAX_MONEY)) add("min", `questionnaire.problems.moneyRange|max=${MAX_MONEY}`);
  if (q.scoreRange && !isNumeric(q.type)) add("scoreRange", "questionnaire.problems.scoreRangeNotAllowed");
  if (q.scoreRange && q.scoreRange.worst === q.scoreRange.best) add("scoreRange", "questionnaire.problems.scoreRangeEmpty");
  if (q.weight) {
    if (!isScored(q.type)) add("weight", "questionnaire.problems.weightNotScored");
    else if (isNumeric(q.type) && !q.scoreRange) add("scoreRange", "questionnaire.problems.scoreRangeMissing");
    else if (isChoice(q.type) && q.options && !q.options.some((o) => (o.points ?? 0) > 0)) {
      add("options", "questionnaire.problems.pointsMissing");
    }
  }
  if (q.knockout) {
    const problem = knockoutProblem(q, q.knockout);
    if (problem) add("knockout", problem);
  }
  return problems;
}

/**
 * Everything wrong with a definition, for the builder: the schema's issues first,
 * then the rules that span fields (a choice question without options, a knock-out
 * rule that does not fit its question type, a weight on a text question, ...).
 * Empty means it can be saved.
 */
export function checkQuestionnaire(def: unknown): DefinitionProblem[] {
  const parsed = questionnaireSchema.safeParse(def);
  if (!parsed.success) {
    const raw = def as { questions?: { id?: unknown }[] } | null;
    return parsed.error.issues.map((issue) => {
      const index = issue.path[0] === "questions" && typeof issue.path[1] === "number" ? issue.path[1] : null;
      const id = index !== null ? raw?.questions?.[index]?.id : undefined;
      return {
        path: issue.path.map(String).join("."),
        ...(typeof id === "string" ? { questionId: id } : {}),
        message: /^(validation|questionnaire)\./.test(issue.message) ? issue.message : "questionnaire.problems.invalid",
      };
    });
  }
  return parsed.data.questions.flatMap((q, index) =>
    questionProblems(q).map(([field, message]) => ({ path: `questions.${index}.${field}`, questionId: q.id, message: message! })),
  );
}

/** Parse a stored definition, throwing when it is broken (stored ones were checked when saved). */
export function parseQuestionnaire(def: unknown): Questionnaire {
  const problems = checkQuestionnaire(def);
  if (problems.length) throw new Error(`Invalid questionnaire: ${problems.map((p) => `${p.path} ${p.message}`).join("; ")}`);
  return questionnaireSchema.parse(def);
}

// ---------------------------------------------------------------------------
// Answers
// ---------------------------------------------------------------------------

export type AnswerOptions = { locale?: AppLocale };
type Parsed = { ok: true; value: AnswerValue | undefined } | { ok: false; error: string };

/** The spaces people put between thousands: plain, no-break, thin, narrow no-break. */
const THOUSANDS_SPACES = /[\s\u00a0\u2009\u202f]/g;

/**
 * A number as typed. Russian: "150 000", "1 234,5" (comma or dot for decimals).
 * English: "150,000" or "150 000", "1,234.5" (comma for thousands, dot for decimals).
 * Null when it is not a number.
 */
export function parseNumberInput(value: string, locale: AppLocale = "ru"): number | null {
  let compact = value.replace(THOUSANDS_SPACES, "").replace(/^\u2212/, "-");
  if (locale === "en") {
    if (!/^-?\d{1,3}(,\d{3})*(\.\d+)?$|^-?\d+(\.\d+)?$/.test(compact)) return null;
    compact = compact.replace(/,/g, "");
  } else {
    if (!/^-?\d+([.,]\d+)?$/.test(compact)) return null;
    compact = compact.replace(",", ".");
  }
  const number = Number(compact);
  return Number.isFinite(number) ? number : null;
}

/** Whole roubles as typed: "150 000", "150000 ₽", "150 000 руб." → 150000; kopecks and signs are refused. */
export function parseMoneyInput(value: string, locale: AppLocale = "ru"): number | null {
  const compact = value.replace(THOUSANDS_SPACES, "").replace(/(₽|руб\.?|р\.?|rub\.?)$/i, "");
  const digits = locale === "en" && /^\d{1,3}(,\d{3})+$/.test(compact) ? compact.replace(/,/g, "") : compact;
  return /^\d{1,15}$/.test(digits) ? Number(digits) : null;
}

/** One form value: undefined/null/"" is nothing; Conform gives strings (and arrays for repeated names). */
function single(raw: unknown): string | null | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw === "number" && Number.isFinite(raw)) return String(raw);
  if (typeof raw === "string") return raw;
  return null;
}

function parseAnswer(q: Question, raw: unknown, locale: AppLocale): Parsed {
  const missing = (): Parsed => (q.required ? { ok: false, error: "validation.required" } : { ok: true, value: undefined });

  if (q.type === "multi_choice") {
    const list = raw === undefined || raw === null || raw === "" ? [] : Array.isArray(raw) ? raw : [raw];
    if (!list.every((item) => typeof item === "string")) return { ok: false, error: "validation.invalidChoice" };
    const chosen = [...new Set((list as string[]).filter((item) => item !== ""))];
    if (chosen.length === 0) return missing();
    const allowed = new Set((q.options ?? []).map((o) => o.value));
    if (!chosen.every((item) => allowed.has(item))) return { ok: false, error: "validation.invalidChoice" };
    // Kept in the options' order, so the same choice always reads the same.
    return { ok: true, value: (q.options ?? []).map((o) => o.value).filter((v) => chosen.includes(v)) };
  }

  const value = single(raw);
  if (value === null) return { ok: false, error: "validation.invalidChoice" };
  const trimmed = (value ?? "").trim();
  if (trimmed === "") return missing();

  switch (q.type) {
    case "short_text":
    case "long_text": {
      const max = q.type === "short_text" ? MAX_SHORT_TEXT : MAX_LONG_TEXT;
      // Kept exactly as written (after trimming): markup is plain text, escaped wherever it is shown.
      return trimmed.length > max ? { ok: false, error: `questionnaire.errors.tooLong|max=${max}` } : { ok: true, value: trimmed };
    }
    case "number":
    case "money": {
      const money = q.type === "money";
      const number = money ? parseMoneyInput(trimmed, locale) : parseNumberInput(trimmed, locale);
      if (number === null) {
        if (money && parseNumberInput(trimmed, locale) !== null) {
          return { ok: false, error: trimmed.startsWith("-") ? "questionnaire.errors.tooSmall|min=0" : "questionnaire.errors.wholeRoubles" };
        }
        return { ok: false, error: money ? "questionnaire.errors.notMoney" : "questionnaire.errors.notANumber" };
      }
      const min = money ? Math.max(q.min ?? 0, 0) : (q.min ?? -MAX_ABS_NUMBER);
      const max = money ? Math.min(q.max ?? MAX_MONEY, MAX_MONEY) : (q.max ?? MAX_ABS_NUMBER);
      if (number < min) return { ok: false, error: `questionnaire.errors.tooSmall|min=${min}` };
      if (number > max) return { ok: false, error: `questionnaire.errors.tooLarge|max=${max}` };
      return { ok: true, value: number };
    }
    case "single_choice":
      return (q.options ?? []).some((o) => o.value === trimmed) ? { ok: true, value: trimmed } : { ok: false, error: "validation.invalidChoice" };
    case "yes_no":
      return (YES_NO as readonly string[]).includes(trimmed) ? { ok: true, value: trimmed } : { ok: false, error: "validation.invalidChoice" };
    case "scale": {
      if (!/^\d+$/.test(trimmed)) return { ok: false, error: `questionnaire.errors.scale|min=${SCALE_MIN}|max=${SCALE_MAX}` };
      const n = Number(trimmed);
      return n >= SCALE_MIN && n <= SCALE_MAX ? { ok: true, value: n } : { ok: false, error: `questionnaire.errors.scale|min=${SCALE_MIN}|max=${SCALE_MAX}` };
    }
    case "date":
      return isCalendarDate(trimmed) ? { ok: true, value: trimmed } : { ok: false, error: "questionnaire.errors.date" };
  }
}

/**
 * The zod schema of one question's form value (string, or strings for a multiple
 * choice). Parses to the stored answer, or undefined for an optional question left empty.
 */
export function answerSchema(question: Question, { locale = "ru" }: AnswerOptions = {}) {
  return z.unknown().transform((raw, ctx): AnswerValue | undefined => {
    const parsed = parseAnswer(question, raw, locale);
    if (parsed.ok) return parsed.value;
    ctx.addIssue({ code: "custom", message: parsed.error });
    return z.NEVER;
  });
}

export type AnswersResult = { ok: true; answers: Answers } | { ok: false; errors: Record<string, string> };

/**
 * Validate a whole submission: raw form values by question id (unknown names are
 * ignored). Every question is checked, so each field shows its own error at once.
 */
export function validateAnswers(questionnaire: Questionnaire, rawFormValues: Record<string, unknown>, options: AnswerOptions = {}): AnswersResult {
  const locale = options.locale ?? "ru";
  const answers: Answers = {};
  const errors: Record<string, string> = {};
  for (const q of questionnaire.questions) {
    const raw = Object.prototype.hasOwnProperty.call(rawFormValues, q.id) ? rawFormValues[q.id] : undefined;
    const parsed = parseAnswer(q, raw, locale);
    if (!parsed.ok) errors[q.id] = parsed.error;
    else if (parsed.value !== undefined) answers[q.id] = parsed.value;
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, answers };
}
