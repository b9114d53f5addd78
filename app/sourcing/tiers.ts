import { differenceInMonths, parseISO } from "date-fns";
import { z } from "zod";
import { companyMatchKey } from "./company-match";

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
 * The reason names the job that decided it: the most recent one of its kind. What
 * that precedence outranked is kept in `also` (a struck-out person who also worked at
 * a target company shows both), so a recruiter weighing an override sees everything.
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

/** One job that matched a list or a niche. */
export type TierMatch = {
  list: ListKind;
  match: "company" | "niche";
  companyName: string;
  jobTitle: string;
  startedOn: string;
  endedOn: string | null;
  niche?: string;
};

/**
 * Stored in Application.tierReason; shown as "excluded: worked at X (2019–2021); also:
 * target company Y (2021–present)". `also` is absent when nothing else matched, and in
 * reasons stored before it existed.
 */
export type TierReason = TierMatch & { also?: TierMatch[] };

/** At most this many other matches are kept: one per company, the strongest first. */
export const MAX_ALSO = 5;

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

function matchOf(job: TierJob, list: ListKind, niche?: string): TierMatch {
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

/** What one job matched, if anything: its company's list first, else an adjacent niche. */
function jobMatch(job: TierJob, criteria: TierCriteria): TierMatch | null {
  const list = job.companyId ? criteria.lists.get(job.companyId) : undefined;
  if (list) return matchOf(job, list);
  const text = `${job.industry ?? ""} ${job.companyName}`;
  const niche = criteria.niches.find((n) => nicheMatches(n, text));
  return niche === undefined ? null : matchOf(job, "ADJACENT", niche);
}

/** Strongest first: excluded, target, adjacent (by company or by niche alike). */
const STRENGTH = (m: TierMatch) => ["EXCLUDED", "TARGET", "ADJACENT"].indexOf(m.list);

/** A company's identity for "one entry per company": its catalog id, else its name's key. */
const companyOf = (job: TierJob) => job.companyId ?? `name:${companyMatchKey(job.companyName) || job.companyName}`;

export function tierFor(jobs: readonly TierJob[], criteria: TierCriteria): TierResult {
  // Recency first, then strength: the sort is stable, so within one strength the most recent job leads.
  const matches = [...jobs]
    .sort(byRecency)
    .flatMap((job) => {
      const match = jobMatch(job, criteria);
      return match ? [{ job, match }] : [];
    })
    .sort((a, b) => STRENGTH(a.match) - STRENGTH(b.match));
  const [decided, ...rest] = matches;
  if (!decided) return { tier: "OPEN_MARKET", reason: null };

  const seen = new Set([companyOf(decided.job)]);
  const also: TierMatch[] = [];
  for (const { job, match } of rest) {
    if (also.length === MAX_ALSO) break;
    if (seen.has(companyOf(job))) continue;
    seen.add(companyOf(job));
    also.push(match);
  }
  return { tier: decided.match.list, reason: also.length ? { ...decided.match, also } : decided.match };
}

/**
 * Whether a job is current, or how many whole months before `today` it ended (both ISO
 * days). An end date still ahead (a notice period) counts as current. The reason keeps
 * dates, not ages, so it does not go stale; the age is worked out when it is shown.
 */
export function jobRecency(endedOn: string | null, today: string): { current: true } | { current: false; monthsAgo: number } {
  const [end, now] = [endedOn?.slice(0, 10), today.slice(0, 10)];
  if (!end || end >= now) return { current: true };
  return { current: false, monthsAgo: differenceInMonths(parseISO(now), parseISO(end)) };
}

/** What erasure leaves of a reason (erasure.ts): which list and how it matched, nothing personal. */
export type AnonymousTierReason = { list: ListKind; match: TierMatch["match"] | null };

/** A reason as read back from Application.tierReason or an import preview. */
export type StoredTierReason = TierReason | AnonymousTierReason;

const LIST_KINDS = ["TARGET", "EXCLUDED", "ADJACENT"] as const satisfies readonly ListKind[];
/** The job's dates are ISO days; anything else would make a date formatter throw. */
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}/);

const TierMatchSchema = z.object({
  list: z.enum(LIST_KINDS),
  match: z.enum(["company", "niche"]),
  companyName: z.string(),
  jobTitle: z.string(),
  startedOn: isoDay,
  endedOn: isoDay.nullable(),
  niche: z.string().optional(),
});

const AnonymousSchema = z.object({ list: z.enum(LIST_KINDS), match: z.enum(["company", "niche"]).nullable().catch(null) });

/**
 * Reads a stored reason safely: only the known fields (what lists send to the page),
 * at most MAX_ALSO valid `also` entries, reasons stored before `also` as they are, and
 * an erased person's `{ list, match }` as just that. Anything unreadable is null.
 */
export function parseTierReason(value: unknown): StoredTierReason | null {
  const full = TierMatchSchema.safeParse(value);
  if (full.success) {
    const stored = (value as { also?: unknown }).also;
    const also = (Array.isArray(stored) ? stored : []).flatMap((m) => {
      const match = TierMatchSchema.safeParse(m);
      return match.success ? [match.data] : [];
    });
    return also.length ? { ...full.data, also: also.slice(0, MAX_ALSO) } : full.data;
  }
  const anonymous = AnonymousSchema.safeParse(value);
  return anonymous.success ? anonymous.data : null;
}

/** Whether a stored reason still names the job (it was not stripped by erasure). */
export function namesJob(reason: StoredTierReason): reason is TierReason {
  return "companyName" in reason;
}
