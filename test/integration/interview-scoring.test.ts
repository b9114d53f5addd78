import crypto from "node:crypto";
import { type AttendanceMark, type InvitationStatus, type Prisma } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type Role } from "~/auth/access";
import { DEFAULT_RUBRIC, type Rubric } from "~/interviews/rubric";
import { rubricToForm } from "~/interviews/rubric-form";
import { SCORE_RANGE } from "~/interviews/scorecard";
import { saveAssessorScorecard, ScorecardRefused } from "~/interviews/scorecards.server";
import { addApplication, moveApplication } from "~/pipeline/pipeline.server";
import * as rubricPage from "~/routes/interviews.rubric.$vacancyId";
import * as scorePage from "~/routes/interviews.sessions.$id_.score";
import { rsvpToken, rsvpTokenHash } from "~/interviews/invitation-letter.server";
import { rsvpView } from "~/interviews/rsvp.server";
import { eraseCandidate } from "~/sourcing/personal-data.server";
import { db } from "~/utils/db.server";
import { stopJobs } from "~/utils/jobs.server";
import { createCandidate, createUser, formRequest, getRequest, respond, sessionCookie } from "../factories";
import { renderRoute } from "../render-route";

afterAll(() => stopJobs());

const ids = DEFAULT_RUBRIC.map((c) => c.id);

async function person(roles: Role[], name?: string, locale: "ru" | "en" = "ru") {
  const user = await createUser({ roles, name });
  if (locale !== "ru") await db().user.update({ where: { id: user.id }, data: { locale } });
  return { id: user.id, cookie: await sessionCookie(user.id) };
}

async function newVacancy(title = "KAM, собеседования") {
  return db().vacancy.create({ data: { title, city: "Москва", industry: "Оборудование", status: "OPEN" } });
}

async function newSession(vacancyId: string, assessorIds: string[], extra: Partial<Prisma.InterviewSessionUncheckedCreateInput> = {}) {
  return db().interviewSession.create({
    data: {
      vacancyId,
      startsAt: new Date(Date.now() - 2 * 3600_000),
      durationMinutes: 120,
      seats: 6,
      capacity: 10,
      rubric: DEFAULT_RUBRIC as unknown as Prisma.InputJsonValue,
      assessors: { create: assessorIds.map((userId) => ({ userId })) },
      ...extra,
    },
  });
}

/** A candidate at INTERVIEWED with an invitation to the session, confirmed and (by default) marked attended. */
async function attendee(
  session: { id: string; vacancyId: string },
  opts: { status?: InvitationStatus; attendance?: AttendanceMark | null; lastName?: string; declineNote?: string } = {},
) {
  const candidate = await createCandidate(opts.lastName ? { lastName: opts.lastName } : {});
  const application = await addApplication({ candidateId: candidate.id, vacancyId: session.vacancyId, actorId: null, tier: "TARGET" });
  await moveApplication({ applicationId: application.id, to: "INTERVIEWED", actorId: null });
  const invitation = await db().interviewInvitation.create({
    data: {
      vacancyId: session.vacancyId,
      applicationId: application.id,
      sessionId: session.id,
      status: opts.status ?? "CONFIRMED",
      tokenHash: crypto.randomBytes(32).toString("hex"),
      confirmedAt: new Date(),
      attendance: opts.attendance === undefined ? "ATTENDED" : opts.attendance,
      declineNote: opts.declineNote ?? null,
    },
  });
  return { candidateId: candidate.id, applicationId: application.id, invitationId: invitation.id };
}

/** Every competency scored `score` (or by `by`). */
const scoreFields = (score: number | Record<string, string>) =>
  Object.fromEntries(ids.map((id) => [`scores.${id}`, typeof score === "number" ? String(score) : (score[id] ?? "")]).filter(([, v]) => v !== ""));

const load = async (sessionId: string, cookie: string, query = "") => respond(() => scorePage.loader({ request: getRequest(`/interviews/sessions/${sessionId}/score${query}`, cookie), params: { id: sessionId }, context: {} }));
const page = async (sessionId: string, cookie: string, query = "") => {
  const response = await load(sessionId, cookie, query);
  expect(response.status).toBe(200);
  return response.json();
};
const post = (sessionId: string, fields: Record<string, string>, cookie: string) =>
  respond(() => scorePage.action({ request: formRequest(`/interviews/sessions/${sessionId}/score`, fields, cookie), params: { id: sessionId }, context: {} }));

type Attendee = { invitationId: string; own: { scores: Record<string, number>; notes: string | null; submittedAt: string | null } | null; others: Array<{ assessorId: string; scores: Record<string, number>; notes: string | null }> | null; othersSubmitted: number };
const attendeeOf = (data: { attendees: Attendee[] }, invitationId: string) => data.attendees.find((a) => a.invitationId === invitationId);

describe("scoring a session", () => {
  let first: Awaited<ReturnType<typeof person>>;
  let second: Awaited<ReturnType<typeof person>>;
  let outsider: Awaited<ReturnType<typeof person>>;
  let head: Awaited<ReturnType<typeof person>>;
  let recruiter: Awaited<ReturnType<typeof person>>;
  let session: { id: string; vacancyId: string };

  beforeAll(async () => {
    first = await person(["HIRING_MANAGER"], "Анна Первая");
    second = await person(["HIRING_MANAGER"], "Борис Второй");
    outsider = await person(["HIRING_MANAGER"], "Виктор Посторонний");
    head = await person(["DEPARTMENT_HEAD"], "Галина Руководитель");
    recruiter = await person(["RECRUITER"]);
    const vacancy = await newVacancy();
    session = await newSession(vacancy.id, [first.id, second.id]);
  });

  test("scores outside 1–5 are refused at their field and nothing is saved, in a draft and on submit", async () => {
    const who = await attendee(session);
    for (const bad of ["0", "6", "2.5", "abc"]) {
      for (const intent of ["save", "submit"]) {
        const response = await post(session.id, { intent, invitationId: who.invitationId, ...scoreFields(3), "scores.negotiation": bad, recommendation: "YES", notes: "Уверенно держится" }, first.cookie);
        expect(response.status).toBe(400);
        const reply = await response.json();
        expect(reply.error).toEqual({ "scores.negotiation": [SCORE_RANGE] });
        // Everything typed comes back.
        expect(reply.initialValue).toMatchObject({ notes: "Уверенно держится", recommendation: "YES", scores: { negotiation: bad, trust: "3" } });
      }
    }
    expect(await db().scorecard.count({ where: { invitationId: who.invitationId } })).toBe(0);
  });

  test("submitting needs every competency and the recommendation; a draft does not", async () => {
    const who = await attendee(session);
    const partial = { invitationId: who.invitationId, "scores.negotiation": "4", "scores.trust": "5" };
    const refused = await post(session.id, { intent: "submit", ...partial }, first.cookie);
    expect(refused.status).toBe(400);
    const error = (await refused.json()).error;
    expect(Object.keys(error).sort()).toEqual([...ids.filter((id) => id !== "negotiation" && id !== "trust").map((id) => `scores.${id}`), "recommendation"].sort());
    expect(await db().scorecard.count({ where: { invitationId: who.invitationId } })).toBe(0);

    const draft = await post(session.id, { intent: "save", ...partial, notes: "Черновик" }, first.cookie);
    expect(draft.status).toBe(302);
    expect(draft.headers.get("Location")).toBe(`/interviews/sessions/${session.id}/score?attendee=${who.invitationId}&saved=draft`);
    const row = await db().scorecard.findUniqueOrThrow({ where: { invitationId_assessorId: { invitationId: who.invitationId, assessorId: first.id } } });
    expect(row).toMatchObject({ scores: { negotiation: 4, trust: 5 }, notes: "Черновик", submittedAt: null, sessionId: session.id });
    expect(await db().auditEntry.count({ where: { action: "interview.score", entityId: row.id } })).toBe(0);
  });

  test("a hiring manager who is not an assessor of the session gets 403 on the page and on saving; so do a head and a recruiter", async () => {
    const who = await attendee(session);
    for (const cookie of [outsider.cookie, head.cookie, recruiter.cookie]) {
      expect((await load(session.id, cookie)).status).toBe(403);
      const response = await post(session.id, { intent: "submit", invitationId: who.invitationId, ...scoreFields(5), recommendation: "STRONG_YES" }, cookie);
      expect(response.status).toBe(403);
    }
    expect(await db().scorecard.count({ where: { invitationId: who.invitationId } })).toBe(0);
    expect((await load("no-such-session", first.cookie)).status).toBe(404);
  });

  test("the second assessor does not see the first's scores before submitting, and does after", async () => {
    const who = await attendee(session, { lastName: "Сравнимова" });
    const submitted = await post(session.id, { intent: "submit", invitationId: who.invitationId, ...scoreFields(4), "scores.negotiation": "2", recommendation: "YES", notes: "Тайная заметка первой" }, first.cookie);
    expect(submitted.status).toBe(302);
    expect(submitted.headers.get("Location")).toContain("saved=submitted");
    const card = await db().scorecard.findUniqueOrThrow({ where: { invitationId_assessorId: { invitationId: who.invitationId, assessorId: first.id } } });
    expect(card.submittedAt).not.toBeNull();
    const audit = await db().auditEntry.findFirstOrThrow({ where: { action: "interview.score", entityId: card.id } });
    expect(audit).toMatchObject({ actorId: first.id, entityType: "Scorecard", details: { sessionId: session.id, invitationId: who.invitationId, applicationId: who.applicationId, competencies: ids.length } });
    expect(JSON.stringify(audit.details)).not.toContain("Тайная");

    const before = await page(session.id, second.cookie, `?attendee=${who.invitationId}`);
    expect(before.current).toBe(who.invitationId);
    expect(attendeeOf(before, who.invitationId)).toMatchObject({ own: null, others: null, othersSubmitted: 1 });
    expect(JSON.stringify(before)).not.toContain("Тайная заметка");

    // A draft is not a submit: still hidden.
    await post(session.id, { intent: "save", invitationId: who.invitationId, "scores.negotiation": "5" }, second.cookie);
    const drafted = await page(session.id, second.cookie, `?attendee=${who.invitationId}`);
    expect(attendeeOf(drafted, who.invitationId)).toMatchObject({ own: { scores: { negotiation: 5 }, submittedAt: null }, others: null });

    const mine = await post(session.id, { intent: "submit", invitationId: who.invitationId, ...scoreFields(5), recommendation: "STRONG_YES" }, second.cookie);
    expect(mine.status).toBe(302);
    const after = attendeeOf(await page(session.id, second.cookie, `?attendee=${who.invitationId}`), who.invitationId)!;
    expect(after.others).toHaveLength(1);
    expect(after.others![0]).toMatchObject({ assessorId: first.id, notes: "Тайная заметка первой", scores: { negotiation: 2, trust: 4 } });

    // The first assessor, having submitted, sees the second's now.
    const firstView = attendeeOf(await page(session.id, first.cookie, `?attendee=${who.invitationId}`), who.invitationId)!;
    expect(firstView.others!.map((o) => o.assessorId)).toEqual([second.id]);
  });

  test("a submitted scorecard cannot be changed", async () => {
    const who = await attendee(session);
    await post(session.id, { intent: "submit", invitationId: who.invitationId, ...scoreFields(3), recommendation: "NO", notes: "Первый раз" }, first.cookie);
    const before = await db().scorecard.findUniqueOrThrow({ where: { invitationId_assessorId: { invitationId: who.invitationId, assessorId: first.id } } });
    for (const intent of ["save", "submit"]) {
      const again = await post(session.id, { intent, invitationId: who.invitationId, ...scoreFields(5), recommendation: "STRONG_YES", notes: "Передумала" }, first.cookie);
      expect(again.status).toBe(409);
      expect((await again.json()).error).toEqual({ "": ["interviewScoring.scorecard.problems.submitted"] });
    }
    const after = await db().scorecard.findUniqueOrThrow({ where: { id: before.id } });
    expect(after).toEqual(before);
    expect(await db().auditEntry.count({ where: { action: "interview.score", entityId: before.id } })).toBe(1);
  });

  test("two submits at once (a double tap): one is saved, the other is told it was submitted", async () => {
    const who = await attendee(session);
    const values = { scores: Object.fromEntries(ids.map((id) => [id, 4])), recommendation: "YES" as const };
    const outcomes = await Promise.allSettled([1, 2].map(() => saveAssessorScorecard({ sessionId: session.id, invitationId: who.invitationId, assessorId: first.id, values, submit: true })));
    expect(outcomes.map((o) => o.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refused = outcomes.find((o): o is PromiseRejectedResult => o.status === "rejected")!;
    expect(refused.reason).toBeInstanceOf(ScorecardRefused);
    expect((refused.reason as ScorecardRefused).problem).toBe("submitted");
    expect(await db().scorecard.count({ where: { invitationId: who.invitationId } })).toBe(1);
    expect(await db().auditEntry.count({ where: { action: "interview.score", details: { path: ["invitationId"], equals: who.invitationId } } })).toBe(1);
  });

  test("an invitation of another session, or someone who did not come, is refused", async () => {
    const otherSession = await newSession(session.vacancyId, [first.id]);
    const elsewhere = await attendee(otherSession);
    const refused = await post(session.id, { intent: "save", invitationId: elsewhere.invitationId, "scores.negotiation": "3" }, first.cookie);
    expect(refused.status).toBe(409);
    expect((await refused.json()).error).toEqual({ "": ["interviewScoring.scorecard.problems.other-session"] });
    const noShow = await attendee(session, { attendance: "NO_SHOW" });
    const absent = await post(session.id, { intent: "save", invitationId: noShow.invitationId, "scores.negotiation": "3" }, first.cookie);
    expect((await absent.json()).error).toEqual({ "": ["interviewScoring.scorecard.problems.not-attendee"] });
    expect(await db().scorecard.count({ where: { invitationId: { in: [elsewhere.invitationId, noShow.invitationId] } } })).toBe(0);
  });

  test("until check-in closes, the confirmed are scorable too; after, only those marked attended or late", async () => {
    const fresh = await newSession(session.vacancyId, [first.id]);
    const came = await attendee(fresh, { lastName: "Пришедшая" });
    const late = await attendee(fresh, { attendance: "LATE", lastName: "Опоздавшая" });
    const unmarked = await attendee(fresh, { attendance: null, lastName: "Неотмеченная" });
    const invited = await attendee(fresh, { status: "INVITED", attendance: null });
    const noShow = await attendee(fresh, { attendance: "NO_SHOW" });
    const open = await page(fresh.id, first.cookie);
    expect(open.attendees.map((a: Attendee) => a.invitationId).sort()).toEqual([came.invitationId, late.invitationId, unmarked.invitationId].sort());
    expect(open.attendees.map((a: Attendee) => a.invitationId)).not.toContain(invited.invitationId);
    expect(open.attendees.map((a: Attendee) => a.invitationId)).not.toContain(noShow.invitationId);

    await db().interviewSession.update({ where: { id: fresh.id }, data: { checkInClosedAt: new Date() } });
    const closed = await page(fresh.id, first.cookie);
    expect(closed.attendees.map((a: Attendee) => a.invitationId).sort()).toEqual([came.invitationId, late.invitationId].sort());
    const refused = await post(fresh.id, { intent: "save", invitationId: unmarked.invitationId, "scores.negotiation": "3" }, first.cookie);
    expect((await refused.json()).error).toEqual({ "": ["interviewScoring.scorecard.problems.not-attendee"] });
  });

  test("the page shows each competency's 1, 3 and 5 in the assessor's language, and a 1–5 choice", async () => {
    const english = await person(["HIRING_MANAGER"], "Eve English", "en");
    const fresh = await newSession(session.vacancyId, [english.id]);
    const who = await attendee(fresh);
    const html = await renderRoute(getRequest(`/interviews/sessions/${fresh.id}/score?attendee=${who.invitationId}`, english.cookie), {
      path: "/interviews/sessions/:id/score",
      loader: scorePage.loader,
      Component: scorePage.default,
    });
    const negotiation = DEFAULT_RUBRIC[0]!;
    expect(html).toContain(negotiation.name.en);
    for (const level of ["1", "3", "5"] as const) expect(html).toContain(negotiation.levels[level].en.replace(/'/g, "&#x27;"));
    expect(html).not.toContain(negotiation.levels["5"].ru);
    for (const level of [1, 2, 3, 4, 5]) expect(html).toMatch(new RegExp(`name="scores.negotiation"[^>]*type="radio" value="${level}"`));
    expect(html).toContain('name="intent" value="save"');
    expect(html).toContain('name="intent" value="submit"');
  });
});

describe("editing a vacancy's rubric", () => {
  const small: Rubric = DEFAULT_RUBRIC.slice(0, 2);
  const formFields = (rubric: Rubric, over: Record<string, string> = {}) => {
    const out: Record<string, string> = {};
    rubricToForm(rubric).competencies.forEach((c, i) => {
      const at = `competencies[${i}]`;
      out[`${at}.id`] = c.id;
      out[`${at}.name.ru`] = c.name.ru;
      out[`${at}.name.en`] = c.name.en;
      out[`${at}.weight`] = c.weight;
      for (const level of ["1", "3", "5"] as const) {
        out[`${at}.levels.${level}.ru`] = c.levels[level].ru;
        out[`${at}.levels.${level}.en`] = c.levels[level].en;
      }
    });
    return { ...out, ...over };
  };
  const save = (vacancyId: string, fields: Record<string, string>, cookie: string) =>
    respond(() => rubricPage.action({ request: formRequest(`/interviews/rubric/${vacancyId}`, fields, cookie), params: { vacancyId }, context: {} }));

  test("saving writes the rubric and refreshes only the sessions nobody has submitted a scorecard for", async () => {
    const manager = await person(["HIRING_MANAGER"]);
    const vacancy = await newVacancy("KAM, критерии");
    const scored = await newSession(vacancy.id, [manager.id]);
    const drafted = await newSession(vacancy.id, [manager.id]);
    const empty = await newSession(vacancy.id, [manager.id]);
    const other = await newSession((await newVacancy("Другая")).id, [manager.id]);
    const a = await attendee(scored);
    await post(scored.id, { intent: "submit", invitationId: a.invitationId, ...scoreFields(4), recommendation: "YES" }, manager.cookie);
    const b = await attendee(drafted);
    await post(drafted.id, { intent: "save", invitationId: b.invitationId, "scores.negotiation": "2" }, manager.cookie);

    const edited: Rubric = [
      { ...small[1]!, weight: 5 },
      { ...small[0]!, name: { ru: "Переговоры", en: "Negotiating" } },
    ];
    const fields = formFields(edited);
    // A new competency without a key gets one from its English name.
    Object.assign(fields, {
      "competencies[2].name.ru": "Иностранный язык",
      "competencies[2].name.en": "Foreign language",
      "competencies[2].weight": "1",
      "competencies[2].levels.1.ru": "Не говорит",
      "competencies[2].levels.1.en": "Does not speak it",
      "competencies[2].levels.3.ru": "Объясняется",
      "competencies[2].levels.3.en": "Gets by",
      "competencies[2].levels.5.ru": "Свободно ведёт переговоры",
      "competencies[2].levels.5.en": "Negotiates fluently",
    });
    const response = await save(vacancy.id, fields, manager.cookie);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/interviews/rubric/${vacancy.id}?saved=2-1`);

    const stored = await db().interviewRubric.findUniqueOrThrow({ where: { vacancyId: vacancy.id } });
    const competencies = stored.competencies as Rubric;
    expect(competencies.map((c) => [c.id, c.weight])).toEqual([
      ["trust", 5],
      ["negotiation", 3],
      ["foreign-language", 1],
    ]);
    expect(competencies[1]!.name).toEqual({ ru: "Переговоры", en: "Negotiating" });
    const rubricOf = async (id: string) => (await db().interviewSession.findUniqueOrThrow({ where: { id } })).rubric as Rubric;
    expect(await rubricOf(drafted.id)).toEqual(competencies);
    expect(await rubricOf(empty.id)).toEqual(competencies);
    expect(await rubricOf(scored.id)).toEqual(DEFAULT_RUBRIC);
    expect(await rubricOf(other.id)).toEqual(DEFAULT_RUBRIC);
    const audit = await db().auditEntry.findFirstOrThrow({ where: { action: "interview.rubric-update", entityId: vacancy.id } });
    expect(audit).toMatchObject({ actorId: manager.id, details: { competencies: 3, refreshedSessions: 2, keptSessions: 1 } });

    const read = await respond(() => rubricPage.loader({ request: getRequest(`/interviews/rubric/${vacancy.id}?saved=2-1`, manager.cookie), params: { vacancyId: vacancy.id }, context: {} }));
    expect(await read.json()).toMatchObject({ isDefault: false, canEdit: true, saved: { refreshed: 2, kept: 1 }, sessions: { total: 3, refreshable: 2 } });
  });

  test("errors come back next to their fields with everything typed, and nothing is saved", async () => {
    const manager = await person(["DEPARTMENT_HEAD"]);
    const vacancy = await newVacancy("KAM, ошибки");
    const session = await newSession(vacancy.id, []);
    const fields = formFields(small, { "competencies[0].weight": "0", "competencies[1].name.en": "", "competencies[1].levels.3.ru": "" });
    const response = await save(vacancy.id, fields, manager.cookie);
    expect(response.status).toBe(400);
    const reply = await response.json();
    expect(reply.error).toEqual({
      "competencies[0].weight": ["interviewScoring.rubric.weightRange|min=1|max=10"],
      "competencies[1].name.en": ["validation.required"],
      "competencies[1].levels.3.ru": ["validation.required"],
    });
    expect(reply.initialValue.competencies[0]).toMatchObject({ weight: "0", name: { ru: small[0]!.name.ru } });
    expect(await db().interviewRubric.count({ where: { vacancyId: vacancy.id } })).toBe(0);
    expect((await db().interviewSession.findUniqueOrThrow({ where: { id: session.id } })).rubric).toEqual(DEFAULT_RUBRIC);

    // Removing every competency is refused too.
    const none = await save(vacancy.id, {}, manager.cookie);
    expect((await none.json()).error).toEqual({ competencies: ["interviewScoring.rubric.empty"] });
  });

  test("adding, removing and moving competencies come back changed, with nothing saved", async () => {
    const manager = await person(["HIRING_MANAGER"]);
    const vacancy = await newVacancy("KAM, список");
    const intent = (value: object) => ({ __intent__: JSON.stringify(value) });
    const added = await save(vacancy.id, { ...formFields(small), ...intent({ type: "insert", payload: { name: "competencies", defaultValue: { weight: "1" } } }) }, manager.cookie);
    expect(added.status).toBe(200);
    expect((await added.json()).initialValue.competencies).toHaveLength(3);
    const moved = await save(vacancy.id, { ...formFields(small), ...intent({ type: "reorder", payload: { name: "competencies", from: 1, to: 0 } }) }, manager.cookie);
    expect((await moved.json()).initialValue.competencies.map((c: { id: string }) => c.id)).toEqual([small[1]!.id, small[0]!.id]);
    const removed = await save(vacancy.id, { ...formFields(small), ...intent({ type: "remove", payload: { name: "competencies", index: 0 } }) }, manager.cookie);
    expect((await removed.json()).initialValue.competencies.map((c: { id: string }) => c.id)).toEqual([small[1]!.id]);
    expect(await db().interviewRubric.count({ where: { vacancyId: vacancy.id } })).toBe(0);

    const html = await renderRoute(getRequest(`/interviews/rubric/${vacancy.id}`, manager.cookie), { path: "/interviews/rubric/:vacancyId", loader: rubricPage.loader, Component: rubricPage.default });
    expect(html).toContain(`name="competencies[9].levels.5.en"`);
    expect(html).toContain(`value="${DEFAULT_RUBRIC[9]!.id}"`);
    expect(html).toContain('name="__intent__"');
  });

  test("everyone on staff reads it; a recruiter may not change it", async () => {
    const recruiter = await person(["RECRUITER"]);
    const vacancy = await newVacancy("KAM, чтение");
    const read = await respond(() => rubricPage.loader({ request: getRequest(`/interviews/rubric/${vacancy.id}`, recruiter.cookie), params: { vacancyId: vacancy.id }, context: {} }));
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({ isDefault: true, canEdit: false, rubric: DEFAULT_RUBRIC });
    expect((await save(vacancy.id, formFields(small), recruiter.cookie)).status).toBe(403);
    expect(await db().interviewRubric.count({ where: { vacancyId: vacancy.id } })).toBe(0);
  });
});

describe("erasing a candidate who came to a group interview", () => {
  test("the decline note, the decision note and the assessors' notes go; scores and the decision stay", async () => {
    const manager = await person(["HIRING_MANAGER"]);
    const recruiter = await createUser({ roles: ["RECRUITER"] });
    const vacancy = await newVacancy("KAM, удаление");
    const session = await newSession(vacancy.id, [manager.id]);
    const who = await attendee(session, { lastName: "Удаляемова", declineNote: "Сначала не могла: Удаляемова в отпуске" });
    const bystander = await attendee(session);
    for (const x of [who, bystander]) {
      await post(session.id, { intent: "submit", invitationId: x.invitationId, ...scoreFields(4), recommendation: "YES", notes: "Удаляемова хорошо слушает" }, manager.cookie);
    }
    await db().interviewInvitation.update({ where: { id: who.invitationId }, data: { decision: "RESERVE", decisionNote: "Удаляемова — в резерв до весны" } });

    // An invitation to a later session is still open.
    const later = await newSession(vacancy.id, [manager.id], { startsAt: new Date(Date.now() + 48 * 3600_000) });
    const open = await db().interviewInvitation.create({
      data: { vacancyId: vacancy.id, applicationId: who.applicationId, sessionId: later.id, status: "CONFIRMED", tokenHash: rsvpTokenHash("erasure-later") },
    });
    expect((await rsvpView(rsvpToken("erasure-later"))).status).toBe("ok");

    expect(await eraseCandidate({ actorId: recruiter.id, candidateId: who.candidateId, reason: "Запрос кандидата" })).toBe(true);

    expect(await db().interviewInvitation.findUniqueOrThrow({ where: { id: open.id } })).toMatchObject({ status: "CANCELLED" });
    expect((await rsvpView(rsvpToken("erasure-later"))).status).toBe("not-found");

    const invitation = await db().interviewInvitation.findUniqueOrThrow({ where: { id: who.invitationId }, include: { scorecards: true } });
    expect(invitation).toMatchObject({ declineNote: null, decisionNote: null, decision: "RESERVE", attendance: "ATTENDED" });
    expect(invitation.scorecards).toHaveLength(1);
    expect(invitation.scorecards[0]).toMatchObject({ notes: null, recommendation: "YES" });
    expect(invitation.scorecards[0]!.submittedAt).not.toBeNull();
    expect((invitation.scorecards[0]!.scores as Record<string, number>).negotiation).toBe(4);
    expect(JSON.stringify(invitation)).not.toContain("Удаляемова");
    // Someone else's notes stay.
    expect((await db().scorecard.findFirstOrThrow({ where: { invitationId: bystander.invitationId } })).notes).toBe("Удаляемова хорошо слушает");
    const audit = await db().auditEntry.findFirstOrThrow({ where: { action: "candidate.erase", entityId: who.candidateId } });
    expect(audit.details).toMatchObject({ interviewInvitations: 2, scorecards: 1 });
  });
});
