import { responseSummaries } from "~/questionnaires/response-view.server";
import { db } from "~/utils/db.server";
import { shownTierReason } from "./candidate-summary";
import { namesJob } from "./tiers";
import { disagreements } from "./provenance";

/**
 * Where a merged candidate's URL should lead: the candidate they were merged into
 * (following merges of merges), or null when `id` is not merged.
 */
export async function survivorOf(id: string): Promise<string | null> {
  let current = id;
  for (let hop = 0; hop < 20; hop++) {
    const row = await db().candidate.findUnique({ where: { id: current }, select: { mergedIntoId: true } });
    if (!row?.mergedIntoId) return current === id ? null : current;
    current = row.mergedIntoId;
  }
  return current;
}

const sourceSelect = {
  id: true,
  source: true,
  channel: true,
  adapter: true,
  externalId: true,
  url: true,
  parsed: true,
  importBatchId: true,
  importedAt: true,
} as const;

/**
 * One candidate with everything the profile shows: work history (the jobs that
 * decided a vacancy's tier marked), source records and where they disagree,
 * applications with stage history and contact override, and the merges into them.
 * An erased candidate comes back without any personal data, including free-text
 * reasons in the history, which may quote them, and the records' links and ids.
 */
export async function getCandidateProfile(id: string) {
  const candidate = await db().candidate.findUnique({
    where: { id },
    include: {
      workHistory: { orderBy: [{ startedOn: "desc" }, { id: "asc" }] },
      sources: { orderBy: [{ importedAt: "asc" }, { id: "asc" }], select: sourceSelect },
      applications: {
        orderBy: { createdAt: "desc" },
        select: {
          id: true,
          stage: true,
          tier: true,
          tierReason: true,
          stageChangedAt: true,
          createdAt: true,
          contactOverrideReason: true,
          contactOverrideAt: true,
          contactOverrideById: true,
          vacancy: { select: { id: true, title: true, city: true } },
          history: {
            orderBy: [{ createdAt: "asc" }, { id: "asc" }],
            select: { id: true, fromStage: true, toStage: true, reason: true, createdAt: true, actor: { select: { name: true } } },
          },
        },
      },
    },
  });
  if (!candidate) return null;
  const erased = Boolean(candidate.erasedAt);
  const overriderIds = candidate.applications.flatMap((a) => a.contactOverrideById ?? []);
  const overriders = overriderIds.length
    ? await db().user.findMany({ where: { id: { in: overriderIds } }, select: { id: true, name: true } })
    : [];
  const overriderName = new Map(overriders.map((u) => [u.id, u.name]));
  const questionnaires = await responseSummaries(db(), candidate.applications.map((a) => a.id));
  const applications = candidate.applications.map((a) => ({
    id: a.id,
    stage: a.stage,
    tier: a.tier,
    tierReason: shownTierReason(a.tierReason, candidate.erasedAt),
    stageChangedAt: a.stageChangedAt,
    createdAt: a.createdAt,
    vacancy: a.vacancy,
    questionnaire: questionnaires.get(a.id) ?? null,
    override: a.contactOverrideAt
      ? {
          at: a.contactOverrideAt,
          reason: erased ? null : a.contactOverrideReason,
          byName: overriderName.get(a.contactOverrideById ?? "") ?? null,
        }
      : null,
    history: a.history.map((h) => ({
      id: h.id.toString(),
      fromStage: h.fromStage,
      toStage: h.toStage,
      reason: erased ? null : h.reason,
      createdAt: h.createdAt,
      actorName: h.actor?.name ?? null,
    })),
  }));
  const sources = candidate.sources.map(({ parsed: _parsed, externalId, url, ...s }) =>
    erased ? { ...s, externalId: null, url: null } : { ...s, externalId, url },
  );
  const base = { id: candidate.id, source: candidate.source, createdAt: candidate.createdAt, applications, sources };
  if (erased) return { erased: true as const, erasedAt: candidate.erasedAt!, ...base };

  const { workHistory, sources: rawSources, applications: _raw, searchText: _search, ...person } = candidate;
  const highlighted = workHistory.map((job) => ({
    ...job,
    // The job that decided each vacancy's tier, and the other jobs that matched its lists.
    highlights: applications.flatMap((a) => {
      if (!a.tierReason || !namesJob(a.tierReason)) return [];
      const match = [a.tierReason, ...(a.tierReason.also ?? [])].find((m) => sameJob(m, job));
      return match ? [{ vacancyId: a.vacancy.id, vacancyTitle: a.vacancy.title, list: match.list, tier: a.tier }] : [];
    }),
  }));
  return {
    ...person,
    ...base,
    erased: false as const,
    workHistory: highlighted,
    disagreements: disagreements(rawSources),
    merges: await activeMerges(candidate.id),
  };
}

function sameJob(reason: { companyName: string; startedOn: string }, job: { companyName: string; startedOn: Date }): boolean {
  if (reason.companyName.trim().toLowerCase() !== job.companyName.trim().toLowerCase()) return false;
  return reason.startedOn.slice(0, 10) === job.startedOn.toISOString().slice(0, 10);
}

/** Merges into this candidate that can still be undone, with who was merged. */
async function activeMerges(survivorId: string) {
  const merges = await db().candidateMerge.findMany({
    where: { survivorId, undoneAt: null },
    orderBy: { createdAt: "desc" },
  });
  const people = await db().candidate.findMany({
    where: { id: { in: merges.map((m) => m.mergedId) } },
    select: { id: true, firstName: true, lastName: true, middleName: true, erasedAt: true },
  });
  const byId = new Map(people.map((p) => [p.id, p]));
  return merges.map((m) => {
    const merged = byId.get(m.mergedId);
    return {
      id: m.id,
      mergedId: m.mergedId,
      mergedName: merged && !merged.erasedAt ? { firstName: merged.firstName, lastName: merged.lastName, middleName: merged.middleName } : null,
      createdAt: m.createdAt,
      reason: m.reason,
      moved: { sources: m.sourceRecordIds.length, applications: m.applicationIds.length, jobs: m.workExperienceIds.length },
    };
  });
}
