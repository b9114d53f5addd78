import { createHash } from "node:crypto";
import { companyMatchKey } from "./company-match";
import { normalizeEmail, normalizePhone } from "./identity";
import { type CandidateRecord } from "./record";

/**
 * The keys the ingest step recognises a person and a job by, and what a record may
 * fill in on an existing candidate. Pure (node:crypto only), unit-tested.
 */

/** JSON with object keys sorted at every level, so key order never changes a fingerprint. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return "null";
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/** sha256 of the raw record's canonical JSON: the same data from the same source is recognised. */
export function fingerprintOf(raw: unknown): string {
  return createHash("sha256").update(canonicalJson(raw)).digest("hex");
}

/** A job is already known when employer (by match key), title and start month agree. */
export function jobKey(job: { companyName: string; title: string; startedOn: string }): string {
  const title = job.title.toLowerCase().replace(/ё/g, "е").replace(/\s+/g, " ").trim();
  return `${companyMatchKey(job.companyName)}|${title}|${job.startedOn.slice(0, 7)}`;
}

/** The candidate fields a record can fill, with its contacts normalised. */
export type PersonFields = {
  middleName: string | null;
  email: string | null;
  phone: string | null;
  city: string | null;
  currentTitle: string | null;
  salaryExpectationRub: number | null;
  relocation: boolean | null;
  consentAt: Date | null;
  consentText: string | null;
};
export const FILLABLE = [
  "middleName",
  "email",
  "phone",
  "city",
  "currentTitle",
  "salaryExpectationRub",
  "relocation",
  "consentAt",
  "consentText",
] as const satisfies ReadonlyArray<keyof PersonFields>;

const text = (value: string | null) => value?.trim() || null;

export function personFields(record: CandidateRecord): PersonFields {
  // Consent is one fact, time and wording together: without its text it is not kept.
  const consent = record.consentAt && text(record.consentText);
  return {
    middleName: text(record.middleName),
    email: normalizeEmail(record.email),
    phone: normalizePhone(record.phone),
    city: text(record.city),
    currentTitle: text(record.currentTitle),
    salaryExpectationRub: record.salaryExpectationRub,
    relocation: record.relocation,
    consentAt: consent ? new Date(record.consentAt!) : null,
    consentText: consent ? text(record.consentText) : null,
  };
}

const isEmpty = (value: unknown) => value === null || value === undefined || value === "";

/**
 * What `incoming` adds to `current`: only fields that are empty there. A value that
 * disagrees is left alone; it stays visible in that source's record.
 */
export function fillEmpty(current: PersonFields, incoming: PersonFields): Partial<PersonFields> {
  const filled: Partial<PersonFields> = {};
  for (const field of FILLABLE) {
    if (isEmpty(current[field]) && !isEmpty(incoming[field])) {
      // Consent travels as a pair: the time without its wording means nothing.
      if (field === "consentText" && !isEmpty(current.consentAt)) continue;
      if (field === "consentAt" && !isEmpty(current.consentText)) continue;
      (filled as Record<string, unknown>)[field] = incoming[field];
    }
  }
  return filled;
}

/** What a source record keeps as "parsed": the record without its raw data. */
export function parsedOf(record: CandidateRecord): Omit<CandidateRecord, "raw"> {
  const { raw: _raw, ...parsed } = record;
  return parsed;
}

