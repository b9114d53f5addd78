import { type InvitationStatus, type Prisma } from "@prisma/client";
import { type AppLocale } from "~/i18n/i18n";
import { hashToken } from "~/outreach/links.server";
import { recordStageEvent } from "~/pipeline/pipeline.server";
import { audit } from "~/utils/audit.server";
import { db, type Tx } from "~/utils/db.server";
import {
  confirmedCount,
  isUpcoming,
  lockInvitation,
  lockSessions,
  moveToInvited,
  placement,
  promoteWaitlisted,
  type SessionRow,
  vacate,
} from "./booking.server";
import { currentCalendarFile, rsvpUrlFor, sendInvitationLetter } from "./invitation-letter.server";
import { isOpenStatus, rsvpChoices, type RsvpIntent, sessionPhase, type SessionTimePlace } from "./rsvp";

/**
 * The candidate's side of an invitation, opened by the RSVP link's token (only its
 * hash is stored): what the page shows, and confirm / wait for a place / move to
 * another session / decline. Each answer is one transaction that locks the session(s)
 * and then the invitation, as the recruiters' bookings do, so a confirmation never
 * takes a room past its capacity. Answers after the session started are refused; after
 * it ended the page is gone (410).
 */

const TX = { maxWait: 10_000, timeout: 30_000 };

export type SessionOption = SessionTimePlace & {
  /** Confirmed places still free. */
  free: number;
};

/** The vacancy's sessions that have not started, are not cancelled and have a confirmed place free. */
export async function sessionsWithRoom(tx: Pick<Tx, "$queryRaw">, vacancyId: string, now: Date, exceptId: string | null): Promise<SessionOption[]> {
  return tx.$queryRaw<SessionOption[]>`
    SELECT s.id, s."startsAt", s."durationMinutes", s."timeZone", s.place, s."videoUrl",
           (s.capacity - count(i.id) FILTER (WHERE i.status = 'CONFIRMED'))::int AS free
    FROM "InterviewSession" s LEFT JOIN "InterviewInvitation" i ON i."sessionId" = s.id
    WHERE s."vacancyId" = ${vacancyId} AND s."cancelledAt" IS NULL AND s."startsAt" > ${now}::timestamp
      AND s.id <> ${exceptId ?? ""}
    GROUP BY s.id
    HAVING s.capacity > count(i.id) FILTER (WHERE i.status = 'CONFIRMED')
    ORDER BY s."startsAt", s.id
    LIMIT 50`;
}

const BY_TOKEN = {
  id: true,
  status: true,
  vacancyId: true,
  applicationId: true,
  sessionId: true,
  confirmedAt: true,
  declinedAt: true,
  vacancy: { select: { title: true, city: true } },
  application: { select: { candidate: { select: { firstName: true, erasedAt: true } } } },
  session: { select: { id: true, startsAt: true, durationMinutes: true, timeZone: true, place: true, videoUrl: true, capacity: true, cancelledAt: true } },
} satisfies Prisma.InterviewInvitationSelect;

async function findByToken(tx: Pick<Tx, "interviewInvitation">, token: string) {
  if (!token) return null;
  const found = await tx.interviewInvitation.findUnique({ where: { tokenHash: hashToken(token) }, select: BY_TOKEN });
  return found && !found.application.candidate.erasedAt ? found : null;
}

export type RsvpView =
  | { status: "not-found" }
  | { status: "gone"; vacancyTitle: string }
  | {
      status: "ok";
      invitation: { status: InvitationStatus; confirmedAt: Date | null; declinedAt: Date | null };
      session: { startsAt: Date; durationMinutes: number; timeZone: string; place: string | null; videoUrl: string | null; cancelled: boolean } | null;
      /** Null while waiting for any session. */
      phase: "upcoming" | "running" | null;
      vacancy: { title: string; city: string };
      firstName: string;
      choices: RsvpIntent[];
      /** The session has no confirmed place left: confirming offers the waitlist or another session. */
      full: boolean;
      alternatives: SessionOption[];
      /** A calendar file is offered (a place in a session that has not been cancelled). */
      calendar: boolean;
    };

export async function rsvpView(token: string, { now = new Date() }: { now?: Date } = {}): Promise<RsvpView> {
  const tx = db();
  const found = await findByToken(tx, token);
  if (!found) return { status: "not-found" };
  const { session } = found;
  const phase = session ? sessionPhase(session, now) : null;
  if (phase === "over") return { status: "gone", vacancyTitle: found.vacancy.title };
  const answerable = !session || (phase === "upcoming" && !session.cancelledAt);
  const choices = answerable ? rsvpChoices(found.status, Boolean(session)) : [];
  const [alternatives, confirmed] = await Promise.all([
    choices.includes("move") ? sessionsWithRoom(tx, found.vacancyId, now, found.sessionId) : Promise.resolve([]),
    session ? confirmedCount(tx, session.id) : Promise.resolve(0),
  ]);
  return {
    status: "ok",
    invitation: { status: found.status, confirmedAt: found.confirmedAt, declinedAt: found.declinedAt },
    session: session
      ? { startsAt: session.startsAt, durationMinutes: session.durationMinutes, timeZone: session.timeZone, place: session.place, videoUrl: session.videoUrl, cancelled: Boolean(session.cancelledAt) }
      : null,
    phase,
    vacancy: found.vacancy,
    firstName: found.application.candidate.firstName,
    choices,
    full: Boolean(session && found.status !== "CONFIRMED" && confirmed >= session.capacity),
    alternatives,
    calendar: Boolean(session && !session.cancelledAt && (found.status === "INVITED" || found.status === "CONFIRMED")),
  };
}

export type RsvpOutcome =
  | "confirmed"
  | "already-confirmed"
  | "full"
  | "waitlisted"
  | "not-full"
  | "moved"
  | "bad-session"
  | "declined"
  | "not-found"
  | "gone"
  | "not-allowed";

type Locked = { tx: Tx; row: NonNullable<Awaited<ReturnType<typeof lockInvitation>>>; sessions: Map<string, SessionRow>; current: SessionRow | null };
const RETRY = Symbol("retry");

/**
 * Runs `answer` in a transaction holding the invitation's session (and `otherSessionId`),
 * then the invitation, locked. A row that moved between the read and the lock is read
 * again (a recruiter moved it at the same moment).
 */
async function withInvitation(token: string, now: Date, otherSessionId: string | null, answer: (locked: Locked) => Promise<RsvpOutcome>): Promise<RsvpOutcome> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const outcome = await db().$transaction(async (tx): Promise<RsvpOutcome | typeof RETRY> => {
      // Flat reads: a transaction is one connection, and nested selects would query it in parallel.
      const seen = token ? await tx.interviewInvitation.findUnique({ where: { tokenHash: hashToken(token) }, select: { id: true, sessionId: true, applicationId: true } }) : null;
      if (!seen) return "not-found";
      const erased = await tx.$queryRaw<unknown[]>`
        SELECT 1 FROM "Application" a JOIN "Candidate" c ON c.id = a."candidateId" WHERE a.id = ${seen.applicationId} AND c."erasedAt" IS NOT NULL`;
      if (erased.length) return "not-found";
      const sessions = await lockSessions(tx, [seen.sessionId, otherSessionId]);
      const row = await lockInvitation(tx, seen.id);
      if (!row) return "not-found";
      if (row.sessionId !== seen.sessionId) return RETRY;
      const current = row.sessionId ? sessions.get(row.sessionId)! : null;
      if (current && sessionPhase(current, now) === "over") return "gone";
      if (current && (current.cancelledAt || sessionPhase(current, now) !== "upcoming")) return "not-allowed";
      return answer({ tx, row, sessions, current });
    }, TX);
    if (outcome !== RETRY) return outcome;
  }
  return "not-allowed";
}

const entity = (id: string) => ({ entityType: "InterviewInvitation", entityId: id });

export function rsvpConfirm(token: string, { now = new Date() }: { now?: Date } = {}): Promise<RsvpOutcome> {
  return withInvitation(token, now, null, async ({ tx, row, current }) => {
    if (!current) return "not-allowed";
    if (row.status === "CONFIRMED") return "already-confirmed";
    if (row.status !== "INVITED" && row.status !== "WAITLISTED") return "not-allowed";
    if ((await confirmedCount(tx, current.id)) >= current.capacity) return "full";
    await tx.interviewInvitation.update({
      where: { id: row.id },
      data: row.status === "INVITED" ? { status: "CONFIRMED", confirmedAt: now } : { ...placement("CONFIRMED", current.startsAt, now), waitlistedAt: null },
    });
    await moveToInvited(tx, [row.applicationId], null);
    await recordStageEvent(tx, [row.applicationId], { event: "INTERVIEW_CONFIRMED", actorId: null, reason: "RSVP" });
    await audit(tx, { actorId: null, action: "interview.rsvp-confirm", ...entity(row.id), details: { sessionId: current.id, from: row.status } });
    return "confirmed";
  });
}

/** Offered instead of confirming when the room is full: wait for a place in this session. */
export function rsvpWaitlist(token: string, { now = new Date() }: { now?: Date } = {}): Promise<RsvpOutcome> {
  return withInvitation(token, now, null, async ({ tx, row, current }) => {
    if (!current || row.status !== "INVITED") return "not-allowed";
    if ((await confirmedCount(tx, current.id)) < current.capacity) return "not-full";
    await tx.interviewInvitation.update({ where: { id: row.id }, data: { status: "WAITLISTED", waitlistedAt: now } });
    await audit(tx, { actorId: null, action: "interview.waitlist", ...entity(row.id), details: { sessionId: current.id, from: row.status, via: "rsvp" } });
    return "waitlisted";
  });
}

/**
 * Another upcoming session of the same vacancy with a confirmed place free: the place
 * moves there, confirmed, its reminders start again, and a new letter with the
 * calendar file for the new time goes out. The place left goes to the waitlist.
 */
export function rsvpMove(token: string, sessionId: string, { now = new Date() }: { now?: Date } = {}): Promise<RsvpOutcome> {
  return withInvitation(token, now, sessionId, async ({ tx, row, sessions, current }) => {
    const target = sessions.get(sessionId);
    if (!target || target.vacancyId !== row.vacancyId || target.id === row.sessionId || !isUpcoming(target, now)) return "bad-session";
    if (!isOpenStatus(row.status)) return "not-allowed";
    if ((await confirmedCount(tx, target.id)) >= target.capacity) return "full";
    await vacate(tx, target.id, row.applicationId, row.id);
    await tx.interviewInvitation.update({ where: { id: row.id }, data: { sessionId: target.id, ...placement("CONFIRMED", target.startsAt, now), waitlistedAt: null } });
    await moveToInvited(tx, [row.applicationId], null);
    await recordStageEvent(tx, [row.applicationId], { event: "INTERVIEW_CONFIRMED", actorId: null, reason: "RSVP: another session" });
    const vacancy = await tx.vacancy.findUniqueOrThrow({ where: { id: row.vacancyId }, select: { title: true } });
    const letter = await sendInvitationLetter(tx, { invitationId: row.id, applicationId: row.applicationId, session: target, vacancyId: row.vacancyId, vacancyTitle: vacancy.title, token });
    await audit(tx, {
      actorId: null,
      action: "interview.rsvp-move",
      ...entity(row.id),
      details: { fromSessionId: row.sessionId, toSessionId: target.id, from: row.status, letter },
    });
    if (current && (row.status === "INVITED" || row.status === "CONFIRMED")) await promoteWaitlisted(tx, current, { actorId: null, now });
    return "moved";
  });
}

/** Declined, with the candidate's note (personal data: kept on the invitation, never in the history or the audit). */
export function rsvpDecline(token: string, note: string | undefined, { now = new Date() }: { now?: Date } = {}): Promise<RsvpOutcome> {
  return withInvitation(token, now, null, async ({ tx, row, current }) => {
    if (!isOpenStatus(row.status)) return "not-allowed";
    await tx.interviewInvitation.update({ where: { id: row.id }, data: { status: "DECLINED", declinedAt: now, declineNote: note?.trim() || null } });
    await recordStageEvent(tx, [row.applicationId], { event: "INTERVIEW_DECLINED", actorId: null, reason: "RSVP" });
    await audit(tx, { actorId: null, action: "interview.rsvp-decline", ...entity(row.id), details: { sessionId: row.sessionId, from: row.status, withNote: Boolean(note?.trim()) } });
    if (current && (row.status === "INVITED" || row.status === "CONFIRMED")) await promoteWaitlisted(tx, current, { actorId: null, now });
    return "declined";
  });
}

export type CalendarDownload = { status: "not-found" } | { status: "gone" } | { status: "ok"; content: string };

/** The calendar file of the place the token holds now (invited or confirmed, session not cancelled). */
export async function rsvpCalendar(token: string, locale: AppLocale, { now = new Date() }: { now?: Date } = {}): Promise<CalendarDownload> {
  const found = await findByToken(db(), token);
  const session = found?.session;
  if (!found || !session || session.cancelledAt || (found.status !== "INVITED" && found.status !== "CONFIRMED")) return { status: "not-found" };
  if (sessionPhase(session, now) === "over") return { status: "gone" };
  const content = await currentCalendarFile(db(), { invitationId: found.id, applicationId: found.applicationId, link: rsvpUrlFor(token), session, vacancyTitle: found.vacancy.title, locale });
  return { status: "ok", content };
}
