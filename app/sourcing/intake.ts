import { z } from "zod";
import { normalizeEmail, phoneProblem } from "./identity";
import { checkbox, currentMonth, optionalId, optionalText, parseMonth, requiredText, roublesField } from "./form-fields";
import { type CandidateRecordInput, type JobRecord } from "./record";

/**
 * The people who enter through a form rather than an import: the public apply page
 * and the recruiters' manual entry (by hand, a referral, an internal employee).
 * Client-safe schemas and the CandidateRecord each form becomes.
 */

export const MAX_JOBS = 3;
/** Applications accepted from one address per hour; more looks like a script. */
export const APPLY_LIMIT_PER_HOUR = 10;
/** The apply form's trap field: hidden from people, filled in by bots. */
export const HONEYPOT_FIELD = "website";
/**
 * The largest apply form body read. Every field together is a few kilobytes; more is
 * not a person typing, and is refused before it is parsed.
 */
export const MAX_APPLY_BODY_KB = 64;
export const MAX_APPLY_BODY_BYTES = MAX_APPLY_BODY_KB * 1024;

const param = (text: string) => text.replace(/[|=]/g, " ").slice(0, 60);

/** An optional e-mail as typed (null when empty); the questionnaire's open link shares it. */
export const emailField = z
  .string()
  .trim()
  .max(254, "validation.tooLong|max=254")
  .optional()
  .transform((value, ctx) => {
    if (!value) return null;
    if (!normalizeEmail(value)) {
      ctx.addIssue({ code: "custom", message: "validation.email" });
      return z.NEVER;
    }
    return value;
  });

/** An optional phone as typed (null when empty), checked as a phone number. */
export const phoneField = z
  .string()
  .trim()
  .max(60, "validation.tooLong|max=60")
  .optional()
  .transform((value, ctx) => {
    if (!value) return null;
    const problem = phoneProblem(value);
    if (problem) {
      ctx.addIssue({ code: "custom", message: problem });
      return z.NEVER;
    }
    return value;
  });

const monthField = z
  .string()
  .trim()
  .optional()
  .transform((value, ctx) => {
    if (!value) return null;
    const month = parseMonth(value);
    if (!month) {
      ctx.addIssue({ code: "custom", message: `intake.errors.month|value=${param(value)}` });
      return z.NEVER;
    }
    return month;
  });

/** One job row: all empty is "no job"; a started row needs company, position and start. */
const jobRow = z
  .object({
    companyName: optionalText(300),
    title: optionalText(300),
    from: monthField,
    to: monthField,
  })
  .optional()
  .superRefine((job, ctx) => {
    if (!job || (!job.companyName && !job.title && !job.from && !job.to)) return;
    if (!job.companyName) ctx.addIssue({ code: "custom", path: ["companyName"], message: "validation.required" });
    if (!job.title) ctx.addIssue({ code: "custom", path: ["title"], message: "validation.required" });
    if (!job.from) ctx.addIssue({ code: "custom", path: ["from"], message: "validation.required" });
    if (job.from && job.from > currentMonth(new Date())) ctx.addIssue({ code: "custom", path: ["from"], message: "intake.errors.future" });
    if (job.from && job.to && job.to < job.from) ctx.addIssue({ code: "custom", path: ["to"], message: "intake.errors.endBeforeStart" });
  });

const jobsField = z
  .array(jobRow)
  .max(MAX_JOBS)
  .optional()
  .transform((rows): JobRecord[] =>
    (rows ?? []).flatMap((job) =>
      job?.companyName && job.title && job.from
        ? [{ companyName: job.companyName, title: job.title, industry: null, startedOn: job.from, endedOn: job.to }]
        : [],
    ),
  );

const personFields = {
  lastName: requiredText(120),
  firstName: requiredText(120),
  middleName: optionalText(120),
  email: emailField,
  phone: phoneField,
  city: optionalText(120),
  relocation: checkbox,
  currentTitle: optionalText(300),
  salaryExpectationRub: roublesField,
  jobs: jobsField,
};

const consentField = z.boolean().optional();
/** sha256 (hex) of the consent text the page showed, sent back with the form. */
const consentVersionField = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value && /^[0-9a-f]{64}$/.test(value) ? value : null));

/**
 * Cross-field checks run even when a field already failed, so the form shows every
 * problem at once; a failed field's value is then its raw input, which is still
 * truthy when something was typed.
 */
const everyProblem = { when: () => true };

/**
 * The public apply page: both contacts (we answer every applicant) and consent are
 * required. Consent is to the text the page showed: its version comes back with the
 * form, and the server checks it is a text it shows (intake.server.ts).
 */
export const ApplyFormSchema = z
  .object({ ...personFields, consent: consentField, consentVersion: consentVersionField })
  .superRefine((form, ctx) => {
    if (!form.email) ctx.addIssue({ code: "custom", path: ["email"], message: "validation.required" });
    if (!form.phone) ctx.addIssue({ code: "custom", path: ["phone"], message: "validation.required" });
    if (!form.consent) ctx.addIssue({ code: "custom", path: ["consent"], message: "intake.errors.consentRequired" });
    else if (!form.consentVersion) ctx.addIssue({ code: "custom", path: ["consent"], message: "intake.errors.consentChanged" });
  }, everyProblem);
export type ApplyForm = z.output<typeof ApplyFormSchema>;

export const ENTRY_KINDS = ["MANUAL", "REFERRAL", "INTERNAL"] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/**
 * A recruiter adding someone by hand. A referral says who referred them and how to
 * reach that person; an internal employee their department and position, and needs
 * no consent checkbox: their data is processed under their employment.
 */
export const ManualEntrySchema = z
  .object({
    ...personFields,
    kind: z.enum(ENTRY_KINDS, { error: "validation.invalidChoice" }),
    vacancyId: optionalId,
    referrerName: optionalText(200),
    referrerContact: optionalText(200),
    department: optionalText(200),
    consent: consentField,
  })
  .superRefine((form, ctx) => {
    const required = (path: string) => ctx.addIssue({ code: "custom", path: [path], message: "validation.required" });
    if (!form.email && !form.phone) ctx.addIssue({ code: "custom", path: ["email"], message: "intake.errors.contactRequired" });
    if (form.kind === "REFERRAL" && !form.referrerName) required("referrerName");
    if (form.kind === "REFERRAL" && !form.referrerContact) required("referrerContact");
    if (form.kind === "INTERNAL" && !form.department) required("department");
    if (form.kind === "INTERNAL" && !form.currentTitle) required("currentTitle");
    if (form.kind !== "INTERNAL" && !form.consent) {
      ctx.addIssue({ code: "custom", path: ["consent"], message: "intake.errors.consentRequired" });
    }
  }, everyProblem);
export type ManualEntry = z.output<typeof ManualEntrySchema>;

type PersonForm = Pick<ApplyForm, keyof typeof personFields>;

function personRecord(form: PersonForm) {
  return {
    firstName: form.firstName,
    lastName: form.lastName,
    middleName: form.middleName,
    email: form.email,
    phone: form.phone,
    city: form.city,
    currentTitle: form.currentTitle,
    salaryExpectationRub: form.salaryExpectationRub,
    relocation: form.relocation,
    workHistory: form.jobs,
  };
}

/** The consent a person gave on the apply page: to which vacancy, which text in which language, when. */
export type ApplyConsent = { at: Date; text: string; textSha256: string; locale: string; vacancyId: string };

/**
 * What the apply page hands to ingest: the consent as shown, and the declared fields
 * as sent. The raw record says which vacancy and which version of the text the consent
 * was given to (not when: the same form sent twice is the same record).
 */
export function applyRecord(form: ApplyForm, consent: ApplyConsent, fields: Record<string, string>): CandidateRecordInput {
  return {
    source: "INBOUND",
    channel: "FORM",
    adapter: "apply-page",
    ...personRecord(form),
    consentAt: consent.at.toISOString(),
    consentText: consent.text,
    raw: { ...fields, consentShown: { vacancyId: consent.vacancyId, textSha256: consent.textSha256, locale: consent.locale } },
  };
}

/**
 * What the manual entry form hands to ingest. `consentText` is the sentence the
 * recruiter confirmed (or, for an employee, the note that employment covers it).
 */
export function manualRecord(
  form: ManualEntry,
  consent: { at: Date; text: string },
  note: string | null,
  raw: Record<string, unknown>,
): CandidateRecordInput {
  return {
    source: form.kind,
    channel: "FORM",
    adapter: "manual-form",
    ...personRecord(form),
    consentAt: consent.at.toISOString(),
    consentText: consent.text,
    note,
    raw,
  };
}

/** Longer than any field the forms accept (300 characters). */
const MAX_RAW_VALUE = 500;
const JOB_FIELDS = ["companyName", "title", "from", "to"] as const;
const PERSON_FIELDS = [
  ...(Object.keys(personFields).filter((name) => name !== "jobs") as Array<Exclude<keyof typeof personFields, "jobs">>),
  ...Array.from({ length: MAX_JOBS }, (_, i) => JOB_FIELDS.map((f) => `jobs[${i}].${f}`)).flat(),
  "consent",
];
/** The apply form's fields a person fills in (not the trap, not the consent version, not buttons). */
export const APPLY_FIELDS: ReadonlySet<string> = new Set(PERSON_FIELDS);
/** The manual entry form's fields. */
export const MANUAL_FIELDS: ReadonlySet<string> = new Set([...PERSON_FIELDS, "kind", "vacancyId", "referrerName", "referrerContact", "department"]);

/**
 * The submitted fields worth keeping as the raw record: only the form's declared
 * fields, non-empty, so whatever else a script posts is never stored. Called after
 * the schema accepted the form; the cap still holds for values a field reads loosely
 * (a salary padded with spaces).
 */
export function submittedFields(formData: FormData, declared: ReadonlySet<string> = MANUAL_FIELDS): Record<string, string> {
  const raw: Record<string, string> = {};
  for (const [name, value] of formData) {
    if (typeof value !== "string" || !declared.has(name) || !value.trim()) continue;
    raw[name] = value.trim().slice(0, MAX_RAW_VALUE);
  }
  return raw;
}
