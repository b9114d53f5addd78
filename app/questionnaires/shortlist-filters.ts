import { z } from "zod";
import { parseQueryFilters } from "~/utils/query-filters";
import { SOURCES, type Source } from "~/sourcing/record";
import { TIERS, type Tier } from "~/sourcing/tiers";

/**
 * The shortlist's query string, pure and client-safe: ?vacancy=&verdict=&minScore=
 * &source=&tier=&open=1&page=. A value that makes no sense is dropped (the list
 * still answers) and reported as an i18n key next to its field, as the candidate
 * list does, so a hand-edited link never ends in an error page.
 */

export const VERDICT_FILTERS = ["passed", "knocked_out", "all"] as const;
export type VerdictFilter = (typeof VERDICT_FILTERS)[number];
export const SHORTLIST_PAGE_SIZE = 50;

const choice = "validation.invalidChoice";

const FiltersSchema = z.object({
  vacancy: z.string().regex(/^[\w-]{1,60}$/, choice).optional(),
  verdict: z.enum(VERDICT_FILTERS, { error: choice }).optional(),
  minScore: z
    .string()
    .transform((s) => s.trim().replace(",", "."))
    .pipe(z.string().regex(/^\d{1,3}(\.\d+)?$/, "questionnaireResults.errors.minScore"))
    .transform(Number)
    .pipe(z.number().max(100, "questionnaireResults.errors.minScore")),
  source: z.enum(SOURCES, { error: choice }),
  tier: z.enum(TIERS, { error: choice }),
  open: z.literal("1", { error: choice }),
  page: z.coerce.number().int().min(1).max(100_000),
}).partial();

type FilterField = keyof z.input<typeof FiltersSchema>;
export type ShortlistFilterErrors = Partial<Record<FilterField, string>>;

export type ShortlistFilters = {
  vacancyId?: string;
  verdict: VerdictFilter;
  minScore?: number;
  source?: Source;
  tier?: Tier;
  /** Only applications still in the running (not rejected, withdrawn or hired). */
  openOnly: boolean;
  page: number;
};

export function parseShortlistFilters(params: URLSearchParams): { filters: ShortlistFilters; errors: ShortlistFilterErrors } {
  const { value, errors: found } = parseQueryFilters(FiltersSchema, params);
  const errors: ShortlistFilterErrors = { ...found };
  const filters: ShortlistFilters = {
    verdict: value.verdict ?? "passed",
    openOnly: value.open === "1",
    page: value.page ?? 1,
  };
  if (value.vacancy) filters.vacancyId = value.vacancy;
  if (value.minScore !== undefined) filters.minScore = value.minScore;
  if (value.source) filters.source = value.source;
  if (value.tier) filters.tier = value.tier;
  return { filters, errors };
}

/** The query string for `filters`, defaults left out (links to other pages, the vacancy picker). */
export function shortlistFiltersToParams(filters: Partial<ShortlistFilters>): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.vacancyId) params.set("vacancy", filters.vacancyId);
  if (filters.verdict && filters.verdict !== "passed") params.set("verdict", filters.verdict);
  if (filters.minScore !== undefined) params.set("minScore", String(filters.minScore));
  if (filters.source) params.set("source", filters.source);
  if (filters.tier) params.set("tier", filters.tier);
  if (filters.openOnly) params.set("open", "1");
  if (filters.page && filters.page > 1) params.set("page", String(filters.page));
  return params;
}
