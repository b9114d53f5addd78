import { db } from "~/utils/db.server";
import { enqueue } from "~/utils/jobs.server";
import { API_SEARCH_MAX_RESULTS, type ApiSearchJob, type ApiSearchQuery, type FetchState, type SearchProgress, searchProgress } from "./api-search";
import { type BoardSearchOptions, type BoardSearchResult } from "./importers/board-search";
import { param } from "./importers/common";
import { depthNote } from "./importers/hh";
import { hhClientFromEnv } from "./importers/hh-client.server";
import { superjobClientFromEnv } from "./importers/superjob-client.server";
import { type Board, BOARDS } from "./import-forms";
import { importVacancy, ImportInputRefused } from "./import-upload.server";
import { asJson, FETCHING, insertBatch, markFailed, previewContent, type SearchReport, type StoredSummary } from "./imports.server";
import { ImportRefused } from "./record";

/**
 * hh.ru and SuperJob searches through their APIs. The request only checks the input
 * and queues the search (a batch QUEUED with `summary.fetch`, its audit entry and the
 * job, in one transaction); the job (sourcing.api-search) pages through the board,
 * writes progress after every page, and leaves the batch in PREVIEW for the recruiter
 * to commit, or FAILED with the board's refusal as an i18n key. Full hh.ru resumes are
 * fetched one by one at the board's pace (about two a second), so a deep search takes
 * minutes: no request waits for it.
 */

const BOARD_SETTINGS = {
  hh: { name: "hh.ru", source: "HH", variable: "HH_API_TOKEN", configured: () => hhClientFromEnv() !== null },
  superjob: { name: "SuperJob", source: "SUPERJOB", variable: "SUPERJOB_APP_KEY", configured: () => superjobClientFromEnv() !== null },
} as const;

export function apiBoards(): Array<{ board: Board; name: string; configured: boolean; variable: string }> {
  return BOARDS.map((board) => {
    const { name, variable, configured } = BOARD_SETTINGS[board];
    return { board, name, variable, configured: configured() };
  });
}

const notConfigured = (board: Board) => `imports.apiNotConfigured|board=${BOARD_SETTINGS[board].name}|variable=${BOARD_SETTINGS[board].variable}`;

/**
 * Queues a search of a board for the vacancy: by its target and adjacent companies,
 * or (hh.ru, with `hhVacancyId`) the responses to that hh.ru vacancy. Input the
 * recruiter can fix throws ImportInputRefused naming the field.
 */
export async function startApiSearch(input: { board: Board; vacancyId: string; hhVacancyId?: string | null; actorId: string }): Promise<{ id: string }> {
  const settings = BOARD_SETTINGS[input.board];
  const vacancy = (await importVacancy(input.vacancyId))!;
  if (!settings.configured()) throw new ImportInputRefused("board", notConfigured(input.board));
  let query: ApiSearchQuery;
  if (input.hhVacancyId) {
    if (input.board !== "hh") throw new ImportInputRefused("board", "imports.responsesOnlyHh");
    query = { kind: "responses", hhVacancyId: input.hhVacancyId };
  } else {
    const companies = vacancy.companyLists.map((l) => l.company.name);
    if (!companies.length) throw new ImportInputRefused("vacancyId", "imports.apiNoCompanies");
    query = { kind: "companies", companies };
  }
  const responses: { hhVacancyId?: string } = query.kind === "responses" ? { hhVacancyId: query.hhVacancyId } : {};
  const fetch: FetchState = { board: settings.name, kind: query.kind, ...responses, page: 0, pages: 0, found: 0 };
  const batch = {
    source: settings.source,
    channel: "API" as const,
    adapter: query.kind === "responses" ? "hh-responses" : `${input.board}-api`,
    label: query.kind === "responses" ? `${settings.name} ${query.hhVacancyId}: ${vacancy.title}` : `${settings.name}: ${vacancy.title}`,
    vacancyId: vacancy.id,
    actorId: input.actorId,
  };
  return db().$transaction(async (tx) => {
    const created = await insertBatch(tx, batch, { status: "QUEUED", records: [], summary: asJson({ fetch }) }, { board: input.board, search: query.kind, ...responses });
    await enqueue("sourcing.api-search", { batchId: created.id, board: input.board, query }, { tx, singletonKey: created.id });
    return created;
  });
}

/** The batch was discarded (or finished by another run) while the search went on. */
class SearchStopped extends Error {}

function search(job: ApiSearchJob, options: BoardSearchOptions): Promise<BoardSearchResult> {
  if (job.board === "hh") {
    const hh = hhClientFromEnv();
    if (!hh) throw new ImportRefused(notConfigured("hh"));
    return job.query.kind === "responses" ? hh.negotiations(job.query.hhVacancyId, options) : hh.searchCompanies(job.query.companies, options);
  }
  const superjob = superjobClientFromEnv();
  if (!superjob) throw new ImportRefused(notConfigured("superjob"));
  if (job.query.kind !== "companies") throw new ImportRefused("imports.responsesOnlyHh");
  return superjob.searchCompanies(job.query.companies, options);
}

async function writeProgress(batchId: string, fetch: FetchState, progress: SearchProgress) {
  const { processed, total, ...pages } = progress;
  const { count } = await db().importBatch.updateMany({
    where: { id: batchId, status: "RUNNING" },
    data: { processed, total, summary: asJson({ fetch: { ...fetch, ...pages } }) },
  });
  if (!count) throw new SearchStopped();
}

/** The search's result as the batch's preview; the records wait there for commit. */
async function finish(job: ApiSearchJob, vacancyId: string | null, result: BoardSearchResult) {
  const board = BOARD_SETTINGS[job.board].name;
  // Responses are people who applied: the adapter says so in their provenance.
  const records = job.query.kind === "responses" ? result.records.map((r) => ({ ...r, adapter: "hh-responses" })) : result.records;
  const notes = [...result.notes];
  const capped = records.length + result.skipped.length >= API_SEARCH_MAX_RESULTS && result.found > API_SEARCH_MAX_RESULTS;
  if (capped && !notes.some((n) => n.startsWith("imports.errors.depthLimit"))) notes.push(depthNote(board, result.found, API_SEARCH_MAX_RESULTS));
  const search: SearchReport = { found: result.found, skipped: result.skipped, notes, ...(job.query.kind === "responses" ? { hhVacancyId: job.query.hhVacancyId } : {}) };
  const preview = await previewContent({ records, rowErrors: [], vacancyId, search });
  await db().importBatch.updateMany({
    where: { id: job.batchId, status: "RUNNING" },
    data: { status: "PREVIEW", ...preview, processed: 0, error: null },
  });
}

/**
 * The job's work. Idempotent: a batch that is no longer fetching (previewed by an
 * earlier run, discarded) is left alone; a run after a crash starts the search over,
 * since reading a board changes nothing. The board's refusals (token, access, rate
 * limit or outage after the client's bounded retries) end the batch FAILED at once
 * with their message; anything else is retried and FAILED after the last attempt.
 */
export async function runApiSearch(job: ApiSearchJob, { isLastAttempt }: { isLastAttempt: boolean }) {
  const { count } = await db().importBatch.updateMany({ where: { id: job.batchId, ...FETCHING }, data: { status: "RUNNING", processed: 0, error: null } });
  if (!count) return;
  const batch = await db().importBatch.findUniqueOrThrow({ where: { id: job.batchId }, select: { vacancyId: true, summary: true } });
  const fetch = (batch.summary as StoredSummary).fetch!;
  const progress = searchProgress();
  try {
    const result = await search(job, { maxResults: API_SEARCH_MAX_RESULTS, onPage: (page) => writeProgress(job.batchId, fetch, progress(page)) });
    await finish(job, batch.vacancyId, result);
  } catch (error) {
    if (error instanceof SearchStopped) return;
    if (error instanceof ImportRefused) return markFailed(job.batchId, ["RUNNING"], error.messageKey);
    const message = error instanceof Error ? error.message : String(error);
    await markFailed(job.batchId, ["RUNNING"], `imports.searchCrashed|message=${param(message)}`, isLastAttempt ? "FAILED" : "QUEUED");
    throw error;
  }
}
