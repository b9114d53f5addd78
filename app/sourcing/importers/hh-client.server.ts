import { type Env, env } from "~/utils/env.server";
import { type CandidateRecord, type RowError } from "../record";
import { BoardApiError, type BoardHttpOptions, createBoardHttp } from "./board-http.server";
import { type BoardSearchOptions, type BoardSearchResult, emptyResult, mergeResults } from "./board-search";
import { isObject, type Json, listAt, param, text } from "./common";
import {
  buildCompanyQuery,
  depthNote,
  HH_MAX_DEPTH,
  HH_MAX_PER_PAGE,
  hhAccountRefusal,
  hhPagePlan,
  hhRecord,
  hhResumeOf,
  hhResumeUnavailable,
  type HhSearchCriteria,
  hhSearchQuery,
} from "./hh";

/**
 * The hh.ru API client (employer token). Usage:
 *
 *   const hh = createHhClient({ baseUrl, token, userAgent, minIntervalMs: 500 });
 *   const { records, skipped, notes, found } = await hh.searchCompanies(["Гидромаш"], { maxResults: 500, onPage });
 *   await hh.searchResumes({ text: "…", field: "experience_company" }, { maxResults: 2000 });
 *   await hh.getResume("0123abcd");  // { record } | { errors }
 *   await hh.negotiations("123456"); // responses to the employer's vacancy
 *
 * Search results carry no contacts, so each found resume is fetched in full (hh.ru
 * counts these views against the employer's quota; `fullResumes: false` skips them).
 * A resume hh.ru will not show (hidden, deleted) is `skipped`, never an error that
 * blocks the import. Whole-search failures (bad token, no access to the resume
 * database, the view quota used up, hh.ru down) throw an ImportRefused with an
 * "imports.errors.api…" or "imports.errors.hh…" key: a quota that runs out half-way
 * stops the search rather than skip everyone after it as hidden.
 */

export type HhClientOptions = Pick<BoardHttpOptions, "maxRetries" | "retryBaseMs" | "maxRetryAfterMs" | "timeoutMs"> & {
  baseUrl: string;
  token: string;
  userAgent: string;
  /** Least time between two requests; hh.ru bans bursts. */
  minIntervalMs?: number;
  /** Resumes per search page, at most 50. */
  perPage?: number;
  fullResumes?: boolean;
};

export type HhClient = ReturnType<typeof createHhClient>;

const BOARD = "hh.ru";

/** A number field of an answer, or 0. */
const count = (value: unknown, key: string) => (isObject(value) && typeof value[key] === "number" ? value[key] : 0);

export function createHhClient(options: HhClientOptions) {
  const http = createBoardHttp({
    ...options,
    board: BOARD,
    headers: { Authorization: `Bearer ${options.token}`, "HH-User-Agent": options.userAgent, "User-Agent": options.userAgent },
    minIntervalMs: options.minIntervalMs ?? 500,
    refusal: hhAccountRefusal,
  });
  const perPage = Math.max(1, Math.min(options.perPage ?? HH_MAX_PER_PAGE, HH_MAX_PER_PAGE));
  const fullResumes = options.fullResumes ?? true;

  /** The full resume's path: the item's own URL (a response's carries the topic that opens its contacts) or /resumes/{id}. */
  function resumePath(item: Json, id: string): string {
    const url = text(item.url);
    if (url) {
      try {
        const parsed = new URL(url);
        if (parsed.pathname.startsWith("/resumes/")) return `${parsed.pathname}${parsed.search}`;
      } catch {
        // Not a URL: fall back to the id.
      }
    }
    return `/resumes/${encodeURIComponent(id)}`;
  }

  async function read(item: unknown, row: number): Promise<{ record: CandidateRecord } | { errors: RowError[] }> {
    const id = isObject(item) ? text(item.id) : null;
    if (!fullResumes || !isObject(item) || !id) return hhRecord(item, row, "API");
    try {
      return hhRecord(await http.getJson(resumePath(item, id)), row, "API");
    } catch (error) {
      if (error instanceof BoardApiError && hhResumeUnavailable(error.status, error.body)) {
        return { errors: [{ row, field: "id", message: `imports.errors.resumeUnavailable|id=${param(id)}` }] };
      }
      throw error;
    }
  }

  async function collect(result: BoardSearchResult, items: unknown[], firstRow: number, maxResults: number) {
    for (const [index, item] of items.entries()) {
      if (result.records.length + result.skipped.length >= maxResults) return;
      const outcome = await read(item, firstRow + index);
      if ("record" in outcome) result.records.push(outcome.record);
      else result.skipped.push(...outcome.errors);
    }
  }

  async function searchResumes(criteria: HhSearchCriteria, { maxResults = HH_MAX_DEPTH, onPage }: BoardSearchOptions = {}) {
    const result = emptyResult();
    const first = await http.getJson("/resumes", hhSearchQuery(criteria, 0, perPage));
    result.found = count(first, "found");
    const plan = hhPagePlan(result.found, perPage, maxResults);
    for (let page = 0; page < plan.pages; page += 1) {
      const answer = page === 0 ? first : await http.getJson("/resumes", hhSearchQuery(criteria, page, perPage));
      const items = listAt(answer, "items");
      await collect(result, items, page * perPage + 1, maxResults);
      await onPage?.({ page: page + 1, pages: plan.pages, found: result.found, records: result.records.length });
      if (items.length < perPage || result.records.length + result.skipped.length >= maxResults) break;
    }
    if (plan.capped) result.notes.push(depthNote(BOARD, result.found, plan.limit));
    return result;
  }

  /** People who worked at any of these companies: one search per query buildCompanyQuery makes, merged by resume. */
  async function searchCompanies(names: readonly string[], options: BoardSearchOptions & { area?: string[] } = {}) {
    const maxResults = options.maxResults ?? HH_MAX_DEPTH;
    let merged = emptyResult();
    for (const query of buildCompanyQuery(names)) {
      const left = maxResults - merged.records.length;
      if (left <= 0) break;
      const one = await searchResumes({ text: query, field: "experience_company", area: options.area }, { ...options, maxResults: left });
      merged = mergeResults(merged, one);
    }
    return merged;
  }

  async function getResume(id: string) {
    return hhRecord(await http.getJson(`/resumes/${encodeURIComponent(id)}`), 1, "API");
  }

  /** Responses to one of the employer's vacancies on hh.ru, each read from the full resume. */
  async function negotiations(vacancyId: string, { maxResults = Number.MAX_SAFE_INTEGER, onPage }: BoardSearchOptions = {}) {
    const result = emptyResult();
    for (let page = 0; ; page += 1) {
      const answer = await http.getJson("/negotiations/response", { vacancy_id: vacancyId, page, per_page: perPage });
      result.found = count(answer, "found");
      const pages = count(answer, "pages");
      const items = listAt(answer, "items").map(hhResumeOf);
      await collect(result, items, page * perPage + 1, maxResults);
      await onPage?.({ page: page + 1, pages, found: result.found, records: result.records.length });
      if (page + 1 >= pages || items.length === 0 || result.records.length + result.skipped.length >= maxResults) break;
    }
    return result;
  }

  return {
    searchResumes,
    searchCompanies,
    getResume,
    negotiations,
    get requests() {
      return http.requests;
    },
  };
}

/** hh.ru wants "AppName/version (contact e-mail)"; the sender address of our mail is the contact. */
export function defaultHhUserAgent(mailFrom: string): string {
  const address = /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom.trim();
  return `KAMHiring/1.0 (${address})`;
}

/** The client for the configured employer token, or null when HH_API_TOKEN is not set. */
export function hhClientFromEnv(settings: Env = env()): HhClient | null {
  if (!settings.HH_API_TOKEN) return null;
  return createHhClient({
    baseUrl: settings.HH_API_URL,
    token: settings.HH_API_TOKEN,
    userAgent: settings.HH_USER_AGENT ?? defaultHhUserAgent(settings.MAIL_FROM),
  });
}
