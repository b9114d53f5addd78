import { isLegalFormWord } from "../company-match";
import { type CandidateRecord, type CandidateRecordInput, CandidateRecordSchema, type RowError } from "../record";

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
  if (typeof value !== "string") return null;
  const cleaned = value.replace(/[\s\u00a0\u202f]+/g, " ").trim();
  return cleaned === "" ? null : cleaned;
}

export function objectAt(value: unknown, key: string): Json | null {
  return isObject(value) && isObject(value[key]) ? value[key] : null;
}

export function listAt(value: unknown, key: string): unknown[] {
  return isObject(value) && Array.isArray(value[key]) ? value[key] : [];
}

/** "2019-03-01", "2019-03" or "2019-03-01T…" → "2019-03-01"; null when it is not a date. */
export function isoDay(value: unknown): string | null {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(text(value) ?? "");
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3] ?? "1")];
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${match[1]}-${match[2]}-${match[3] ?? "01"}`;
}

/** Whole roubles from a board's number; null for zero, negatives, fractions beyond reason or other types. */
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

/**
 * The shared schema has the last word: a record it refuses becomes one row error per
 * problem, naming the field (a first name of 500 characters, a job without a title).
 */
export function checkRecord(
  input: CandidateRecordInput,
  row: number,
  fieldName: (path: string) => string = (path) => path,
): { record: CandidateRecord } | { errors: RowError[] } {
  const result = CandidateRecordSchema.safeParse(input);
  if (result.success) return { record: result.data };
  const errors = result.error.issues.map((issue) => {
    const path = issue.path.map(String).join(".");
    return { row, field: fieldName(path), message: `imports.errors.badField|field=${param(fieldName(path))}` };
  });
  return { errors };
}

/** A company name as a board search phrase: no quotes, query operators or legal form ("ООО «Ромашка»" → "Ромашка"). */
export function companySearchPhrase(name: string): string | null {
  const words = name
    .replace(/["«»“”„'`()!*]/g, " ")
    .split(/\s+/)
    .filter((word) => word && !isLegalFormWord(word.toLowerCase().replace(/[.,]/g, "")));
  return text(words.join(" "));
}
