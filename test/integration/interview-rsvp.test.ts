import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { inviteToSessions } from "~/interviews/booking.server";
import { rsvpToken, rsvpTokenHash } from "~/interviews/invitation-letter.server";
import { formatInterviewTime } from "~/interviews/rsvp";
import { hashToken } from "~/outreach/links.server";
import * as calendarRoute from "~/routes/rsvp.$token.calendar";
import * as rsvpRoute from "~/routes/rsvp.$token";
import { newId } from "~/utils/bulk-insert.server";
import { db } from "~/utils/db.server";
import { stopJobs } from "~/utils/jobs.server";
import { createUser, formRequest, getRequest, respond } from "../factories";
import { renderRoute } from "../render-route";
import { createSession, DAY, HOUR, invitationTemplate, readCalendar, rsvpTokenIn, shortlistedAudience } from "../support/interview-fixtures";

afterAll(() => stopJobs());

let recruiterId: string;
beforeAll(async () => {
  recruiterId = (await createUser({ roles: ["RECRUITER"] })).id;
});

const context = {};
const page = (token: string, query = "") =>
  respond(() => rsvpRoute.loader({ request: getRequest(`/rsvp/${token}${query}`), params: { token }, context }));
const answer = (token: string, fields: Record<string, string>) =>
  respond(() => rsvpRoute.action({ request: formRequest(`/rsvp/${token}`, fields), params: { token }, context }));
const calendar = (token: string) => respond(() => calendarRoute.loader({ request: getRequest(`/rsvp/${token}/calendar`), params: { token }, context }));

/**
 * A vacancy with two upcoming sessions: `first` (1 seat, room for 2: the plan invites
 * 4) and `second` (room for 2), and `count` candidates invited to `first` in order,
 * those beyond its plan on the vacancy's waitlist. Each person's RSVP token is read
 * from their letter.
 */
async function scene(count: number) {
  const { vacancy, people } = await shortlistedAudience(count);
  await invitationTemplate(vacancy.id);
  const first = await createSession(vacancy.id, { startsAt: new Date(Date.now() + 2 * DAY), seats: 1, capacity: 2 });
  const second = await createSession(vacancy.id, { startsAt: new Date(Date.now() + 4 * DAY), seats: 1, capacity: 2, place: null, videoUrl: "https://meet.example.ru/kam" });
  await db().$transaction((tx) => inviteToSessions(tx, { vacancyId: vacancy.id, applicationIds: people.map((p) => p.applicationId), sessionIds: [first.id], actorId: recruiterId }));
  const invitations = await db().interviewInvitation.findMany({ where: { vacancyId: vacancy.id } });
  const who = await Promise.all(
    people.map(async (p) => {
      const invitation = invitations.find((i) => i.applicationId === p.applicationId)!;
      const letter = invitation.emailId ? await db().emailMessage.findUniqueOrThrow({ where: { id: invitation.emailId } }) : null;
      return { ...p, invitationId: invitation.id, token: letter ? rsvpTokenIn(letter.text)! : rsvpToken(invitation.id) };
    }),
  );
  return { vacancy, first, second, who };
}

const invitation = (id: string) => db().interviewInvitation.findUniqueOrThrow({ where: { id } });
const events = async (applicationId: string) =>
  (await db().stageChange.findMany({ where: { applicationId, event: { not: null } }, orderBy: { id: "asc" }, select: { event: true, actorId: true, toStage: true } }));
const audits = (action: string, entityId: string) => db().auditEntry.findMany({ where: { action, entityType: "InterviewInvitation", entityId } });

describe("the RSVP page", () => {
  test("shows the session in its own time zone with the answers open; confirm goes through the action once", async () => {
    const { first, second, who } = await scene(1);
    const [a] = who;
    const shown = await page(a!.token);
    expect(shown.status).toBe(200);
    const data = await shown.json();
    expect(data).toMatchObject({ state: "open", invitation: { status: "INVITED" }, phase: "upcoming", choices: ["confirm", "move", "decline"], full: false, calendar: true });
    expect(data.alternatives.map((s: { id: string; free: number }) => [s.id, s.free])).toEqual([[second.id, 2]]);
    const html = await renderRoute(getRequest(`/rsvp/${a!.token}`), { path: "/rsvp/:token", loader: rsvpRoute.loader, Component: rsvpRoute.default });
    expect(html).toContain(formatInterviewTime(first, "ru"));
    expect(html).toContain(`href="/rsvp/${a!.token}/calendar"`);
    expect(html).toContain('value="confirm"');

    const confirmed = await answer(a!.token, { intent: "confirm" });
    expect(confirmed.status).toBe(302);
    expect(confirmed.headers.get("Location")).toBe(`/rsvp/${a!.token}?done=confirmed`);
    expect(await invitation(a!.invitationId)).toMatchObject({ status: "CONFIRMED", sessionId: first.id, confirmedAt: expect.any(Date) });
    expect(await events(a!.applicationId)).toEqual([{ event: "INTERVIEW_CONFIRMED", actorId: null, toStage: "INTERVIEW_INVITED" }]);
    expect(await audits("interview.rsvp-confirm", a!.invitationId)).toEqual([expect.objectContaining({ actorId: null, details: { sessionId: first.id, from: "INVITED" } })]);
    expect((await (await page(a!.token, "?done=confirmed")).json()).done).toBe("confirmed");

    // A second click changes nothing.
    expect((await answer(a!.token, { intent: "confirm" })).headers.get("Location")).toBe(`/rsvp/${a!.token}?done=confirmed`);
    expect(await events(a!.applicationId)).toHaveLength(1);
  });

  test("a full room: confirming is refused with the waitlist or another time offered", async () => {
    const { first, who } = await scene(3);
    const [a, b, c] = who;
    for (const p of [a!, b!]) expect((await answer(p.token, { intent: "confirm" })).status).toBe(302);
    expect(await db().interviewInvitation.count({ where: { sessionId: first.id, status: "CONFIRMED" } })).toBe(2);

    const refused = await answer(c!.token, { intent: "confirm" });
    expect(refused.status).toBe(409);
    expect((await refused.json()).problem).toBe("full");
    expect(await invitation(c!.invitationId)).toMatchObject({ status: "INVITED" });
    expect(await db().interviewInvitation.count({ where: { sessionId: first.id, status: "CONFIRMED" } })).toBe(2);
    expect((await (await page(c!.token)).json()).full).toBe(true);

    const waiting = await answer(c!.token, { intent: "waitlist" });
    expect(waiting.headers.get("Location")).toBe(`/rsvp/${c!.token}?done=waitlisted`);
    expect(await invitation(c!.invitationId)).toMatchObject({ status: "WAITLISTED", sessionId: first.id, waitlistedAt: expect.any(Date) });
    expect(await audits("interview.waitlist", c!.invitationId)).toEqual([expect.objectContaining({ details: { sessionId: first.id, from: "INVITED", via: "rsvp" } })]);
  });

  test("another time: the place moves, confirmed, with a new letter and calendar file; the place left goes to the waitlist", async () => {
    const { vacancy, first, second, who } = await scene(5);
    const [a, , , , e] = who;
    expect(await invitation(e!.invitationId)).toMatchObject({ status: "WAITLISTED", sessionId: null });
    // A reminder already went for the first session: moving starts the reminders again.
    await db().interviewInvitation.update({ where: { id: a!.invitationId }, data: { reminded24hAt: new Date() } });

    // Not to another vacancy's session, nor a past one.
    const elsewhere = await createSession((await shortlistedAudience(0)).vacancy.id, { startsAt: new Date(Date.now() + 3 * DAY) });
    const past = await createSession(vacancy.id, { startsAt: new Date(Date.now() - DAY) });
    for (const sessionId of [elsewhere.id, past.id, first.id]) {
      const refused = await answer(a!.token, { intent: "move", sessionId });
      expect(refused.status).toBe(409);
      expect((await refused.json()).problem).toBe("bad-session");
    }

    const moved = await answer(a!.token, { intent: "move", sessionId: second.id });
    expect(moved.headers.get("Location")).toBe(`/rsvp/${a!.token}?done=moved`);
    const row = await invitation(a!.invitationId);
    expect(row).toMatchObject({ sessionId: second.id, status: "CONFIRMED", reminded24hAt: null, reminded2hAt: null });
    expect(await events(a!.applicationId)).toEqual([{ event: "INTERVIEW_CONFIRMED", actorId: null, toStage: "INTERVIEW_INVITED" }]);
    expect(await audits("interview.rsvp-move", a!.invitationId)).toEqual([
      expect.objectContaining({ details: { fromSessionId: first.id, toSessionId: second.id, from: "INVITED", letter: "queued" } }),
    ]);

    // The new letter: the new time, the same link, the calendar file's SEQUENCE raised.
    const letters = await db().emailMessage.findMany({ where: { applicationId: a!.applicationId }, orderBy: { createdAt: "asc" } });
    expect(letters).toHaveLength(2);
    expect(row.emailId).toBe(letters[1]!.id);
    expect(letters[1]!.subject).toContain(formatInterviewTime(second, "ru"));
    expect(rsvpTokenIn(letters[1]!.text)).toBe(a!.token);
    const files = (letters[1]!.attachments as Array<{ content: string }>).map((f) => readCalendar(f.content));
    const firstFile = readCalendar((letters[0]!.attachments as Array<{ content: string }>)[0]!.content);
    expect(files[0]!.event.uid).toBe(firstFile.event.uid);
    expect(files[0]!.vevent.getFirstPropertyValue("sequence")).toBe(1);
    expect(files[0]!.event.startDate.toJSDate().toISOString()).toBe(second.startsAt.toISOString());
    expect(files[0]!.event.location).toBe("https://meet.example.ru/kam");

    // The place left in the first session went to the first on the waitlist.
    expect(await invitation(e!.invitationId)).toMatchObject({ status: "INVITED", sessionId: first.id });
    // The old link shows the new time; the second session has one confirmed place fewer.
    const shown = await (await page(a!.token)).json();
    expect(shown.session.startsAt).toBe(second.startsAt.toISOString());
    expect(shown.alternatives.map((s: { id: string }) => s.id)).toEqual([first.id]);
  });

  test("declining keeps the note off the history and the audit, and the first waitlisted moves up: the session's own, then the vacancy's oldest", async () => {
    const { first, who } = await scene(6);
    const [a, b, c, , x, z] = who;
    // a and c fill the room; b waits for this session in particular; x and z wait for any, x first.
    for (const p of [a!, c!]) await answer(p.token, { intent: "confirm" });
    expect((await answer(b!.token, { intent: "confirm" })).status).toBe(409);
    await answer(b!.token, { intent: "waitlist" });

    const note = "Заболела, простите. Можно позже?";
    const declined = await answer(a!.token, { intent: "decline", note });
    expect(declined.headers.get("Location")).toBe(`/rsvp/${a!.token}?done=declined`);
    expect(await invitation(a!.invitationId)).toMatchObject({ status: "DECLINED", declineNote: note, declinedAt: expect.any(Date) });
    expect((await events(a!.applicationId)).map((e) => e.event)).toEqual(["INTERVIEW_CONFIRMED", "INTERVIEW_DECLINED"]);
    const history = await db().stageChange.findMany({ where: { applicationId: a!.applicationId }, select: { reason: true } });
    expect(history.map((h) => h.reason).join(" ")).not.toContain("Заболела");
    const [audit] = await audits("interview.rsvp-decline", a!.invitationId);
    expect(audit!.details).toEqual({ sessionId: first.id, from: "CONFIRMED", withNote: true });

    // Plan 4, active now 2 (c confirmed, d invited): two places, b first (this session's), then x.
    expect(await invitation(b!.invitationId)).toMatchObject({ status: "INVITED", sessionId: first.id });
    expect(await invitation(x!.invitationId)).toMatchObject({ status: "INVITED", sessionId: first.id });
    expect(await invitation(z!.invitationId)).toMatchObject({ status: "WAITLISTED", sessionId: null });
    expect((await invitation(x!.invitationId)).emailId).toBeTruthy();
    expect((await db().application.findUniqueOrThrow({ where: { id: x!.applicationId } })).stage).toBe("INTERVIEW_INVITED");
    // The decline cannot be answered again.
    expect((await (await page(a!.token)).json()).choices).toEqual([]);
    expect((await answer(a!.token, { intent: "confirm" })).status).toBe(409);
  });

  test("a link with a token of its own (the demo's fixed one) keeps working through a move, and the new letter carries it", async () => {
    const { first, second, who } = await scene(1);
    const token = `demo-rsvp-${newId()}`;
    const row = await db().interviewInvitation.update({ where: { id: who[0]!.invitationId }, data: { tokenHash: hashToken(token) } });
    expect(row.sessionId).toBe(first.id);
    expect((await answer(token, { intent: "move", sessionId: second.id })).headers.get("Location")).toBe(`/rsvp/${token}?done=moved`);
    expect((await (await page(token)).json()).session.startsAt).toBe(second.startsAt.toISOString());
    const letter = await db().emailMessage.findUniqueOrThrow({ where: { id: (await invitation(row.id)).emailId! } });
    expect(rsvpTokenIn(letter.text)).toBe(token);
    expect(readCalendar((letter.attachments as Array<{ content: string }>)[0]!.content).vevent.getFirstPropertyValue("url")).toMatch(new RegExp(`/rsvp/${token}$`));
  });

  test("a note over 500 characters comes back with the error and the text typed", async () => {
    const { who } = await scene(1);
    const long = "я".repeat(501);
    const refused = await answer(who[0]!.token, { intent: "decline", note: long });
    expect(refused.status).toBe(400);
    const { lastResult } = await refused.json();
    expect(lastResult.error).toEqual({ note: ["validation.tooLong|max=500"] });
    expect(lastResult.initialValue.note).toBe(long);
    expect(await invitation(who[0]!.invitationId)).toMatchObject({ status: "INVITED" });
  });

  test("a forged or unknown token opens nothing: 404 for the page, the answer and the calendar file", async () => {
    const { who } = await scene(1);
    const real = who[0]!.token;
    const forged = `${real.slice(0, -2)}${real.endsWith("AA") ? "BB" : "AA"}`;
    for (const token of [forged, "nope", rsvpToken("c-no-such-invitation")]) {
      expect((await page(token)).status).toBe(404);
      expect((await answer(token, { intent: "decline" })).status).toBe(404);
      expect((await calendar(token)).status).toBe(404);
    }
    expect(await invitation(who[0]!.invitationId)).toMatchObject({ status: "INVITED" });
  });

  test("a session that is over answers 410 Gone; one under way shows without answers", async () => {
    const { vacancy, people } = await shortlistedAudience(2);
    const over = await createSession(vacancy.id, { startsAt: new Date(Date.now() - 5 * HOUR), durationMinutes: 120 });
    const running = await createSession(vacancy.id, { startsAt: new Date(Date.now() - HOUR), durationMinutes: 120 });
    const place = async (sessionId: string, applicationId: string) => {
      const id = newId();
      await db().interviewInvitation.create({ data: { id, vacancyId: vacancy.id, applicationId, sessionId, status: "CONFIRMED", tokenHash: rsvpTokenHash(id) } });
      return rsvpToken(id);
    };
    const gone = await place(over.id, people[0]!.applicationId);
    const shown = await page(gone);
    expect(shown.status).toBe(410);
    expect(await shown.json()).toEqual({ state: "gone", vacancy: { title: vacancy.title } });
    expect((await answer(gone, { intent: "decline" })).headers.get("Location")).toBe(`/rsvp/${gone}`);
    expect((await calendar(gone)).status).toBe(410);
    const html = await renderRoute(getRequest(`/rsvp/${gone}`), { path: "/rsvp/:token", loader: rsvpRoute.loader, Component: rsvpRoute.default });
    expect(html).toContain("Собеседование уже прошло");
    expect(html).not.toContain('value="decline"');

    const live = await place(running.id, people[1]!.applicationId);
    const data = await (await page(live)).json();
    expect(data).toMatchObject({ state: "open", phase: "running", choices: [] });
    expect((await answer(live, { intent: "decline" })).status).toBe(409);
    expect(await db().interviewInvitation.count({ where: { sessionId: running.id, status: "CONFIRMED" } })).toBe(1);
  });

  test("the calendar file downloads as text/calendar for the place held now", async () => {
    const { first, who } = await scene(1);
    const response = await calendar(who[0]!.token);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8; method=PUBLISH");
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="interview.ics"');
    const { event } = readCalendar(await response.text());
    expect(event.uid).toMatch(new RegExp(`^interview-${who[0]!.invitationId}@`));
    expect(event.startDate.toJSDate().toISOString()).toBe(first.startsAt.toISOString());
    // The same event as the letter's attachment.
    const letter = await db().emailMessage.findFirstOrThrow({ where: { applicationId: who[0]!.applicationId } });
    expect(readCalendar((letter.attachments as Array<{ content: string }>)[0]!.content).event.uid).toBe(event.uid);
  });
});
