import { type AttendanceMark, type InvitationStatus } from "@prisma/client";
import { type AppLocale } from "~/i18n/i18n";
import { advanceMany, moveToStage, recordStageEvent } from "~/pipeline/pipeline.server";
import { audit } from "~/utils/audit.server";
import { db, type Tx } from "~/utils/db.server";
import { lockSession } from "./booking.server";
import { checkInOpensAt, checkInOrder, checkInState, checkInTally, EXPECTED_STATUSES, type CheckInState } from "./attendance";
import { SESSION_BASICS } from "./session-select.server";

/**
 * Check-in: marking who came (on time or late) and who did not, and closing it. Each
 * mark is one transaction: the invitation, the stage history (ATTENDED/LATE move the
 * application from INTERVIEW_INVITED to INTERVIEWED; NO_SHOW records the event, and
 * moves it back if it had been marked present) and the audit row. The session row is
 * locked first, so marks and the close of one session apply one after the other.
 *
 * Closing needs everyone marked. The recruiter may instead ask, explicitly, to mark
 * the rest no-show as it closes (people who never turned up are often not ticked off);
 * nothing is marked silently.
 */

export type AttendanceProblem = "not-found" | "other-session" | "not-expected" | "unmarked" | "not-started" | Exclude<CheckInState, "open">;

export class AttendanceRefused extends Error {
  constructor(
    readonly problem: AttendanceProblem,
    readonly count = 0,
  ) {
    super(`attendance refused: ${problem}`);
    this.name = "AttendanceRefused";
  }
}

const TX_OPTIONS = { maxWait: 10_000, timeout: 20_000 };
const came = (mark: AttendanceMark | null) => mark === "ATTENDED" || mark === "LATE";
const isExpected = (status: InvitationStatus) => (EXPECTED_STATUSES as readonly InvitationStatus[]).includes(status);

/** The session, locked (as every booking and edit of it locks it: ./booking.server.ts). */
async function lockedSession(tx: Tx, sessionId: string) {
  const row = await lockSession(tx, sessionId);
  if (!row) throw new AttendanceRefused("not-found");
  return row;
}

/** The stage history of one mark (see the file's comment). */
async function recordMark(tx: Tx, { applicationId, previous, mark, actorId }: { applicationId: string; previous: AttendanceMark | null; mark: AttendanceMark; actorId: string }) {
  if (came(mark)) {
    const event = mark === "LATE" ? "INTERVIEW_LATE" : "INTERVIEW_ATTENDED";
    const reason = mark === "LATE" ? "came late to the group interview" : "came to the group interview";
    const moved = await advanceMany(tx, [applicationId], { from: ["INTERVIEW_INVITED"], to: "INTERVIEWED", actorId, reason, event });
    if (!moved.length) await recordStageEvent(tx, [applicationId], { event, actorId, reason });
    return;
  }
  if (came(previous)) {
    const application = await tx.application.findUnique({ where: { id: applicationId }, select: { stage: true } });
    if (application?.stage === "INTERVIEWED") {
      await moveToStage(tx, { applicationId, to: "INTERVIEW_INVITED", actorId, reason: "marked present by mistake: did not come to the group interview" });
    }
  }
  await recordStageEvent(tx, [applicationId], { event: "INTERVIEW_NO_SHOW", actorId, reason: "did not come to the group interview" });
}

/**
 * Marks one invitation of the session attended, late or no-show, or changes its mark.
 * Refused before check-in opens (30 minutes before the start), for a cancelled session,
 * once check-in is closed, and for an invitation of another session or one no longer
 * expected (declined, cancelled). The same mark again changes nothing.
 */
export async function markAttendance(
  tx: Tx,
  { sessionId, invitationId, mark, actorId, now = new Date() }: { sessionId: string; invitationId: string; mark: AttendanceMark; actorId: string; now?: Date },
) {
  const session = await lockedSession(tx, sessionId);
  const state = checkInState(session, now);
  if (state !== "open") throw new AttendanceRefused(state);
  const invitation = await tx.interviewInvitation.findUnique({ where: { id: invitationId }, select: { sessionId: true, status: true, attendance: true, applicationId: true } });
  // An unknown invitation is, as far as this session knows, another session's.
  if (!invitation || invitation.sessionId !== sessionId) throw new AttendanceRefused("other-session");
  if (!isExpected(invitation.status)) throw new AttendanceRefused("not-expected");
  const previous = invitation.attendance;
  if (previous === mark) return { changed: false, previous, mark };
  await tx.interviewInvitation.update({ where: { id: invitationId }, data: { attendance: mark, attendanceAt: now, attendanceById: actorId } });
  await recordMark(tx, { applicationId: invitation.applicationId, previous, mark, actorId });
  await audit(tx, {
    actorId,
    action: "interview.attendance",
    entityType: "InterviewInvitation",
    entityId: invitationId,
    details: { sessionId, applicationId: invitation.applicationId, mark, previous },
  });
  return { changed: true, previous, mark };
}

export function saveAttendanceMark(input: Parameters<typeof markAttendance>[1]) {
  return db().$transaction((tx) => markAttendance(tx, input), TX_OPTIONS);
}

/**
 * Closes check-in: attendance becomes final. Refused for a cancelled or closed session,
 * before the session starts, and while someone is unmarked, unless `markRestNoShow`
 * asks to mark them no-show (with their stage history) as it closes.
 */
export async function closeCheckIn(
  tx: Tx,
  { sessionId, actorId, markRestNoShow = false, now = new Date() }: { sessionId: string; actorId: string; markRestNoShow?: boolean; now?: Date },
) {
  const session = await lockedSession(tx, sessionId);
  const state = checkInState(session, now);
  if (state === "cancelled" || state === "closed") throw new AttendanceRefused(state);
  if (now < session.startsAt) throw new AttendanceRefused("not-started");
  const expected = await tx.interviewInvitation.findMany({
    where: { sessionId, status: { in: [...EXPECTED_STATUSES] } },
    select: { id: true, applicationId: true, attendance: true },
  });
  const unmarked = expected.filter((i) => i.attendance === null);
  if (unmarked.length && !markRestNoShow) throw new AttendanceRefused("unmarked", unmarked.length);
  if (unmarked.length) {
    await tx.interviewInvitation.updateMany({ where: { id: { in: unmarked.map((i) => i.id) } }, data: { attendance: "NO_SHOW", attendanceAt: now, attendanceById: actorId } });
    await recordStageEvent(tx, unmarked.map((i) => i.applicationId), { event: "INTERVIEW_NO_SHOW", actorId, reason: "did not come to the group interview (marked when check-in closed)" });
  }
  await tx.interviewSession.update({ where: { id: sessionId }, data: { checkInClosedAt: now } });
  const tally = checkInTally(expected.map((i) => i.attendance ?? "NO_SHOW"));
  await audit(tx, {
    actorId,
    action: "interview.check-in-close",
    entityType: "InterviewSession",
    entityId: sessionId,
    details: { vacancyId: session.vacancyId, attended: tally.attended, late: tally.late, noShow: tally.noShow, markedNoShowOnClose: unmarked.length },
  });
  return { tally, markedNoShow: unmarked.length };
}

export function saveCheckInClose(input: Parameters<typeof closeCheckIn>[1]) {
  return db().$transaction((tx) => closeCheckIn(tx, input), TX_OPTIONS);
}

/** The check-in page: the session, whether marking is open, everyone expected (confirmed first, then by name) and the tally. */
export async function checkInPage(sessionId: string, { locale, now = new Date() }: { locale: AppLocale; now?: Date }) {
  const session = await db().interviewSession.findUnique({
    where: { id: sessionId },
    select: {
      ...SESSION_BASICS,
      vacancy: { select: { id: true, title: true } },
      invitations: {
        where: { status: { in: [...EXPECTED_STATUSES] } },
        select: {
          id: true,
          status: true,
          attendance: true,
          attendanceAt: true,
          application: { select: { id: true, stage: true, candidate: { select: { id: true, firstName: true, lastName: true, middleName: true, erasedAt: true } } } },
        },
      },
    },
  });
  if (!session) return null;
  const { invitations, ...details } = session;
  const people = invitations.map((i) => {
    const c = i.application.candidate;
    const name = c.erasedAt ? null : { firstName: c.firstName, lastName: c.lastName, middleName: c.middleName };
    const sortName = name ? (locale === "ru" ? [name.lastName, name.firstName, name.middleName] : [name.firstName, name.lastName]).filter(Boolean).join(" ") : null;
    return { invitationId: i.id, applicationId: i.application.id, candidateId: c.id, stage: i.application.stage, name, sortName, status: i.status, attendance: i.attendance, attendanceAt: i.attendanceAt };
  });
  return {
    session: details,
    state: checkInState(session, now),
    opensAt: checkInOpensAt(session.startsAt),
    canClose: checkInState(session, now) === "open" && now >= session.startsAt,
    people: checkInOrder(people, locale),
    tally: checkInTally(people.map((p) => p.attendance)),
  };
}
export type CheckInPage = NonNullable<Awaited<ReturnType<typeof checkInPage>>>;
