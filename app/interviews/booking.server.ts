import { type InvitationStatus, Prisma, type Stage } from "@prisma/client";
import { advanceMany, recordStageEvent } from "~/pipeline/pipeline.server";
import { type ContactBlock } from "~/sourcing/contact-policy";
import { contactRefusals } from "~/sourcing/contact-policy.server";
import { audit } from "~/utils/audit.server";
import { newId } from "~/utils/bulk-insert.server";
import { type Tx } from "~/utils/db.server";
import { type LetterStatus, rsvpTokenHash, sendInvitationLetter } from "./invitation-letter.server";
import { sessionCounts, vacancyShowRate } from "./observations.server";
import { recommendInvites, spreadOverSessions } from "./overbooking";
import { marksAtPlacement } from "./reminder-times";
import { OPEN_STATUSES } from "./rsvp";
import { type SessionBasics } from "./session-select.server";

/**
 * Places at group interviews: the bulk invitation spread over sessions by the
 * recommendation, a recruiter's phone booking, withdrawing, and the waitlist moving up.
 *
 * The capacity rule (prisma/schema.prisma, InterviewSession): invitations may outnumber
 * the seats, confirmed places never outnumber the room, and a bulk invitation never
 * takes a session past its recommended number of invitations. Both are checked after
 * locking the session row (lockSession) in the transaction that writes, so two
 * recruiters booking the last place at once are applied one after the other and the
 * second is refused. Locks are taken in one order everywhere: sessions (by id), then
 * invitations, then the people and applications (through the contact rule).
 */

/** A session as booking reads it (the columns SESSION_COLUMNS lists, in SQL). */
export type SessionRow = SessionBasics;

const SESSION_COLUMNS = Prisma.sql`id, "vacancyId", "startsAt", "durationMinutes", "timeZone", place, "videoUrl", seats, capacity, confidence, "cancelledAt", "checkInClosedAt"`;

/** The session row, locked (FOR UPDATE) until the transaction ends; null when there is none. */
export async function lockSession(tx: Tx, sessionId: string): Promise<SessionRow | null> {
  return (await lockSessions(tx, [sessionId])).get(sessionId) ?? null;
}

/** lockSession for several, in id order (so two transactions never wait on each other crosswise). */
export async function lockSessions(tx: Tx, sessionIds: ReadonlyArray<string | null | undefined>): Promise<Map<string, SessionRow>> {
  const ids = [...new Set(sessionIds.filter((id): id is string => Boolean(id)))].sort();
  if (!ids.length) return new Map();
  const rows = await tx.$queryRaw<SessionRow[]>`
    SELECT ${SESSION_COLUMNS} FROM "InterviewSession" WHERE id IN (${Prisma.join(ids)}) ORDER BY id FOR UPDATE`;
  return new Map(rows.map((row) => [row.id, row]));
}

export function isUpcoming(session: Pick<SessionRow, "startsAt" | "cancelledAt">, now: Date): boolean {
  return !session.cancelledAt && session.startsAt.getTime() > now.getTime();
}

/** What the plan allows the session: recommendInvites' number for the vacancy's show rate now. */
export async function recommendedFor(tx: Tx, sessions: readonly SessionRow[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const estimates = new Map<string, Awaited<ReturnType<typeof vacancyShowRate>>>();
  for (const s of sessions) {
    let estimate = estimates.get(s.vacancyId);
    if (!estimate) {
      estimate = await vacancyShowRate(tx, s.vacancyId);
      estimates.set(s.vacancyId, estimate);
    }
    out.set(s.id, recommendInvites({ seats: s.seats, capacity: s.capacity, estimate, confidence: s.confidence }).invite);
  }
  return out;
}

export async function confirmedCount(tx: Pick<Tx, "interviewInvitation">, sessionId: string): Promise<number> {
  return tx.interviewInvitation.count({ where: { sessionId, status: "CONFIRMED" } });
}

/** Stages an invitation may be given at (the earlier ones move on to "invited to interview"). */
const BEFORE_INTERVIEW: readonly Stage[] = ["SOURCED", "CONTACTED", "QUESTIONNAIRE_SENT", "QUESTIONNAIRE_PASSED"];
const INVITABLE: readonly Stage[] = [...BEFORE_INTERVIEW, "INTERVIEW_INVITED"];
const INVITE_REASON = "invited to a group interview";

/** Those still before the interview move on to "invited to interview" (the caller asked the contact rule, or the candidate did it). */
export function moveToInvited(tx: Tx, applicationIds: readonly string[], actorId: string | null): Promise<string[]> {
  return advanceMany(tx, applicationIds, { from: BEFORE_INTERVIEW, to: "INTERVIEW_INVITED", actorId, reason: INVITE_REASON });
}

export class BookingError extends Error {
  constructor(readonly problem: BookingProblem) {
    super(`Interview booking refused: ${problem}`);
    this.name = "BookingError";
  }
}
export type BookingProblem = "not-found" | "past" | "cancelled" | "full" | "stage" | "already-confirmed" | "closed" | "changed" | ContactBlock;

/** The invitation row, locked; null when gone. */
export async function lockInvitation(tx: Tx, invitationId: string) {
  const [row] = await tx.$queryRaw<Array<{ id: string; vacancyId: string; applicationId: string; sessionId: string | null; status: InvitationStatus }>>`
    SELECT id, "vacancyId", "applicationId", "sessionId", status::text AS status FROM "InterviewInvitation" WHERE id = ${invitationId} FOR UPDATE`;
  return row ?? null;
}

/**
 * A closed invitation (declined, cancelled) of the application to `sessionId` is set
 * aside (its session cleared) so another row of theirs can take that session: one row
 * per session and application (@@unique).
 */
export async function vacate(tx: Tx, sessionId: string, applicationId: string, keepId: string): Promise<void> {
  await tx.interviewInvitation.updateMany({
    where: { sessionId, applicationId, id: { not: keepId }, status: { in: ["DECLINED", "CANCELLED"] } },
    data: { sessionId: null },
  });
}

/** The columns of a fresh place in a session starting at `startsAt` (reminders already too late are marked done). */
export function placement(status: "INVITED" | "CONFIRMED", startsAt: Date, now: Date) {
  return {
    status,
    confirmedAt: status === "CONFIRMED" ? now : null,
    declinedAt: null,
    declineNote: null,
    ...marksAtPlacement(startsAt, now),
  };
}

type NewPlace = { vacancyId: string; applicationId: string; actorId: string | null; now: Date };

/** A new invitation row (or the application's closed one to that session, reopened). Returns its id. */
async function createPlace(tx: Tx, input: NewPlace & { session: SessionRow | null; status: "INVITED" | "CONFIRMED" | "WAITLISTED" }): Promise<string> {
  const { session, status, now } = input;
  const fields =
    status === "WAITLISTED" || !session
      ? { status, waitlistedAt: now, confirmedAt: null, declinedAt: null, declineNote: null, reminded24hAt: null, reminded2hAt: null }
      : { ...placement(status, session.startsAt, now), waitlistedAt: null };
  if (session) {
    const closed = await tx.interviewInvitation.findUnique({
      where: { sessionId_applicationId: { sessionId: session.id, applicationId: input.applicationId } },
      select: { id: true },
    });
    if (closed) {
      await tx.interviewInvitation.update({ where: { id: closed.id }, data: { ...fields, emailId: null, tokenHash: rsvpTokenHash(closed.id) } });
      return closed.id;
    }
  }
  const id = newId();
  await tx.interviewInvitation.create({
    data: { id, vacancyId: input.vacancyId, applicationId: input.applicationId, sessionId: session?.id ?? null, tokenHash: rsvpTokenHash(id), createdById: input.actorId, ...fields },
  });
  return id;
}

export type SkipReason = "not-found" | "already-invited" | "stage" | "no-email" | ContactBlock;
export type LetterCounts = { queued: number; duplicate: number; noTemplate: number; noEmail: number; contactRefused: number };

export const emptyLetters = (): LetterCounts => ({ queued: 0, duplicate: 0, noTemplate: 0, noEmail: 0, contactRefused: 0 });

export function countLetter(letters: LetterCounts, status: LetterStatus): void {
  const key = ({ queued: "queued", duplicate: "duplicate", "no-template": "noTemplate", "no-email": "noEmail", "contact-refused": "contactRefused" } as const)[status];
  letters[key] += 1;
}

export type InviteReport = {
  sessions: Array<{ id: string; startsAt: Date; durationMinutes: number; timeZone: string; recommended: number; before: number; invited: number }>;
  invited: number;
  waitlisted: number;
  skipped: Partial<Record<SkipReason, number>>;
  letters: LetterCounts;
};

/**
 * Invites the applications (in the order given, best first) to the vacancy's upcoming
 * sessions (all of them, or `sessionIds`), earliest first, each up to its recommended
 * number less the active invitations it has; the rest wait on the vacancy's waitlist
 * (no session). Skipped, with the reason counted: not of this vacancy, already holding
 * an open invitation (waitlisted, invited, confirmed), at a stage past the interview or
 * out, no e-mail address, or the contact rule says no. Those invited move on to
 * "invited to interview" and get the letter with the calendar file.
 */
export async function inviteToSessions(
  tx: Tx,
  input: { vacancyId: string; applicationIds: readonly string[]; sessionIds?: readonly string[]; actorId: string | null; now?: Date },
): Promise<InviteReport> {
  const now = input.now ?? new Date();
  const wanted = [...new Set(input.applicationIds)];
  const report: InviteReport = { sessions: [], invited: 0, waitlisted: 0, skipped: {}, letters: emptyLetters() };
  const skip = (reason: SkipReason) => (report.skipped[reason] = (report.skipped[reason] ?? 0) + 1);

  const candidates = await tx.interviewSession.findMany({
    where: { vacancyId: input.vacancyId, cancelledAt: null, startsAt: { gt: now }, ...(input.sessionIds ? { id: { in: [...input.sessionIds] } } : {}) },
    select: { id: true },
  });
  const locked = await lockSessions(tx, candidates.map((s) => s.id));
  const sessions = [...locked.values()]
    .filter((s) => s.vacancyId === input.vacancyId && isUpcoming(s, now))
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id.localeCompare(b.id));

  const ours = await tx.application.findMany({ where: { id: { in: wanted }, vacancyId: input.vacancyId }, select: { id: true } });
  const ourIds = new Set(ours.map((a) => a.id));
  // People, then applications, locked: nobody else gives them an invitation until we commit.
  const refusals = await contactRefusals(tx, [...ourIds].sort());
  // One query at a time: a transaction is one connection.
  const applications = await tx.application.findMany({ where: { id: { in: [...ourIds] } }, select: { id: true, stage: true, candidate: { select: { email: true } } } });
  const open = await tx.interviewInvitation.findMany({
    where: { vacancyId: input.vacancyId, applicationId: { in: [...ourIds] }, status: { in: [...OPEN_STATUSES] } },
    select: { applicationId: true },
  });
  const byId = new Map(applications.map((a) => [a.id, a]));
  const holding = new Set(open.map((i) => i.applicationId));
  const eligible: string[] = [];
  for (const id of wanted) {
    const application = byId.get(id);
    const refusal = refusals.get(id);
    if (!application) skip("not-found");
    else if (holding.has(id)) skip("already-invited");
    else if (!INVITABLE.includes(application.stage)) skip("stage");
    else if (refusal) skip(refusal);
    else if (!application.candidate.email?.trim()) skip("no-email");
    else eligible.push(id);
  }

  const counts = await sessionCounts(tx, sessions.map((s) => s.id));
  const recommended = await recommendedFor(tx, sessions);
  const plans = sessions.map((s) => ({ id: s.id, alreadyInvited: counts.get(s.id)!.active, recommended: recommended.get(s.id)! }));
  const { bySession, waitlist } = spreadOverSessions(eligible, plans);

  const place = { vacancyId: input.vacancyId, actorId: input.actorId, now };
  const vacancy = await tx.vacancy.findUniqueOrThrow({ where: { id: input.vacancyId }, select: { title: true } });
  const invited: Array<{ id: string; applicationId: string; session: SessionRow }> = [];
  for (const session of sessions) {
    const ids = bySession.get(session.id) ?? [];
    const plan = plans.find((p) => p.id === session.id)!;
    report.sessions.push({ id: session.id, startsAt: session.startsAt, durationMinutes: session.durationMinutes, timeZone: session.timeZone, recommended: plan.recommended, before: plan.alreadyInvited, invited: ids.length });
    for (const applicationId of ids) {
      invited.push({ id: await createPlace(tx, { ...place, applicationId, session, status: "INVITED" }), applicationId, session });
    }
  }
  await moveToInvited(tx, invited.map((i) => i.applicationId), input.actorId);
  for (const invitation of invited) {
    const letter = await sendInvitationLetter(tx, {
      invitationId: invitation.id,
      applicationId: invitation.applicationId,
      session: invitation.session,
      vacancyId: input.vacancyId,
      vacancyTitle: vacancy.title,
    });
    countLetter(report.letters, letter);
    await audit(tx, {
      actorId: input.actorId,
      action: "interview.invite",
      entityType: "InterviewInvitation",
      entityId: invitation.id,
      details: { vacancyId: input.vacancyId, applicationId: invitation.applicationId, sessionId: invitation.session.id, letter, bulk: true },
    });
  }
  report.invited = invited.length;
  for (const [index, applicationId] of waitlist.entries()) {
    // A millisecond apart: those waitlisted together move up in the shortlist's order.
    const id = await createPlace(tx, { ...place, now: new Date(now.getTime() + index), applicationId, session: null, status: "WAITLISTED" });
    await audit(tx, { actorId: input.actorId, action: "interview.waitlist", entityType: "InterviewInvitation", entityId: id, details: { vacancyId: input.vacancyId, applicationId, sessionId: null } });
  }
  report.waitlisted = waitlist.length;
  return report;
}

/**
 * Fills the session's free invitations (its recommended number less the active ones)
 * from the waitlist, while the room has a confirmed place free: those waiting for this
 * session first, then the vacancy's waiting for any, oldest first; each becomes
 * INVITED with the letter. Someone who may
 * no longer be contacted, has no e-mail or left the running stays where they are.
 * The caller holds the session's lock. Returns the invitations promoted.
 */
/** A session takes its plan's worth from the waitlist now (a new series, "fill from the waitlist"), in the caller's transaction. */
export async function fillFromWaitlist(tx: Tx, sessionId: string, { actorId, now }: { actorId: string | null; now: Date }): Promise<string[]> {
  const locked = await lockSession(tx, sessionId);
  return locked ? promoteWaitlisted(tx, locked, { actorId, now }) : [];
}

export async function promoteWaitlisted(tx: Tx, session: SessionRow, { actorId, now }: { actorId: string | null; now: Date }): Promise<string[]> {
  if (!isUpcoming(session, now)) return [];
  const counts = await sessionCounts(tx, [session.id]);
  const recommended = await recommendedFor(tx, [session]);
  const { active, confirmed } = counts.get(session.id)!;
  let room = recommended.get(session.id)! - active;
  // A room already full of confirmed people has nothing to offer: the invited could not confirm.
  if (room <= 0 || confirmed >= session.capacity) return [];
  const waiting = await tx.$queryRaw<Array<{ id: string; applicationId: string }>>`
    SELECT id, "applicationId" FROM "InterviewInvitation"
    WHERE status = 'WAITLISTED' AND ("sessionId" = ${session.id} OR ("sessionId" IS NULL AND "vacancyId" = ${session.vacancyId}))
    ORDER BY ("sessionId" IS NULL), "waitlistedAt" NULLS LAST, "createdAt", id
    FOR UPDATE`;
  if (!waiting.length) return [];
  const refusals = await contactRefusals(tx, waiting.map((w) => w.applicationId).sort());
  const applications = new Map(
    (await tx.application.findMany({ where: { id: { in: waiting.map((w) => w.applicationId) } }, select: { id: true, stage: true, candidate: { select: { email: true } } } })).map((a) => [a.id, a]),
  );
  const vacancy = await tx.vacancy.findUniqueOrThrow({ where: { id: session.vacancyId }, select: { title: true } });
  const promoted: string[] = [];
  for (const w of waiting) {
    if (room <= 0) break;
    const application = applications.get(w.applicationId);
    if (!application || refusals.get(w.applicationId) || !INVITABLE.includes(application.stage) || !application.candidate.email?.trim()) continue;
    await vacate(tx, session.id, w.applicationId, w.id);
    await tx.interviewInvitation.update({ where: { id: w.id }, data: { sessionId: session.id, ...placement("INVITED", session.startsAt, now) } });
    await moveToInvited(tx, [w.applicationId], actorId);
    const letter = await sendInvitationLetter(tx, { invitationId: w.id, applicationId: w.applicationId, session, vacancyId: session.vacancyId, vacancyTitle: vacancy.title });
    await audit(tx, {
      actorId,
      action: "interview.invite",
      entityType: "InterviewInvitation",
      entityId: w.id,
      details: { vacancyId: session.vacancyId, applicationId: w.applicationId, sessionId: session.id, letter, fromWaitlist: true },
    });
    promoted.push(w.id);
    room -= 1;
  }
  return promoted;
}

/** The application's open invitation for the vacancy (waitlisted, invited or confirmed), if any. */
async function openInvitation(tx: Tx, vacancyId: string, applicationId: string) {
  return tx.interviewInvitation.findFirst({
    where: { vacancyId, applicationId, status: { in: [...OPEN_STATUSES] } },
    orderBy: { createdAt: "desc" },
    select: { id: true, sessionId: true, status: true },
  });
}

/**
 * A recruiter booked the candidate by phone: a confirmed place in the session (their
 * open invitation moves here, or a new one is made), "invited to interview" and
 * "confirmed" in the stage history. Refused (BookingError) when the room is full
 * (confirmed = capacity), the session started or was cancelled, the candidate is past
 * the interview or out, or may not be contacted. No letter: the candidate was just told
 * on the phone; the reminders carry the RSVP link.
 */
export async function bookPlace(
  tx: Tx,
  input: { sessionId: string; applicationId?: string; invitationId?: string; actorId: string; now?: Date },
): Promise<{ invitationId: string; promoted: string[] }> {
  const now = input.now ?? new Date();
  const given = input.invitationId ? await tx.interviewInvitation.findUnique({ where: { id: input.invitationId }, select: { applicationId: true } }) : null;
  const applicationId = given?.applicationId ?? input.applicationId;
  const target = await tx.interviewSession.findUnique({ where: { id: input.sessionId }, select: { vacancyId: true } });
  if (!applicationId || !target) throw new BookingError("not-found");
  const seen = await openInvitation(tx, target.vacancyId, applicationId);
  const sessions = await lockSessions(tx, [input.sessionId, seen?.sessionId]);
  const session = sessions.get(input.sessionId)!;
  if (session.cancelledAt) throw new BookingError("cancelled");
  if (!isUpcoming(session, now)) throw new BookingError("past");
  const current = seen ? await lockInvitation(tx, seen.id) : null;
  const application = await tx.application.findFirst({ where: { id: applicationId, vacancyId: session.vacancyId }, select: { id: true, stage: true } });
  if (!application) throw new BookingError("not-found");
  const refusal = (await contactRefusals(tx, [applicationId])).get(applicationId);
  if (refusal) throw new BookingError(refusal);
  // Read again under the application's lock: another booking or invitation may have come first.
  const again = await openInvitation(tx, session.vacancyId, applicationId);
  if ((again?.id ?? null) !== (seen?.id ?? null) || (current && current.sessionId !== seen?.sessionId)) throw new BookingError("changed");
  if (!INVITABLE.includes(application.stage)) throw new BookingError("stage");
  if (current?.sessionId === session.id && current.status === "CONFIRMED") throw new BookingError("already-confirmed");
  if ((await confirmedCount(tx, session.id)) >= session.capacity) throw new BookingError("full");

  let invitationId: string;
  if (current) {
    invitationId = current.id;
    await vacate(tx, session.id, applicationId, current.id);
    const sameSession = current.sessionId === session.id && current.status === "INVITED";
    await tx.interviewInvitation.update({
      where: { id: current.id },
      data: sameSession ? { status: "CONFIRMED", confirmedAt: now } : { sessionId: session.id, ...placement("CONFIRMED", session.startsAt, now) },
    });
  } else {
    invitationId = await createPlace(tx, { vacancyId: session.vacancyId, applicationId, actorId: input.actorId, now, session, status: "CONFIRMED" });
  }
  await moveToInvited(tx, [applicationId], input.actorId);
  await recordStageEvent(tx, [applicationId], { event: "INTERVIEW_CONFIRMED", actorId: input.actorId, reason: "booked by phone" });
  await audit(tx, {
    actorId: input.actorId,
    action: "interview.book",
    entityType: "InterviewInvitation",
    entityId: invitationId,
    details: { vacancyId: session.vacancyId, applicationId, sessionId: session.id, fromSessionId: current?.sessionId ?? null, from: current?.status ?? null },
  });
  const left = current?.sessionId && current.sessionId !== session.id && current.status !== "WAITLISTED" ? sessions.get(current.sessionId) : undefined;
  const promoted = left ? await promoteWaitlisted(tx, left, { actorId: input.actorId, now }) : [];
  return { invitationId, promoted };
}

/**
 * A recruiter takes an invitation back (CANCELLED). A place it held in an upcoming
 * session goes to the first on the waitlist. Returns the invitations promoted.
 */
export async function withdrawInvitation(tx: Tx, input: { invitationId: string; actorId: string; now?: Date }): Promise<{ promoted: string[] }> {
  const now = input.now ?? new Date();
  const seen = await tx.interviewInvitation.findUnique({ where: { id: input.invitationId }, select: { sessionId: true } });
  if (!seen) throw new BookingError("not-found");
  const session = seen.sessionId ? await lockSession(tx, seen.sessionId) : null;
  const row = await lockInvitation(tx, input.invitationId);
  if (!row) throw new BookingError("not-found");
  if (row.sessionId !== seen.sessionId) throw new BookingError("changed");
  if (!(OPEN_STATUSES as readonly InvitationStatus[]).includes(row.status)) throw new BookingError("closed");
  await tx.interviewInvitation.update({ where: { id: row.id }, data: { status: "CANCELLED" } });
  await audit(tx, {
    actorId: input.actorId,
    action: "interview.uninvite",
    entityType: "InterviewInvitation",
    entityId: row.id,
    details: { vacancyId: row.vacancyId, applicationId: row.applicationId, sessionId: row.sessionId, from: row.status },
  });
  const heldPlace = row.status === "INVITED" || row.status === "CONFIRMED";
  return { promoted: session && heldPlace ? await promoteWaitlisted(tx, session, { actorId: input.actorId, now }) : [] };
}
