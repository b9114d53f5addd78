import { type Env, env } from "~/utils/env.server";
import { type BoardHttpOptions, createBoardHttp } from "./board-http.server";
import { type BoardSearchOptions, emptyResult, mergeResults } from "./board-search";
import { companySearchPhrase, isObject, listAt } from "./common";
import { SUPERJOB_MAX_COUNT, type SuperjobSearchCriteria, superjobSearchQuery, superjobRecord } from "./superjob";

/**
 * The SuperJob API client (app key in X-Api-App-Id, the employer's OAuth token as
 * Bearer). Usage:
 *
 *   const sj = createSuperjobClient({ baseUrl, appKey, token, minIntervalMs: 500 });
 *   const { records, skipped, notes, found } = await sj.searchCompanies(["Гидромаш"], { maxResults: 500 });
 *   await sj.searchResumes({ keyword: "менеджер по ключевым клиентам", town: 4 }, { onPage });
 *   await sj.getResume("12345"); // { record } | { errors }
 *
 * Paging is 0-based `page` with `count` up to 100, until the answer says `more: false`.
 * Rate limits, retries and refusals are the shared board HTTP's (board-http.server.ts).
 */

export type SuperjobClientOptions = Pick<BoardHttpOptions, "maxRetries" | "retryBaseMs" | "maxRetryAfterMs" | "timeoutMs"> & {
  baseUrl: string;
  appKey: string;
  /** Without it SuperJob answers with what it shows anonymously (no contacts). */
  token?: string | null;
  minIntervalMs?: number;
  /** Resumes per page, at most 100. */
  count?: number;
};

export type SuperjobClient = ReturnType<typeof createSuperjobClient>;

const BOARD = "SuperJob";

export function createSuperjobClient(options: SuperjobClientOptions) {
  const headers: Record<string, string> = { "X-Api-App-Id": options.appKey };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  const http = createBoardHttp({ ...options, board: BOARD, headers, minIntervalMs: options.minIntervalMs ?? 500 });
  const count = Math.max(1, Math.min(options.count ?? SUPERJOB_MAX_COUNT, SUPERJOB_MAX_COUNT));

  async function searchResumes(criteria: SuperjobSearchCriteria, { maxResults = Number.MAX_SAFE_INTEGER, onPage }: BoardSearchOptions = {}) {
    const result = emptyResult();
    for (let page = 0; ; page += 1) {
      const answer = await http.getJson("/resumes/", superjobSearchQuery(criteria, page, count));
      const objects = listAt(answer, "objects");
      result.found = isObject(answer) && typeof answer.total === "number" ? answer.total : result.found;
      for (const [index, resume] of objects.entries()) {
        if (result.records.length + result.skipped.length >= maxResults) break;
        const read = superjobRecord(resume, page * count + index + 1, "API");
        if ("record" in read) result.records.push(read.record);
        else result.skipped.push(...read.errors);
      }
      const pages = Math.max(page + 1, Math.ceil(Math.min(result.found, maxResults) / count));
      await onPage?.({ page: page + 1, pages, found: result.found, records: result.records.length });
      const more = isObject(answer) && answer.more === true;
      if (!more || objects.length === 0 || result.records.length + result.skipped.length >= maxResults) break;
    }
    return result;
  }

  /** People who worked at any of these companies: one search per company, merged by resume. */
  async function searchCompanies(names: readonly string[], options: BoardSearchOptions & { town?: string | number } = {}) {
    const maxResults = options.maxResults ?? Number.MAX_SAFE_INTEGER;
    const phrases = [...new Set(names.map(companySearchPhrase).filter((p): p is string => p !== null))];
    let merged = emptyResult();
    for (const keyword of phrases) {
      const left = maxResults - merged.records.length;
      if (left <= 0) break;
      merged = mergeResults(merged, await searchResumes({ keyword, town: options.town }, { ...options, maxResults: left }));
    }
    return merged;
  }

  async function getResume(id: string) {
    return superjobRecord(await http.getJson(`/resumes/${encodeURIComponent(id)}/`), 1, "API");
  }

  return {
    searchResumes,
    searchCompanies,
    getResume,
    get requests() {
      return http.requests;
    },
  };
}

/** The client for the configured app key, or null when SUPERJOB_APP_KEY is not set. */
export function superjobClientFromEnv(settings: Env = env()): SuperjobClient | null {
  if (!settings.SUPERJOB_APP_KEY) return null;
  return createSuperjobClient({ baseUrl: settings.SUPERJOB_API_URL, appKey: settings.SUPERJOB_APP_KEY, token: settings.SUPERJOB_TOKEN });
}
