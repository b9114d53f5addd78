import crypto from "node:crypto";
import { type CandidateSource, type InvitationStatus, type SourcingTier } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_RUBRIC } from "~/interviews/rubric";
import { estimateShowRate } from "~/interviews/show-rate";
import { addApplication, moveApplication, stageHistory } from "~/pipeline/pipeline.server";
import * as calendarRoute from "~/routes/interviews._index";
import * as checkInRoute from "~/routes/interviews.sessions.$id_.check-in";
import * as sessionRoute from "~/routes/interviews.sessions.$id";
import { db } from "~/utils/db.server";
import { stopJobs } from "~/utils/jobs.server";
import { createCandidate, createUser, formRequest, getRequest, respond, sessionCookie } from "../factories";
import { renderRoute, textsOf } from "../render-route";

afterAll(() => stopJobs());

const MINUTE = 60_000;
let recruiter: { id: string; cookie: string };
let managerCookie: string;

beforeAll(async () => {
  const user = await createUser({ roles: ["RECRUITER"], name: "Ольга Рекрутер" });
  recruiter = { id: user.id, cookie: await sessionCookie(user.id) };
  managerCookie = await sessionCookie((await createUser({ roles: ["HIRING_MANAGER"] })).id);
});

const newVacancy = (title: string) => db().vacancy.create({ data: { title, city: "Москва", industry: "Оборудование", status: "OPEN" } });
const newSession = (vacancyId: string, startsInMinutes: number) =>
  db().interviewSession.create({ data: { vacancyId, startsAt: new Date(Date.now() + startsInMinutes * MINUTE), durationMinutes: 120, seats: 3, capacity: 5, rubric: DEFAULT_RUBRIC } });

/** A candidate at INTERVIEW_INVITED with an invitation inserted directly (the invitations code is written in parallel). */
async function invite(vacancyId: string, sessionId: string, status: InvitationStatus, opts: { lastName: string; source?: CandidateSource; tier?: SourcingTier }) {
  const candidate = await createCandidate({ lastName: opts.lastName, firstName: "Иван", middleName: null, source: opts.source ?? "HH" });
  const application = await addApplication({ candidateId: candidate.id, vacancyId, actorId: recruiter.id, tier: opts.tier ?? "TARGET" });
  await moveApplication({ applicationId: application.id, to: "INTERVIEW_INVITED", actorId: recruiter.id });
  const invitation = await db().interviewInvitation.create({
    data: { vacancyId, applicationId: application.id, sessionId, status, tokenHash: crypto.randomBytes(32).toString("hex"), confirmedAt: status === "CONFIRMED" ? new Date() : null },
  });
  return { invitationId: invitation.id, applicationId: application.id };
}

const page = (id: string, cookie = recruiter.cookie) => respond(() => checkInRoute.loader({ request: getRequest(`/interviews/sessions/${id}/check-in`, cookie), params: { id }, context: {} }));
const post = (id: string, fields: Record<string, string>, cookie = recruiter.cookie) =>
  respond(() => checkInRoute.action({ request: formRequest(`/interviews/sessions/${id}/check-in`, fields, cookie), params: { id }, context: {} }));
const mark = (sessionId: string, invitationId: string, value: string, cookie?: string) => post(sessionId, { intent: "mark", invitationId, mark: value }, cookie);
const historyOf = async (applicationId: string) =>
  (await stageHistory(db(), applicationId)).slice(2).map((h) => ({ from: h.fromStage, to: h.toStage, event: h.event, actor: h.actorId }));
const stageOf = async (applicationId: string) => (await db().application.findUniqueOrThrow({ where: { id: applicationId } })).stage;

describe("check-in", () => {
  let vacancyId: string;
  let sessionId: string;
  const p: Record<string, { invitationId: string; applicationId: string }> = {};

  beforeAll(async () => {
    vacancyId = (await newVacancy("KAM, явка")).id;
    sessionId = (await newSession(vacancyId, -10)).id;
    p.came = await invite(vacancyId, sessionId, "CONFIRMED", { lastName: "Волков" });
    p.late = await invite(vacancyId, sessionId, "CONFIRMED", { lastName: "Белов", source: "SUPERJOB" });
    p.noShow = await invite(vacancyId, sessionId, "INVITED", { lastName: "Андреев", tier: "ADJACENT" });
    p.changed = await invite(vacancyId, sessionId, "CONFIRMED", { lastName: "Громов" });
    p.unmarked = await invite(vacancyId, sessionId, "INVITED", { lastName: "Дмитриев" });
    p.declined = await invite(vacancyId, sessionId, "DECLINED", { lastName: "Егоров" });
    const other = await newSession(vacancyId, 60 * 24);
    p.otherSession = await invite(vacancyId, other.id, "CONFIRMED", { lastName: "Жуков" });
  });

  it("lists everyone invited or confirmed, the confirmed first, then by name", async () => {
    const body = await (await page(sessionId)).json();
    expect(body.state).toBe("open");
    expect(body.people.map((x: { name: { lastName: string } }) => x.name.lastName)).toEqual(["Белов", "Волков", "Громов", "Андреев", "Дмитриев"]);
    expect(body.tally).toEqual({ attended: 0, late: 0, noShow: 0, unmarked: 5, marked: 0, ratio: null });
  });

  it("is closed to a hiring manager: 403 on the loader and the action", async () => {
    expect((await page(sessionId, managerCookie)).status).toBe(403);
    expect((await mark(sessionId, p.came!.invitationId, "ATTENDED", managerCookie)).status).toBe(403);
    expect((await db().interviewInvitation.findUniqueOrThrow({ where: { id: p.came!.invitationId } })).attendance).toBeNull();
  });

  it("marks attended and late: the application moves to INTERVIEWED with the event in its history", async () => {
    const response = await mark(sessionId, p.came!.invitationId, "ATTENDED");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, intent: "mark", invitationId: p.came!.invitationId, mark: "ATTENDED" });
    expect((await mark(sessionId, p.late!.invitationId, "LATE")).status).toBe(200);
    expect(await historyOf(p.came!.applicationId)).toEqual([{ from: "INTERVIEW_INVITED", to: "INTERVIEWED", event: "INTERVIEW_ATTENDED", actor: recruiter.id }]);
    expect(await historyOf(p.late!.applicationId)).toEqual([{ from: "INTERVIEW_INVITED", to: "INTERVIEWED", event: "INTERVIEW_LATE", actor: recruiter.id }]);
    const invitation = await db().interviewInvitation.findUniqueOrThrow({ where: { id: p.came!.invitationId } });
    expect(invitation).toMatchObject({ attendance: "ATTENDED", attendanceById: recruiter.id });
    expect(invitation.attendanceAt).not.toBeNull();
    // The same mark again changes nothing.
    expect((await mark(sessionId, p.came!.invitationId, "ATTENDED")).status).toBe(200);
    expect(await historyOf(p.came!.applicationId)).toHaveLength(1);
  });

  it("marks a no-show as an event at the same stage, and moves one marked present by mistake back", async () => {
    expect((await mark(sessionId, p.noShow!.invitationId, "NO_SHOW")).status).toBe(200);
    expect(await historyOf(p.noShow!.applicationId)).toEqual([{ from: "INTERVIEW_INVITED", to: "INTERVIEW_INVITED", event: "INTERVIEW_NO_SHOW", actor: recruiter.id }]);
    expect(await stageOf(p.noShow!.applicationId)).toBe("INTERVIEW_INVITED");

    expect((await mark(sessionId, p.changed!.invitationId, "ATTENDED")).status).toBe(200);
    expect(await stageOf(p.changed!.applicationId)).toBe("INTERVIEWED");
    expect((await mark(sessionId, p.changed!.invitationId, "NO_SHOW")).status).toBe(200);
    expect(await stageOf(p.changed!.applicationId)).toBe("INTERVIEW_INVITED");
    const history = await stageHistory(db(), p.changed!.applicationId);
    expect(history.slice(2).map((h) => [h.fromStage, h.toStage, h.event])).toEqual([
      ["INTERVIEW_INVITED", "INTERVIEWED", "INTERVIEW_ATTENDED"],
      ["INTERVIEWED", "INTERVIEW_INVITED", null],
      ["INTERVIEW_INVITED", "INTERVIEW_INVITED", "INTERVIEW_NO_SHOW"],
    ]);
    expect(history[3]!.reason).toBeTruthy();
    const audits = await db().auditEntry.findMany({ where: { action: "interview.attendance", entityId: p.changed!.invitationId }, orderBy: { id: "asc" } });
    expect(audits.map((a) => a.details)).toEqual([
      expect.objectContaining({ sessionId, mark: "ATTENDED", previous: null }),
      expect.objectContaining({ sessionId, mark: "NO_SHOW", previous: "ATTENDED" }),
    ]);
  });

  it("refuses an invitation of another session, a declined one, and a bad mark", async () => {
    const other = await mark(sessionId, p.otherSession!.invitationId, "ATTENDED");
    expect(other.status).toBe(409);
    expect((await other.json()).error).toBe("interviewSessions.checkIn.problems.other-session");
    expect((await mark(sessionId, p.declined!.invitationId, "ATTENDED")).status).toBe(409);
    expect((await mark(sessionId, p.unmarked!.invitationId, "MAYBE")).status).toBe(400);
    const untouched = await db().interviewInvitation.findMany({ where: { id: { in: [p.otherSession!.invitationId, p.declined!.invitationId, p.unmarked!.invitationId] } } });
    expect(untouched.map((i) => i.attendance)).toEqual([null, null, null]);
  });

  it("keeps a running tally and the session's no-show ratio", async () => {
    const body = await (await page(sessionId)).json();
    expect(body.tally).toEqual({ attended: 1, late: 1, noShow: 2, unmarked: 1, marked: 4, ratio: 0.5 });
    expect(body.canClose).toBe(true);
    const html = await renderRoute(getRequest(`/interviews/sessions/${sessionId}/check-in`, recruiter.cookie), {
      path: "/interviews/sessions/:id/check-in",
      loader: checkInRoute.loader,
      Component: checkInRoute.default,
    });
    expect(textsOf(html, "data-tally")[0]!.replace(/[\u00a0\u202f]/g, " ")).toBe("1Пришли1Опоздали2Не пришли1Не отмечены50 %Доля неявки");
    expect(html).toContain('aria-pressed="true"');
  });

  it("closes only with everyone marked, or marking the rest no-show when asked", async () => {
    const refused = await post(sessionId, { intent: "close" });
    expect(refused.status).toBe(409);
    expect((await refused.json()).error).toBe("interviewSessions.checkIn.problems.unmarked|count=1");
    expect((await db().interviewSession.findUniqueOrThrow({ where: { id: sessionId } })).checkInClosedAt).toBeNull();

    const closed = await post(sessionId, { intent: "close", rest: "no-show" });
    expect(closed.status).toBe(302);
    expect((await db().interviewSession.findUniqueOrThrow({ where: { id: sessionId } })).checkInClosedAt).not.toBeNull();
    expect((await db().interviewInvitation.findUniqueOrThrow({ where: { id: p.unmarked!.invitationId } })).attendance).toBe("NO_SHOW");
    expect((await historyOf(p.unmarked!.applicationId)).map((h) => h.event)).toEqual(["INTERVIEW_NO_SHOW"]);
    const entry = await db().auditEntry.findFirstOrThrow({ where: { action: "interview.check-in-close", entityId: sessionId } });
    expect(entry.details).toMatchObject({ attended: 1, late: 1, noShow: 3, markedNoShowOnClose: 1 });

    const after = await mark(sessionId, p.came!.invitationId, "NO_SHOW");
    expect(after.status).toBe(409);
    expect((await after.json()).error).toBe("interviewSessions.checkIn.problems.closed");
    expect((await post(sessionId, { intent: "close" })).status).toBe(409);
  });

  it("shows ratios and the estimate that equal what was marked, on the session page and the calendar", async () => {
    // Marked: came (Волков), late (Белов); no-show: Андреев, Громов, Дмитриев.
    const session = await (await respond(() => sessionRoute.loader({ request: getRequest(`/interviews/sessions/${sessionId}`, recruiter.cookie), params: { id: sessionId }, context: {} }))).json();
    expect(session.noShow).toEqual({ group: "all", marked: 5, attended: 1, late: 1, noShow: 3, ratio: 0.6 });
    expect(session.estimate).toEqual(estimateShowRate({ attended: 2, noShow: 3 }));

    const calendar = await (await respond(() => calendarRoute.loader({ request: getRequest(`/interviews?vacancy=${vacancyId}`, recruiter.cookie), params: {}, context: {} }))).json();
    const [panel] = calendar.showRates;
    expect(panel.estimate).toEqual(session.estimate);
    expect(panel.noShow.bySession).toEqual([expect.objectContaining({ group: sessionId, marked: 5, noShow: 3, ratio: 0.6 })]);
    expect(panel.noShow.bySource.map((g: { group: string; noShow: number; marked: number }) => [g.group, g.noShow, g.marked])).toEqual([
      ["HH", 3, 4],
      ["SUPERJOB", 0, 1],
    ]);
    expect(panel.noShow.byTier.map((g: { group: string; ratio: number }) => [g.group, g.ratio])).toEqual([
      ["TARGET", 0.5],
      ["ADJACENT", 1],
    ]);
    expect(panel.breakdowns.confirmed).toEqual([
      expect.objectContaining({ group: true, attended: 2, noShow: 1, estimate: estimateShowRate({ attended: 2, noShow: 1 }) }),
      expect.objectContaining({ group: false, attended: 0, noShow: 2 }),
    ]);

    const html = await renderRoute(getRequest(`/interviews/sessions/${sessionId}`, recruiter.cookie), { path: "/interviews/sessions/:id", loader: sessionRoute.loader, Component: sessionRoute.default });
    expect(textsOf(html, "data-session-no-show").join(" ").replace(/[\u00a0\u202f]/g, " ")).toContain("3 из 5 (60 %)");
  });

  it("refuses marks before check-in opens and for a cancelled session", async () => {
    const later = await newSession(vacancyId, 45);
    const early = await invite(vacancyId, later.id, "CONFIRMED", { lastName: "Зайцев" });
    const tooEarly = await mark(later.id, early.invitationId, "ATTENDED");
    expect(tooEarly.status).toBe(409);
    expect((await tooEarly.json()).error).toBe("interviewSessions.checkIn.problems.not-yet");
    expect((await (await page(later.id)).json()).state).toBe("not-yet");

    const soon = await newSession(vacancyId, 20);
    const ok = await invite(vacancyId, soon.id, "CONFIRMED", { lastName: "Ильин" });
    expect((await mark(soon.id, ok.invitationId, "ATTENDED")).status).toBe(200);
    expect((await post(soon.id, { intent: "close" })).status).toBe(409);

    await db().interviewSession.update({ where: { id: later.id }, data: { cancelledAt: new Date() } });
    const cancelled = await mark(later.id, early.invitationId, "ATTENDED");
    expect(cancelled.status).toBe(409);
    expect((await cancelled.json()).error).toBe("interviewSessions.checkIn.problems.cancelled");
    expect((await db().interviewInvitation.findUniqueOrThrow({ where: { id: early.invitationId } })).attendance).toBeNull();
    expect((await page("no-such-session")).status).toBe(404);
  });
});
