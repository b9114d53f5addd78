import { type AttendanceMark, type Prisma } from "@prisma/client";
import { audit } from "~/utils/audit.server";
import { db, type Tx } from "~/utils/db.server";
import { invariantResponse } from "~/utils/http";
import { weightedScore } from "./results";
import { readRubric, type Rubric } from "./rubric";
import { ATTENDED_MARKS, isScorable, readScores, type Recommendation, type ScoreMap, scorecardValuesSchema, type ScorecardValues } from "./scorecard";
import { SESSION_BASICS } from "./session-select.server";

/**
 * Assessors' scorecards: who may score a session (its assessors only), the scoring
 * page (each assessor's own scorecards; the others' for an attendee only once this
 * assessor has submitted theirs, so nobody is swayed), and saving a draft or the final
 * submit. A submitted scorecard is never changed.
 */

export type AssessedSession = { id: string; vacancyId: string; rubric: Rubric; checkInClosedAt: Date | null; cancelledAt: Date | null };

/** The session, when `userId` is one of its assessors; 404 for no such session, 403 for anyone else. */
export async function requireAssessor(tx: Pick<Tx, "interviewSession">, { sessionId, userId }: { sessionId: string; userId: string }): Promise<AssessedSession> {
  const session = await tx.interviewSession.findUnique({
    where: { id: sessionId },
    select: { id: true, vacancyId: true, rubric: true, checkInClosedAt: true, cancelledAt: true, assessors: { where: { userId }, select: { userId: true } } },
  });
  invariantResponse(session, "Session not found");
  if (!session.assessors.length) throw new Response("Forbidden: not an assessor of this session", { status: 403, statusText: "Forbidden" });
  const { assessors: _assessors, rubric, ...rest } = session;
  return { ...rest, rubric: readRubric(rubric) };
}

/** The invitations assessors score: attendees, and (until check-in closes) the confirmed not marked yet. */
export function scorableWhere(session: { id: string; checkInClosedAt: Date | null }): Prisma.InterviewInvitationWhereInput {
  const marked: Prisma.InterviewInvitationWhereInput = { attendance: { in: [...ATTENDED_MARKS] } };
  return { sessionId: session.id, OR: session.checkInClosedAt ? [marked] : [marked, { status: "CONFIRMED", attendance: null }] };
}

export const personSelect = { id: true, firstName: true, lastName: true, middleName: true, erasedAt: true } as const;
type PersonRow = { id: string; firstName: string; lastName: string; middleName: string | null; erasedAt: Date | null };
export const personName = (p: PersonRow) => (p.erasedAt ? null : { firstName: p.firstName, lastName: p.lastName, middleName: p.middleName });
/** What attendees are ordered by on the pages (and ties in the ranking). */
export const sortName = (p: PersonRow) => (p.erasedAt ? "" : `${p.lastName} ${p.firstName} ${p.middleName ?? ""}`.trim());

export type CardView = {
  assessorId: string;
  assessorName: string;
  scores: ScoreMap;
  notes: string | null;
  recommendation: Recommendation | null;
  submittedAt: Date | null;
  weighted: number | null;
};

export type ScoringAttendee = {
  invitationId: string;
  applicationId: string;
  candidateId: string;
  name: ReturnType<typeof personName>;
  attendance: AttendanceMark | null;
  own: CardView | null;
  /** The other assessors' submitted scorecards; null while this assessor has not submitted theirs. */
  others: CardView[] | null;
  /** How many other assessors have submitted (a count reveals no score). */
  othersSubmitted: number;
};

export async function scoringPage(tx: Pick<Tx, "interviewSession" | "interviewInvitation">, { sessionId, assessorId }: { sessionId: string; assessorId: string }) {
  const session = await tx.interviewSession.findUniqueOrThrow({
    where: { id: sessionId },
    select: {
      ...SESSION_BASICS,
      rubric: true,
      vacancy: { select: { id: true, title: true } },
      _count: { select: { assessors: true } },
    },
  });
  const rubric = readRubric(session.rubric);
  const invitations = await tx.interviewInvitation.findMany({
    where: scorableWhere(session),
    select: {
      id: true,
      applicationId: true,
      attendance: true,
      application: { select: { candidate: { select: personSelect } } },
      scorecards: {
        select: { assessorId: true, scores: true, notes: true, recommendation: true, submittedAt: true, assessor: { select: { name: true } } },
        orderBy: { submittedAt: "asc" },
      },
    },
  });
  const view = (card: (typeof invitations)[number]["scorecards"][number]): CardView => {
    const scores = readScores(rubric, card.scores);
    return {
      assessorId: card.assessorId,
      assessorName: card.assessor.name,
      scores,
      notes: card.notes,
      recommendation: card.recommendation,
      submittedAt: card.submittedAt,
      weighted: weightedScore(rubric, scores),
    };
  };
  const attendees = invitations
    .map((inv): ScoringAttendee & { sortName: string } => {
      const own = inv.scorecards.find((c) => c.assessorId === assessorId);
      const others = inv.scorecards.filter((c) => c.assessorId !== assessorId && c.submittedAt);
      const candidate = inv.application.candidate;
      return {
        invitationId: inv.id,
        applicationId: inv.applicationId,
        candidateId: candidate.id,
        name: personName(candidate),
        sortName: sortName(candidate),
        attendance: inv.attendance,
        own: own ? view(own) : null,
        others: own?.submittedAt ? others.map(view) : null,
        othersSubmitted: others.length,
      };
    })
    .sort((a, b) => a.sortName.localeCompare(b.sortName, "ru") || a.invitationId.localeCompare(b.invitationId))
    .map(({ sortName: _sortName, ...a }) => a);
  const { rubric: _rubric, _count, ...rest } = session;
  return { session: { ...rest, assessors: _count.assessors }, rubric, attendees };
}

/** requireAssessor outside a transaction: the action's guard, which also gives the rubric to check the form against. */
export function assessedSession(input: { sessionId: string; userId: string }): Promise<AssessedSession> {
  return requireAssessor(db(), input);
}

/** The scoring page for one of the session's assessors (403 for anyone else). */
export async function assessorScoringPage({ sessionId, userId }: { sessionId: string; userId: string }) {
  await requireAssessor(db(), { sessionId, userId });
  return scoringPage(db(), { sessionId, assessorId: userId });
}

export type ScorecardProblem = "other-session" | "not-attendee" | "submitted" | "cancelled" | "invalid";

export class ScorecardRefused extends Error {
  constructor(
    readonly problem: ScorecardProblem,
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(`Scorecard refused: ${problem}`);
    this.name = "ScorecardRefused";
  }
}

/**
 * Saves the assessor's scorecard for one attendee of the session: a draft, or the
 * final submit. The values are checked against the session's rubric as it is now
 * (read under a share lock, so a rubric edit cannot slip in between); an invitation of
 * another session (or none), someone not attending, a cancelled session or a scorecard already
 * submitted are refused. Submitting is audited (ids and counts only: the scores and
 * notes are about the candidate).
 */
export async function saveScorecard(
  tx: Tx,
  input: { sessionId: string; invitationId: string; assessorId: string; values: ScorecardValues; submit: boolean },
): Promise<{ id: string; submitted: boolean }> {
  const [session] = await tx.$queryRaw<Array<{ id: string; rubric: unknown; checkInClosedAt: Date | null; cancelledAt: Date | null }>>`
    SELECT id, rubric, "checkInClosedAt", "cancelledAt" FROM "InterviewSession" WHERE id = ${input.sessionId} FOR SHARE`;
  invariantResponse(session, "Session not found");
  if (session.cancelledAt) throw new ScorecardRefused("cancelled");
  const invitation = await tx.interviewInvitation.findUnique({
    where: { id: input.invitationId },
    select: { id: true, sessionId: true, applicationId: true, status: true, attendance: true },
  });
  if (!invitation || invitation.sessionId !== session.id) throw new ScorecardRefused("other-session");
  if (!isScorable(invitation, session)) throw new ScorecardRefused("not-attendee");

  const rubric = readRubric(session.rubric);
  const parsed = scorecardValuesSchema(rubric, { submit: input.submit }).safeParse(input.values);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[issue.path.join(".")] ??= []).push(issue.message);
    throw new ScorecardRefused("invalid", fieldErrors);
  }
  const values = parsed.data;

  // The row exists (an empty draft at worst) and is locked: a double-tapped submit waits, then sees it submitted.
  await tx.scorecard.createMany({ data: [{ invitationId: invitation.id, sessionId: session.id, assessorId: input.assessorId }], skipDuplicates: true });
  const [card] = await tx.$queryRaw<Array<{ id: string; submittedAt: Date | null }>>`
    SELECT id, "submittedAt" FROM "Scorecard" WHERE "invitationId" = ${invitation.id} AND "assessorId" = ${input.assessorId} FOR UPDATE`;
  if (!card || card.submittedAt) throw new ScorecardRefused("submitted");

  await tx.scorecard.update({
    where: { id: card.id },
    data: {
      scores: values.scores as Prisma.InputJsonValue,
      notes: values.notes || null,
      recommendation: values.recommendation ?? null,
      submittedAt: input.submit ? new Date() : null,
    },
  });
  if (input.submit) {
    await audit(tx, {
      actorId: input.assessorId,
      action: "interview.score",
      entityType: "Scorecard",
      entityId: card.id,
      details: { sessionId: session.id, invitationId: invitation.id, applicationId: invitation.applicationId, competencies: Object.keys(values.scores).length },
    });
  }
  return { id: card.id, submitted: input.submit };
}

/** saveScorecard in a transaction of its own. */
export function saveAssessorScorecard(input: Parameters<typeof saveScorecard>[1]) {
  return db().$transaction((tx) => saveScorecard(tx, input));
}
