import { type CandidatePlan, type IngestPlan, type MatchKey, type RecordPlan } from "./ingest-plan.server";
import { TIERS, type Tier, type TierCriteria, type TierJob, type TierReason, type TierResult, tierFor } from "./tiers";

/**
 * Turning a plan into what people see (the preview) and what is stored per record
 * (ingest outcomes): one status per record, one tier per candidate.
 */

export type RecordStatus = "new" | "merged" | "unchanged" | "erased";

export type PreviewRow = {
  /** 1-based position of the record in the batch. */
  row: number;
  name: string;
  status: RecordStatus;
  matchedBy: MatchKey | null;
  /** Who the record merges with: a candidate we have, or an earlier row of the batch. */
  mergesWith: { candidateId: string | null; name: string; row: number | null } | null;
  tier: Tier | null;
  reason: TierReason | null;
};

export type ImportSummary = {
  total: number;
  new: number;
  merged: number;
  unchanged: number;
  /** Records of people who asked to be erased: never brought back. */
  erased: number;
  /** Candidates per tier among those the import adds or changes (with a vacancy). */
  tiers: Record<Tier, number>;
  excluded: number;
  rows: PreviewRow[];
};

const fullName = (n: { firstName: string; lastName: string }) => `${n.lastName} ${n.firstName}`.trim();

/** Whether the import writes anything for this candidate. */
export function writesFor(plan: CandidatePlan, vacancyId: string | null): boolean {
  return plan.isNew || plan.contributing.length > 0 || (vacancyId !== null && plan.application === null);
}

export function statusOf(record: RecordPlan, vacancyId: string | null): RecordStatus {
  const plan = record.candidate;
  if (!plan) return "erased";
  if (plan.isNew && plan.firstIndex === record.index) return "new";
  // An exact repeat still adds its person to a new vacancy; the first record says so.
  const addsApplication = vacancyId !== null && plan.application === null && plan.firstIndex === record.index;
  return record.repeat && !addsApplication ? "unchanged" : "merged";
}

/** The tier of every candidate the import touches, from old and new jobs together. */
export function tiersOf(
  plan: IngestPlan,
  criteria: TierCriteria,
  companyIdOf: (companyName: string) => string | null,
): Map<CandidatePlan, TierResult> {
  const result = new Map<CandidatePlan, TierResult>();
  for (const candidate of plan.candidates) {
    const jobs: TierJob[] = [
      ...candidate.existingJobs.map((j) => ({ ...j, companyId: j.companyId ?? companyIdOf(j.companyName) })),
      ...candidate.newJobs.map((j) => ({ ...j, companyId: companyIdOf(j.companyName) })),
    ];
    result.set(candidate, tierFor(jobs, criteria));
  }
  return result;
}

export function summarize(plan: IngestPlan, vacancyId: string | null, tiers: Map<CandidatePlan, TierResult> | null): ImportSummary {
  const counts = { new: 0, merged: 0, unchanged: 0, erased: 0 };
  const tierCounts = Object.fromEntries(TIERS.map((t) => [t, 0])) as Record<Tier, number>;
  const rows = plan.records.map((record): PreviewRow => {
    const status = statusOf(record, vacancyId);
    counts[status] += 1;
    const candidate = record.candidate;
    const tier = candidate && status !== "unchanged" ? (tiers?.get(candidate) ?? null) : null;
    const earlier = record.mergesWithIndex !== null ? plan.records[record.mergesWithIndex] : undefined;
    const mergesWith =
      status === "new" || !candidate
        ? null
        : earlier
          ? { candidateId: null, name: fullName(earlier.record), row: earlier.index + 1 }
          : { candidateId: candidate.isNew ? null : candidate.id, name: fullName(candidate.name), row: candidate.isNew ? candidate.firstIndex + 1 : null };
    return {
      row: record.index + 1,
      name: fullName(record.record),
      status,
      matchedBy: record.matchedBy,
      mergesWith,
      tier: tier?.tier ?? null,
      reason: tier?.reason ?? null,
    };
  });
  if (tiers && vacancyId) {
    for (const candidate of plan.candidates) {
      if (!writesFor(candidate, vacancyId)) continue;
      const tier = tiers.get(candidate);
      if (tier) tierCounts[tier.tier] += 1;
    }
  }
  return { total: plan.records.length, ...counts, tiers: tierCounts, excluded: tierCounts.EXCLUDED, rows };
}
