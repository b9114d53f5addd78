import { type CandidateSource, type Stage, type StageEvent } from "@prisma/client";
import { OUTREACH_AUDIT_ACTIONS, outreachTimeline, type OutreachEvent } from "~/outreach/timeline.server";
import { db } from "~/utils/db.server";

/**
 * A candidate's history as one list of dated events, newest first: when they were
 * added, each source record imported, every stage change, merges and un-merges,
 * the audited changes to their data, and outreach (messages, calls, messages logged
 * by hand: app/outreach/timeline.server.ts). Every event is `{ at, kind, … }`, so
 * later steps add their own kinds (questionnaires, interviews) here.
 */
export type TimelineEvent =
  | { at: Date; kind: "created"; source: CandidateSource }
  | {
      at: Date;
      kind: "source-imported";
      sourceRecordId: string;
      source: CandidateSource;
      adapter: string;
      importBatchId: string | null;
    }
  | {
      at: Date;
      kind: "stage-change";
      applicationId: string;
      vacancy: { id: string; title: string };
      fromStage: Stage | null;
      toStage: Stage;
      /** A step recorded inside a stage (an interview confirmed, a no-show). */
      event: StageEvent | null;
      actorName: string | null;
      reason: string | null;
    }
  | { at: Date; kind: "merge" | "merged-into" | "unmerge" | "unmerged-from"; otherId: string | null; actorName: string | null; reason: string | null }
  | { at: Date; kind: "split"; otherId: string | null; actorName: string | null; reason: string | null }
  | { at: Date; kind: "audit"; action: string; actorName: string | null; reason: string | null }
  | OutreachEvent;

/** Audit actions that the timeline shows as their own kinds, with the other candidate linked. */
const MERGE_ACTIONS: Record<string, "merge" | "merged-into" | "unmerge" | "unmerged-from" | "split"> = {
  "candidate.merge": "merge",
  "candidate.merged-into": "merged-into",
  "candidate.unmerge": "unmerge",
  "candidate.unmerged-from": "unmerged-from",
  "candidate.split": "split",
  "candidate.split-from": "split",
};

/** Audited where the stage history or outreach already tells it: the timeline shows the event once. */
const SHOWN_AS_OWN_KIND = new Set(["candidate.stage-move", "candidate.reject", ...OUTREACH_AUDIT_ACTIONS]);

const KIND_ORDER: Record<TimelineEvent["kind"], number> = {
  created: 0,
  "source-imported": 1,
  "stage-change": 2,
  merge: 3,
  "merged-into": 3,
  unmerge: 3,
  "unmerged-from": 3,
  split: 3,
  email: 3,
  call: 3,
  "contact-log": 3,
  audit: 4,
};

function detail(details: unknown, key: string): string | null {
  if (!details || typeof details !== "object" || Array.isArray(details)) return null;
  const value = (details as Record<string, unknown>)[key];
  return typeof value === "string" ? value : null;
}

/** Newest first; events at the same moment in the order they happen (created before imported before moved). */
export function sortTimeline(events: TimelineEvent[]): TimelineEvent[] {
  return [...events].sort((a, b) => b.at.getTime() - a.at.getTime() || KIND_ORDER[b.kind] - KIND_ORDER[a.kind]);
}

export async function candidateTimeline(candidateId: string): Promise<TimelineEvent[]> {
  // One query, awaited twice: outreach needs to know whether the person was erased.
  const found = Promise.resolve(db().candidate.findUnique({ where: { id: candidateId }, select: { createdAt: true, source: true, erasedAt: true } }));
  const [candidate, sources, changes, audits, outreach] = await Promise.all([
    found,
    db().sourceRecord.findMany({
      where: { candidateId },
      select: { id: true, source: true, adapter: true, importBatchId: true, importedAt: true },
    }),
    db().stageChange.findMany({
      where: { application: { candidateId } },
      select: {
        applicationId: true,
        fromStage: true,
        toStage: true,
        event: true,
        reason: true,
        createdAt: true,
        actor: { select: { name: true } },
        application: { select: { vacancy: { select: { id: true, title: true } } } },
      },
    }),
    db().auditEntry.findMany({
      where: { entityType: "Candidate", entityId: candidateId },
      orderBy: { createdAt: "desc" },
      take: 500,
      select: { action: true, details: true, createdAt: true, actor: { select: { name: true } } },
    }),
    found.then((c) => (c ? outreachTimeline(candidateId, { erased: Boolean(c.erasedAt) }) : [])),
  ]);
  if (!candidate) return [];
  // Free text may quote an erased person: their timeline keeps only what happened, not why.
  const erased = Boolean(candidate.erasedAt);
  const reasonOf = (text: string | null) => (erased ? null : text);
  const events: TimelineEvent[] = [
    { at: candidate.createdAt, kind: "created", source: candidate.source },
    ...sources.map((s) => ({
      at: s.importedAt,
      kind: "source-imported" as const,
      sourceRecordId: s.id,
      source: s.source,
      adapter: s.adapter,
      importBatchId: s.importBatchId,
    })),
    ...changes.map((c) => ({
      at: c.createdAt,
      kind: "stage-change" as const,
      applicationId: c.applicationId,
      vacancy: c.application.vacancy,
      fromStage: c.fromStage,
      toStage: c.toStage,
      event: c.event,
      actorName: c.actor?.name ?? null,
      reason: reasonOf(c.reason),
    })),
    ...audits.filter((a) => !SHOWN_AS_OWN_KIND.has(a.action)).map((a): TimelineEvent => {
      const common = { at: a.createdAt, actorName: a.actor?.name ?? null, reason: reasonOf(detail(a.details, "reason")) };
      const kind = MERGE_ACTIONS[a.action];
      return kind ? { ...common, kind, otherId: detail(a.details, "otherId") } : { ...common, kind: "audit", action: a.action };
    }),
    ...outreach,
  ];
  return sortTimeline(events);
}
