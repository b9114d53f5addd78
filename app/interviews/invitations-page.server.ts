import { type EmailStatus, type InvitationStatus, type AttendanceMark } from "@prisma/client";
import { type PersonName } from "~/ui/person";
import { db, type Tx } from "~/utils/db.server";
import { BookingError, bookPlace, type BookingProblem, inviteToSessions, type InviteReport, isUpcoming, fillFromWaitlist, type SessionRow, withdrawInvitation } from "./booking.server";
import { type SessionInvitationsInput } from "./invite-form";
import { sessionCounts, type SessionCounts, vacancyShowRate } from "./observations.server";
import { type InviteRecommendation, recommendInvites } from "./overbooking";
import { SESSION_BASICS } from "./session-select.server";
import { type SessionTimePlace } from "./rsvp";

/**
 * What the invitation pages read and do: the planner of /interviews/invite (the
 * vacancy's upcoming sessions with their plans) and its bulk invitation, and one
 * session's invitations (/interviews/sessions/:id/invitations) with invite more, book
 * by phone, withdraw and fill from the waitlist. Each action is one transaction.
 */

const TX = { maxWait: 10_000, timeout: 60_000 };

export type PlannedSession = SessionTimePlace & {
  seats: number;
  capacity: number;
  counts: SessionCounts;
  recommendation: InviteRecommendation;
};

async function plans(tx: Tx, sessions: readonly SessionRow[]): Promise<PlannedSession[]> {
  if (!sessions.length) return [];
  const counts = await sessionCounts(tx, sessions.map((s) => s.id));
  const estimate = await vacancyShowRate(tx, sessions[0]!.vacancyId);
  return sessions.map((s) => ({
    id: s.id,
    startsAt: s.startsAt,
    durationMinutes: s.durationMinutes,
    timeZone: s.timeZone,
    place: s.place,
    videoUrl: s.videoUrl,
    seats: s.seats,
    capacity: s.capacity,
    counts: counts.get(s.id)!,
    recommendation: recommendInvites({ seats: s.seats, capacity: s.capacity, estimate, confidence: s.confidence }),
  }));
}

const SESSION_SELECT = SESSION_BASICS;

/** The vacancy's upcoming sessions with what each holds and its plan, and the show-rate estimate behind the plans. */
export async function invitePlanner(vacancyId: string, { now = new Date() }: { now?: Date } = {}) {
  return db().$transaction(async (tx) => {
    const vacancy = await tx.vacancy.findUnique({ where: { id: vacancyId }, select: { id: true, title: true, city: true } });
    if (!vacancy) return null;
    const sessions = await tx.interviewSession.findMany({
      where: { vacancyId, cancelledAt: null, startsAt: { gt: now } },
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      select: SESSION_SELECT,
    });
    const estimate = await vacancyShowRate(tx, vacancyId);
    const waitlisted = await tx.interviewInvitation.count({ where: { vacancyId, sessionId: null, status: "WAITLISTED" } });
    return { vacancy, sessions: await plans(tx, sessions), estimate, waitlisted };
  });
}

/** The shortlist's bulk invitation, in one transaction. */
export function inviteShortlist(input: { vacancyId: string; applicationIds: readonly string[]; actorId: string; now?: Date }): Promise<InviteReport> {
  return db().$transaction((tx) => inviteToSessions(tx, input), TX);
}

export type InvitationRow = {
  id: string;
  status: InvitationStatus;
  applicationId: string;
  candidateId: string;
  name: PersonName | null;
  /** Null: waiting for any of the vacancy's sessions. */
  sessionId: string | null;
  createdAt: Date;
  waitlistedAt: Date | null;
  confirmedAt: Date | null;
  declinedAt: Date | null;
  letter: EmailStatus | null;
  /** The invitation letter in the Outbox. */
  letterId: string | null;
  reminded24hAt: Date | null;
  reminded2hAt: Date | null;
  attendance: AttendanceMark | null;
};

function invitationRows(tx: Tx, where: { sessionId: string } | { waitlistOf: { sessionId: string; vacancyId: string } }) {
  const filter =
    "sessionId" in where
      ? { sessionId: where.sessionId, status: { not: "WAITLISTED" as const } }
      : { status: "WAITLISTED" as const, OR: [{ sessionId: where.waitlistOf.sessionId }, { sessionId: null, vacancyId: where.waitlistOf.vacancyId }] };
  return tx.interviewInvitation.findMany({
    where: filter,
    orderBy: "sessionId" in where ? [{ createdAt: "asc" }, { id: "asc" }] : [{ waitlistedAt: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    take: 500,
    select: {
      id: true,
      status: true,
      applicationId: true,
      sessionId: true,
      createdAt: true,
      waitlistedAt: true,
      confirmedAt: true,
      declinedAt: true,
      emailId: true,
      reminded24hAt: true,
      reminded2hAt: true,
      attendance: true,
      application: { select: { candidate: { select: { id: true, firstName: true, lastName: true, middleName: true, erasedAt: true } } } },
    },
  });
}

async function withLetters(tx: Tx, rows: Awaited<ReturnType<typeof invitationRows>>): Promise<InvitationRow[]> {
  const emailIds = rows.map((r) => r.emailId).filter((id): id is string => Boolean(id));
  const letters = new Map((await tx.emailMessage.findMany({ where: { id: { in: emailIds } }, select: { id: true, status: true } })).map((m) => [m.id, m.status]));
  return rows.map(({ application: { candidate }, emailId, ...row }) => ({
    ...row,
    candidateId: candidate.id,
    name: candidate.erasedAt ? null : { firstName: candidate.firstName, lastName: candidate.lastName, middleName: candidate.middleName },
    letter: emailId ? (letters.get(emailId) ?? null) : null,
    letterId: emailId && letters.has(emailId) ? emailId : null,
  }));
}

export type AvailableRow = { applicationId: string; candidateId: string; name: PersonName | null; score: number | null };

/** The vacancy's candidates who passed the questionnaire and hold no open invitation: who "invite more" offers, best first. */
async function available(tx: Tx, vacancyId: string): Promise<AvailableRow[]> {
  const rows = await tx.$queryRaw<Array<{ applicationId: string; candidateId: string; firstName: string; lastName: string; middleName: string | null; erasedAt: Date | null; score: number | null }>>`
    SELECT a.id AS "applicationId", c.id AS "candidateId", c."firstName", c."lastName", c."middleName", c."erasedAt",
           (SELECT max(r.score) FROM "QuestionnaireResponse" r WHERE r."applicationId" = a.id) AS score
    FROM "Application" a JOIN "Candidate" c ON c.id = a."candidateId"
    WHERE a."vacancyId" = ${vacancyId} AND a.stage = 'QUESTIONNAIRE_PASSED' AND c."erasedAt" IS NULL AND NOT c."doNotContact"
      AND NOT EXISTS (
        SELECT 1 FROM "InterviewInvitation" i
        WHERE i."applicationId" = a.id AND i."vacancyId" = ${vacancyId} AND i.status IN ('WAITLISTED', 'INVITED', 'CONFIRMED'))
    ORDER BY score DESC NULLS LAST, a."stageChangedAt", a.id
    LIMIT 200`;
  return rows.map((r) => ({ applicationId: r.applicationId, candidateId: r.candidateId, name: { firstName: r.firstName, lastName: r.lastName, middleName: r.middleName }, score: r.score }));
}

/** One session's invitations page; null when there is no such session. */
export async function sessionInvitationsPage(sessionId: string, { now = new Date() }: { now?: Date } = {}) {
  return db().$transaction(async (tx) => {
    const session = await tx.interviewSession.findUnique({ where: { id: sessionId }, select: { ...SESSION_SELECT, vacancy: { select: { id: true, title: true, city: true } } } });
    if (!session) return null;
    const { vacancy, ...row } = session;
    const [plan] = await plans(tx, [row]);
    const invitations = await withLetters(tx, await invitationRows(tx, { sessionId }));
    const waitlist = await withLetters(tx, await invitationRows(tx, { waitlistOf: { sessionId, vacancyId: vacancy.id } }));
    const candidates = await available(tx, vacancy.id);
    const estimate = await vacancyShowRate(tx, vacancy.id);
    return { session: { ...plan!, cancelledAt: row.cancelledAt, upcoming: isUpcoming(row, now) }, vacancy, invitations, waitlist, available: candidates, estimate };
  }, TX);
}

export type SessionActionResult =
  | { ok: true; notice: "invited"; report: InviteReport }
  | { ok: true; notice: "booked" | "withdrawn" | "filled"; promoted: number }
  | { ok: false; problem: BookingProblem | "no-session" };

/** The session page's actions, each in one transaction. BookingError comes back as the problem. */
export async function sessionInvitationsAction(input: { sessionId: string; actorId: string; command: SessionInvitationsInput; now?: Date }): Promise<SessionActionResult> {
  const { sessionId, actorId, command } = input;
  const now = input.now ?? new Date();
  try {
    return await db().$transaction(async (tx): Promise<SessionActionResult> => {
      const session = await tx.interviewSession.findUnique({ where: { id: sessionId }, select: { vacancyId: true } });
      if (!session) return { ok: false, problem: "no-session" };
      switch (command.intent) {
        case "invite": {
          const report = await inviteToSessions(tx, { vacancyId: session.vacancyId, applicationIds: command.ids, sessionIds: [sessionId], actorId, now });
          return { ok: true, notice: "invited", report };
        }
        case "book": {
          const { promoted } = await bookPlace(tx, { sessionId, applicationId: command.applicationId, actorId, now });
          return { ok: true, notice: "booked", promoted: promoted.length };
        }
        case "withdraw": {
          const invitation = await tx.interviewInvitation.findFirst({ where: { id: command.invitationId, vacancyId: session.vacancyId }, select: { id: true } });
          if (!invitation) throw new BookingError("not-found");
          const { promoted } = await withdrawInvitation(tx, { invitationId: invitation.id, actorId, now });
          return { ok: true, notice: "withdrawn", promoted: promoted.length };
        }
        case "fill":
          return { ok: true, notice: "filled", promoted: (await fillFromWaitlist(tx, sessionId, { actorId, now })).length };
      }
    }, TX);
  } catch (error) {
    if (error instanceof BookingError) return { ok: false, problem: error.problem };
    throw error;
  }
}
