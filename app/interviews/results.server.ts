import { type Role } from "~/auth/access";
import { db, type Tx } from "~/utils/db.server";
import { type AttendeeResult, DECISIONS, type Decision, mayDecide, rankAttendees, totalCounts } from "./results";
import { readRubric } from "./rubric";
import { ATTENDED_MARKS, readScores } from "./scorecard";
import { personName, personSelect, scorableWhere, sortName } from "./scorecards.server";
import { SESSION_BASICS } from "./session-select.server";

/**
 * A session's results page: its attendees ranked by the submitted scorecards against
 * the session's rubric, each with their decision. An assessor sees no scores of an
 * attendee they have not submitted a scorecard for yet (the scoring page's rule), and
 * such an attendee is listed apart, without a rank, so the order gives nothing away.
 */

export const rejectionKey = (applicationId: string) => `rejection:${applicationId}`;

export async function sessionResults(tx: Pick<Tx, "interviewSession" | "interviewInvitation" | "emailMessage" | "user">, { sessionId, viewer }: { sessionId: string; viewer: { id: string; roles: readonly Role[] } }) {
  const session = await tx.interviewSession.findUnique({
    where: { id: sessionId },
    select: {
      ...SESSION_BASICS,
      rubric: true,
      decisionDelegateId: true,
      decisionDelegate: { select: { id: true, name: true } },
      vacancy: { select: { id: true, title: true } },
      assessors: { select: { userId: true, user: { select: { name: true } } } },
    },
  });
  if (!session) return null;
  const rubric = readRubric(session.rubric);
  const invitations = await tx.interviewInvitation.findMany({
    where: scorableWhere(session),
    select: {
      id: true,
      applicationId: true,
      attendance: true,
      decision: true,
      decisionNote: true,
      decidedAt: true,
      decidedById: true,
      application: { select: { stage: true, candidate: { select: personSelect } } },
      scorecards: { where: { submittedAt: { not: null } }, select: { assessorId: true, scores: true, recommendation: true }, orderBy: { submittedAt: "asc" } },
    },
  });
  const applicationIds = invitations.map((i) => i.applicationId);
  const letters = applicationIds.length
    ? await tx.emailMessage.findMany({ where: { dedupeKey: { in: applicationIds.map(rejectionKey) } }, select: { dedupeKey: true, createdAt: true, status: true } })
    : [];
  const deciderIds = invitations.map((i) => i.decidedById).filter((id): id is string => Boolean(id));
  const deciders = deciderIds.length ? await tx.user.findMany({ where: { id: { in: deciderIds } }, select: { id: true, name: true } }) : [];
  const letterOf = new Map(letters.map((l) => [l.dedupeKey, { at: l.createdAt, status: l.status }]));
  const deciderName = new Map(deciders.map((u) => [u.id, u.name]));
  const assessorName = new Map(session.assessors.map((a) => [a.userId, a.user.name]));
  const viewerAssesses = assessorName.has(viewer.id);

  const rows = invitations.map((inv) => {
    const candidate = inv.application.candidate;
    return {
      invitationId: inv.id,
      applicationId: inv.applicationId,
      candidateId: candidate.id,
      name: personName(candidate),
      sortName: sortName(candidate) || inv.id,
      attendance: inv.attendance,
      stage: inv.application.stage,
      /** Only attendees marked at check-in are decided on. */
      decidable: (ATTENDED_MARKS as readonly string[]).includes(inv.attendance ?? ""),
      decision: inv.decision
        ? { decision: inv.decision, note: inv.decisionNote, at: inv.decidedAt, byName: inv.decidedById ? (deciderName.get(inv.decidedById) ?? null) : null }
        : null,
      rejectionLetter: letterOf.get(rejectionKey(inv.applicationId)) ?? null,
      hidden: viewerAssesses && !inv.scorecards.some((c) => c.assessorId === viewer.id),
      cards: inv.scorecards.map((c) => ({ assessorId: c.assessorId, scores: readScores(rubric, c.scores), recommendation: c.recommendation })),
    };
  });
  const ranked = rankAttendees(
    rubric,
    rows.filter((r) => !r.hidden),
  ).map(({ cards: _cards, result, ...row }) => ({ ...row, result: named(result, assessorName) }));
  const hidden = rows
    .filter((r) => r.hidden)
    .sort((a, b) => a.sortName.localeCompare(b.sortName, "ru"))
    .map(({ cards, ...row }) => ({ ...row, submitted: cards.length }));
  const decided = Object.fromEntries(DECISIONS.map((d) => [d, rows.filter((r) => r.decision?.decision === d).length])) as Record<Decision, number>;

  const canDelegate = viewer.roles.includes("DEPARTMENT_HEAD");
  const managers = canDelegate
    ? await tx.user.findMany({ where: { active: true, roles: { has: "HIRING_MANAGER" } }, select: { id: true, name: true }, orderBy: { name: "asc" } })
    : [];
  const { rubric: _rubric, assessors, decisionDelegate, ...rest } = session;
  return {
    session: { ...rest, delegate: decisionDelegate },
    rubric,
    assessors: session.assessors.map((a) => ({ id: a.userId, name: a.user.name, submitted: invitations.filter((i) => i.scorecards.some((c) => c.assessorId === a.userId)).length })),
    viewerAssesses,
    ranked,
    hidden,
    recommendations: totalCounts(ranked.map((r) => r.result)),
    decided,
    canDecide: mayDecide(viewer, session),
    canDelegate,
    managers,
    assessorCount: assessors.length,
  };
}

function named(result: AttendeeResult, names: ReadonlyMap<string, string>) {
  return { ...result, byAssessor: result.byAssessor.map((a) => ({ ...a, name: names.get(a.assessorId) ?? null })) };
}

/** The results page of one session for the user looking at it; null for no such session. */
export function resultsPage(input: { sessionId: string; viewer: { id: string; roles: readonly Role[] } }) {
  return sessionResults(db(), input);
}
