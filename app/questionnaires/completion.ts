import { SOURCES, type Source } from "~/sourcing/record";

/**
 * Questionnaire completion, pure: how many of the people asked answered, and how
 * the answers came out. The unit is the application (one person on one vacancy).
 *
 * - invited: applications asked to fill the questionnaire, that is, with a
 *   personal link (a QuestionnaireInvite) or with a response. A response through
 *   the vacancy's open link has no invite: the person asked themselves, so they count
 *   as invited and answered both (invited = invited ∪ answered); `viaOpenLink` says
 *   how many of the answered came that way. A rate of answered / invited is then
 *   never above 100%.
 * - answered: applications with a response; passed / knockedOut split them by the
 *   effective verdict (a person's override, else the questionnaire's own).
 * - rate: answered / invited, 0..1; null when nobody was invited.
 */
export type Rate = {
  invited: number;
  answered: number;
  passed: number;
  knockedOut: number;
  /** Of the answered, those who came through the open link (no personal invitation). */
  viaOpenLink: number;
  rate: number | null;
};

export type SourceRate = { source: Source } & Rate;
export type Completion = { total: Rate; bySource: SourceRate[] };

export type CompletionCounts = Omit<Rate, "rate">;

export function rateOf(counts: CompletionCounts): Rate {
  return { ...counts, rate: counts.invited > 0 ? counts.answered / counts.invited : null };
}

const ZERO: CompletionCounts = { invited: 0, answered: 0, passed: 0, knockedOut: 0, viaOpenLink: 0 };

/**
 * The total and the per-source rates from counts grouped by source (as the query
 * returns them). Sources with nobody invited are left out; the rest keep the
 * product's order of sources (hh.ru, SuperJob, files, ...).
 */
export function completionFromCounts(rows: ReadonlyArray<{ source: Source } & CompletionCounts>): Completion {
  const total = { ...ZERO };
  const bySource = new Map<Source, CompletionCounts>();
  for (const row of rows) {
    const sum = bySource.get(row.source) ?? { ...ZERO };
    for (const key of Object.keys(ZERO) as Array<keyof CompletionCounts>) {
      sum[key] += row[key];
      total[key] += row[key];
    }
    bySource.set(row.source, sum);
  }
  return {
    total: rateOf(total),
    bySource: SOURCES.flatMap((source) => {
      const counts = bySource.get(source);
      return counts && counts.invited > 0 ? [{ source, ...rateOf(counts) }] : [];
    }),
  };
}
