import { z } from "zod";
import { type BoardSearchProgress } from "./importers/board-search";
import { HH_MAX_DEPTH } from "./importers/hh";
import { BOARDS } from "./import-forms";

/**
 * A board search as a background job: what it asks the board, and how its progress
 * reads. Pure; the job itself is api-search.server.ts.
 */

/**
 * The most resumes one search loads: hh.ru's result depth. SuperJob publishes no
 * depth of its own and stops paging with `more: false`; the same ceiling keeps its
 * batches within what one commit writes in reasonable time.
 */
export const API_SEARCH_MAX_RESULTS = HH_MAX_DEPTH;

export const ApiSearchQuerySchema = z.discriminatedUnion("kind", [
  /** The resume database, by the vacancy's target and adjacent companies. */
  z.object({ kind: z.literal("companies"), companies: z.array(z.string().min(1)).min(1) }),
  /** Responses to one of the employer's own vacancies on hh.ru (negotiations). */
  z.object({ kind: z.literal("responses"), hhVacancyId: z.string().regex(/^\d{1,20}$/) }),
]);
export type ApiSearchQuery = z.output<typeof ApiSearchQuerySchema>;

export const ApiSearchJobSchema = z
  .object({ batchId: z.string().min(1), board: z.enum(BOARDS), query: ApiSearchQuerySchema })
  .refine((job) => job.query.kind === "companies" || job.board === "hh", "responses come from hh.ru only");
export type ApiSearchJob = z.output<typeof ApiSearchJobSchema>;

/** While a board search fetches (the batch's `summary.fetch`): what it looks for, and how far it has come. */
export type FetchState = {
  board: string;
  kind: "companies" | "responses";
  /** Responses: the hh.ru vacancy's id. */
  hhVacancyId?: string;
  page: number;
  pages: number;
  found: number;
};

export type SearchProgress = { processed: number; total: number; page: number; pages: number; found: number };

/**
 * Progress over the searches one company list takes (hh.ru splits long lists into
 * several queries; SuperJob asks once per company): each restarts at page 1 with its
 * own count, so resumes of the earlier searches are carried over. `total` is what the
 * board says it will show, never past the ceiling, and never below what is done.
 */
export function searchProgress(limit: number = API_SEARCH_MAX_RESULTS) {
  let earlier = 0;
  let current = 0;
  return (page: BoardSearchProgress): SearchProgress => {
    if (page.page === 1) {
      earlier += current;
      current = 0;
    }
    current = page.records;
    const processed = Math.min(earlier + current, limit);
    const total = Math.max(processed, Math.min(earlier + page.found, limit));
    return { processed, total, page: page.page, pages: page.pages, found: page.found };
  };
}
