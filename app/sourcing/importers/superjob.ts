import { type Channel, type JobRecord, type ParseResult, type RowError } from "../record";
import { checkRecord, isObject, type Json, listAt, objectAt, parseEach, roubles, text } from "./common";

/**
 * SuperJob resumes (API 2.0, GET /2.0/resumes/ and /2.0/resumes/{id}/) into
 * CandidateRecords. Pure: the client fetches, this file reads, and a saved JSON file
 * is read the same way. Accepted files: one resume, a list of resumes, or a search
 * answer ({ objects, total, more }).
 */

/** SuperJob's page size limit. */
export const SUPERJOB_MAX_COUNT = 100;

const SJ_FIELDS: Record<string, string> = {
  firstName: "firstname",
  lastName: "lastname",
  middleName: "middlename",
  email: "email",
  phone: "phone1",
  city: "town",
  currentTitle: "profession",
  url: "link",
  externalId: "id",
  salaryExpectationRub: "payment",
};
const fieldName = (path: string) => (path.startsWith("workHistory") ? "work_history" : (SJ_FIELDS[path] ?? path));

function isSuperjobResume(value: unknown): value is Json {
  if (!isObject(value)) return false;
  const named = "firstname" in value || "lastname" in value;
  return named && ("work_history" in value || "payment" in value || "town" in value || "profession" in value || "link" in value);
}

/** The list of resumes a saved SuperJob JSON holds, or null when it is not SuperJob's shape. */
export function superjobResumes(value: unknown): unknown[] | null {
  const list = Array.isArray(value) ? value : isObject(value) && Array.isArray(value.objects) ? value.objects : null;
  // A search that found nobody is still SuperJob's answer, just an empty one; so is an empty list.
  if (list && list.length === 0 && (Array.isArray(value) || (isObject(value) && "total" in value))) return [];
  if (list) return list.length > 0 && list.some(isSuperjobResume) ? list : null;
  return isSuperjobResume(value) ? [value] : null;
}

/**
 * SuperJob gives months and years as numbers, 0 or null for "not given". A month not
 * given is the whole year: January at a start, December at an end, so "2019, month
 * unknown" to "2019" is a year, not an end before the start. Null without a year; a
 * month that cannot be (13) comes back as its text for the shared schema to report.
 */
function monthDay(year: unknown, month: unknown, end: boolean): string | null {
  const y = Number(year);
  if (!y) return null;
  const m = Number(month ?? 0);
  if (!Number.isInteger(y) || y < 1900 || y > 2100 || !Number.isInteger(m) || m < 0 || m > 12) return `${text(year) ?? "?"}-${text(month) ?? "?"}`;
  const known = m === 0 ? (end ? 12 : 1) : m;
  return `${y}-${String(known).padStart(2, "0")}-01`;
}

/** Entries without an employer, a position or a start year are left out; an end year of 0 or null means "still there". */
function jobs(resume: Json): JobRecord[] {
  const out: JobRecord[] = [];
  for (const entry of listAt(resume, "work_history").filter(isObject)) {
    const companyName = text(entry.name);
    const title = text(entry.profession);
    const startedOn = monthDay(entry.yearbeg, entry.monthbeg, false);
    if (!companyName || !title || !startedOn) continue;
    // SuperJob's work history has no industry.
    out.push({ companyName, title, industry: null, startedOn, endedOn: monthDay(entry.yearend, entry.monthend, true) });
  }
  return out.slice(0, 100);
}

/** Roubles only: SuperJob writes them "rub"; other currencies are dropped, not converted at a guessed rate. */
function salaryRub(resume: Json): number | null {
  const currency = text(resume.currency)?.toLowerCase() ?? "rub";
  return currency === "rub" ? roubles(resume.payment) : null;
}

/** One SuperJob resume as a record, or why it cannot be one. `row` is its 1-based place in the list. */
export function superjobRecord(resume: unknown, row: number, channel: Extract<Channel, "API" | "FILE">) {
  if (!isObject(resume)) return { errors: [{ row, message: "imports.errors.notAResume" }] as RowError[] };
  const firstName = text(resume.firstname);
  const lastName = text(resume.lastname);
  if (!firstName || !lastName) {
    return { errors: [{ row, field: firstName ? "lastname" : "firstname", message: "imports.errors.noName" }] as RowError[] };
  }
  return checkRecord(
    {
      source: "SUPERJOB",
      channel,
      adapter: channel === "API" ? "superjob-api" : "superjob-file",
      externalId: text(resume.id),
      url: text(resume.link),
      firstName,
      lastName,
      middleName: text(resume.middlename),
      email: text(resume.email),
      phone: text(resume.phone1) ?? text(resume.phone2),
      city: text(objectAt(resume, "town")?.title),
      currentTitle: text(resume.profession),
      salaryExpectationRub: salaryRub(resume),
      relocation: null,
      workHistory: jobs(resume),
      raw: resume,
    },
    row,
    fieldName,
  );
}

export function parseSuperjobResumes(resumes: readonly unknown[], channel: Extract<Channel, "API" | "FILE">): ParseResult {
  return parseEach(resumes, (resume, row) => superjobRecord(resume, row, channel));
}

export type SuperjobSearchCriteria = {
  /** Words to look for in the resume. */
  keyword: string;
  /** Town id or name (SuperJob's /towns/ catalogue). */
  town?: string | number;
};

export function superjobSearchQuery(criteria: SuperjobSearchCriteria, page: number, count: number) {
  return { keyword: criteria.keyword, town: criteria.town, page, count };
}
