import { type CandidateRecord, type RowError } from "../record";

/** What a job-board search returns, the same for hh.ru and SuperJob. Pure. */

export type BoardSearchProgress = { page: number; pages: number; found: number; records: number };

export type BoardSearchOptions = {
  /** Stop after this many resumes (read or skipped). */
  maxResults?: number;
  /** After every result page, e.g. to write progress. */
  onPage?: (progress: BoardSearchProgress) => void | Promise<void>;
};

export type BoardSearchResult = {
  records: CandidateRecord[];
  /**
   * Resumes the board listed but would not show or that have no name. The recruiter
   * cannot fix a board's data, so these are reported, not row errors that block the import.
   */
  skipped: RowError[];
  /** i18n keys about the search as a whole ("imports.errors.depthLimit|…"). */
  notes: string[];
  /** How many resumes the board says match; can exceed what it lets us read. */
  found: number;
};

export function emptyResult(): BoardSearchResult {
  return { records: [], skipped: [], notes: [], found: 0 };
}

/** Two searches as one: a resume both found (same board id) is kept once. */
export function mergeResults(a: BoardSearchResult, b: BoardSearchResult): BoardSearchResult {
  const ids = new Set(a.records.map((r) => r.externalId));
  return {
    records: [...a.records, ...b.records.filter((r) => r.externalId === null || !ids.has(r.externalId))],
    skipped: [...a.skipped, ...b.skipped],
    notes: [...a.notes, ...b.notes],
    found: a.found + b.found,
  };
}
