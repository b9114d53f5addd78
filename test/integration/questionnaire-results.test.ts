import { type CandidateSource, type SourcingTier, type Stage } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { formatDate, formatRub } from "~/i18n/format";
import { addApplication, moveApplication } from "~/pipeline/pipeline.server";
import { completionRates } from "~/questionnaires/completion.server";
import { type Answers, type Questionnaire } from "~/questionnaires/questions";
import { saveVersion } from "~/questionnaires/store.server";
import * as results from "~/routes/questionnaires._index";
import * as responsePage from "~/routes/questionnaires.responses.$id";
import { getCandidateProfile } from "~/sourcing/profile.server";
import { db } from "~/utils/db.server";
import { stopJobs } from "~/utils/jobs.server";
import { createCandidate, createUser, formRequest, getRequest, respond, sessionCookie } from "../factories";
import { renderRoute, textsOf } from "../render-route";
import { createAudience } from "../support/campaign-fixtures";
import { inviteToken, questionnaireForVacancy } from "../support/questionnaire-fixtures";
import { insertResponse } from "../support/questionnaire-responses";

/** Score = 10 × years (one weighted question); knock-outs: under 2 years, no B2B, no English, salary above the vacancy's maximum + 20%. */
const definition: Questionnaire = {
  questions: [
    { id: "years", type: "number", label: { ru: "Сколько лет вы ведёте ключевых клиентов?", en: "Years with key accounts?" }, required: true, min: 0, max: 60, weight: 10, scoreRange: { worst: 0, best: 10 }, knockout: { kind: "less_than", value: 2 } },
    { id: "b2b", type: "yes_no", label: { ru: "Есть опыт B2B?", en: "B2B experience?" }, required: true, knockout: { kind: "equals", value: "no" } },
    { id: "salary", type: "money", label: { ru: "Ожидаемый доход, ₽", en: "Expected income, RUB" }, required: true, knockout: { kind: "above_vacancy_max", percent: 20 } },
    {
      id: "english",
      type: "single_choice",
      label: { ru: "Уровень английского", en: "English level" },
      required: true,
      options: [
        { value: "none", label: { ru: "Не владею", en: "None" } },
        { value: "fluent", label: { ru: "Свободный", en: "Fluent" } },
      ],
      knockout: { kind: "equals", value: "none" },
    },
    { id: "start", type: "date", label: { ru: "Дата выхода", en: "Start date" }, required: true },
    { id: "about", type: "long_text", label: { ru: "О себе", en: "About you" }, required: false },
  ],
};
const answers = (over: Partial<Answers> = {}): Answers => ({ years: 5, b2b: "yes", salary: 200_000, english: "fluent", start: "2026-03-01", ...over });

afterAll(() => stopJobs());

let recruiterId: string;
let recruiterCookie: string;
let managerId: string;
let managerCookie: string;

beforeAll(async () => {
  const recruiter = await createUser({ roles: ["RECRUITER"], name: "Ольга Рекрутер" });
  recruiterId = recruiter.id;
  recruiterCookie = await sessionCookie(recruiter.id);
  const manager = await createUser({ roles: ["HIRING_MANAGER"], name: "Максим Менеджер" });
  managerId = manager.id;
  managerCookie = await sessionCookie(manager.id);
});

async function newVacancy(title: string) {
  const vacancy = await db().vacancy.create({ data: { title, city: "Москва", industry: "Оборудование", status: "OPEN", salaryMaxRub: 200_000 } });
  const { questionnaire, version } = await questionnaireForVacancy(vacancy.id, definition);
  return { vacancy, questionnaire, version };
}

/** A candidate on the vacancy, moved along `path` as the product does. */
async function person(vacancyId: string, opts: { source?: CandidateSource; tier?: SourcingTier; path?: Stage[]; email?: string | null; doNotContact?: boolean; lastName?: string } = {}) {
  const candidate = await createCandidate({ source: opts.source ?? "HH", ...(opts.email !== undefined ? { email: opts.email } : {}), ...(opts.lastName ? { lastName: opts.lastName } : {}) });
  const application = await addApplication({ candidateId: candidate.id, vacancyId, actorId: recruiterId, tier: opts.tier ?? "OPEN_MARKET" });
  for (const to of opts.path ?? []) await moveApplication({ applicationId: application.id, to, actorId: recruiterId });
  if (opts.doNotContact) await db().candidate.update({ where: { id: candidate.id }, data: { doNotContact: true } });
  return { candidateId: candidate.id, applicationId: application.id };
}

/** Invited by a personal link (at "questionnaire sent"); returns the invite. */
async function invited(vacancyId: string, questionnaireId: string, opts: Parameters<typeof person>[1] = {}) {
  const p = await person(vacancyId, { ...opts, path: ["CONTACTED", "QUESTIONNAIRE_SENT"] });
  const invite = await inviteToken(p.applicationId, questionnaireId);
  return { ...p, inviteId: invite.inviteId };
}

const loaderJson = async (url: string, cookie = recruiterCookie) => {
  const response = await respond(() => results.loader({ request: getRequest(url, cookie), params: {}, context: {} }));
  expect(response.status).toBe(200);
  return response.json();
};
const postShortlist = async (fields: Record<string, string | string[]>, cookie = recruiterCookie) =>
  respond(() => results.action({ request: formRequest("/questionnaires?index", fields, cookie), params: {}, context: {} }));
const postOverride = async (id: string, fields: Record<string, string>, cookie = managerCookie) =>
  respond(() => responsePage.action({ request: formRequest(`/questionnaires/responses/${id}`, fields, cookie), params: { id }, context: {} }));
/** Intl puts no-break spaces in numbers; compare with plain ones. */
const spaces = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");
const stageOf = async (applicationId: string) => (await db().application.findUniqueOrThrow({ where: { id: applicationId } })).stage;

describe("the ranked shortlist and completion rates", () => {
  const p: Record<string, { candidateId: string; applicationId: string; responseId?: string }> = {};
  let vacancyId: string;

  beforeAll(async () => {
    const { vacancy, questionnaire } = await newVacancy("KAM, рейтинг");
    vacancyId = vacancy.id;
    const t0 = Date.now() - 3_600_000;
    const at = (minutes: number) => new Date(t0 + minutes * 60_000);
    const answer = async (key: string, given: Answers, minutes: number, opts: Parameters<typeof person>[1], viaInvite = true) => {
      const who: { candidateId: string; applicationId: string; inviteId?: string } = viaInvite ? await invited(vacancyId, questionnaire.id, opts) : await person(vacancyId, opts);
      const response = await insertResponse({ applicationId: who.applicationId, answers: given, submittedAt: at(minutes), inviteId: who.inviteId ?? null });
      p[key] = { ...who, responseId: response.id };
    };
    await answer("late72", answers({ years: 7.25 }), 20, { source: "HH", tier: "TARGET" });
    await answer("top90", answers({ years: 9 }), 10, { source: "SUPERJOB", tier: "TARGET" });
    await answer("early72", answers({ years: 7.25 }), 5, { source: "HH", tier: "ADJACENT" });
    await answer("junior", answers({ years: 1 }), 1, { source: "HH" });
    await answer("noB2b", answers({ b2b: "no" }), 2, { source: "REFERRAL" }, false);
    await answer("openLink", answers(), 3, { source: "INBOUND" }, false);
    p.waiting = await invited(vacancyId, questionnaire.id, { source: "HH" });
    p.reminded = await invited(vacancyId, questionnaire.id, { source: "SUPERJOB" });
    await db().questionnaireInvite.updateMany({ where: { applicationId: p.reminded.applicationId }, data: { remindedAt: new Date() } });
    // Hired since: out of the running, still ranked.
    for (const to of ["INTERVIEW_INVITED", "INTERVIEWED", "PROBATION", "HIRED"] as const) {
      await moveApplication({ applicationId: p.top90!.applicationId, to, actorId: recruiterId });
    }
    // Another vacancy's answers never count here.
    const other = await newVacancy("KAM, другая");
    const stranger = await invited(other.vacancy.id, other.questionnaire.id);
    await insertResponse({ applicationId: stranger.applicationId, answers: answers({ years: 10 }), inviteId: stranger.inviteId });
  });

  const keysOf = (rows: Array<{ responseId: string }>) => rows.map((r) => Object.entries(p).find(([, v]) => v.responseId === r.responseId)?.[0]);

  test("ranks passed responses by score, ties by who answered first; the first knock-out reason is shown", async () => {
    const data = await loaderJson(`/questionnaires?vacancy=${vacancyId}`);
    expect(keysOf(data.list.rows)).toEqual(["top90", "early72", "late72", "openLink"]);
    expect(data.list.rows.map((r: { rank: number }) => r.rank)).toEqual([1, 2, 3, 4]);
    expect(data.list.rows[1]).toMatchObject({ score: 72.5, verdict: "PASSED", overridden: false, tier: "ADJACENT", source: "HH", stage: "QUESTIONNAIRE_PASSED" });

    const out = await loaderJson(`/questionnaires?vacancy=${vacancyId}&verdict=knocked_out`);
    expect(keysOf(out.list.rows)).toEqual(["noB2b", "junior"]);
    expect(out.list.rows[1].firstKnockout).toMatchObject({ questionId: "years", key: "questionnaire.knockouts.lessThan", params: { min: "2" } });
    expect(out.list.rows[1].stage).toBe("REJECTED");

    const all = await loaderJson(`/questionnaires?vacancy=${vacancyId}&verdict=all`);
    expect(keysOf(all.list.rows)).toEqual(["top90", "early72", "late72", "noB2b", "openLink", "junior"]);
  });

  test("filters by minimum score, source, tier and open stage; a bad value is reported and ignored", async () => {
    const base = `/questionnaires?vacancy=${vacancyId}`;
    expect(keysOf((await loaderJson(`${base}&minScore=72,5`)).list.rows)).toEqual(["top90", "early72", "late72"]);
    expect(keysOf((await loaderJson(`${base}&source=HH`)).list.rows)).toEqual(["early72", "late72"]);
    expect(keysOf((await loaderJson(`${base}&tier=ADJACENT`)).list.rows)).toEqual(["early72"]);
    expect(keysOf((await loaderJson(`${base}&open=1`)).list.rows)).toEqual(["early72", "late72", "openLink"]);
    const bad = await loaderJson(`${base}&minScore=сто&source=HH`);
    expect(bad.errors).toEqual({ minScore: "questionnaireResults.errors.minScore" });
    expect(keysOf(bad.list.rows)).toEqual(["early72", "late72"]);
  });

  test("completion rates of the vacancy and per source, open-link answers counted as invited and answered", async () => {
    const rates = await completionRates(db(), { vacancyId });
    expect(rates.total).toEqual({ invited: 8, answered: 6, passed: 4, knockedOut: 2, viaOpenLink: 2, rate: 0.75 });
    expect(rates.bySource).toEqual([
      { source: "HH", invited: 4, answered: 3, passed: 2, knockedOut: 1, viaOpenLink: 0, rate: 0.75 },
      { source: "SUPERJOB", invited: 2, answered: 1, passed: 1, knockedOut: 0, viaOpenLink: 0, rate: 0.5 },
      { source: "INBOUND", invited: 1, answered: 1, passed: 1, knockedOut: 0, viaOpenLink: 1, rate: 1 },
      { source: "REFERRAL", invited: 1, answered: 1, passed: 0, knockedOut: 1, viaOpenLink: 1, rate: 1 },
    ]);
    const empty = await newVacancy("KAM, без ответов");
    expect(await completionRates(db(), { vacancyId: empty.vacancy.id })).toEqual({
      total: { invited: 0, answered: 0, passed: 0, knockedOut: 0, viaOpenLink: 0, rate: null },
      bySource: [],
    });
  });

  test("the page shows the questionnaire, the rates and who is still waiting, with the reminder", async () => {
    const data = await loaderJson(`/questionnaires?vacancy=${vacancyId}`);
    expect(data.questionnaire).toMatchObject({ version: 1, archived: false });
    expect(data.completion.total.rate).toBe(0.75);
    expect(data.waiting.total).toBe(2);
    const reminded = data.waiting.rows.find((w: { applicationId: string }) => w.applicationId === p.reminded!.applicationId);
    const waiting = data.waiting.rows.find((w: { applicationId: string }) => w.applicationId === p.waiting!.applicationId);
    expect(reminded.remindedAt).not.toBeNull();
    expect(waiting).toMatchObject({ remindedAt: null, invitedAt: expect.any(String) });
    const html = await renderRoute(getRequest(`/questionnaires?vacancy=${vacancyId}`, recruiterCookie), { path: "/questionnaires", loader: results.loader, Component: results.default });
    expect(html).toContain(`href="/questionnaires/library/${data.questionnaire.id}"`);
    expect(html).toContain('href="/questionnaires/library"');
    expect(textsOf(html, "data-rate").map(spaces)).toEqual(["75 %"]);
    expect(textsOf(html, "data-score")).toEqual(["90", "72,5", "72,5", "50"]);
  });

  test("the manager sees no library link; the first open vacancy with a questionnaire is the default", async () => {
    const html = await renderRoute(getRequest(`/questionnaires?vacancy=${vacancyId}`, managerCookie), { path: "/questionnaires", loader: results.loader, Component: results.default });
    expect(html).not.toContain('href="/questionnaires/library"');
    const data = await loaderJson("/questionnaires", managerCookie);
    expect(data.vacancy.status).toBe("OPEN");
    expect(data.vacancies.length).toBeGreaterThanOrEqual(3);
    const unknown = await loaderJson("/questionnaires?vacancy=nope");
    expect(unknown.errors.vacancy).toBe("questionnaireResults.errors.vacancy");
  });

  test("the candidate profile links each application's result", async () => {
    const profile = await getCandidateProfile(p.early72!.candidateId);
    expect(profile!.applications[0]!.questionnaire).toEqual({ id: p.early72!.responseId, score: 72.5, verdict: "PASSED", overridden: false });
  });
});

describe("paging through many responses", () => {
  test("50 a page, ranked in SQL across pages, ties by who answered first", async () => {
    const { vacancy, version } = await newVacancy("KAM, много ответов");
    const { people } = await createAudience(320);
    await db().application.updateMany({ where: { id: { in: people.map((x) => x.applicationId) } }, data: { vacancyId: vacancy.id } });
    const t0 = Date.now() - 86_400_000;
    // Two by two the same score; the second of each pair answered first, so it ranks first.
    await db().questionnaireResponse.createMany({
      data: people.map((x, i) => ({
        applicationId: x.applicationId,
        vacancyId: vacancy.id,
        questionnaireId: version.questionnaireId,
        versionId: version.id,
        answers: answers(),
        score: 100 - Math.floor(i / 2) * 0.25,
        verdict: "PASSED" as const,
        consentVersion: "v1",
        consentAt: new Date(t0),
        submittedAt: new Date(t0 + (i % 2 ? i - 1 : i + 1) * 1000),
      })),
    });
    const page = async (n: number) => (await loaderJson(`/questionnaires?vacancy=${vacancy.id}&page=${n}`)).list;
    const first = await page(1);
    expect(first).toMatchObject({ total: 320, page: 1, pageCount: 7 });
    expect(first.rows[0].applicationId).toBe(people[1]!.applicationId);
    expect(first.rows[1].applicationId).toBe(people[0]!.applicationId);
    const last = await page(7);
    expect(last.rows).toHaveLength(20);
    expect(last.rows[0].rank).toBe(301);
    const all = [first, ...(await Promise.all([2, 3, 4, 5, 6].map(page))), last].flatMap((l) => l.rows);
    const order = all.map((r: { score: number; submittedAt: string }) => [r.score, Date.parse(r.submittedAt)] as const);
    expect(order).toEqual([...order].sort((a, b) => b[0] - a[0] || a[1] - b[1]));
    expect(new Set(all.map((r: { responseId: string }) => r.responseId)).size).toBe(320);
    // Past the last page: the last page.
    expect((await page(99)).page).toBe(7);
  });
});

describe("one response", () => {
  test("reads against its own version after a newer one exists; candidate text is escaped", async () => {
    const { vacancy, questionnaire } = await newVacancy("KAM, версии");
    const who = await invited(vacancy.id, questionnaire.id, { lastName: "Версионная" });
    const response = await insertResponse({
      applicationId: who.applicationId,
      answers: answers({ years: 7.25, salary: 250_000, about: '<script>alert("x")</script> & <b>жирный</b>' }),
      inviteId: who.inviteId,
    });
    const newer = structuredClone(definition);
    newer.questions = newer.questions.filter((q) => q.id !== "about");
    newer.questions[0]!.label.ru = "Стаж с ключевыми клиентами, лет";
    const saved = await db().$transaction((tx) => saveVersion(tx, { questionnaireId: questionnaire.id, definition: newer, actorId: recruiterId }));
    expect(saved.version.version).toBe(2);

    const html = await renderRoute(getRequest(`/questionnaires/responses/${response.id}`, recruiterCookie), {
      path: "/questionnaires/responses/:id",
      loader: responsePage.loader,
      Component: responsePage.default,
    });
    expect(textsOf(html, "data-newer-version")[0]).toContain("версия 2");
    // Version 1's questions, including the one version 2 dropped.
    expect(html).toContain("Сколько лет вы ведёте ключевых клиентов?");
    expect(html).not.toContain("Стаж с ключевыми клиентами, лет");
    const answerOf = (id: string) => spaces(textsOf(html.slice(html.indexOf(`data-question="${id}"`)), "data-answer")[0]!);
    expect(answerOf("about")).toBe('<script>alert("x")</script> & <b>жирный</b>');
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<b>жирный");
    expect(html).toContain("&lt;script&gt;");
    expect(answerOf("salary")).toBe(spaces(formatRub(250_000, "ru")));
    expect(answerOf("b2b")).toBe("Да");
    expect(answerOf("english")).toBe("Свободный");
    expect(answerOf("start")).toBe(spaces(formatDate("2026-03-01T12:00:00Z", "ru", "UTC")));
    expect(answerOf("years")).toBe("7,25");
    expect(spaces(textsOf(html, "data-score")[0]!)).toBe("72,5");
    expect(html).toContain("72,5 из 100");
  });

  test("knock-out reasons name the option and the vacancy's limit, formatted", async () => {
    const { vacancy, questionnaire } = await newVacancy("KAM, стоп-причины");
    const who = await invited(vacancy.id, questionnaire.id);
    const response = await insertResponse({ applicationId: who.applicationId, answers: answers({ english: "none", salary: 300_000 }), inviteId: who.inviteId });
    const html = await renderRoute(getRequest(`/questionnaires/responses/${response.id}`, managerCookie), {
      path: "/questionnaires/responses/:id",
      loader: responsePage.loader,
      Component: responsePage.default,
    });
    const reasons = textsOf(html, "data-knockout").map(spaces);
    expect(reasons).toEqual([
      "Ожидания выше максимума вакансии (200 000 ₽) больше чем на 20% (предел 240 000 ₽)",
      "Выбран вариант «Не владею»",
    ]);
    expect(await stageOf(who.applicationId)).toBe("REJECTED");
  });

  test("an unknown response is 404; strangers are sent to sign in", async () => {
    expect((await respond(() => responsePage.loader({ request: getRequest("/questionnaires/responses/nope", recruiterCookie), params: { id: "nope" }, context: {} }))).status).toBe(404);
    const anonymous = await respond(() => responsePage.loader({ request: getRequest("/questionnaires/responses/x"), params: { id: "x" }, context: {} }));
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
    expect((await postOverride("x", { to: "PASSED", reason: "Ошибка" }, "")).status).toBe(302);
    expect((await respond(() => results.loader({ request: getRequest("/questionnaires"), params: {}, context: {} }))).status).toBe(302);
    expect((await postShortlist({ intent: "reject", vacancy: "v", ids: "a", reason: "r" }, "")).status).toBe(302);
  });
});

describe("overriding a verdict", () => {
  let vacancyId: string;
  let questionnaireId: string;
  beforeAll(async () => {
    const made = await newVacancy("KAM, ручные решения");
    vacancyId = made.vacancy.id;
    questionnaireId = made.questionnaire.id;
  });
  const history = async (applicationId: string) =>
    (await db().stageChange.findMany({ where: { applicationId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] })).map((h) => [h.fromStage, h.toStage, h.reason, h.actorId]);

  test("a knocked-out candidate let back in by a hiring manager, then knocked out again (the override cleared)", async () => {
    const who = await invited(vacancyId, questionnaireId);
    const response = await insertResponse({ applicationId: who.applicationId, answers: answers({ b2b: "no" }), inviteId: who.inviteId });
    expect(await stageOf(who.applicationId)).toBe("REJECTED");

    const letIn = await postOverride(response.id, { to: "PASSED", reason: "B2B был в прошлой компании, уточнили по телефону" });
    expect(letIn.status).toBe(302);
    expect(letIn.headers.get("Location")).toBe(`/questionnaires/responses/${response.id}?saved=1`);
    expect(await db().questionnaireResponse.findUniqueOrThrow({ where: { id: response.id } })).toMatchObject({
      verdict: "KNOCKED_OUT",
      override: "PASSED",
      overrideReason: "B2B был в прошлой компании, уточнили по телефону",
      overrideById: managerId,
    });
    expect(await stageOf(who.applicationId)).toBe("QUESTIONNAIRE_PASSED");
    expect((await history(who.applicationId)).slice(-3)).toEqual([
      ["QUESTIONNAIRE_SENT", "REJECTED", "Анкета: questionnaire.knockouts.answeredNo", null],
      ["REJECTED", "QUESTIONNAIRE_SENT", "B2B был в прошлой компании, уточнили по телефону", managerId],
      ["QUESTIONNAIRE_SENT", "QUESTIONNAIRE_PASSED", "B2B был в прошлой компании, уточнили по телефону", managerId],
    ]);

    expect((await postOverride(response.id, { to: "KNOCKED_OUT", reason: "Всё-таки нет опыта B2B" }, recruiterCookie)).status).toBe(302);
    expect(await db().questionnaireResponse.findUniqueOrThrow({ where: { id: response.id } })).toMatchObject({
      override: null,
      overrideReason: null,
      overrideById: null,
      overrideAt: null,
    });
    expect((await history(who.applicationId)).at(-1)).toEqual(["QUESTIONNAIRE_PASSED", "REJECTED", "Всё-таки нет опыта B2B", recruiterId]);
    const entries = await db().auditEntry.findMany({ where: { action: "questionnaire.override", entityId: response.id }, orderBy: { id: "asc" } });
    expect(entries.map((e) => [e.actorId, e.details])).toEqual([
      [managerId, expect.objectContaining({ from: "KNOCKED_OUT", to: "PASSED", reason: "B2B был в прошлой компании, уточнили по телефону", cleared: false, stageFrom: "REJECTED", stageTo: "QUESTIONNAIRE_PASSED" })],
      [recruiterId, expect.objectContaining({ from: "PASSED", to: "KNOCKED_OUT", reason: "Всё-таки нет опыта B2B", cleared: true, stageFrom: "QUESTIONNAIRE_PASSED", stageTo: "REJECTED" })],
    ]);

    const html = await renderRoute(getRequest(`/questionnaires/responses/${response.id}`, recruiterCookie), { path: "/questionnaires/responses/:id", loader: responsePage.loader, Component: responsePage.default });
    expect(textsOf(html, "data-override-history")[0]).toContain("B2B был в прошлой компании");
  });

  test("a passed candidate knocked out by hand and back: rejected, then reopened where they were", async () => {
    const who = await invited(vacancyId, questionnaireId);
    const response = await insertResponse({ applicationId: who.applicationId, answers: answers(), inviteId: who.inviteId });
    await moveApplication({ applicationId: who.applicationId, to: "INTERVIEW_INVITED", actorId: recruiterId });
    expect((await postOverride(response.id, { to: "KNOCKED_OUT", reason: "Зарплата не та, сказал по телефону" })).status).toBe(302);
    expect(await stageOf(who.applicationId)).toBe("REJECTED");
    const overridden = await db().questionnaireResponse.findUniqueOrThrow({ where: { id: response.id } });
    expect(overridden).toMatchObject({ verdict: "PASSED", override: "KNOCKED_OUT" });
    const shortlist = await loaderJson(`/questionnaires?vacancy=${vacancyId}&verdict=knocked_out`);
    expect(shortlist.list.rows.find((r: { responseId: string }) => r.responseId === response.id)).toMatchObject({ verdict: "KNOCKED_OUT", overridden: true });

    expect((await postOverride(response.id, { to: "PASSED", reason: "Договорились о зарплате" })).status).toBe(302);
    expect(await stageOf(who.applicationId)).toBe("INTERVIEW_INVITED");
    expect((await history(who.applicationId)).at(-1)).toEqual(["REJECTED", "INTERVIEW_INVITED", "Договорились о зарплате", managerId]);
    expect((await db().questionnaireResponse.findUniqueOrThrow({ where: { id: response.id } })).override).toBeNull();
  });

  test("no reason: an error next to the field, the choice kept, nothing changed", async () => {
    const who = await invited(vacancyId, questionnaireId);
    const response = await insertResponse({ applicationId: who.applicationId, answers: answers({ years: 1 }), inviteId: who.inviteId });
    const before = await history(who.applicationId);
    const refused = await postOverride(response.id, { to: "PASSED", reason: "   " });
    expect(refused.status).toBe(400);
    const body = await refused.json();
    expect(body.error).toEqual({ reason: ["questionnaireResults.errors.reasonRequired"] });
    expect(body.initialValue).toMatchObject({ to: "PASSED" });
    expect(await db().questionnaireResponse.findUniqueOrThrow({ where: { id: response.id } })).toMatchObject({ override: null, overrideReason: null });
    expect(await history(who.applicationId)).toEqual(before);
    expect(await db().auditEntry.count({ where: { action: "questionnaire.override", entityId: response.id } })).toBe(0);
    expect((await postOverride(response.id, { to: "PASSED", reason: "x".repeat(501) })).status).toBe(400);
  });

  test("refused once the candidate is on probation, or when nothing would change", async () => {
    const who = await invited(vacancyId, questionnaireId);
    const response = await insertResponse({ applicationId: who.applicationId, answers: answers(), inviteId: who.inviteId });
    const same = await postOverride(response.id, { to: "PASSED", reason: "Просто так" });
    expect(same.status).toBe(409);
    expect((await same.json()).error).toEqual({ "": ["questionnaireResults.override.problems.unchanged"] });
    await moveApplication({ applicationId: who.applicationId, to: "PROBATION", actorId: recruiterId });
    const late = await postOverride(response.id, { to: "KNOCKED_OUT", reason: "Передумали" });
    expect(late.status).toBe(409);
    expect((await late.json()).error).toEqual({ "": ["questionnaireResults.override.problems.too-late"] });
    expect(await stageOf(who.applicationId)).toBe("PROBATION");
    expect((await db().questionnaireResponse.findUniqueOrThrow({ where: { id: response.id } })).override).toBeNull();
  });

  test("letting back in someone who asked not to be contacted is refused, and nothing half done", async () => {
    const who = await invited(vacancyId, questionnaireId);
    const response = await insertResponse({ applicationId: who.applicationId, answers: answers({ b2b: "no" }), inviteId: who.inviteId });
    await db().candidate.update({ where: { id: who.candidateId }, data: { doNotContact: true } });
    const refused = await postOverride(response.id, { to: "PASSED", reason: "Ошиблись" });
    expect(refused.status).toBe(409);
    expect((await refused.json()).error).toEqual({ "": ["questionnaireResults.override.problems.do-not-contact"] });
    expect(await stageOf(who.applicationId)).toBe("REJECTED");
    expect((await db().questionnaireResponse.findUniqueOrThrow({ where: { id: response.id } })).override).toBeNull();
  });
});

describe("bulk rejection from the shortlist", () => {
  test("one letter per person, once, even when posted twice; the rest is counted and reported", async () => {
    const { vacancy, questionnaire } = await newVacancy("KAM, отказы");
    await db().messageTemplate.create({
      data: {
        kind: "REJECTION",
        vacancyId: vacancy.id,
        name: `Отказ ${vacancy.id}`,
        subjectRu: "Вакансия «{{vacancyTitle}}»: итоги",
        bodyRu: "{{firstName}}, спасибо за участие в конкурсе.",
        subjectEn: "“{{vacancyTitle}}”: the outcome",
        bodyEn: "Dear {{firstName}}, thank you for taking part.",
      },
    });
    const answered = async (given: Answers, opts: Parameters<typeof person>[1] = {}, locale: "ru" | "en" = "ru") => {
      const who = await invited(vacancy.id, questionnaire.id, opts);
      await insertResponse({ applicationId: who.applicationId, answers: given, inviteId: who.inviteId, locale });
      return who;
    };
    const passed = await answered(answers(), {}, "en");
    const knockedOut = await answered(answers({ years: 1 }));
    const noEmail = await answered(answers(), { email: null });
    const quiet = await answered(answers());
    await db().candidate.update({ where: { id: quiet.candidateId }, data: { doNotContact: true } });
    const hired = await answered(answers());
    for (const to of ["INTERVIEW_INVITED", "PROBATION", "HIRED"] as const) await moveApplication({ applicationId: hired.applicationId, to, actorId: recruiterId });
    const ids = [passed, knockedOut, noEmail, quiet, hired].map((x) => x.applicationId);
    const fields = { intent: "reject", vacancy: vacancy.id, ids, reason: "Выбрали кандидатов с опытом в отрасли" };

    const first = await postShortlist(fields, managerCookie);
    expect(first.status).toBe(200);
    expect((await first.json()).report).toEqual({
      rejected: 3,
      alreadyRejected: 1,
      notAllowed: 1,
      notFound: 0,
      letters: { queued: 2, alreadySent: 0, noEmail: 1, noTemplate: 0, contactRefused: 1 },
    });
    const second = await postShortlist(fields, managerCookie);
    expect((await second.json()).report).toEqual({
      rejected: 0,
      alreadyRejected: 4,
      notAllowed: 1,
      notFound: 0,
      letters: { queued: 0, alreadySent: 2, noEmail: 1, noTemplate: 0, contactRefused: 1 },
    });

    const letters = await db().emailMessage.findMany({ where: { applicationId: { in: ids }, templateKind: "REJECTION" }, orderBy: { createdAt: "asc" } });
    expect(letters.map((l) => l.dedupeKey).sort()).toEqual([`rejection:${passed.applicationId}`, `rejection:${knockedOut.applicationId}`].sort());
    expect(letters.find((l) => l.applicationId === passed.applicationId)!.subject).toBe("“KAM, отказы”: the outcome");
    expect(letters.find((l) => l.applicationId === knockedOut.applicationId)!.subject).toBe("Вакансия «KAM, отказы»: итоги");
    expect(letters.every((l) => l.status === "QUEUED")).toBe(true);

    expect(await Promise.all(ids.map(stageOf))).toEqual(["REJECTED", "REJECTED", "REJECTED", "REJECTED", "HIRED"]);
    const last = await db().stageChange.findFirstOrThrow({ where: { applicationId: passed.applicationId }, orderBy: { createdAt: "desc" } });
    expect(last).toMatchObject({ fromStage: "QUESTIONNAIRE_PASSED", toStage: "REJECTED", reason: "Выбрали кандидатов с опытом в отрасли", actorId: managerId });
    const entries = await db().auditEntry.findMany({ where: { action: "candidate.reject", details: { path: ["vacancyId"], equals: vacancy.id } } });
    expect(entries.map((e) => e.entityId).sort()).toEqual([passed, knockedOut, noEmail, quiet].map((x) => x.candidateId).sort());
    expect(entries.find((e) => e.entityId === knockedOut.candidateId)!.details).toMatchObject({ moved: false, letter: "queued", from: "REJECTED" });
  });

  test("no reason or nothing ticked: messages next to the fields, the ticks and the text kept, nothing done", async () => {
    const { vacancy, questionnaire } = await newVacancy("KAM, без причины");
    const who = await invited(vacancy.id, questionnaire.id);
    await insertResponse({ applicationId: who.applicationId, answers: answers(), inviteId: who.inviteId });
    const noReason = await postShortlist({ intent: "reject", vacancy: vacancy.id, ids: [who.applicationId], reason: "" });
    expect(noReason.status).toBe(400);
    const body = await noReason.json();
    expect(body.lastResult.error).toEqual({ reason: ["questionnaireResults.errors.reasonRequired"] });
    expect(body.lastResult.initialValue).toMatchObject({ ids: who.applicationId });
    const noneTicked = await postShortlist({ intent: "reject", vacancy: vacancy.id, reason: "Причина" });
    expect((await noneTicked.json()).lastResult.error).toEqual({ ids: ["questionnaireResults.errors.noneSelected"] });
    expect(await stageOf(who.applicationId)).toBe("QUESTIONNAIRE_PASSED");
    expect(await db().emailMessage.count({ where: { applicationId: who.applicationId } })).toBe(0);
  });

  test("another vacancy's applications are not touched", async () => {
    const mine = await newVacancy("KAM, своя");
    const theirs = await newVacancy("KAM, чужая");
    const stranger = await invited(theirs.vacancy.id, theirs.questionnaire.id);
    await insertResponse({ applicationId: stranger.applicationId, answers: answers(), inviteId: stranger.inviteId });
    const response = await postShortlist({ intent: "reject", vacancy: mine.vacancy.id, ids: [stranger.applicationId], reason: "Не подходит" });
    expect((await response.json()).report).toMatchObject({ rejected: 0, notFound: 1 });
    expect(await stageOf(stranger.applicationId)).toBe("QUESTIONNAIRE_PASSED");
  });

  test("the group interview invitation posts the ticks to /interviews/invite, shown only to those who plan interviews", async () => {
    const { vacancy, questionnaire } = await newVacancy("KAM, кнопки");
    const who = await invited(vacancy.id, questionnaire.id);
    await insertResponse({ applicationId: who.applicationId, answers: answers(), inviteId: who.inviteId });
    const render = (cookie: string) => renderRoute(getRequest(`/questionnaires?vacancy=${vacancy.id}`, cookie), { path: "/questionnaires", loader: results.loader, Component: results.default });
    expect(await render(managerCookie)).not.toContain("data-interview-invite");
    const html = await render(recruiterCookie);
    const button = /<button[^>]*data-interview-invite[^>]*>/.exec(html)?.[0] ?? "";
    expect(button).not.toMatch(/\sdisabled=""/);
    expect(button).toMatch(/value="invite"/);
    expect(button).toMatch(new RegExp(`formAction="/interviews/invite\\?vacancy=${vacancy.id}"`, "i"));
    expect(html).toMatch(/<button[^>]*name="intent"[^>]*value="reject"/);
    expect(html).toContain(`value="${who.applicationId}"`);
  });
});
