import { isExists } from "date-fns";
import { type z } from "zod";
import { isLegalFormWord } from "../company-match";
import { cleanText } from "../pages/fields";
import { type CandidateRecord, type CandidateRecordInput, CandidateRecordSchema, MAX_SALARY_RUB, type ParseResult, type RowError } from "../record";

/**
 * Small readers every importer shares: loose JSON access (boards' JSON is only
 * trusted field by field) and the last check of a record against the shared schema,
 * turning what it refuses into row errors instead of exceptions. Pure.
 */

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A trimmed non-empty string (numbers become strings); null for anything else. */
export function text(value: unknown): string | null {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return typeof value === "string" ? cleanText(value) : null;
}

export function objectAt(value: unknown, key: string): Json | null {
  return isObject(value) && isObject(value[key]) ? value[key] : null;
}

export function listAt(value: unknown, key: string): unknown[] {
  return isObject(value) && Array.isArray(value[key]) ? value[key] : [];
}

/** "2019-03-01", "2019-03" or "2019-03-01T…" → "2019-03-01"; null when it is not a day that exists ("2019-02-31"). */
export function isoDay(value: unknown): string | null {
  const match = typeof value === "string" ? /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(value.trim()) : null;
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3] ?? "1")];
  if (year < 1900 || year > 2100 || !isExists(year, month - 1, day)) return null;
  return `${match[1]}-${match[2]}-${match[3] ?? "01"}`;
}

/**
 * Whole roubles from a board's number; null for zero, negatives or other types. An
 * implausible amount is kept, for the shared schema to refuse it as a row error
 * (MAX_SALARY_RUB) rather than drop it unseen.
 */
export function roubles(value: unknown): number | null {
  const amount = typeof value === "string" ? Number(value.replace(/\s/g, "")) : value;
  if (typeof amount !== "number" || !Number.isFinite(amount) || amount <= 0) return null;
  const whole = Math.round(amount);
  return Number.isSafeInteger(whole) ? whole : null;
}

/** i18n parameters may not contain the separators of an encoded key ("key|a=b"). */
export function param(value: string): string {
  const flat = value.replace(/[|=\n\r]/g, " ").trim();
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
}

/** "2019-03-01" → "2019-03": the sources' dates are months. */
const month = (day: unknown) => (typeof day === "string" ? day.slice(0, 7) : "");

/** What a refused value's row error says: the problem itself where the schema names it, else which field is wrong. */
function issueMessage(issue: z.core.$ZodIssue, input: CandidateRecordInput, field: string): string {
  const [top, index, key] = issue.path;
  if (top === "salaryExpectationRub" && issue.message === "imports.errors.salaryTooHigh") {
    return `imports.errors.salaryTooHigh|value=${input.salaryExpectationRub}|max=${MAX_SALARY_RUB}`;
  }
  const job = top === "workHistory" && typeof index === "number" ? input.workHistory?.[index] : undefined;
  if (job && issue.message === "imports.errors.jobEndsBeforeStart") {
    return `imports.errors.jobEndsBeforeStart|company=${param(job.companyName)}|start=${month(job.startedOn)}|end=${month(job.endedOn)}`;
  }
  if (job && (key === "startedOn" || key === "endedOn") && issue.message === "validation.date") {
    return `imports.errors.badJobDate|company=${param(job.companyName)}|value=${param(String(job[key]))}`;
  }
  return `imports.errors.badField|field=${param(field)}`;
}

/**
 * The shared schema has the last word: a record it refuses becomes one row error per
 * problem, naming the field (a first name of 500 characters, a job without a title,
 * a salary of 3 billion, a job that ends before it starts).
 */
export function checkRecord(
  input: CandidateRecordInput,
  row: number,
  fieldName: (path: string) => string = (path) => path,
): { record: CandidateRecord } | { errors: RowError[] } {
  const result = CandidateRecordSchema.safeParse(input);
  if (result.success) return { record: result.data };
  const errors = result.error.issues.map((issue) => {
    const field = fieldName(issue.path.map(String).join("."));
    return { row, field, message: issueMessage(issue, input, field) };
  });
  return { errors };
}

/** Every item of a board's list read with `read` (its 1-based place is its row): the records, and the errors of the rest. */
export function parseEach(
  items: readonly unknown[],
  read: (item: unknown, row: number) => { record: CandidateRecord } | { errors: RowError[] },
): ParseResult {
  const result: ParseResult = { records: [], errors: [] };
  items.forEach((item, index) => {
    const outcome = read(item, index + 1);
    if ("record" in outcome) result.records.push(outcome.record);
    else result.errors.push(...outcome.errors);
  });
  return result;
}

/** A company name as a board search phrase: no quotes, query operators or legal form ("ООО «Ромашка»" → "Ромашка"). */
export function companySearchPhrase(name: string): string | null {
  const words = name
    .replace(/["«»“”„'`()!*]/g, " ")
    .split(/\s+/)
    .filter((word) => word && !isLegalFormWord(word.toLowerCase().replace(/[.,]/g, "")));
  return text(words.join(" "));
}
