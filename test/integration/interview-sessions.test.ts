import crypto from "node:crypto";
import { type AttendanceMark, type InvitationStatus } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatLocalDateTime } from "~/i18n/local-time";
import { recommendInvites } from "~/interviews/overbooking";
import { DEFAULT_RUBRIC } from "~/interviews/rubric";
import { estimateShowRate } from "~/interviews/show-rate";
import { addApplication, moveApplication } from "~/pipeline/pipeline.server";
import * as calendarRoute from "~/routes/interviews._index";
import * as newRoute from "~/routes/interviews.new";
import * as sessionRoute from "~/routes/interviews.sessions.$id";
import { db } from "~/utils/db.server";
import { stopJobs } from "~/utils/jobs.server";
import { createCandidate, createUser, formRequest, getRequest, respond, sessionCookie } from "../factories";
import { renderRoute, textsOf } from "../render-route";

afterAll(() => stopJobs());

const DAY = 86_400_000;
/** A day `days` from now as typed in Moscow. */
const dayAhead = (days: number) => formatLocalDateTime(new Date(Date.now() + days * DAY), "Europe/Moscow").slice(0, 10);

let recruiter: { id: string; cookie: string };
let manager: { id: string; cookie: string };
let head: { id: string; cookie: string };
let otherRecruiterId: string;

beforeAll(async () => {
  const make = async (roles: Parameters<typeof createUser>[0]["roles"], name: string) => {
    const user = await createUser({ roles, name });
    return { id: user.id, cookie: await sessionCookie(user.id) };
  };
  recruiter = await make(["RECRUITER"], "Ольга Рекрутер");
  manager = await make(["HIRING_MANAGER"], "Максим Менеджер");
  head = await make(["DEPARTMENT_HEAD"], "Анна Руководитель");
  otherRecruiterId = (await createUser({ roles: ["RECRUITER"] })).id;
});

const newVacancy = (title: string, status: "OPEN" | "CLOSED" = "OPEN") => db().vacancy.create({ data: { title, city: "Москва", industry: "Оборудование", status } });

const seriesFields = (vacancyId: string, over: Record<string, string | string[]> = {}) => ({
  vacancyId,
  name: "Первая неделя",
  "days[0]": dayAhead(10),
  "days[1]": dayAhead(11),
  "times[0]": "10:00",
  "times[1]": "14:00",
  durationMinutes: "90",
  timeZone: "Europe/Moscow",
  place: "Москва, Тверская 1, зал 2",
  videoUrl: "",
  seats: "6",
  capacity: "10",
  confidencePercent: "85",
  assessorIds: [manager.id, head.id],
  ...over,
});

const postSeries = (fields: Record<string, string | string[]>, cookie = recruiter.cookie) =>
  respond(() => newRoute.action({ request: formRequest("/interviews/new", fields, cookie), params: {}, context: {} }));

const written = async (vacancyId: string) => ({
  series: await db().interviewSeries.count({ where: { vacancyId } }),
  sessions: await db().interviewSession.count({ where: { vacancyId } }),
  audits: await db().auditEntry.count({ where: { action: "interview.series-create", details: { path: ["vacancyId"], equals: vacancyId } } }),
});

describe("the series creator", () => {
  it("gives the new sessions their share of the vacancy's waitlist, with letters", async () => {
    const vacancy = await newVacancy("KAM, лист ожидания");
    const waiting = await invite(vacancy.id, null, "WAITLISTED");
    const response = await postSeries(seriesFields(vacancy.id, { "days[1]": "", "times[1]": "" }));
    expect(response.status).toBe(302);
    const [session] = await db().interviewSession.findMany({ where: { vacancyId: vacancy.id } });
    expect(await db().interviewInvitation.findUniqueOrThrow({ where: { id: waiting.id } })).toMatchObject({ status: "INVITED", sessionId: session!.id });
  });

  it("creates the sessions, their assessors and rubric copies in one go, audited, and goes to the calendar", async () => {
    const vacancy = await newVacancy("KAM, серия");
    const rubric = [{ ...DEFAULT_RUBRIC[0]!, weight: 7 }, DEFAULT_RUBRIC[1]!];
    await db().interviewRubric.create({ data: { vacancyId: vacancy.id, competencies: rubric } });

    const response = await postSeries(seriesFields(vacancy.id));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/interviews?vacancy=${vacancy.id}`);

    const sessions = await db().interviewSession.findMany({ where: { vacancyId: vacancy.id }, orderBy: { startsAt: "asc" }, include: { assessors: true, series: true } });
    expect(sessions).toHaveLength(4);
    // 10:00 and 14:00 in Moscow (UTC+3) are 07:00 and 11:00 UTC.
    expect(sessions.map((s) => s.startsAt.toISOString())).toEqual([
      `${dayAhead(10)}T07:00:00.000Z`,
      `${dayAhead(10)}T11:00:00.000Z`,
      `${dayAhead(11)}T07:00:00.000Z`,
      `${dayAhead(11)}T11:00:00.000Z`,
    ]);
    for (const s of sessions) {
      expect(s).toMatchObject({ durationMinutes: 90, timeZone: "Europe/Moscow", place: "Москва, Тверская 1, зал 2", videoUrl: null, seats: 6, capacity: 10, confidence: 0.85, createdById: recruiter.id });
      expect(s.series?.name).toBe("Первая неделя");
      expect(s.assessors.map((a) => a.userId).sort()).toEqual([manager.id, head.id].sort());
      expect(s.rubric).toEqual(rubric);
    }
    expect(new Set(sessions.map((s) => s.seriesId)).size).toBe(1);
    const entry = await db().auditEntry.findFirstOrThrow({ where: { action: "interview.series-create", entityId: sessions[0]!.seriesId! } });
    expect(entry.actorId).toBe(recruiter.id);
    expect(entry.details).toMatchObject({ vacancyId: vacancy.id, sessionIds: sessions.map((s) => s.id), seats: 6, capacity: 10, rubric: "vacancy" });
  });

  it("copies the default rubric for a vacancy without its own", async () => {
    const vacancy = await newVacancy("KAM, без рубрики");
    expect((await postSeries(seriesFields(vacancy.id, { "days[1]": "", "times[1]": "", videoUrl: "https://telemost.yandex.ru/j/42", place: "" }))).status).toBe(302);
    const [session, ...rest] = await db().interviewSession.findMany({ where: { vacancyId: vacancy.id } });
    expect(rest).toHaveLength(0);
    expect(session).toMatchObject({ place: null, videoUrl: "https://telemost.yandex.ru/j/42", rubric: DEFAULT_RUBRIC });
  });

  it("answers a preview with the form and writes nothing", async () => {
    const vacancy = await newVacancy("KAM, предпросмотр");
    const response = await postSeries({ ...seriesFields(vacancy.id), preview: "1" });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.result.initialValue).toMatchObject({ name: "Первая неделя", seats: "6" });
    expect(await written(vacancy.id)).toEqual({ series: 0, sessions: 0, audits: 0 });
  });

  it.each([
    ["a session in the past", { "days[0]": dayAhead(-1) }, "days", /^interviewSessions\.errors\.slotInPast\|slot=/],
    ["seats above the capacity", { seats: "11", capacity: "10" }, "capacity", /^interviewSessions\.errors\.capacityBelowSeats$/],
    ["no assessor", { assessorIds: [] }, "assessorIds", /^interviewSessions\.errors\.assessorRequired$/],
    ["a link that is not http(s)", { videoUrl: "javascript:alert(1)" }, "videoUrl", /^interviewSessions\.errors\.badLink$/],
    ["neither place nor link", { place: "", videoUrl: "" }, "place", /^interviewSessions\.errors\.placeOrVideo$/],
    ["the same time twice", { "times[1]": "10:00" }, "times", /^interviewSessions\.errors\.duplicateTime\|time=10:00$/],
  ])("refuses %s with 400, the error at its field, everything typed back, nothing written", async (_name, over, field, error) => {
    const vacancy = await newVacancy("KAM, отказ");
    const response = await postSeries(seriesFields(vacancy.id, over));
    expect(response.status).toBe(400);
    const { result } = await response.json();
    expect(result.error[field]).toEqual([expect.stringMatching(error)]);
    expect(result.initialValue).toMatchObject({ name: "Первая неделя", seats: "seats" in over ? over.seats : "6", "times": ["10:00", "times[1]" in over ? over["times[1]"] : "14:00"] });
    expect(await written(vacancy.id)).toEqual({ series: 0, sessions: 0, audits: 0 });
  });

  it("refuses what only the database knows: a closed vacancy, a non-assessor, a slot the vacancy already has", async () => {
    const closed = await newVacancy("KAM, закрыта", "CLOSED");
    const refused = await postSeries(seriesFields(closed.id));
    expect(refused.status).toBe(400);
    expect((await refused.json()).result.error.vacancyId).toEqual(["interviewSessions.errors.vacancyNotOpen"]);
    expect(await written(closed.id)).toEqual({ series: 0, sessions: 0, audits: 0 });

    const vacancy = await newVacancy("KAM, повтор");
    const notAssessor = await postSeries(seriesFields(vacancy.id, { assessorIds: [manager.id, otherRecruiterId] }));
    expect(notAssessor.status).toBe(400);
    expect((await notAssessor.json()).result.error.assessorIds).toEqual(["interviewSessions.errors.assessorNotAllowed"]);

    expect((await postSeries(seriesFields(vacancy.id, { "days[1]": "", "times[1]": "" }))).status).toBe(302);
    const again = await postSeries(seriesFields(vacancy.id, { "days[0]": dayAhead(11), "days[1]": dayAhead(10) }));
    expect(again.status).toBe(400);
    expect((await again.json()).result.error.days).toEqual([`interviewSessions.errors.slotTaken|slot=${dayAhead(10)} 10:00`]);
    expect(await written(vacancy.id)).toEqual({ series: 1, sessions: 1, audits: 1 });
  });

  it("renders a refused form with each error at its field and what was typed", async () => {
    const vacancy = await newVacancy("KAM, страница");
    const html = await renderRoute(formRequest("/interviews/new", seriesFields(vacancy.id, { seats: "11", capacity: "10", name: "Серия Б" }), recruiter.cookie), {
      path: "/interviews/new",
      loader: newRoute.loader,
      action: newRoute.action,
      Component: newRoute.default,
    });
    expect(html).toContain("Вместимость комнаты должна быть не меньше числа мест.");
    expect(html).toContain('value="Серия Б"');
    expect(html).toContain(`value="${dayAhead(11)}"`);
    // The preview lists the four slots.
    expect(textsOf(html, "data-slot")).toHaveLength(4);
  });

  it("is closed to a hiring manager: 403 on the loader and the action", async () => {
    const vacancy = await newVacancy("KAM, доступ");
    expect((await respond(() => newRoute.loader({ request: getRequest("/interviews/new", manager.cookie), params: {}, context: {} }))).status).toBe(403);
    expect((await postSeries(seriesFields(vacancy.id), manager.cookie)).status).toBe(403);
    expect(await written(vacancy.id)).toEqual({ series: 0, sessions: 0, audits: 0 });
  });

  it("offers open vacancies with their estimate, and hiring managers and heads as assessors", async () => {
    const vacancy = await newVacancy("KAM, варианты");
    const response = await respond(() => newRoute.loader({ request: getRequest(`/interviews/new?vacancy=${vacancy.id}`, recruiter.cookie), params: {}, context: {} }));
    const body = await response.json();
    expect(body.defaults).toMatchObject({ vacancyId: vacancy.id, timeZone: "Europe/Moscow", confidencePercent: "80", days: [dayAhead(1)] });
    expect(body.vacancies.find((v: { id: string }) => v.id === vacancy.id).estimate).toMatchObject({ mean: 0.4, observations: 0 });
    const ids = body.assessors.map((a: { id: string }) => a.id);
    expect(ids).toEqual(expect.arrayContaining([manager.id, head.id]));
    expect(ids).not.toContain(recruiter.id);
  });
});

/** A candidate on the vacancy at INTERVIEW_INVITED, and their invitation (inserted directly, as the invitations code would). */
async function invite(vacancyId: string, sessionId: string | null, status: InvitationStatus, attendance: AttendanceMark | null = null) {
  const candidate = await createCandidate({ source: "HH" });
  const application = await addApplication({ candidateId: candidate.id, vacancyId, actorId: recruiter.id, tier: "TARGET" });
  await moveApplication({ applicationId: application.id, to: "INTERVIEW_INVITED", actorId: recruiter.id });
  return db().interviewInvitation.create({
    data: {
      vacancyId,
      applicationId: application.id,
      sessionId,
      status,
      tokenHash: crypto.randomBytes(32).toString("hex"),
      confirmedAt: status === "CONFIRMED" ? new Date() : null,
      waitlistedAt: status === "WAITLISTED" ? new Date() : null,
      attendance,
      attendanceAt: attendance ? new Date() : null,
    },
  });
}

const directSession = (vacancyId: string, startsAt: Date, over: { seats?: number; capacity?: number } = {}) =>
  db().interviewSession.create({ data: { vacancyId, startsAt, durationMinutes: 120, seats: over.seats ?? 4, capacity: over.capacity ?? 6, rubric: DEFAULT_RUBRIC } });

describe("the calendar and the session page", () => {
  let vacancyId: string;
  let pastId: string;
  let futureId: string;

  beforeAll(async () => {
    vacancyId = (await newVacancy("KAM, календарь")).id;
    const past = await directSession(vacancyId, new Date(Date.now() - 3 * DAY));
    const future = await directSession(vacancyId, new Date(Date.now() + 5 * DAY), { seats: 5, capacity: 8 });
    pastId = past.id;
    futureId = future.id;
    await db().interviewAssessor.create({ data: { sessionId: futureId, userId: manager.id } });
    await invite(vacancyId, pastId, "CONFIRMED", "ATTENDED");
    await invite(vacancyId, pastId, "CONFIRMED", "LATE");
    await invite(vacancyId, pastId, "INVITED", "NO_SHOW");
    await invite(vacancyId, pastId, "CONFIRMED", "NO_SHOW");
    await invite(vacancyId, futureId, "INVITED");
    await invite(vacancyId, futureId, "CONFIRMED");
    await invite(vacancyId, futureId, "CONFIRMED");
    await invite(vacancyId, futureId, "DECLINED");
    await invite(vacancyId, futureId, "WAITLISTED");
    await invite(vacancyId, null, "WAITLISTED");
  });

  const calendar = async (cookie = recruiter.cookie) => {
    const response = await respond(() => calendarRoute.loader({ request: getRequest(`/interviews?vacancy=${vacancyId}`, cookie), params: {}, context: {} }));
    expect(response.status).toBe(200);
    return response.json();
  };

  it("counts each session's invitations and attendance, and plans the upcoming one from the vacancy's show rate", async () => {
    const body = await calendar();
    expect(body.vacancyId).toBe(vacancyId);
    const upcoming = body.upcoming.flatMap((d: { sessions: unknown[] }) => d.sessions);
    const past = body.past.flatMap((d: { sessions: unknown[] }) => d.sessions);
    expect(upcoming.map((s: { id: string }) => s.id)).toEqual([futureId]);
    expect(past.map((s: { id: string }) => s.id)).toEqual([pastId]);
    expect(upcoming[0].counts).toMatchObject({ invited: 1, confirmed: 2, declined: 1, waitlisted: 1, active: 3, attended: 0, noShow: 0 });
    expect(past[0].counts).toMatchObject({ attended: 1, late: 1, noShow: 2, confirmed: 3, invited: 1 });
    expect(past[0].plan).toBeNull();
    // The estimate learns from the past session: 2 came, 2 did not.
    const estimate = estimateShowRate({ attended: 2, noShow: 2 });
    const recommended = recommendInvites({ seats: 5, capacity: 8, estimate, confidence: 0.8 });
    expect(upcoming[0].plan.recommended).toEqual(recommended);
    expect(upcoming[0].plan.inviteNow).toBe(Math.max(0, recommended.invite - 3));
    const [panel] = body.showRates;
    expect(panel.estimate).toEqual(estimate);
    expect(panel.noShow.total).toMatchObject({ marked: 4, noShow: 2, ratio: 0.5 });
    expect(panel.noShow.bySession).toEqual([expect.objectContaining({ group: pastId, marked: 4, attended: 1, late: 1, noShow: 2, ratio: 0.5 })]);
    expect(panel.breakdowns.confirmed).toEqual([
      expect.objectContaining({ group: true, attended: 2, noShow: 1 }),
      expect.objectContaining({ group: false, attended: 0, noShow: 1 }),
    ]);
  });

  it("is open to a hiring manager, without the creator", async () => {
    const body = await calendar(manager.cookie);
    expect(body.canPlan).toBe(false);
    expect(body.upcoming).toHaveLength(1);
    const html = await renderRoute(getRequest(`/interviews?vacancy=${vacancyId}`, manager.cookie), { path: "/interviews", loader: calendarRoute.loader, Component: calendarRoute.default });
    expect(html).not.toContain("/interviews/new");
    expect(textsOf(html, "data-session").map((text) => text.includes("KAM, календарь"))).toEqual([true, true]);
    const recruiterHtml = await renderRoute(getRequest(`/interviews?vacancy=${vacancyId}`, recruiter.cookie), { path: "/interviews", loader: calendarRoute.loader, Component: calendarRoute.default });
    expect(recruiterHtml).toContain(`/interviews/new?vacancy=${vacancyId}`);
  });

  const sessionPage = async (id: string, cookie = recruiter.cookie) => respond(() => sessionRoute.loader({ request: getRequest(`/interviews/sessions/${id}`, cookie), params: { id }, context: {} }));
  const postSession = (id: string, fields: Record<string, string | string[]>, cookie = recruiter.cookie) =>
    respond(() => sessionRoute.action({ request: formRequest(`/interviews/sessions/${id}`, fields, cookie), params: { id }, context: {} }));

  it("shows a session's details, its assessors, plan, and after it the no-show ratio", async () => {
    const future = await (await sessionPage(futureId, manager.cookie)).json();
    expect(future).toMatchObject({ isAssessor: true, canPlan: false, canCancel: true, assessorOptions: null, noShow: null });
    expect(future.assessors).toEqual([{ id: manager.id, name: "Максим Менеджер" }]);
    expect(future.session.plan.active).toBe(3);
    const past = await (await sessionPage(pastId)).json();
    expect(past.session.phase).toBe("over");
    expect(past.noShow).toMatchObject({ marked: 4, noShow: 2, ratio: 0.5 });
    expect(past.estimate).toEqual(estimateShowRate({ attended: 2, noShow: 2 }));
    expect((await sessionPage("no-such-session")).status).toBe(404);
  });

  it("edits the room and assessors, refusing a capacity below the confirmed places", async () => {
    const edit = { intent: "update", place: "Зал 5", videoUrl: "", seats: "2", capacity: "1", assessorIds: [head.id] };
    const refused = await postSession(futureId, edit);
    expect(refused.status).toBe(400);
    expect((await refused.json()).result.error.capacity).toEqual(["interviewSessions.errors.capacityBelowSeats"]);
    const belowConfirmed = await postSession(futureId, { ...edit, seats: "1" });
    expect(belowConfirmed.status).toBe(400);
    expect((await belowConfirmed.json()).result.error.capacity).toEqual(["interviewSessions.errors.capacityBelowConfirmed|confirmed=2"]);
    expect(await db().interviewSession.findUniqueOrThrow({ where: { id: futureId } })).toMatchObject({ place: null, capacity: 8 });

    expect((await postSession(futureId, edit, manager.cookie)).status).toBe(403);
    const saved = await postSession(futureId, { ...edit, seats: "2", capacity: "3" });
    expect(saved.status).toBe(302);
    expect(await db().interviewSession.findUniqueOrThrow({ where: { id: futureId }, include: { assessors: true } })).toMatchObject({
      place: "Зал 5",
      seats: 2,
      capacity: 3,
      assessors: [{ userId: head.id }],
    });
    const entry = await db().auditEntry.findFirstOrThrow({ where: { action: "interview.session-update", entityId: futureId } });
    expect(entry.details).toEqual({ changed: ["place", "seats", "capacity"], assessorsAdded: [head.id], assessorsRemoved: [manager.id] });
  });

  it("cancels a future session, puts its invitations on the waitlist with a letter each, and refuses a past one", async () => {
    const session = await directSession(vacancyId, new Date(Date.now() + 7 * DAY));
    const invited = await invite(vacancyId, session.id, "INVITED");
    const confirmed = await invite(vacancyId, session.id, "CONFIRMED");
    const declined = await invite(vacancyId, session.id, "DECLINED");
    expect((await postSession(session.id, { intent: "cancel" })).status).toBe(400);
    expect((await postSession(session.id, { intent: "cancel", confirm: "yes" }, manager.cookie)).status).toBe(403);
    const response = await postSession(session.id, { intent: "cancel", confirm: "yes" });
    expect(response.status).toBe(302);
    const statuses = await db().interviewInvitation.findMany({ where: { id: { in: [invited.id, confirmed.id, declined.id] } }, select: { id: true, status: true } });
    // Those who were coming wait for another time on the vacancy's waitlist; the one who declined stays declined.
    expect(Object.fromEntries(statuses.map((s) => [s.id, s.status]))).toEqual({ [invited.id]: "WAITLISTED", [confirmed.id]: "WAITLISTED", [declined.id]: "DECLINED" });
    expect(await db().interviewInvitation.count({ where: { id: { in: [invited.id, confirmed.id] }, sessionId: null, waitlistedAt: { not: null } } })).toBe(2);
    expect((await db().interviewSession.findUniqueOrThrow({ where: { id: session.id } })).cancelledAt).not.toBeNull();
    const entry = await db().auditEntry.findFirstOrThrow({ where: { action: "interview.session-cancel", entityId: session.id } });
    expect(entry.details).toMatchObject({ waitlisted: 2 });
    // Those who were coming are told, once each; the one who declined is not.
    const letters = await db().emailMessage.findMany({ where: { dedupeKey: { startsWith: "interview-cancelled:" }, applicationId: { in: [invited.applicationId, confirmed.applicationId, declined.applicationId] } } });
    expect(letters.map((l) => l.applicationId).sort()).toEqual([invited.applicationId, confirmed.applicationId].sort());
    for (const letter of letters) expect(letter.text).toContain("отменено");
    expect(entry.details).toMatchObject({ notified: 2 });

    const again = await postSession(session.id, { intent: "cancel", confirm: "yes" });
    expect(again.status).toBe(409);
    const past = await postSession(pastId, { intent: "cancel", confirm: "yes" });
    expect(past.status).toBe(409);
    expect((await past.json()).error).toBe("interviewSessions.errors.cancelStarted");
    expect((await db().interviewSession.findUniqueOrThrow({ where: { id: pastId } })).cancelledAt).toBeNull();
  });
});
