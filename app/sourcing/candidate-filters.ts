import { z } from "zod";
import { parseQueryFilters } from "~/utils/query-filters";
import { STAGES } from "~/pipeline/stages";
import { SOURCES } from "./record";
import { TIERS, type Tier } from "./tiers";

/**
 * The candidate list's query string, pure and client-safe: the loader reads it, the
 * filter form and the pagination links write it. A value that makes no sense is
 * dropped (the list still answers) and reported as an i18n key next to its field,
 * so a hand-edited URL never ends in an error page.
 */

/** "tier" and "stage-changed" need a vacancy; without one they fall back to name. */
export const SORTS = ["name", "newest", "salary", "salary-desc", "stage-changed", "tier"] as const;
export type CandidateSort = (typeof SORTS)[number];

export const MAX_QUERY = 200;
/** Far above any monthly salary in roubles, far below Int's limit. */
export const MAX_SALARY = 100_000_000;

const choice = "validation.invalidChoice";

/** Trims and collapses spaces; an empty value is no filter at all. */
const text = (max: number) =>
  z.string().transform((s) => s.trim().replace(/\s+/g, " ").slice(0, max) || undefined);

/** "150 000", "150000" and "150 000 ₽" all mean 150000. */
const roubles = z
  .string()
  .transform((s) => s.replace(/[\s\u00a0\u202f₽]/g, "").replace(/(руб\.?|р\.?)$/i, ""))
  .pipe(z.string().regex(/^\d+$/, "candidateList.errors.salary"))
  .transform(Number)
  .pipe(z.number().max(MAX_SALARY, "candidateList.errors.salary"));

const FiltersSchema = z.object({
  q: text(MAX_QUERY).optional(),
  vacancy: z.string().regex(/^[\w-]{1,60}$/, choice).optional(),
  stage: z.enum(STAGES, { error: choice }).optional(),
  tier: z.enum(TIERS, { error: choice }).optional(),
  source: z.enum(SOURCES, { error: choice }).optional(),
  city: text(120).optional(),
  salaryMin: roubles.optional(),
  salaryMax: roubles.optional(),
  tag: text(60).optional(),
  sort: z.enum(SORTS, { error: choice }).optional(),
  page: z.coerce.number().int().min(1).max(100_000).optional(),
});

type FilterInput = z.input<typeof FiltersSchema>;
type FilterField = keyof FilterInput;
export type FilterErrors = Partial<Record<FilterField, string>>;

export type CandidateFilters = {
  q: string;
  vacancyId?: string;
  stage?: (typeof STAGES)[number];
  tier?: Tier;
  source?: (typeof SOURCES)[number];
  city?: string;
  salaryMin?: number;
  salaryMax?: number;
  tag?: string;
  sort: CandidateSort;
  page: number;
};

export function parseCandidateFilters(params: URLSearchParams): { filters: CandidateFilters; errors: FilterErrors } {
  const { value, errors: found } = parseQueryFilters(FiltersSchema, params);
  const errors: FilterErrors = { ...found };
  let { salaryMin, salaryMax } = value;
  if (salaryMin !== undefined && salaryMax !== undefined && salaryMin > salaryMax) {
    errors.salaryMax = "candidateList.errors.salaryRange";
    [salaryMin, salaryMax] = [salaryMax, salaryMin];
  }
  const filters: CandidateFilters = {
    q: value.q ?? "",
    vacancyId: value.vacancy,
    stage: value.stage,
    tier: value.tier,
    source: value.source,
    city: value.city,
    salaryMin,
    salaryMax,
    tag: value.tag,
    sort: effectiveSort(value.sort, value.vacancy),
    page: value.page ?? 1,
  };
  return { filters: withoutUndefined(filters), errors };
}

/** The sort a list really uses: by tier when a vacancy is chosen and nothing else was asked. */
export function effectiveSort(requested: CandidateSort | undefined, vacancyId: string | undefined): CandidateSort {
  if (!requested) return vacancyId ? "tier" : "name";
  if (!vacancyId && (requested === "tier" || requested === "stage-changed")) return "name";
  return requested;
}

/** The query string for `filters`, defaults left out: links to other pages of the same list. */
export function candidateFiltersToParams(filters: Partial<CandidateFilters>): URLSearchParams {
  const params = new URLSearchParams();
  const put = (name: string, value: string | number | undefined) => {
    if (value !== undefined && value !== "") params.set(name, String(value));
  };
  put("q", filters.q);
  put("vacancy", filters.vacancyId);
  put("stage", filters.stage);
  put("tier", filters.tier);
  put("source", filters.source);
  put("city", filters.city);
  put("salaryMin", filters.salaryMin);
  put("salaryMax", filters.salaryMax);
  put("tag", filters.tag);
  if (filters.sort && filters.sort !== effectiveSort(undefined, filters.vacancyId)) put("sort", filters.sort);
  if (filters.page && filters.page > 1) put("page", filters.page);
  return params;
}

/** Whether anything narrows the list (the empty state then says "nothing matches"). */
export function isFiltered(filters: CandidateFilters): boolean {
  const { q, vacancyId, stage, tier, source, city, salaryMin, salaryMax, tag } = filters;
  return [q || undefined, vacancyId, stage, tier, source, city, salaryMin, salaryMax, tag].some((v) => v !== undefined);
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
