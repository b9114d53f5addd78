/**
 * Where a candidate stands in the market sort for one vacancy (METHOD.md §1), and why.
 * Pure and client-safe.
 *
 * 1. Any job at an excluded company strikes the candidate out: "a rotten apple spoils
 *    the barrel", however long ago and whatever else they did.
 * 2. Otherwise a job at a target company puts them first.
 * 3. Otherwise a job at an adjacent company, or in an adjacent niche (a keyword found
 *    in the job's industry or employer name), makes them adjacent.
 * 4. Everyone else is the open market.
 * The reason names the job that decided it: the most recent one of its kind.
 */

export const TIERS = ["TARGET", "ADJACENT", "OPEN_MARKET", "EXCLUDED"] as const;
export type Tier = (typeof TIERS)[number];
export type ListKind = "TARGET" | "EXCLUDED" | "ADJACENT";

/** One job of a work history; dates are ISO ("2021-03-01"). */
export type TierJob = {
  companyId: string | null;
  companyName: string;
  industry: string | null;
  title: string;
  startedOn: string;
  endedOn: string | null;
};

export type TierCriteria = {
  /** The vacancy's company lists, by company id. */
  lists: ReadonlyMap<string, ListKind>;
  /** Adjacent niche keywords ("трубопроводная арматура"). */
  niches: readonly string[];
};

/** Stored in Application.tierReason; shown as "excluded: worked at X (2019–2021)". */
export type TierReason = {
  list: ListKind;
  match: "company" | "niche";
  companyName: string;
  jobTitle: string;
  startedOn: string;
  endedOn: string | null;
  niche?: string;
};

export type TierResult = { tier: Tier; reason: TierReason | null };

/** Russian and English inflections a niche keyword may appear with ("арматуры", "valves"). */
const ENDINGS = [
  "иями", "ями", "ами", "ого", "его", "ому", "ему", "ыми", "ими", "ая", "яя", "ое", "ее", "ые",
  "ие", "ый", "ий", "ой", "ей", "ую", "юю", "ов", "ев", "ах", "ях", "ам", "ям", "ом", "ем",
  "ию", "ия", "ья", "ью", "es", "s", "а", "я", "о", "е", "ы", "и", "у", "ю", "ь", "й",
];
const MIN_STEM = 4;

function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/ё/g, "е")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

function stem(word: string): string {
  for (const ending of ENDINGS) {
    if (word.endsWith(ending) && word.length - ending.length >= MIN_STEM) return word.slice(0, -ending.length);
  }
  return word;
}

/** Short connecting words a niche may contain ("инструмент и оснастка"). */
const STOP_WORDS = new Set(["и", "или", "для", "в", "на", "с", "по", "and", "or", "for", "of", "the"]);

/**
 * Whether every word of the niche occurs in the text, inflected or as the start of a
 * longer word ("арматура" is found in "арматуры" and in «АрматураКомплект»).
 */
export function nicheMatches(niche: string, text: string): boolean {
  const stems = words(niche)
    .filter((w) => !STOP_WORDS.has(w))
    .map(stem);
  if (!stems.length) return false;
  const haystack = words(text);
  // A short word ("IT", "ЖКХ") must be a whole word, or "it" would be found in "item".
  return stems.every((s) => haystack.some((w) => (s.length < MIN_STEM ? w === s : w.startsWith(s))));
}

/** Current jobs first, then by when they ended, then by when they started. */
function byRecency(a: TierJob, b: TierJob): number {
  const end = (j: TierJob) => j.endedOn ?? "9999-12-31";
  return end(b).localeCompare(end(a)) || b.startedOn.localeCompare(a.startedOn);
}

function reasonFor(job: TierJob, list: ListKind, niche?: string): TierReason {
  return {
    list,
    match: niche === undefined ? "company" : "niche",
    companyName: job.companyName,
    jobTitle: job.title,
    startedOn: job.startedOn,
    endedOn: job.endedOn,
    ...(niche === undefined ? {} : { niche }),
  };
}

export function tierFor(jobs: readonly TierJob[], criteria: TierCriteria): TierResult {
  const recent = [...jobs].sort(byRecency);
  const listOf = (job: TierJob) => (job.companyId ? criteria.lists.get(job.companyId) : undefined);

  for (const kind of ["EXCLUDED", "TARGET"] as const) {
    const job = recent.find((j) => listOf(j) === kind);
    if (job) return { tier: kind, reason: reasonFor(job, kind) };
  }
  for (const job of recent) {
    if (listOf(job) === "ADJACENT") return { tier: "ADJACENT", reason: reasonFor(job, "ADJACENT") };
    const text = `${job.industry ?? ""} ${job.companyName}`;
    const niche = criteria.niches.find((n) => nicheMatches(n, text));
    if (niche !== undefined) return { tier: "ADJACENT", reason: reasonFor(job, "ADJACENT", niche) };
  }
  return { tier: "OPEN_MARKET", reason: null };
}
