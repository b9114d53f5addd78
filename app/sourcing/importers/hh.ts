import { type Channel, type JobRecord, type ParseResult, type RowError } from "../record";
import { checkRecord, companySearchPhrase, isObject, isoDay, type Json, listAt, objectAt, param, parseEach, roubles, text } from "./common";

/**
 * hh.ru resumes (the API's GET /resumes/{id} shape, see github.com/hhru/api
 * docs/resumes.md and resumes_search.md) into CandidateRecords. Pure: the client
 * (hh-client.server.ts) fetches, this file reads, and a saved JSON file is read the
 * same way. Accepted files: one resume, a list of resumes, a search answer
 * ({ found, items }) or a negotiations answer ({ items: [{ resume }] }).
 */

/** hh.ru returns no result past this depth: page * per_page must stay below it. */
export const HH_MAX_DEPTH = 2000;
export const HH_MAX_PER_PAGE = 50;
/**
 * Longest `text` sent in one search. hh.ru does not publish its limit; Cyrillic
 * grows sixfold when URL-encoded, so 500 characters keep the URL near 3 KB.
 */
export const HH_QUERY_MAX_LENGTH = 500;

/** Schema field → the hh.ru JSON field a row error names. */
const HH_FIELDS: Record<string, string> = {
  firstName: "first_name",
  lastName: "last_name",
  middleName: "middle_name",
  email: "contact",
  phone: "contact",
  city: "area",
  currentTitle: "title",
  url: "alternate_url",
  externalId: "id",
  salaryExpectationRub: "salary",
};
const fieldName = (path: string) => (path.startsWith("workHistory") ? "experience" : (HH_FIELDS[path] ?? path));

export function isHhResume(value: unknown): value is Json {
  if (!isObject(value)) return false;
  const named = "first_name" in value || "last_name" in value;
  return named && ("experience" in value || "contact" in value || "alternate_url" in value || "area" in value);
}

/** A resume itself, or the resume inside a negotiation (a response to a vacancy). */
export function hhResumeOf(item: unknown): unknown {
  if (isHhResume(item)) return item;
  return isObject(item) && isHhResume(item.resume) ? item.resume : item;
}

/** The list of resumes a saved hh.ru JSON holds, or null when it is not hh.ru's shape. */
export function hhResumes(value: unknown): unknown[] | null {
  const list = Array.isArray(value) ? value : isObject(value) && Array.isArray(value.items) ? value.items : null;
  // A search that found nobody is still hh.ru's answer, just an empty one; so is an empty list.
  if (list && list.length === 0 && (Array.isArray(value) || (isObject(value) && "found" in value))) return [];
  if (list) return list.length > 0 && list.some((item) => isHhResume(hhResumeOf(item))) ? list.map(hhResumeOf) : null;
  return isHhResume(value) ? [value] : null;
}

/** "+7 (916) 123-45-67" from a contact's value, which is a string or { formatted, country, city, number }. */
function phoneText(value: unknown): string | null {
  if (!isObject(value)) return text(value);
  const parts = [value.country, value.city, value.number].map(text);
  return text(value.formatted) ?? (parts.every(Boolean) ? `+${parts.join("")}` : null);
}

function contacts(resume: Json): { email: string | null; phone: string | null } {
  const list = listAt(resume, "contact").filter(isObject);
  // The candidate's preferred contact first, then mobile before home and work phones.
  const rank = (c: Json) => (c.preferred === true ? 0 : 1);
  const sorted = [...list].sort((a, b) => rank(a) - rank(b));
  const typeOf = (c: Json) => text(objectAt(c, "type")?.id);
  const email = sorted.filter((c) => typeOf(c) === "email").map((c) => text(c.value)).find(Boolean) ?? null;
  const phones = ["cell", "home", "work"].flatMap((type) => sorted.filter((c) => typeOf(c) === type));
  const phone = phones.map((c) => phoneText(c.value)).find(Boolean) ?? null;
  return { email, phone };
}

/** hh.ru writes roubles as "RUR"; other currencies are dropped rather than converted at a guessed rate. */
function salaryRub(resume: Json): number | null {
  const salary = objectAt(resume, "salary");
  const currency = text(salary?.currency)?.toUpperCase();
  return currency === "RUR" || currency === "RUB" ? roubles(salary?.amount) : null;
}

function relocation(resume: Json): boolean | null {
  const type = text(objectAt(objectAt(resume, "relocation"), "type")?.id);
  if (type === "no_relocation") return false;
  if (type === "relocation_possible" || type === "relocation_desirable") return true;
  return null;
}

/**
 * A date as hh.ru wrote it: the ISO day, or the text itself when it is no real day
 * ("2019-02-31"), so the shared schema reports it rather than the job being dropped
 * or, for an end, read as "still there".
 */
const dateOf = (value: unknown) => isoDay(value) ?? text(value);

/** Jobs hh.ru lists without an employer, position or start (hidden or half-filled) are left out. */
function jobs(resume: Json): JobRecord[] {
  const out: JobRecord[] = [];
  for (const entry of listAt(resume, "experience").filter(isObject)) {
    const companyName = text(entry.company) ?? text(objectAt(entry, "employer")?.name);
    const title = text(entry.position);
    const startedOn = dateOf(entry.start);
    if (!companyName || !title || !startedOn) continue;
    const industries = listAt(entry, "industries").filter(isObject);
    const industry = text(industries[0]?.name) ?? text(objectAt(entry, "industry")?.name);
    out.push({ companyName, title, industry, startedOn, endedOn: dateOf(entry.end) });
  }
  return out.slice(0, 100);
}

/** One hh.ru resume as a record, or why it cannot be one. `row` is its 1-based place in the list. */
export function hhRecord(resume: unknown, row: number, channel: Extract<Channel, "API" | "FILE">) {
  if (!isObject(resume)) return { errors: [{ row, message: "imports.errors.notAResume" }] as RowError[] };
  const firstName = text(resume.first_name);
  const lastName = text(resume.last_name);
  if (!firstName || !lastName) {
    return { errors: [{ row, field: firstName ? "last_name" : "first_name", message: "imports.errors.noName" }] as RowError[] };
  }
  return checkRecord(
    {
      source: "HH",
      channel,
      adapter: channel === "API" ? "hh-api" : "hh-file",
      externalId: text(resume.id),
      url: text(resume.alternate_url),
      firstName,
      lastName,
      middleName: text(resume.middle_name),
      ...contacts(resume),
      city: text(objectAt(resume, "area")?.name),
      currentTitle: text(resume.title),
      salaryExpectationRub: salaryRub(resume),
      relocation: relocation(resume),
      workHistory: jobs(resume),
      raw: resume,
    },
    row,
    fieldName,
  );
}

/** Every resume of a saved hh.ru JSON (see hhResumes for the accepted shapes). */
export function parseHhResumes(resumes: readonly unknown[], channel: Extract<Channel, "API" | "FILE">): ParseResult {
  return parseEach(resumes, (resume, row) => hhRecord(resume, row, channel));
}

/**
 * The `text` of resume searches for people who worked at any of these companies
 * (used with text.field=experience_company): quoted names OR-ed, legal forms dropped,
 * duplicates removed, split into as many searches as hh.ru's query length needs.
 */
export function buildCompanyQuery(names: readonly string[], maxLength = HH_QUERY_MAX_LENGTH): string[] {
  const seen = new Set<string>();
  const quoted: string[] = [];
  for (const name of names) {
    const words = companySearchPhrase(name);
    if (!words || seen.has(words.toLowerCase())) continue;
    seen.add(words.toLowerCase());
    quoted.push(`"${words.length + 2 > maxLength ? words.slice(0, maxLength - 2).trim() : words}"`);
  }
  const queries: string[] = [];
  let current = "";
  for (const q of quoted) {
    const next = current ? `${current} OR ${q}` : q;
    if (current && next.length > maxLength) {
      queries.push(current);
      current = q;
    } else {
      current = next;
    }
  }
  if (current) queries.push(current);
  return queries;
}

export type HhSearchCriteria = {
  /** hh.ru's query language is allowed: "\"Гидромаш\" OR \"Насосы Групп\"". */
  text: string;
  /** Where the words must be (dictionary resume_search_fields); employers by default. */
  field?: string;
  logic?: string;
  /** text.period: a period of the experience ("last_three_years"); empty is all time. */
  period?: string;
  /** Region ids (dictionary /areas), e.g. "1" for Moscow. */
  area?: string[];
};

/** Query parameters of GET /resumes; hh.ru wants the text.* triad whole when any is given. */
export function hhSearchQuery(criteria: HhSearchCriteria, page: number, perPage: number) {
  return {
    text: criteria.text,
    "text.logic": criteria.logic ?? "all",
    "text.field": criteria.field ?? "experience_company",
    "text.period": criteria.period ?? "",
    area: criteria.area,
    page,
    per_page: perPage,
  };
}

/**
 * How many pages to fetch, how many results hh.ru's depth lets this page size reach
 * (`limit`), and whether that depth cut the search short. hh.ru refuses a whole page
 * that would end past the 2,000th result, so with 30 a page the last one is the 66th
 * (results 1951–1980), not a 67th reaching to 2,010.
 */
export function hhPagePlan(found: number, perPage: number, maxResults: number) {
  const limit = Math.floor(HH_MAX_DEPTH / perPage) * perPage;
  const pages = Math.min(Math.ceil(Math.min(found, maxResults) / perPage), limit / perPage);
  return { pages, limit, capped: found > limit && maxResults >= limit };
}

/** hh.ru's error answer `{ errors: [{ type, value }] }` as "type:value" (or "type") strings. */
function hhErrors(body: unknown): string[] {
  return listAt(body, "errors")
    .filter(isObject)
    .map((error) => [text(error.type) ?? "?", text(error.value)].filter(Boolean).join(":"));
}

/**
 * Refusals about the employer's account, not one resume (github.com/hhru/api
 * docs/errors.md, "Работа с резюме" and "Ошибки авторизации"): every next resume
 * would fail the same way, so the search stops saying what to do instead of
 * skipping the rest as if they were hidden.
 */
const ACCOUNT_REFUSALS: Array<[RegExp, string]> = [
  [/^resumes:quota_exceeded$/, "hhQuotaExceeded"],
  [/^resumes:view_limit_exceeded$/, "hhViewLimit"],
  [/^(?:resumes:no_available_service|api_access_payment(?::.*)?|negotiations:not_enough_purchased_services)$/, "hhNoService"],
  [/^resumes:cant_view_contacts$/, "hhNoContactAccess"],
  // hh.ru answers a bad, expired or revoked token with 403 "oauth", not 401.
  [/^oauth(?::.*)?$/, "apiUnauthorized"],
];

/** The message key for an hh.ru error answer that concerns the account (quota, paid access, token), or null. */
export function hhAccountRefusal(_status: number, body: unknown): string | null {
  for (const error of hhErrors(body)) {
    const found = ACCOUNT_REFUSALS.find(([pattern]) => pattern.test(error));
    if (found) return `imports.errors.${found[1]}|board=hh.ru`;
  }
  return null;
}

/** Errors hh.ru gives for one resume it will not show this employer: hidden by its owner, or gone. */
const RESUME_GONE = new Set(["forbidden", "not_found", "resumes:resume_not_found", "negotiations:resume_not_found", "negotiations:resume_deleted"]);

/** Whether a full resume's refusal means "this resume is not shown" (skip it), rather than a problem that stops the search. */
export function hhResumeUnavailable(status: number, body: unknown): boolean {
  if (status === 404) return true;
  const errors = hhErrors(body);
  return status === 403 && errors.length > 0 && errors.every((error) => RESUME_GONE.has(error));
}

/** The note a capped search carries: "found 5400, the API returns at most 2000: narrow the search". */
export function depthNote(board: string, found: number, limit: number): string {
  return `imports.errors.depthLimit|board=${param(board)}|found=${found}|limit=${limit}`;
}
