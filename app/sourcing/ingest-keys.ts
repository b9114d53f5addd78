import { createHash } from "node:crypto";
import { z } from "zod";
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

/** A key among the records of one source: a board id or a fingerprint is unique per source. */
export const sourceKey = (source: string, value: string) => `${source}\u0000${value}`;

/** Values by source, for one `source = … AND column IN (…)` condition per source. */
export function groupBySource<S extends string>(items: Iterable<{ source: S; value: string }>): Array<{ source: S; values: string[] }> {
  const groups = new Map<S, Set<string>>();
  for (const { source, value } of items) groups.set(source, (groups.get(source) ?? new Set()).add(value));
  return [...groups].map(([source, values]) => ({ source, values: [...values] }));
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

/** The fillable fields as a record gives them: text as typed, consent time as an ISO string. */
type GivenFields = Pick<CandidateRecord, (typeof FILLABLE)[number]>;

export function personFields(record: GivenFields): PersonFields {
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

/** Just the fillable fields of a candidate row (or anything that has them). */
export function pickPersonFields(row: PersonFields): PersonFields {
  return Object.fromEntries(FILLABLE.map((field) => [field, row[field]])) as PersonFields;
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

/**
 * A record from the public apply page: anyone may type anyone's e-mail there. It may
 * create a person, but never change one we have (fill their fields, add jobs, or lend
 * its contacts for recognising them later): what it says stays in its source record.
 */
export function isUnverified(record: Pick<CandidateRecord, "source" | "channel" | "adapter">): boolean {
  return record.adapter === "apply-page" || (record.source === "INBOUND" && record.channel === "FORM");
}

/** The contacts a source record keeps for recognising its person later (none from an unverified record). */
export function recordContacts(record: CandidateRecord): { email: string | null; phone: string | null } {
  if (isUnverified(record)) return { email: null, phone: null };
  return { email: normalizeEmail(record.email), phone: normalizePhone(record.phone) };
}

const loose = <T extends z.ZodType>(schema: T) => schema.nullable().catch(null);
/** A stored record's "parsed" as older and newer versions wrote it: whatever is unreadable counts as not given. */
const StoredFields = z.object({
  middleName: loose(z.string()),
  email: loose(z.string()),
  phone: loose(z.string()),
  city: loose(z.string()),
  currentTitle: loose(z.string()),
  salaryExpectationRub: loose(z.number().int().nonnegative()),
  relocation: loose(z.boolean()),
  consentAt: loose(z.string().datetime()),
  consentText: loose(z.string()),
});

/** The fields a stored source record gives, read as personFields reads a fresh record. */
export function storedPersonFields(parsed: unknown): PersonFields {
  const p = StoredFields.safeParse(parsed && typeof parsed === "object" ? parsed : {});
  return personFields(p.success ? p.data : StoredFields.parse({}));
}

/**
 * Candidate.fieldSources as stored (field → the source record that gave it): entries
 * that are not a string id, and anything that is not an object, count as none.
 */
export function readFieldSources(value: unknown): Record<string, string> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === "string"));
}

const comparable = (value: unknown) => (value instanceof Date ? value.toISOString() : typeof value === "string" ? value.trim() : value);

/**
 * What taking one source record out of a candidate (a split) changes: every field that
 * record gave (by `fieldSources`) and still holds the value it gave is emptied, then
 * filled again from the candidate's other records, oldest first, the way an import
 * would have filled it. A value someone changed since is theirs and stays.
 * `others` are the remaining records that may fill fields (not unverified ones).
 */
export function takeBackFields(input: {
  current: PersonFields;
  fieldSources: Readonly<Record<string, string>>;
  record: { id: string; fields: PersonFields };
  others: ReadonlyArray<{ id: string; fields: PersonFields }>;
}): { taken: Array<keyof PersonFields>; set: Partial<PersonFields>; fieldSources: Record<string, string> } {
  const { current, record } = input;
  const taken = new Set<keyof PersonFields>();
  for (const field of FILLABLE) {
    if (input.fieldSources[field] !== record.id || isEmpty(current[field])) continue;
    if (comparable(current[field]) === comparable(record.fields[field])) taken.add(field);
  }
  // Consent is one fact: taking half of it takes both.
  if (taken.has("consentAt") || taken.has("consentText")) for (const f of ["consentAt", "consentText"] as const) if (!isEmpty(current[f])) taken.add(f);
  const emptied: PersonFields = { ...current };
  for (const field of taken) (emptied as Record<string, unknown>)[field] = null;
  // The record leaves: nothing here is its any more (a value someone changed since is theirs).
  const fieldSources = Object.fromEntries(Object.entries(input.fieldSources).filter(([, id]) => id !== record.id));
  const set: Partial<PersonFields> = Object.fromEntries([...taken].map((f) => [f, null]));
  let state = emptied;
  for (const other of input.others) {
    const filled = fillEmpty(state, other.fields);
    for (const field of Object.keys(filled) as Array<keyof PersonFields>) {
      if (!taken.has(field)) continue;
      (set as Record<string, unknown>)[field] = filled[field];
      fieldSources[field] = other.id;
      state = { ...state, [field]: filled[field] };
    }
  }
  return { taken: [...taken], set, fieldSources };
}

/** What a source record keeps as "parsed": the record without its raw data. */
export function parsedOf(record: CandidateRecord): Omit<CandidateRecord, "raw"> {
  const { raw: _raw, ...parsed } = record;
  return parsed;
}

