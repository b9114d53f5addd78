import crypto from "node:crypto";
import { type AttendanceMark, type Prisma } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type Role } from "~/auth/access";
import { type Competency, DEFAULT_RUBRIC, type Rubric } from "~/interviews/rubric";
import { addApplication, moveApplication } from "~/pipeline/pipeline.server";
import * as resultsRoute from "~/routes/interviews.sessions.$id_.results";
import * as scoreRoute from "~/routes/interviews.sessions.$id_.score";
import { db } from "~/utils/db.server";
import { stopJobs } from "~/utils/jobs.server";
import { createCandidate, createUser, formRequest, getRequest, respond, sessionCookie } from "../factories";
import { renderRoute } from "../render-route";

afterAll(() => stopJobs());

/** Three competencies, negotiation weighing as much as the other two together. */
const competency = (base: Competency, weight: number): Competency => ({ ...base, weight });
const rubric: Rubric = [competency(DEFAULT_RUBRIC[0]!, 2), competency(DEFAULT_RUBRIC[1]!, 1), competency(DEFAULT_RUBRIC[2]!, 1)];

async function person(roles: Role[], name: string) {
  const user = await createUser({ roles, name });
  return { id: user.id, cookie: await sessionCookie(user.id) };
}

async function newSession(assessorIds: string[], title: string) {
  const vacancy = await db().vacancy.create({ data: { title, city: "Москва", industry: "Оборудование", status: "OPEN" } });
  await db().messageTemplate.create({
    data: {
      kind: "REJECTION",
      vacancyId: vacancy.id,
      name: `Отказ ${vacancy.id}`,
      subjectRu: "Вакансия «{{vacancyTitle}}»: итоги собеседования",
      bodyRu: "{{firstName}}, спасибо, что пришли на собеседование.",
    },
  });
  return db().interviewSession.create({
    data: {
      vacancyId: vacancy.id,
      startsAt: new Date(Date.now() - 3 * 3600_000),
      durationMinutes: 90,
      seats: 5,
      capacity: 8,
      rubric: rubric as unknown as Prisma.InputJsonValue,
      assessors: { create: assessorIds.map((userId) => ({ userId })) },
    },
  });
}

async function attendee(session: { id: string; vacancyId: string }, lastName: string, opts: { attendance?: AttendanceMark | null; doNotContact?: boolean } = {}) {
  const candidate = await createCandidate({ lastName, firstName: "Тест" });
  const application = await addApplication({ candidateId: candidate.id, vacancyId: session.vacancyId, actorId: null, tier: "TARGET" });
  await moveApplication({ applicationId: application.id, to: "INTERVIEWED", actorId: null });
  // Asked to be left alone after the interview.
  if (opts.doNotContact) await db().candidate.update({ where: { id: candidate.id }, data: { doNotContact: true } });
  const invitation = await db().interviewInvitation.create({
    data: {
      vacancyId: session.vacancyId,
      applicationId: application.id,
      sessionId: session.id,
      status: "CONFIRMED",
      tokenHash: crypto.randomBytes(32).toString("hex"),
      attendance: opts.attendance === undefined ? "ATTENDED" : opts.attendance,
    },
  });
  return { candidateId: candidate.id, applicationId: application.id, invitationId: invitation.id };
}

const score = (sessionId: string, invitationId: string, [negotiation, trust, listening]: [number, number, number], recommendation: string, cookie: string) =>
  respond(() =>
    scoreRoute.action({
      request: formRequest(
        `/interviews/sessions/${sessionId}/score`,
        { intent: "submit", invitationId, "scores.negotiation": String(negotiation), "scores.trust": String(trust), "scores.listening": String(listening), recommendation },
        cookie,
      ),
      params: { id: sessionId },
      context: {},
    }),
  );
const results = async (sessionId: string, cookie: string) => {
  const response = await respond(() => resultsRoute.loader({ request: getRequest(`/interviews/sessions/${sessionId}/results`, cookie), params: { id: sessionId }, context: {} }));
  expect(response.status).toBe(200);
  return response.json();
};
const post = (sessionId: string, fields: Record<string, string>, cookie: string) =>
  respond(() => resultsRoute.action({ request: formRequest(`/interviews/sessions/${sessionId}/results`, fields, cookie), params: { id: sessionId }, context: {} }));
const decide = (sessionId: string, invitationId: string, decision: string, cookie: string, note?: string) =>
  post(sessionId, { intent: "decide", invitationId, decision, ...(note ? { note } : {}) }, cookie);
const stageOf = async (applicationId: string) => (await db().application.findUniqueOrThrow({ where: { id: applicationId } })).stage;
const history = (applicationId: string) => db().stageChange.findMany({ where: { applicationId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });

type RankedRow = { invitationId: string; rank: number | null; result: { mean: number; spread: number; disagreements: number; competencies: Array<{ id: string; min: number; max: number; disagreement: boolean }>; recommendations: Record<string, number> } };

describe("a session's results", () => {
  let first: Awaited<ReturnType<typeof person>>;
  let second: Awaited<ReturnType<typeof person>>;
  let recruiter: Awaited<ReturnType<typeof person>>;
  let session: { id: string; vacancyId: string };
  let p: Record<"strong" | "split" | "weak" | "unscored", Awaited<ReturnType<typeof attendee>>>;

  beforeAll(async () => {
    first = await person(["HIRING_MANAGER"], "Анна Оценщица");
    second = await person(["HIRING_MANAGER"], "Борис Оценщик");
    recruiter = await person(["RECRUITER"], "Рита Рекрутер");
    session = await newSession([first.id, second.id], "KAM, итоги");
    p = {
      strong: await attendee(session, "Сильная"),
      split: await attendee(session, "Спорная"),
      weak: await attendee(session, "Слабый"),
      unscored: await attendee(session, "Неоценённый"),
    };
    // strong: first (5,4,4) → (10+4+4)/4 = 4.5; second (4,4,5) → (8+4+5)/4 = 4.25
    // split: first (5,5,5) → 5; second (3,2,4) → (6+2+4)/4 = 3 → mean 4, spread 2, negotiation and trust flagged
    // weak: first (2,2,2) → 2; second (3,2,3) → (6+2+3)/4 = 2.75; one point apart at most
    const cards: Array<[keyof typeof p, typeof first, [number, number, number], string]> = [
      ["strong", first, [5, 4, 4], "STRONG_YES"],
      ["strong", second, [4, 4, 5], "YES"],
      ["split", first, [5, 5, 5], "STRONG_YES"],
      ["split", second, [3, 2, 4], "NO"],
      ["weak", first, [2, 2, 2], "NO"],
      ["weak", second, [3, 2, 3], "STRONG_NO"],
    ];
    for (const [who, assessor, scores, rec] of cards) expect((await score(session.id, p[who].invitationId, scores, rec, assessor.cookie)).status).toBe(302);
  });

  test("ranks by the mean weighted score, with the spread and the competencies assessors disagree on", async () => {
    const data = await results(session.id, recruiter.cookie);
    const byId = (id: string) => data.ranked.find((r: RankedRow) => r.invitationId === id) as RankedRow;
    expect(data.ranked.map((r: RankedRow) => [r.invitationId, r.rank])).toEqual([
      [p.strong.invitationId, 1],
      [p.split.invitationId, 2],
      [p.weak.invitationId, 3],
      [p.unscored.invitationId, null],
    ]);
    expect(byId(p.strong.invitationId).result.mean).toBeCloseTo(4.375);
    expect(byId(p.strong.invitationId).result.spread).toBeCloseTo(0.25);
    expect(byId(p.strong.invitationId).result.disagreements).toBe(0);
    const split = byId(p.split.invitationId).result;
    expect(split.mean).toBeCloseTo(4);
    expect(split.spread).toBeCloseTo(2);
    expect(split.competencies.filter((c) => c.disagreement).map((c) => [c.id, c.min, c.max])).toEqual([
      ["negotiation", 3, 5],
      ["trust", 2, 5],
    ]);
    expect(byId(p.weak.invitationId).result).toMatchObject({ disagreements: 0 });
    expect(byId(p.weak.invitationId).result.mean).toBeCloseTo(2.375);
    expect(split.recommendations).toEqual({ STRONG_YES: 1, YES: 0, NO: 1, STRONG_NO: 0 });
    expect(data.recommendations).toEqual({ STRONG_YES: 2, YES: 1, NO: 2, STRONG_NO: 1 });
    expect(data).toMatchObject({ hidden: [], viewerAssesses: false, canDecide: false, canDelegate: false, decided: { TAKE: 0, RESERVE: 0, REJECT: 0 } });
  });

  test("an assessor sees no scores of an attendee before submitting theirs; they are listed apart, without a rank", async () => {
    const third = await person(["HIRING_MANAGER"], "Вера Третья");
    await db().interviewAssessor.create({ data: { sessionId: session.id, userId: third.id } });
    const before = await results(session.id, third.cookie);
    expect(before.ranked).toEqual([]);
    expect(before.hidden.map((h: { invitationId: string }) => h.invitationId).sort()).toEqual(Object.values(p).map((x) => x.invitationId).sort());
    expect(JSON.stringify(before.hidden)).not.toMatch(/"mean"|"spread"|"scores"/);

    expect((await score(session.id, p.weak.invitationId, [1, 1, 1], "STRONG_NO", third.cookie)).status).toBe(302);
    const after = await results(session.id, third.cookie);
    expect(after.ranked.map((r: RankedRow) => [r.invitationId, r.rank])).toEqual([[p.weak.invitationId, 1]]);
    expect(after.hidden).toHaveLength(3);
    await db().scorecard.deleteMany({ where: { assessorId: third.id } });
    await db().interviewAssessor.delete({ where: { sessionId_userId: { sessionId: session.id, userId: third.id } } });
  });

  test("the page shows the ranking, the flags and the take / reserve / reject buttons to a head", async () => {
    const head = await person(["DEPARTMENT_HEAD"], "Глеб Руководитель");
    const html = await renderRoute(getRequest(`/interviews/sessions/${session.id}/results`, head.cookie), {
      path: "/interviews/sessions/:id/results",
      loader: resultsRoute.loader,
      Component: resultsRoute.default,
    });
    expect(html).toContain(`data-flag="negotiation"`);
    expect(html).toContain(`data-flag="trust"`);
    for (const d of ["TAKE", "RESERVE", "REJECT"]) expect(html).toContain(`name="decision" value="${d}"`);
    expect(html).toContain("data-delegate-form");
    expect(html).toMatch(/2–3/);
  });
});

describe("decisions", () => {
  let head: Awaited<ReturnType<typeof person>>;
  let manager: Awaited<ReturnType<typeof person>>;
  let session: { id: string; vacancyId: string };

  beforeAll(async () => {
    head = await person(["DEPARTMENT_HEAD"], "Дарья Руководитель");
    manager = await person(["HIRING_MANAGER"], "Егор Менеджер");
    session = await newSession([manager.id], "KAM, решения");
  });

  test("take → PROBATION with its stage history and audit entry", async () => {
    const who = await attendee(session, "Взятая");
    const response = await decide(session.id, who.invitationId, "TAKE", head.cookie, "Сильная в переговорах");
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, result: { decision: "TAKE", from: "INTERVIEWED", to: "PROBATION", letter: null, reopened: false } });
    expect(await stageOf(who.applicationId)).toBe("PROBATION");
    expect((await history(who.applicationId)).at(-1)).toMatchObject({ fromStage: "INTERVIEWED", toStage: "PROBATION", actorId: head.id, reason: "Групповое собеседование: взят на испытательный срок" });
    const invitation = await db().interviewInvitation.findUniqueOrThrow({ where: { id: who.invitationId } });
    expect(invitation).toMatchObject({ decision: "TAKE", decisionNote: "Сильная в переговорах", decidedById: head.id });
    expect(invitation.decidedAt).not.toBeNull();
    const audit = await db().auditEntry.findFirstOrThrow({ where: { action: "interview.decide", entityId: who.invitationId } });
    expect(audit).toMatchObject({ actorId: head.id, entityType: "InterviewInvitation", details: { sessionId: session.id, applicationId: who.applicationId, decision: "TAKE", previous: null, from: "INTERVIEWED", to: "PROBATION", note: true } });
    // The note is the decider's words about the candidate: not in the history, not in the audit.
    expect(JSON.stringify(audit.details)).not.toContain("Сильная");
    expect((await history(who.applicationId)).map((h) => h.reason).join(" ")).not.toContain("Сильная");
    expect((await results(session.id, head.cookie)).decided.TAKE).toBeGreaterThanOrEqual(1);
  });

  test("reject → REJECTED with the rejection letter queued in the same step, once", async () => {
    const who = await attendee(session, "Отказанная");
    const response = await decide(session.id, who.invitationId, "REJECT", head.cookie);
    expect(await response.json()).toMatchObject({ ok: true, result: { decision: "REJECT", to: "REJECTED", letter: "queued" } });
    expect(await stageOf(who.applicationId)).toBe("REJECTED");
    const letters = await db().emailMessage.findMany({ where: { applicationId: who.applicationId } });
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({ templateKind: "REJECTION", dedupeKey: `rejection:${who.applicationId}`, status: "QUEUED", subject: "Вакансия «KAM, решения»: итоги собеседования" });

    // Changing one's mind: reopened to INTERVIEWED, then to probation; the letter already queued stays.
    const taken = await decide(session.id, who.invitationId, "TAKE", head.cookie);
    expect(await taken.json()).toMatchObject({ ok: true, result: { decision: "TAKE", previous: "REJECT", from: "REJECTED", to: "PROBATION", reopened: true, letter: null } });
    expect((await history(who.applicationId)).slice(-3).map((h) => [h.fromStage, h.toStage, h.reason])).toEqual([
      ["INTERVIEWED", "REJECTED", "Групповое собеседование: отказ"],
      ["REJECTED", "INTERVIEWED", "Решение по групповому собеседованию изменено"],
      ["INTERVIEWED", "PROBATION", "Групповое собеседование: взят на испытательный срок"],
    ]);
    const page = await results(session.id, head.cookie);
    const row = page.ranked.find((r: { invitationId: string }) => r.invitationId === who.invitationId);
    expect(row).toMatchObject({ decision: { decision: "TAKE" }, rejectionLetter: { status: "QUEUED" } });

    // Rejected again: no second letter.
    expect(await (await decide(session.id, who.invitationId, "REJECT", head.cookie)).json()).toMatchObject({ result: { to: "REJECTED", letter: "duplicate" } });
    expect(await db().emailMessage.count({ where: { applicationId: who.applicationId } })).toBe(1);
  });

  test("take ↔ reserve moves the stage back and forward with a reason", async () => {
    const who = await attendee(session, "Резервная");
    expect(await (await decide(session.id, who.invitationId, "RESERVE", head.cookie)).json()).toMatchObject({ result: { from: "INTERVIEWED", to: "INTERVIEWED" } });
    expect(await stageOf(who.applicationId)).toBe("INTERVIEWED");
    await decide(session.id, who.invitationId, "TAKE", head.cookie);
    expect(await stageOf(who.applicationId)).toBe("PROBATION");
    await decide(session.id, who.invitationId, "RESERVE", head.cookie);
    expect(await stageOf(who.applicationId)).toBe("INTERVIEWED");
    expect((await history(who.applicationId)).at(-1)).toMatchObject({ fromStage: "PROBATION", toStage: "INTERVIEWED", reason: "Групповое собеседование: оставлен в резерве" });
    expect(await db().auditEntry.count({ where: { action: "interview.decide", entityId: who.invitationId } })).toBe(3);
  });

  test("a candidate who may not be written to is still rejected, without a letter", async () => {
    const who = await attendee(session, "Тихая", { doNotContact: true });
    expect(await (await decide(session.id, who.invitationId, "REJECT", head.cookie)).json()).toMatchObject({ ok: true, result: { to: "REJECTED", letter: "contact-refused" } });
    expect(await stageOf(who.applicationId)).toBe("REJECTED");
    expect(await db().emailMessage.count({ where: { applicationId: who.applicationId } })).toBe(0);
  });

  test("only attendees are decided on", async () => {
    const absent = await attendee(session, "Непришедший", { attendance: "NO_SHOW" });
    const response = await decide(session.id, absent.invitationId, "TAKE", head.cookie);
    expect(response.status).toBe(409);
    expect((await response.json()).error).toEqual({ "": ["interviewScoring.decision.problems.not-attendee"] });
    expect(await stageOf(absent.applicationId)).toBe("INTERVIEWED");
    const other = await newSession([], "KAM, чужая");
    const stranger = await attendee(other, "Чужой");
    expect((await decide(session.id, stranger.invitationId, "TAKE", head.cookie)).status).toBe(404);
    expect(await stageOf(stranger.applicationId)).toBe("INTERVIEWED");
  });

  test("a hiring manager who is not the delegate gets 403; once a head delegates the session, they decide", async () => {
    const who = await attendee(session, "Делегированная");
    const refused = await decide(session.id, who.invitationId, "TAKE", manager.cookie);
    expect(refused.status).toBe(403);
    expect(await stageOf(who.applicationId)).toBe("INTERVIEWED");
    expect(await db().interviewInvitation.findUniqueOrThrow({ where: { id: who.invitationId } })).toMatchObject({ decision: null });
    expect((await results(session.id, manager.cookie)).canDecide).toBe(false);

    // Only a head delegates, and only to a hiring manager.
    expect((await post(session.id, { intent: "delegate", delegateId: manager.id }, manager.cookie)).status).toBe(403);
    const recruiter = await person(["RECRUITER"], "Рекрутер Непригодный");
    expect((await post(session.id, { intent: "delegate", delegateId: manager.id }, recruiter.cookie)).status).toBe(403);
    const notManager = await person(["RECRUITER"], "Не менеджер");
    const wrong = await post(session.id, { intent: "delegate", delegateId: notManager.id }, head.cookie);
    expect(wrong.status).toBe(409);
    expect((await wrong.json()).error).toEqual({ delegateId: ["interviewScoring.delegate.problems.not-manager"] });

    const delegated = await post(session.id, { intent: "delegate", delegateId: manager.id }, head.cookie);
    expect(delegated.status).toBe(200);
    expect((await db().interviewSession.findUniqueOrThrow({ where: { id: session.id } })).decisionDelegateId).toBe(manager.id);
    expect(await db().auditEntry.findFirstOrThrow({ where: { action: "interview.delegate", entityId: session.id } })).toMatchObject({ actorId: head.id, details: { delegateId: manager.id, previous: null } });

    const allowed = await decide(session.id, who.invitationId, "TAKE", manager.cookie);
    expect(allowed.status).toBe(200);
    expect(await stageOf(who.applicationId)).toBe("PROBATION");
    expect((await results(session.id, manager.cookie)).canDecide).toBe(true);

    // Taken back: the manager may not decide any more.
    expect((await post(session.id, { intent: "delegate", delegateId: "" }, head.cookie)).status).toBe(200);
    expect((await decide(session.id, who.invitationId, "RESERVE", manager.cookie)).status).toBe(403);
    expect(await stageOf(who.applicationId)).toBe("PROBATION");
  });
});
