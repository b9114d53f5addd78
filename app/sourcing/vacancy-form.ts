import { type SubmissionResult } from "@conform-to/react";
import { type VacancyStatus } from "@prisma/client";
import { z } from "zod";
import { companyMatchKey } from "./company-match";
import { checkbox, ID_PATTERN, optionalId, optionalText, requiredText, roublesField, textLines } from "./form-fields";

/**
 * The vacancy editor's form (create and edit are one form). Client-safe: Conform
 * validates it in the browser and the action validates it again. The company lists
 * are textareas with one company per line; a name on two lists is refused here by
 * its match key, and again on the server once aliases are resolved.
 */

export const VACANCY_STATUSES = ["DRAFT", "OPEN", "ON_HOLD", "CLOSED"] as const satisfies readonly VacancyStatus[];
export const LIST_KINDS = ["TARGET", "EXCLUDED", "ADJACENT"] as const;
export type ListKind = (typeof LIST_KINDS)[number];

/** The form field that holds each company list. */
export const LIST_FIELDS = {
  TARGET: "targetCompanies",
  EXCLUDED: "excludedCompanies",
  ADJACENT: "adjacentCompanies",
} as const satisfies Record<ListKind, string>;

export const MAX_COMPANIES_PER_LIST = 500;
export const MAX_COMPANY_NAME = 300;
export const MAX_NICHES = 100;
export const MAX_NICHE = 200;
export const MAX_OPENINGS = 50;
export const MAX_CALL_SCRIPT = 20_000;

/** Merge fields the selling letter hint offers; outreach fills them per candidate. */
export const LETTER_MERGE_FIELDS = ["firstName", "middleName", "vacancyTitle", "city", "salaryRange", "recruiterName"] as const;

/** Params inside an error key are separated by "|" and "=": keep them out of names. */
const param = (text: string) => text.replace(/[|=]/g, " ");

function companyList(text: string | undefined, ctx: z.RefinementCtx): string[] {
  const lines = textLines(text);
  if (lines.length > MAX_COMPANIES_PER_LIST) {
    ctx.addIssue({ code: "custom", message: `vacancyEditor.errors.tooManyLines|max=${MAX_COMPANIES_PER_LIST}` });
  }
  const seen = new Set<string>();
  const names: string[] = [];
  for (const line of lines) {
    if (line.length > MAX_COMPANY_NAME) {
      ctx.addIssue({ code: "custom", message: `vacancyEditor.errors.lineTooLong|max=${MAX_COMPANY_NAME}|value=${param(line.slice(0, 40))}` });
      continue;
    }
    const key = companyMatchKey(line);
    if (!key) {
      ctx.addIssue({ code: "custom", message: `vacancyEditor.errors.notACompany|value=${param(line)}` });
      continue;
    }
    // The same company typed twice in one list ("Гидромаш", ООО «Гидромаш») is kept once.
    if (seen.has(key)) continue;
    seen.add(key);
    names.push(line);
  }
  return names;
}

const companiesField = z.string().optional().transform(companyList);

const nichesField = z
  .string()
  .optional()
  .transform((text, ctx) => {
    const lines = textLines(text);
    if (lines.length > MAX_NICHES) ctx.addIssue({ code: "custom", message: `vacancyEditor.errors.tooManyLines|max=${MAX_NICHES}` });
    const tooLong = lines.find((line) => line.length > MAX_NICHE);
    if (tooLong) ctx.addIssue({ code: "custom", message: `vacancyEditor.errors.lineTooLong|max=${MAX_NICHE}|value=${param(tooLong.slice(0, 40))}` });
    const seen = new Set<string>();
    return lines.filter((line) => {
      const key = line.toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  });

/**
 * The error key for a company found on two lists, lists in the order the form shows
 * them. The name comes quoted («Гидромаш»), unless it already has its own quotes.
 */
export function twoListsError(name: string, a: ListKind, b: ListKind): string {
  const [first, second] = LIST_KINDS.indexOf(a) <= LIST_KINDS.indexOf(b) ? [a, b] : [b, a];
  const quoted = /[«»"“”„]/.test(name) ? name : `«${name}»`;
  return `vacancyEditor.errors.twoLists.${first}_${second}|name=${param(quoted)}`;
}

/** Companies named on two lists, by match key: each pair once, with the name as typed first. */
export function crossListDuplicates(lists: Record<ListKind, readonly string[]>) {
  const owner = new Map<string, { kind: ListKind; name: string }>();
  const found: Array<{ name: string; kinds: [ListKind, ListKind] }> = [];
  for (const kind of LIST_KINDS) {
    for (const name of lists[kind]) {
      const key = companyMatchKey(name);
      const first = owner.get(key);
      if (first) found.push({ name: first.name, kinds: [first.kind, kind] });
      else owner.set(key, { kind, name });
    }
  }
  return found;
}

export const VacancyFormSchema = z
  .object({
    title: requiredText(200),
    city: requiredText(120),
    industry: requiredText(200),
    niche: optionalText(200),
    openings: z
      .number({ error: `vacancyEditor.errors.openings|max=${MAX_OPENINGS}` })
      .int(`vacancyEditor.errors.openings|max=${MAX_OPENINGS}`)
      .min(1, `vacancyEditor.errors.openings|max=${MAX_OPENINGS}`)
      .max(MAX_OPENINGS, `vacancyEditor.errors.openings|max=${MAX_OPENINGS}`),
    salaryMinRub: roublesField,
    salaryMaxRub: roublesField,
    status: z.enum(VACANCY_STATUSES, { error: "validation.invalidChoice" }),
    recruiterId: optionalId,
    hiringManagerId: optionalId,
    departmentHeadId: optionalId,
    description: optionalText(10_000),
    sellingLetter: optionalText(20_000),
    callScript: optionalText(MAX_CALL_SCRIPT),
    targetCompanies: companiesField,
    excludedCompanies: companiesField,
    adjacentCompanies: companiesField,
    adjacentNiches: nichesField,
    requireLocal: checkbox,
    salaryCeilingRub: roublesField,
  })
  .superRefine(
    (form, ctx) => {
      // Runs even when a field failed (so every problem shows at once): check the types.
      const { salaryMinRub: min, salaryMaxRub: max } = form;
      if (typeof min === "number" && typeof max === "number" && min > max) {
        ctx.addIssue({ code: "custom", path: ["salaryMaxRub"], message: "vacancyEditor.errors.salaryRange" });
      }
      const list = (value: unknown) => (Array.isArray(value) ? (value as string[]) : []);
      const lists = { TARGET: list(form.targetCompanies), EXCLUDED: list(form.excludedCompanies), ADJACENT: list(form.adjacentCompanies) };
      for (const { name, kinds } of crossListDuplicates(lists)) {
        const message = twoListsError(name, ...kinds);
        for (const kind of kinds) ctx.addIssue({ code: "custom", path: [LIST_FIELDS[kind]], message });
      }
    },
    { when: () => true },
  );

export type VacancyForm = z.output<typeof VacancyFormSchema>;

/** The lists of a saved form, by kind. */
export function formLists(form: VacancyForm): Record<ListKind, string[]> {
  return { TARGET: form.targetCompanies, EXCLUDED: form.excludedCompanies, ADJACENT: form.adjacentCompanies };
}

/** "Copy lists from another vacancy": only which vacancy; the rest of the form is kept as typed. */
export const CopyListsSchema = z.object({
  intent: z.literal("copy"),
  copyFrom: z.string({ error: "vacancyEditor.errors.chooseVacancy" }).regex(ID_PATTERN, "vacancyEditor.errors.chooseVacancy"),
});

/** Which schema a submission is checked against: the copy button or Save. */
export function editorSchema(intent: unknown) {
  return intent === "copy" ? CopyListsSchema : VacancyFormSchema;
}

/** A saved vacancy as the form's starting values (strings, one list entry per line). */
export function vacancyFormValues(vacancy: {
  title: string;
  city: string;
  industry: string;
  niche: string | null;
  openings: number;
  salaryMinRub: number | null;
  salaryMaxRub: number | null;
  status: string;
  recruiterId: string | null;
  hiringManagerId: string | null;
  departmentHeadId: string | null;
  description: string | null;
  sellingLetter: string | null;
  /** Optional: a caller without it gets an empty field. */
  callScript?: string | null;
  adjacentNiches: readonly string[];
  requireLocal: boolean;
  salaryCeilingRub: number | null;
  lists: Record<ListKind, readonly string[]>;
}) {
  const text = (value: string | number | null) => (value === null ? "" : String(value));
  return {
    title: vacancy.title,
    city: vacancy.city,
    industry: vacancy.industry,
    niche: text(vacancy.niche),
    openings: String(vacancy.openings),
    salaryMinRub: text(vacancy.salaryMinRub),
    salaryMaxRub: text(vacancy.salaryMaxRub),
    status: vacancy.status,
    recruiterId: text(vacancy.recruiterId),
    hiringManagerId: text(vacancy.hiringManagerId),
    departmentHeadId: text(vacancy.departmentHeadId),
    description: text(vacancy.description),
    sellingLetter: text(vacancy.sellingLetter),
    callScript: text(vacancy.callScript ?? null),
    ...listValues(vacancy.lists, vacancy.adjacentNiches),
    requireLocal: vacancy.requireLocal ? "on" : "",
    salaryCeilingRub: text(vacancy.salaryCeilingRub),
  };
}

/** The three lists and the niches as the form's textarea values. */
export function listValues(lists: Record<ListKind, readonly string[]>, niches: readonly string[]) {
  return {
    targetCompanies: lists.TARGET.join("\n"),
    excludedCompanies: lists.EXCLUDED.join("\n"),
    adjacentCompanies: lists.ADJACENT.join("\n"),
    adjacentNiches: niches.join("\n"),
  };
}

/** How one line of a list was recognised when the vacancy was saved. */
export type LineMatch = { line: string; companyId: string; name: string; via: "name" | "alias" | "created"; alias: string | null };
export type ListReport = Record<ListKind, LineMatch[]>;

/** What the editor action answers when it does not redirect: the form's result, and the vacancy lists were copied from. */
export type EditorResult = { result: SubmissionResult<string[]>; copiedFrom: string | null };
