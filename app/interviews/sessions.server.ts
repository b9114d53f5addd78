import { type Prisma } from "@prisma/client";
import { audit } from "~/utils/audit.server";
import { db, type Tx } from "~/utils/db.server";
import { fillFromWaitlist, lockSession } from "./booking.server";
import { queueSessionLetter } from "./reminders.server";
import { noShowReport, sessionDay, showRateBreakdowns } from "./attendance";
import { observations, sessionCounts, vacancyShowRate, type SessionCounts } from "./observations.server";
import { DEFAULT_RUBRIC, readRubric } from "./rubric";
import { DURATION, sessionPlan, type SeriesInput, type SessionEdit, type SessionPlan } from "./schedule";
import { type ShowRateEstimate } from "./show-rate";
import { SESSION_BASICS } from "./session-select.server";

/**
 * Group-interview sessions: creating a series, the calendar, a session's page, editing
 * and cancelling. Each write is one transaction with its audit row; the session row is
 * locked (SELECT … FOR UPDATE) before a check that bookings could race, as
 * ./booking.server.ts does for invitations.
 */

/** Who may assess a session: hiring managers and department heads. */
export const ASSESSOR_ROLES = ["HIRING_MANAGER", "DEPARTMENT_HEAD"] as const;
const TX_OPTIONS = { maxWait: 10_000, timeout: 20_000 };
const E = "interviewSessions.errors";

/** A form the database refused: errors by field (i18n keys), or about the whole form. */
export class SessionRefused extends Error {
  constructor(
    readonly fieldErrors: Record<string, string[]>,
    readonly formErrors: string[] = [],
  ) {
    super(`session refused: ${JSON.stringify({ fieldErrors, formErrors })}`);
    this.name = "SessionRefused";
  }
}

function refuseIf(fieldErrors: Record<string, string[]>, formErrors: string[] = []) {
  if (Object.keys(fieldErrors).length || formErrors.length) throw new SessionRefused(fieldErrors, formErrors);
}

export async function assessorOptions(tx: Pick<Tx, "user"> = db()) {
  return tx.user.findMany({
    where: { active: true, roles: { hasSome: [...ASSESSOR_ROLES] } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, roles: true },
  });
}

/** The ids that are not active hiring managers or department heads. */
async function notAssessors(tx: Tx, ids: readonly string[]): Promise<string[]> {
  const allowed = await tx.user.findMany({
    where: { id: { in: [...ids] }, active: true, roles: { hasSome: [...ASSESSOR_ROLES] } },
    select: { id: true },
  });
  const ok = new Set(allowed.map((u) => u.id));
  return ids.filter((id) => !ok.has(id));
}

/** What the series creator offers: open vacancies with their show-rate estimates, and the possible assessors. */
export async function seriesFormOptions() {
  const tx = db();
  const [vacancies, assessors] = await Promise.all([
    tx.vacancy.findMany({ where: { status: "OPEN" }, orderBy: [{ title: "asc" }, { createdAt: "asc" }], select: { id: true, title: true, city: true } }),
    assessorOptions(tx),
  ]);
  const estimates = await Promise.all(vacancies.map((v) => vacancyShowRate(tx, v.id)));
  return { vacancies: vacancies.map((v, i) => ({ ...v, estimate: estimates[i]! })), assessors };
}

/**
 * A series: InterviewSeries, one session per slot (each with a copy of the vacancy's
 * rubric, or the default) and the assessors of every session. Refused when the vacancy
 * is not open, an assessor may not assess, or a slot is already one of the vacancy's
 * sessions.
 */
export async function createSeries(tx: Tx, input: SeriesInput, actorId: string): Promise<{ seriesId: string; sessionIds: string[] }> {
  const vacancy = await tx.vacancy.findUnique({
    where: { id: input.vacancyId },
    select: { status: true, interviewRubric: { select: { competencies: true } } },
  });
  const fieldErrors: Record<string, string[]> = {};
  if (vacancy?.status !== "OPEN") fieldErrors.vacancyId = [`${E}.vacancyNotOpen`];
  if ((await notAssessors(tx, input.assessorIds)).length) fieldErrors.assessorIds = [`${E}.assessorNotAllowed`];
  if (vacancy) {
    const taken = await tx.interviewSession.findMany({
      where: { vacancyId: input.vacancyId, cancelledAt: null, startsAt: { in: input.slots.map((s) => s.startsAt) } },
      select: { startsAt: true },
      orderBy: { startsAt: "asc" },
    });
    const first = input.slots.find((s) => taken.some((t) => t.startsAt.getTime() === s.startsAt.getTime()));
    if (first) fieldErrors.days = [`${E}.slotTaken|slot=${first.day} ${first.time}`];
  }
  refuseIf(fieldErrors);

  const rubric = vacancy?.interviewRubric ? readRubric(vacancy.interviewRubric.competencies) : DEFAULT_RUBRIC;
  const series = await tx.interviewSeries.create({ data: { vacancyId: input.vacancyId, name: input.name, createdById: actorId }, select: { id: true } });
  const sessions = await tx.interviewSession.createManyAndReturn({
    data: input.slots.map((slot) => ({
      vacancyId: input.vacancyId,
      seriesId: series.id,
      startsAt: slot.startsAt,
      durationMinutes: input.durationMinutes,
      timeZone: input.timeZone,
      place: input.place,
      videoUrl: input.videoUrl,
      seats: input.seats,
      capacity: input.capacity,
      confidence: input.confidence,
      rubric: rubric as Prisma.InputJsonValue,
      createdById: actorId,
    })),
    select: { id: true, startsAt: true },
  });
  sessions.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  await tx.interviewAssessor.createMany({ data: sessions.flatMap((s) => input.assessorIds.map((userId) => ({ sessionId: s.id, userId }))) });
  const sessionIds = sessions.map((s) => s.id);
  await audit(tx, {
    actorId,
    action: "interview.series-create",
    entityType: "InterviewSeries",
    entityId: series.id,
    details: {
      vacancyId: input.vacancyId,
      sessionIds,
      timeZone: input.timeZone,
      durationMinutes: input.durationMinutes,
      seats: input.seats,
      capacity: input.capacity,
      confidence: input.confidence,
      assessorIds: input.assessorIds,
      rubric: vacancy?.interviewRubric ? "vacancy" : "default",
    },
  });
  return { seriesId: series.id, sessionIds };
}

/**
 * createSeries in a transaction of its own; the new sessions then take their plan's
 * share of the vacancy's waitlist at once (invited, with their letters), earliest first.
 */
export function saveSeries(input: SeriesInput, actorId: string, { now = new Date() }: { now?: Date } = {}) {
  return db().$transaction(async (tx) => {
    const created = await createSeries(tx, input, actorId);
    const promoted: string[] = [];
    // createSeries lists them earliest first.
    for (const id of created.sessionIds) promoted.push(...(await fillFromWaitlist(tx, id, { actorId, now })));
    return { ...created, promoted };
  }, TX_OPTIONS);
}

const SESSION_SELECT = {
  ...SESSION_BASICS,
  vacancy: { select: { id: true, title: true, city: true } },
  series: { select: { id: true, name: true } },
} as const satisfies Prisma.InterviewSessionSelect;

type SessionRow = Prisma.InterviewSessionGetPayload<{ select: typeof SESSION_SELECT }>;

export type SessionPhase = "cancelled" | "upcoming" | "running" | "over";

const endOf = (s: { startsAt: Date; durationMinutes: number }) => new Date(s.startsAt.getTime() + s.durationMinutes * 60_000);

export function sessionPhase(s: { startsAt: Date; durationMinutes: number; cancelledAt: Date | null }, now: Date): SessionPhase {
  if (s.cancelledAt) return "cancelled";
  if (now < s.startsAt) return "upcoming";
  return now < endOf(s) ? "running" : "over";
}

export type CalendarSession = Omit<SessionRow, "vacancyId"> & {
  endsAt: Date;
  phase: SessionPhase;
  counts: SessionCounts;
  /** Only for sessions still ahead or running, not cancelled. */
  plan: SessionPlan | null;
};

function calendarSession(row: SessionRow, counts: SessionCounts, estimate: ShowRateEstimate, now: Date): CalendarSession {
  const { vacancyId: _vacancyId, ...rest } = row;
  const phase = sessionPhase(row, now);
  const plan =
    phase === "upcoming" || phase === "running"
      ? sessionPlan({ seats: row.seats, capacity: row.capacity, confidence: row.confidence, estimate, active: counts.active })
      : null;
  return { ...rest, endsAt: endOf(row), phase, counts, plan };
}

/** A vacancy's show rate: the estimate, its breakdowns, and the no-show ratios as marked. */
export async function showRatePanel(tx: Tx, vacancy: { id: string; title: string }) {
  const [estimate, marked] = await Promise.all([vacancyShowRate(tx, vacancy.id), observations(tx, { vacancyId: vacancy.id })]);
  return { vacancy, estimate, breakdowns: showRateBreakdowns(marked), noShow: noShowReport(marked) };
}
export type ShowRatePanelData = Awaited<ReturnType<typeof showRatePanel>>;

const PAST_SHOWN = 60;
const UPCOMING_SHOWN = 300;

function byDay(sessions: readonly CalendarSession[], timeZone: string) {
  const days = new Map<string, CalendarSession[]>();
  for (const s of sessions) {
    const day = sessionDay(s.startsAt, timeZone);
    days.set(day, [...(days.get(day) ?? []), s]);
  }
  return [...days].map(([day, list]) => ({ day, sessions: list }));
}

/**
 * The calendar: sessions not yet over (earliest first) and the latest past ones (latest
 * first), each grouped by day in the viewer's time zone, with counts and the invitation
 * plan; and a show-rate panel per vacancy shown.
 */
export async function interviewCalendar({ vacancyId, timeZone, now = new Date() }: { vacancyId?: string | null; timeZone: string; now?: Date }) {
  const tx = db();
  const vacancies = await tx.vacancy.findMany({
    where: { OR: [{ status: "OPEN" }, { interviewSessions: { some: {} } }] },
    orderBy: [{ title: "asc" }, { createdAt: "asc" }],
    select: { id: true, title: true, city: true, status: true },
  });
  const chosen = vacancies.find((v) => v.id === vacancyId) ?? null;
  const scope = chosen ? { vacancyId: chosen.id } : {};
  const overlap = new Date(now.getTime() - DURATION.max * 60_000);
  const [recent, older] = await Promise.all([
    tx.interviewSession.findMany({ where: { ...scope, startsAt: { gte: overlap } }, orderBy: [{ startsAt: "asc" }, { id: "asc" }], take: UPCOMING_SHOWN, select: SESSION_SELECT }),
    tx.interviewSession.findMany({ where: { ...scope, startsAt: { lt: overlap } }, orderBy: [{ startsAt: "desc" }, { id: "asc" }], take: PAST_SHOWN, select: SESSION_SELECT }),
  ]);
  const rows = [...recent, ...older];
  const counts = await sessionCounts(tx, rows.map((r) => r.id));
  const shownVacancies = chosen ? [chosen] : vacancies.filter((v) => rows.some((r) => r.vacancyId === v.id));
  const panels = await Promise.all(shownVacancies.map((v) => showRatePanel(tx, v)));
  const estimates = new Map(panels.map((p) => [p.vacancy.id, p.estimate]));
  const sessions = rows.map((r) => calendarSession(r, counts.get(r.id)!, estimates.get(r.vacancyId)!, now));
  const upcoming = sessions.filter((s) => s.endsAt > now);
  const past = [...sessions.filter((s) => s.endsAt <= now)].sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime()).slice(0, PAST_SHOWN);
  return {
    vacancies: vacancies.map(({ id, title, city }) => ({ id, title, city })),
    vacancyId: chosen?.id ?? null,
    upcoming: byDay(upcoming, timeZone),
    past: byDay(past, timeZone),
    showRates: panels.map(({ vacancy, ...panel }) => ({ vacancy: { id: vacancy.id, title: vacancy.title }, ...panel })),
  };
}
export type InterviewCalendar = Awaited<ReturnType<typeof interviewCalendar>>;

/** One session's page: details, assessors, counts, the plan, and after it the no-show ratio and the updated estimate. */
export async function interviewSessionPage(sessionId: string, { userId, now = new Date(), withEditOptions = false }: { userId: string; now?: Date; withEditOptions?: boolean }) {
  const tx = db();
  const row = await tx.interviewSession.findUnique({
    where: { id: sessionId },
    select: { ...SESSION_SELECT, assessors: { select: { user: { select: { id: true, name: true } } }, orderBy: { user: { name: "asc" } } } },
  });
  if (!row) return null;
  const { assessors, ...sessionRow } = row;
  const [counts, estimate, marked, options] = await Promise.all([
    sessionCounts(tx, [row.id]),
    vacancyShowRate(tx, row.vacancyId),
    observations(tx, { sessionIds: [row.id] }),
    withEditOptions ? assessorOptions(tx) : Promise.resolve(null),
  ]);
  const session = calendarSession(sessionRow, counts.get(row.id)!, estimate, now);
  return {
    session,
    assessors: assessors.map((a) => a.user),
    isAssessor: assessors.some((a) => a.user.id === userId),
    estimate,
    noShow: noShowReport(marked).total,
    canCancel: session.phase === "upcoming",
    assessorOptions: options,
  };
}
export type InterviewSessionPage = NonNullable<Awaited<ReturnType<typeof interviewSessionPage>>>;

/**
 * Place, link, seats, capacity and assessors. The capacity may not fall below the
 * places already confirmed; an assessor who has submitted a scorecard for the session
 * stays. Null when there is no such session.
 */
export async function updateSession(tx: Tx, { sessionId, input, actorId }: { sessionId: string; input: SessionEdit; actorId: string }) {
  if (!(await lockSession(tx, sessionId))) return null;
  const current = await tx.interviewSession.findUniqueOrThrow({
    where: { id: sessionId },
    select: { place: true, videoUrl: true, seats: true, capacity: true, cancelledAt: true, assessors: { select: { userId: true } } },
  });
  if (current.cancelledAt) throw new SessionRefused({}, [`${E}.sessionCancelled`]);
  const fieldErrors: Record<string, string[]> = {};
  const confirmed = await tx.interviewInvitation.count({ where: { sessionId, status: "CONFIRMED" } });
  if (input.capacity < confirmed) fieldErrors.capacity = [`${E}.capacityBelowConfirmed|confirmed=${confirmed}`];
  if ((await notAssessors(tx, input.assessorIds)).length) fieldErrors.assessorIds = [`${E}.assessorNotAllowed`];
  const before = current.assessors.map((a) => a.userId);
  const added = input.assessorIds.filter((id) => !before.includes(id));
  const removed = before.filter((id) => !input.assessorIds.includes(id));
  if (removed.length && (await tx.scorecard.count({ where: { sessionId, assessorId: { in: removed }, submittedAt: { not: null } } }))) {
    fieldErrors.assessorIds = [`${E}.assessorHasScores`];
  }
  refuseIf(fieldErrors);

  const changed = (["place", "videoUrl", "seats", "capacity"] as const).filter((field) => current[field] !== input[field]);
  await tx.interviewSession.update({
    where: { id: sessionId },
    data: { place: input.place, videoUrl: input.videoUrl, seats: input.seats, capacity: input.capacity },
  });
  if (removed.length) await tx.interviewAssessor.deleteMany({ where: { sessionId, userId: { in: removed } } });
  if (added.length) await tx.interviewAssessor.createMany({ data: added.map((userId) => ({ sessionId, userId })), skipDuplicates: true });
  await audit(tx, {
    actorId,
    action: "interview.session-update",
    entityType: "InterviewSession",
    entityId: sessionId,
    details: { changed, assessorsAdded: added, assessorsRemoved: removed },
  });
  return { changed, added, removed };
}

export function saveSessionEdit(input: { sessionId: string; input: SessionEdit; actorId: string }) {
  return db().$transaction((tx) => updateSession(tx, input), TX_OPTIONS);
}

/**
 * Cancels a session that has not started: its waiting and confirmed invitations become
 * CANCELLED. No letters go out from here; the ids are returned for whoever tells the
 * candidates. Null when there is no such session.
 */
export async function cancelSession(tx: Tx, { sessionId, actorId, now = new Date() }: { sessionId: string; actorId: string; now?: Date }) {
  if (!(await lockSession(tx, sessionId))) return null;
  const session = await tx.interviewSession.findUniqueOrThrow({ where: { id: sessionId }, select: { vacancyId: true, startsAt: true, cancelledAt: true } });
  if (session.cancelledAt) throw new SessionRefused({}, [`${E}.sessionCancelled`]);
  if (session.startsAt <= now) throw new SessionRefused({}, [`${E}.cancelStarted`]);
  const invitations = await tx.interviewInvitation.findMany({
    where: { sessionId, status: { in: ["INVITED", "CONFIRMED"] } },
    select: { id: true, applicationId: true, tokenHash: true },
  });
  const invitationIds = invitations.map((i) => i.id);
  const cancelled = await tx.interviewSession.update({ where: { id: sessionId }, data: { cancelledAt: now } });
  // Everyone who was coming waits for another time on the vacancy's waitlist (offered
  // the next free place, like anyone waiting), and is told so once, with their RSVP link.
  if (invitationIds.length) {
    await tx.interviewInvitation.updateMany({
      where: { id: { in: invitationIds } },
      data: { status: "WAITLISTED", sessionId: null, waitlistedAt: now, confirmedAt: null, reminded24hAt: null, reminded2hAt: null },
    });
  }
  let notified = 0;
  for (const invitation of invitations) {
    const c = "interviewInvitations.cancellation";
    const queued = await queueSessionLetter(tx, invitation, cancelled, {
      subjectKey: `${c}.subject`,
      leadKey: `${c}.lead`,
      rsvpKey: `${c}.rsvp`,
      dedupeKey: `interview-cancelled:${invitation.id}:${sessionId}`,
    });
    if (queued) notified += 1;
  }
  await audit(tx, {
    actorId,
    action: "interview.session-cancel",
    entityType: "InterviewSession",
    entityId: sessionId,
    details: { vacancyId: session.vacancyId, waitlisted: invitationIds.length, notified },
  });
  return { invitationIds, notified };
}

export function cancelInterviewSession(input: { sessionId: string; actorId: string; now?: Date }) {
  return db().$transaction((tx) => cancelSession(tx, input), TX_OPTIONS);
}
