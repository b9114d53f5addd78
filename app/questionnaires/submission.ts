import { z } from "zod";
import { type AppLocale } from "~/i18n/i18n";
import { requiredText } from "~/sourcing/form-fields";
import { emailField, phoneField } from "~/sourcing/intake";
import { type Knockout } from "./knockouts";
import { answerSchema, type Questionnaire } from "./questions";
import { knockoutParams, shownKnockout } from "./response-view";

/**
 * The public questionnaire form, pure and client-safe: its field names, the schemas
 * Conform validates with in the browser (the server's check is validateAnswers in
 * submit.server.ts, the same rules), and the knock-out reasons as a sentence for the
 * stage history.
 *
 * Each question's input is named by its id ([a-z][a-z0-9_]*, see questions.ts). Every
 * other field has a capital letter in its name, so no question id can ever clash with it.
 */

/** A form with 60 long answers is about 300 KB; more than this is not a person typing. */
export const MAX_QUESTIONNAIRE_BODY_KB = 1024;
export const MAX_QUESTIONNAIRE_BODY_BYTES = MAX_QUESTIONNAIRE_BODY_KB * 1024;

export const FORM_FIELDS = {
  versionId: "versionId",
  versionStamp: "versionStamp",
  consentGiven: "consentGiven",
  consentVersion: "consentVersion",
  firstName: "firstName",
  lastName: "lastName",
  email: "contactEmail",
  phone: "contactPhone",
  /** The open form's trap field: hidden from people, filled in by bots. */
  honeypot: "homePage",
} as const;

/** Form values as posted: a name given once is a string, a name given several times (a multiple choice) a list. */
export function formValues(formData: FormData): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const name of new Set(formData.keys())) {
    const all = formData.getAll(name).filter((v): v is string => typeof v === "string");
    if (all.length) values[name] = all.length === 1 ? all[0]! : all;
  }
  return values;
}

const everyProblem = { when: () => true };

/**
 * Each question's schema, its value optional for the object (an optional question left
 * empty has no key once Conform drops empty values) while answerSchema still sees the
 * missing value and says "required" for a required one.
 */
const answerFields = (definition: Questionnaire, locale: AppLocale) =>
  Object.fromEntries(definition.questions.map((q) => [q.id, z.unknown().optional().pipe(answerSchema(q, { locale }))]));

const hiddenFields = {
  [FORM_FIELDS.consentGiven]: z.boolean().optional(),
  [FORM_FIELDS.consentVersion]: z.string().optional(),
  [FORM_FIELDS.versionId]: z.string().optional(),
  [FORM_FIELDS.versionStamp]: z.string().optional(),
};

const requireConsent = (form: Record<string, unknown>, ctx: z.RefinementCtx) => {
  if (!form[FORM_FIELDS.consentGiven]) {
    ctx.addIssue({ code: "custom", path: [FORM_FIELDS.consentGiven], message: "questionnaireForm.errors.consentRequired" });
  }
};

/** The per-candidate form: the questions and the consent. */
export function questionnaireFormSchema(definition: Questionnaire, locale: AppLocale) {
  return z.object({ ...answerFields(definition, locale), ...hiddenFields }).superRefine(requireConsent, everyProblem);
}

/** The person on the open form: a name, and an e-mail or a phone (at least one). */
const personFields = {
  lastName: requiredText(120),
  firstName: requiredText(120),
  email: emailField,
  phone: phoneField,
};

export const OpenPersonSchema = z.object(personFields).superRefine((person, ctx) => {
  if (!person.email && !person.phone) ctx.addIssue({ code: "custom", path: ["email"], message: "intake.errors.contactRequired" });
}, everyProblem);
export type OpenPerson = z.output<typeof OpenPersonSchema>;

/** The vacancy's open form: the person, the questions and the consent. */
export function openFormSchema(definition: Questionnaire, locale: AppLocale) {
  return z
    .object({
      ...answerFields(definition, locale),
      ...hiddenFields,
      [FORM_FIELDS.firstName]: personFields.firstName,
      [FORM_FIELDS.lastName]: personFields.lastName,
      [FORM_FIELDS.email]: personFields.email,
      [FORM_FIELDS.phone]: personFields.phone,
    })
    .superRefine((form, ctx) => {
      requireConsent(form, ctx);
      if (!form[FORM_FIELDS.email] && !form[FORM_FIELDS.phone]) {
        ctx.addIssue({ code: "custom", path: [FORM_FIELDS.email], message: "intake.errors.contactRequired" });
      }
    }, everyProblem);
}

/** The person as the open form posted them, by OpenPersonSchema's names. */
export function postedPerson(values: Record<string, string | string[]>) {
  const one = (name: string) => {
    const value = values[name];
    return typeof value === "string" ? value : undefined;
  };
  return { firstName: one(FORM_FIELDS.firstName), lastName: one(FORM_FIELDS.lastName), email: one(FORM_FIELDS.email), phone: one(FORM_FIELDS.phone) };
}

/** What a refused submission says, field by field (i18n keys). */
export type InvalidFields = {
  /** By question id. */
  answers: Record<string, string>;
  consent: string | null;
  /** By OpenPersonSchema's names (firstName, lastName, email, phone); open form only. */
  person?: Record<string, string>;
};

/** The refusal as Conform field errors, by the form's field names. */
export function fieldErrors(errors: InvalidFields): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [id, key] of Object.entries(errors.answers)) out[id] = [key];
  if (errors.consent) out[FORM_FIELDS.consentGiven] = [errors.consent];
  const names: Record<string, string> = { firstName: FORM_FIELDS.firstName, lastName: FORM_FIELDS.lastName, email: FORM_FIELDS.email, phone: FORM_FIELDS.phone };
  for (const [field, key] of Object.entries(errors.person ?? {})) out[names[field] ?? field] = [key];
  return out;
}

const MAX_LABEL_IN_REASON = 80;

/**
 * Each knock-out as "«question» — reason" in one language: the option's label instead
 * of its key, numbers and dates written as the language writes them, long questions shortened.
 */
export function knockoutReasons(
  definition: Questionnaire,
  fired: readonly Knockout[],
  t: (key: string, params?: Record<string, string>) => string,
  locale: AppLocale,
): string[] {
  const [open, close] = locale === "ru" ? ["«", "»"] : ["\u201c", "\u201d"];
  return fired.map((knockout) => {
    const shown = shownKnockout(definition, knockout);
    const label = shown.question?.[locale] ?? knockout.questionId;
    return `${open}${shorten(label)}${close} — ${t(shown.key, knockoutParams(shown, locale))}`;
  });
}

/** A long question cut at a word, with an ellipsis. */
function shorten(label: string): string {
  if (label.length <= MAX_LABEL_IN_REASON) return label;
  const cut = label.slice(0, MAX_LABEL_IN_REASON - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > MAX_LABEL_IN_REASON / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
