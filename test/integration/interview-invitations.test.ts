import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { BookingError, bookPlace, inviteToSessions } from "~/interviews/booking.server";
import { ICS_CONTENT_TYPE } from "~/interviews/ics";
import { rsvpToken } from "~/interviews/invitation-letter.server";
import { inviteShortlist } from "~/interviews/invitations-page.server";
import { vacancyShowRate } from "~/interviews/observations.server";
import { recommendInvites } from "~/interviews/overbooking";
import { formatInterviewTime } from "~/interviews/rsvp";
import { hashToken } from "~/outreach/links.server";
import * as invitePage from "~/routes/interviews.invite";
import * as sessionPage from "~/routes/interviews.sessions.$id_.invitations";
import { db } from "~/utils/db.server";
import { deliverNow } from "~/utils/mail.server";
import { stopJobs } from "~/utils/jobs.server";
import { createUser, formRequest, getRequest, respond, sessionCookie } from "../factories";
import { renderRoute, textsOf } from "../render-route";
import { attachmentsOf, resetSmtp, setSmtpUrl, startSmtpServer } from "../setup/smtp";
import { createSession, DAY, invitationTemplate, readCalendar, rsvpTokenIn, shortlistedAudience } from "../support/interview-fixtures";

afterAll(() => stopJobs());

let recruiterId: string;
let recruiterCookie: string;
let managerCookie: string;

beforeAll(async () => {
  const recruiter = await createUser({ roles: ["RECRUITER"], name: "Ольга Рекрутер" });
  recruiterId = recruiter.id;
  recruiterCookie = await sessionCookie(recruiter.id);
  managerCookie = await sessionCookie((await createUser({ roles: ["HIRING_MANAGER"] })).id);
});

const context = {};
const postInvite = (vacancyId: string, ids: string[], cookie = recruiterCookie) =>
  respond(() => invitePage.action({ request: formRequest(`/interviews/invite?vacancy=${vacancyId}`, { intent: "invite", vacancy: vacancyId, ids, reason: "" }, cookie), params: {}, context }));
const postSession = (sessionId: string, fields: Record<string, string | string[]>, cookie = recruiterCookie) =>
  respond(() => sessionPage.action({ request: formRequest(`/interviews/sessions/${sessionId}/invitations`, fields, cookie), params: { id: sessionId }, context }));

/** What the plan recommends for a session of the vacancy, from its show rate now. */
async function recommended(vacancyId: string, seats: number, capacity: number) {
  const estimate = await vacancyShowRate(db(), vacancyId);
  return recommendInvites({ seats, capacity, estimate, confidence: 0.8 }).invite;
}

describe("bulk invitation from the shortlist", () => {
  test("spreads the ticked candidates over the upcoming sessions by the recommendation, earliest first, and waitlists the rest", async () => {
    const { vacancy, people } = await shortlistedAudience(12);
    await invitationTemplate(vacancy.id);
    const later = await createSession(vacancy.id, { startsAt: new Date(Date.now() + 3 * DAY), seats: 1, capacity: 2 });
    const sooner = await createSession(vacancy.id, { startsAt: new Date(Date.now() + 2 * DAY), seats: 1, capacity: 2 });
    await createSession(vacancy.id, { startsAt: new Date(Date.now() - DAY), seats: 1, capacity: 2 }); // past: never invited to
    const cancelled = await createSession(vacancy.id, { startsAt: new Date(Date.now() + 4 * DAY), seats: 1, capacity: 2 });
    await db().interviewSession.update({ where: { id: cancelled.id }, data: { cancelledAt: new Date() } });
    const plan = await recommended(vacancy.id, 1, 2);
    expect(plan).toBeGreaterThan(1); // the overbooking: more invitations than seats
    expect(2 * plan).toBeLessThan(10);

    // A person who asked not to be contacted, one without e-mail, another vacancy's application.
    const [refused, noEmail] = [people[10]!, people[11]!];
    await db().candidate.update({ where: { id: refused.candidateId }, data: { doNotContact: true } });
    await db().candidate.update({ where: { id: noEmail.candidateId }, data: { email: null } });
    const stranger = (await shortlistedAudience(1)).people[0]!;
    const ids = [...people.map((p) => p.applicationId), stranger.applicationId];

    const response = await postInvite(vacancy.id, ids);
    expect(response.status).toBe(200);
    const { report } = await response.json();
    expect(report.sessions.map((s: { id: string }) => s.id)).toEqual([sooner.id, later.id]);
    expect(report.sessions.map((s: { invited: number; recommended: number; before: number }) => [s.invited, s.recommended, s.before])).toEqual([
      [plan, plan, 0],
      [plan, plan, 0],
    ]);
    expect(report).toMatchObject({ invited: 2 * plan, waitlisted: 10 - 2 * plan, skipped: { "do-not-contact": 1, "no-email": 1, "not-found": 1 }, letters: { queued: 2 * plan, noTemplate: 0 } });

    // Best first: the first `plan` go to the sooner session, the next `plan` to the later one.
    const invitations = await db().interviewInvitation.findMany({ where: { vacancyId: vacancy.id } });
    const byApplication = new Map(invitations.map((i) => [i.applicationId, i]));
    people.slice(0, plan).forEach((p) => expect(byApplication.get(p.applicationId)).toMatchObject({ sessionId: sooner.id, status: "INVITED" }));
    people.slice(plan, 2 * plan).forEach((p) => expect(byApplication.get(p.applicationId)).toMatchObject({ sessionId: later.id, status: "INVITED" }));
    people.slice(2 * plan, 10).forEach((p) => expect(byApplication.get(p.applicationId)).toMatchObject({ sessionId: null, status: "WAITLISTED" }));
    expect(byApplication.has(refused.applicationId) || byApplication.has(noEmail.applicationId)).toBe(false);
    expect(await db().interviewInvitation.count({ where: { applicationId: stranger.applicationId } })).toBe(0);

    // Invited: moved on in the stage history; waitlisted: where they were.
    const stages = new Map((await db().application.findMany({ where: { id: { in: ids } }, select: { id: true, stage: true } })).map((a) => [a.id, a.stage]));
    people.slice(0, 2 * plan).forEach((p) => expect(stages.get(p.applicationId)).toBe("INTERVIEW_INVITED"));
    people.slice(2 * plan).forEach((p) => expect(stages.get(p.applicationId)).toBe("QUESTIONNAIRE_PASSED"));
    const step = await db().stageChange.findFirstOrThrow({ where: { applicationId: people[0]!.applicationId, toStage: "INTERVIEW_INVITED" } });
    expect(step).toMatchObject({ fromStage: "QUESTIONNAIRE_PASSED", actorId: recruiterId, reason: "invited to a group interview" });

    // Each invited has a letter with their own RSVP link; only the link's hash is stored.
    for (const invitation of invitations.filter((i) => i.status === "INVITED")) {
      expect(invitation.emailId).toBeTruthy();
      const letter = await db().emailMessage.findUniqueOrThrow({ where: { id: invitation.emailId! } });
      const token = rsvpTokenIn(letter.text)!;
      expect(hashToken(token)).toBe(invitation.tokenHash);
      expect(invitation.tokenHash).not.toContain(token);
      expect(letter).toMatchObject({ templateKind: "INTERVIEW_INVITATION", applicationId: invitation.applicationId });
      expect(letter.attachments).toEqual([expect.objectContaining({ filename: "interview.ics", contentType: ICS_CONTENT_TYPE })]);
    }
    const soonerLetter = await db().emailMessage.findUniqueOrThrow({ where: { id: byApplication.get(people[0]!.applicationId)!.emailId! } });
    expect(soonerLetter.subject).toBe(`Приглашение на собеседование: ${formatInterviewTime(sooner, "ru")}`);
    expect(soonerLetter.text).toContain("Москва, ул. Профсоюзная, 1, переговорная 3");

    // Audited per invitation, without personal data.
    const audits = await db().auditEntry.findMany({ where: { entityType: "InterviewInvitation", entityId: { in: invitations.map((i) => i.id) } } });
    expect(audits.filter((a) => a.action === "interview.invite")).toHaveLength(2 * plan);
    expect(audits.filter((a) => a.action === "interview.waitlist")).toHaveLength(10 - 2 * plan);
    const details = JSON.stringify(audits.map((a) => a.details));
    for (const p of people) expect(details).not.toContain(p.email);

    // Again with the same ticks: everyone already holds an invitation, nothing new.
    const again = await (await postInvite(vacancy.id, people.slice(0, 10).map((p) => p.applicationId))).json();
    expect(again.report).toMatchObject({ invited: 0, waitlisted: 0, skipped: { "already-invited": 10 } });
    expect(await db().interviewInvitation.count({ where: { vacancyId: vacancy.id } })).toBe(10);
  });

  test("the letter goes over SMTP with the calendar file, which reads back as the session's event", async () => {
    const { vacancy, people } = await shortlistedAudience(1);
    await invitationTemplate(vacancy.id);
    const session = await createSession(vacancy.id, { startsAt: new Date(Date.now() + 5 * DAY), durationMinutes: 90, videoUrl: "https://meet.example.ru/kam" });
    await inviteShortlist({ vacancyId: vacancy.id, applicationIds: [people[0]!.applicationId], actorId: recruiterId });
    const invitation = await db().interviewInvitation.findFirstOrThrow({ where: { applicationId: people[0]!.applicationId } });

    const smtp = await startSmtpServer();
    setSmtpUrl(smtp.url);
    try {
      expect((await deliverNow(invitation.emailId!)).status).toBe("SENT");
    } finally {
      resetSmtp();
      await smtp.close();
    }
    expect(smtp.messages).toHaveLength(1);
    const [message] = smtp.messages;
    expect(message!.to).toEqual([people[0]!.email]);
    const token = rsvpTokenIn(message!.text)!;
    expect(token).toBe(rsvpToken(invitation.id));
    const [file, ...others] = attachmentsOf(message!.raw);
    expect(others).toEqual([]);
    expect(file!.filename).toBe("interview.ics");
    expect(file!.contentType).toMatch(/^text\/calendar; charset=utf-8; method=PUBLISH/);

    const { calendar, vevent, event } = readCalendar(file!.content);
    expect(calendar.getFirstPropertyValue("method")).toBe("PUBLISH");
    expect(event.uid).toMatch(new RegExp(`^interview-${invitation.id}@`));
    expect(event.startDate.toJSDate().toISOString()).toBe(session.startsAt.toISOString());
    expect(event.endDate.toJSDate().getTime() - session.startsAt.getTime()).toBe(90 * 60_000);
    expect(event.summary).toBe(`Групповое собеседование: ${vacancy.title}`);
    expect(event.location).toBe("Москва, ул. Профсоюзная, 1, переговорная 3, https://meet.example.ru/kam");
    expect(event.description).toContain("https://meet.example.ru/kam");
    expect(event.description).toContain(`/rsvp/${token}`);
    expect(vevent.getFirstPropertyValue("url")).toMatch(new RegExp(`/rsvp/${token}$`));
    expect(String(vevent.getFirstProperty("organizer")?.getFirstValue() ?? "")).toMatch(/^mailto:/i);
  });

  test("the page after the shortlist's post shows what happened per session", async () => {
    const { vacancy, people } = await shortlistedAudience(6);
    await invitationTemplate(vacancy.id);
    const session = await createSession(vacancy.id, { startsAt: new Date(Date.now() + 2 * DAY), seats: 1, capacity: 2 });
    const html = await renderRoute(
      formRequest(`/interviews/invite?vacancy=${vacancy.id}`, { intent: "invite", vacancy: vacancy.id, ids: people.map((p) => p.applicationId) }, recruiterCookie),
      { path: "/interviews/invite", loader: invitePage.loader, action: invitePage.action, Component: invitePage.default },
    );
    const [report] = textsOf(html, "data-invite-report");
    expect(report).toContain("Приглашено: 4, в листе ожидания: 2.");
    expect(report).toContain("приглашено 4 (было 0, план 4)");
    expect(report).toContain("писем в очереди: 4");
    expect(html).toContain(`href="/interviews/sessions/${session.id}/invitations"`);
    expect(textsOf(html, "data-show-rate")[0]).toContain("наблюдений: 0");
  });

  test("without an invitation template the invitations are still made, and the result says no letter went", async () => {
    const { vacancy, people } = await shortlistedAudience(2);
    await createSession(vacancy.id, { startsAt: new Date(Date.now() + 2 * DAY), seats: 2, capacity: 4 });
    const { report } = await (await postInvite(vacancy.id, people.map((p) => p.applicationId))).json();
    expect(report).toMatchObject({ invited: 2, letters: { queued: 0, noTemplate: 2 } });
    const invitations = await db().interviewInvitation.findMany({ where: { vacancyId: vacancy.id } });
    expect(invitations.map((i) => [i.status, i.emailId])).toEqual([
      ["INVITED", null],
      ["INVITED", null],
    ]);
    expect(await db().emailMessage.count({ where: { applicationId: { in: people.map((p) => p.applicationId) } } })).toBe(0);
  });

  test("a hiring manager may not invite (403); a bad form comes back with its errors", async () => {
    const { vacancy, people } = await shortlistedAudience(1);
    await createSession(vacancy.id, { startsAt: new Date(Date.now() + 2 * DAY) });
    expect((await postInvite(vacancy.id, [people[0]!.applicationId], managerCookie)).status).toBe(403);
    expect((await respond(() => invitePage.loader({ request: getRequest(`/interviews/invite?vacancy=${vacancy.id}`, managerCookie), params: {}, context }))).status).toBe(403);
    expect(await db().interviewInvitation.count({ where: { vacancyId: vacancy.id } })).toBe(0);

    const none = await postInvite(vacancy.id, []);
    expect(none.status).toBe(400);
    expect((await none.json()).lastResult.error).toEqual({ ids: ["interviewInvitations.errors.noneSelected"] });

    const planner = await respond(() => invitePage.loader({ request: getRequest(`/interviews/invite?vacancy=${vacancy.id}`, recruiterCookie), params: {}, context }));
    expect(planner.status).toBe(200);
    const { planner: plan } = await planner.json();
    expect(plan.sessions).toHaveLength(1);
    expect(plan.sessions[0].recommendation.invite).toBe(await recommended(vacancy.id, 2, 4));
    expect((await respond(() => invitePage.loader({ request: getRequest("/interviews/invite?vacancy=nope", recruiterCookie), params: {}, context }))).status).toBe(404);
  });

  test("two bulk invitations at the same moment never take a session past its recommended number", async () => {
    const { vacancy, people } = await shortlistedAudience(16);
    await invitationTemplate(vacancy.id);
    const session = await createSession(vacancy.id, { startsAt: new Date(Date.now() + 2 * DAY), seats: 2, capacity: 4 });
    const plan = await recommended(vacancy.id, 2, 4);
    const ids = people.map((p) => p.applicationId);
    const [a, b] = await Promise.all([
      db().$transaction((tx) => inviteToSessions(tx, { vacancyId: vacancy.id, applicationIds: ids.slice(0, 8), actorId: recruiterId }), { timeout: 60_000 }),
      db().$transaction((tx) => inviteToSessions(tx, { vacancyId: vacancy.id, applicationIds: ids.slice(8), actorId: recruiterId }), { timeout: 60_000 }),
    ]);
    expect(a.invited + b.invited).toBe(plan);
    expect(a.waitlisted + b.waitlisted).toBe(16 - plan);
    expect(await db().interviewInvitation.count({ where: { sessionId: session.id, status: { in: ["INVITED", "CONFIRMED"] } } })).toBe(plan);
  });
});

describe("booking by phone", () => {
  test("two recruiters booking different candidates into the last confirmed place at once: exactly one succeeds", async () => {
    const { vacancy, people } = await shortlistedAudience(3);
    const session = await createSession(vacancy.id, { startsAt: new Date(Date.now() + 2 * DAY), seats: 2, capacity: 2 });
    await db().$transaction((tx) => bookPlace(tx, { sessionId: session.id, applicationId: people[0]!.applicationId, actorId: recruiterId }));
    const book = (applicationId: string) => db().$transaction((tx) => bookPlace(tx, { sessionId: session.id, applicationId, actorId: recruiterId }));
    const results = await Promise.allSettled([book(people[1]!.applicationId), book(people[2]!.applicationId)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(BookingError);
    expect((refused.reason as BookingError).problem).toBe("full");
    expect(await db().interviewInvitation.count({ where: { sessionId: session.id, status: "CONFIRMED" } })).toBe(2);

    // The winner is confirmed in the stage history; the loser has no invitation at all (nothing half-saved).
    const winner = results[0]!.status === "fulfilled" ? people[1]! : people[2]!;
    const loser = winner === people[1] ? people[2]! : people[1]!;
    const events = await db().stageChange.findMany({ where: { applicationId: winner.applicationId }, orderBy: { id: "asc" }, select: { toStage: true, event: true } });
    expect(events.slice(-2)).toEqual([
      { toStage: "INTERVIEW_INVITED", event: null },
      { toStage: "INTERVIEW_INVITED", event: "INTERVIEW_CONFIRMED" },
    ]);
    expect(await db().interviewInvitation.count({ where: { applicationId: loser.applicationId } })).toBe(0);
    expect((await db().application.findUniqueOrThrow({ where: { id: loser.applicationId } })).stage).toBe("QUESTIONNAIRE_PASSED");
    expect(await db().auditEntry.count({ where: { action: "interview.book", entityType: "InterviewInvitation", details: { path: ["sessionId"], equals: session.id } } })).toBe(2);
  });

  test("on the session's page: invite more, booking, the refusal when full, withdrawing (which promotes the waitlist) and a manager's 403", async () => {
    const { vacancy, people } = await shortlistedAudience(6);
    await invitationTemplate(vacancy.id);
    const session = await createSession(vacancy.id, { startsAt: new Date(Date.now() + 2 * DAY), seats: 1, capacity: 1 });
    const plan = await recommended(vacancy.id, 1, 1);
    expect(plan).toBe(4);
    const ids = people.slice(0, 5).map((p) => p.applicationId);
    const invited = await postSession(session.id, { intent: "invite", ids });
    expect(invited.status).toBe(200);
    expect((await invited.json()).result.report).toMatchObject({ invited: 4, waitlisted: 1 });

    const booked = await postSession(session.id, { intent: "book", applicationId: people[0]!.applicationId });
    expect(booked.status).toBe(200);
    expect((await booked.json()).result).toMatchObject({ ok: true, notice: "booked" });
    const full = await postSession(session.id, { intent: "book", applicationId: people[1]!.applicationId });
    expect(full.status).toBe(409);
    expect((await full.json()).result).toEqual({ ok: false, problem: "full" });
    expect((await postSession(session.id, { intent: "book", applicationId: people[1]!.applicationId }, managerCookie)).status).toBe(403);

    const page = await (await respond(() => sessionPage.loader({ request: getRequest(`/interviews/sessions/${session.id}/invitations`, managerCookie), params: { id: session.id }, context }))).json();
    expect(page.canPlan).toBe(false);
    expect(page.invitations.map((i: { applicationId: string; status: string }) => [i.applicationId, i.status])).toEqual([
      [people[0]!.applicationId, "CONFIRMED"],
      ...people.slice(1, 4).map((p) => [p.applicationId, "INVITED"]),
    ]);
    expect(page.invitations.every((i: { letter: string | null }) => i.letter === "QUEUED")).toBe(true);
    expect(page.waitlist.map((i: { applicationId: string }) => i.applicationId)).toEqual([people[4]!.applicationId]);
    expect(page.available.map((a: { applicationId: string }) => a.applicationId)).toEqual([people[5]!.applicationId]);
    expect(page.session.recommendation.invite).toBe(4);

    // The page as a recruiter sees it: the invitations, the waitlist, invite more and book by phone.
    const html = await renderRoute(getRequest(`/interviews/sessions/${session.id}/invitations`, recruiterCookie), {
      path: "/interviews/sessions/:id/invitations",
      loader: sessionPage.loader,
      Component: sessionPage.default,
    });
    expect(textsOf(html, "data-status")).toHaveLength(5);
    expect(html).toContain("Лист ожидания");
    expect(html).toMatch(/<button[^>]*value="withdraw"/);
    expect(html).toContain(`value="${people[5]!.applicationId}"`);
    expect(html).toMatch(/name="applicationId"/);

    // Withdrawing the confirmed place: the first waitlisted is invited, with a letter.
    const confirmed = await db().interviewInvitation.findFirstOrThrow({ where: { sessionId: session.id, status: "CONFIRMED" } });
    const withdrawn = await (await postSession(session.id, { intent: "withdraw", invitationId: confirmed.id })).json();
    expect(withdrawn.result).toEqual({ ok: true, notice: "withdrawn", promoted: 1 });
    expect(await db().interviewInvitation.findUniqueOrThrow({ where: { id: confirmed.id } })).toMatchObject({ status: "CANCELLED" });
    const promoted = await db().interviewInvitation.findFirstOrThrow({ where: { applicationId: people[4]!.applicationId } });
    expect(promoted).toMatchObject({ sessionId: session.id, status: "INVITED" });
    expect(promoted.emailId).toBeTruthy();
    expect((await db().application.findUniqueOrThrow({ where: { id: people[4]!.applicationId } })).stage).toBe("INTERVIEW_INVITED");
    expect(await db().auditEntry.count({ where: { action: "interview.uninvite", entityId: confirmed.id } })).toBe(1);
    // Withdrawing twice is refused.
    expect((await (await postSession(session.id, { intent: "withdraw", invitationId: confirmed.id })).json()).result).toEqual({ ok: false, problem: "closed" });
  });
});
