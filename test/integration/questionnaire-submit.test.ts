import { describe, expect, test } from "vitest";
import { questionnaireConsent } from "~/questionnaires/consent.server";
import { defaultKamQuestionnaire } from "~/questionnaires/default-kam";
import { saveVersion } from "~/questionnaires/store.server";
import { score } from "~/questionnaires/scoring";
import { validateAnswers } from "~/questionnaires/questions";
import { submitOpenResponse, submitResponse, versionStamp } from "~/questionnaires/submit.server";
import { MAX_QUESTIONNAIRE_BODY_BYTES } from "~/questionnaires/submission";
import QuestionnairePage, { action as tokenAction, loader as tokenLoader } from "~/routes/q.$token";
import { action as openAction, loader as openLoader } from "~/routes/q.open.$vacancyId";
import { loader as privacyLoader } from "~/routes/privacy";
import { db } from "~/utils/db.server";
import { createCandidate, formRequest, getRequest, respond } from "../factories";
import { renderRoute } from "../render-route";
import { createAudience } from "../support/campaign-fixtures";
import { inviteToken, questionnaireForVacancy } from "../support/questionnaire-fixtures";

const CONSENT = questionnaireConsent("ru").textSha256;

/** Answers to the default KAM questionnaire that pass every knock-out rule. */
function goodAnswers(overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    b2b_experience: "yes",
    industries: ["industrial", "it"],
    largest_client_turnover: "50 000 000",
    key_clients_count: "8",
    years_key_accounts: "5,5",
    achievements: "Увеличил оборот клиента с 40 до 65 млн ₽ за год.",
    salary_expectation: "200 000",
    english_level: "upper",
    city: "Москва",
    relocation: "no",
    start_date: "2026-04-01",
    why_this_job: "Люблю работать с ключевыми клиентами.",
    ...overrides,
  };
}

/** One candidate on a vacancy with the default questionnaire and a live link. */
async function invited({ salaryMaxRub = null as number | null } = {}) {
  const { vacancy, people } = await createAudience(1);
  if (salaryMaxRub !== null) await db().vacancy.update({ where: { id: vacancy.id }, data: { salaryMaxRub } });
  const { questionnaire, version } = await questionnaireForVacancy(vacancy.id);
  const person = people[0]!;
  const link = await inviteToken(person.applicationId, questionnaire.id);
  return { vacancy, questionnaire, version, person, token: link.token, inviteId: link.inviteId };
}

const submit = (token: string, versionId: string, raw: Record<string, unknown>, extra: Partial<Parameters<typeof submitResponse>[0]> = {}) =>
  submitResponse({ token, versionId, raw, consentVersion: CONSENT, locale: "ru", ...extra });

const responsesOf = (applicationId: string) => db().questionnaireResponse.findMany({ where: { applicationId } });
const historyOf = (applicationId: string) => db().stageChange.findMany({ where: { applicationId }, orderBy: { id: "asc" } });

/** The form as the page posts it, with its hidden fields. */
function formFields(version: { id: string; definition: Parameters<typeof versionStamp>[0] }, answers: Record<string, string | string[]>, { consent = true } = {}) {
  return {
    ...answers,
    versionId: version.id,
    versionStamp: versionStamp(version.definition),
    consentVersion: CONSENT,
    ...(consent ? { consentGiven: "on" } : {}),
  };
}
const post = (token: string, fields: Record<string, string | string[]>) =>
  respond(() => tokenAction({ request: formRequest(`/q/${token}`, fields), params: { token }, context: {} }));

describe("submitting through a personal link", () => {
  test("answers that pass are stored with their score, consent and verdict, and move the application on", async () => {
    const { vacancy, questionnaire, version, person, token, inviteId } = await invited();
    const now = new Date();
    const outcome = await submit(token, version.id, goodAnswers(), { now, versionStamp: versionStamp(version.definition) });
    expect(outcome).toMatchObject({ status: "submitted", verdict: "PASSED", knockouts: [], stage: "QUESTIONNAIRE_PASSED", moved: true, version: 1 });

    const [stored] = await responsesOf(person.applicationId);
    const expected = validateAnswers(version.definition, goodAnswers(), { locale: "ru" });
    if (!expected.ok) throw new Error("the good answers do not validate");
    expect(stored).toMatchObject({
      vacancyId: vacancy.id,
      questionnaireId: questionnaire.id,
      versionId: version.id,
      inviteId,
      verdict: "PASSED",
      score: score(version.definition, expected.answers),
      knockouts: [],
      locale: "ru",
      consentVersion: CONSENT,
      consentAt: now,
      submittedAt: now,
    });
    expect(stored!.answers).toEqual(expected.answers);
    expect(stored!.score).toBeGreaterThan(50);

    const application = await db().application.findUniqueOrThrow({ where: { id: person.applicationId } });
    expect(application.stage).toBe("QUESTIONNAIRE_PASSED");
    const last = (await historyOf(person.applicationId)).at(-1)!;
    expect(last).toMatchObject({ fromStage: "SOURCED", toStage: "QUESTIONNAIRE_PASSED", actorId: null });
    expect(last.reason).toMatch(/^Анкета пройдена, балл \d+(,\d)? из 100$/);

    const candidate = await db().candidate.findUniqueOrThrow({ where: { id: person.candidateId } });
    expect(candidate.consentAt).toEqual(now);
    expect(candidate.consentText).toBe(questionnaireConsent("ru").text);

    const entries = await db().auditEntry.findMany({ where: { entityId: { in: [person.applicationId, person.candidateId] } }, orderBy: { id: "asc" } });
    expect(entries.map((e) => e.action)).toEqual(["candidate.consent-given", "questionnaire.submit"]);
    expect(entries[1]!.details).toEqual({ responseId: stored!.id, verdict: "PASSED", score: stored!.score, version: 1 });
    expect(entries[0]!.details).toMatchObject({ channel: "questionnaire", textSha256: CONSENT, vacancyId: vacancy.id, responseId: stored!.id });
    // No personal data in the trail: neither the address nor the answers.
    const trail = JSON.stringify(entries.map((e) => e.details));
    expect(trail).not.toContain(person.email);
    expect(trail).not.toContain("Москва");
  });

  test("a knock-out answer rejects the application, with the reasons in Russian in the history", async () => {
    const { person, token, version } = await invited({ salaryMaxRub: 200_000 });
    const outcome = await submit(token, version.id, goodAnswers({ b2b_experience: "no", years_key_accounts: "1", salary_expectation: "300 000" }));
    expect(outcome).toMatchObject({ status: "submitted", verdict: "KNOCKED_OUT", stage: "REJECTED", moved: true });
    const [stored] = await responsesOf(person.applicationId);
    expect(stored!.verdict).toBe("KNOCKED_OUT");
    expect((stored!.knockouts as Array<{ questionId: string }>).map((k) => k.questionId)).toEqual(["b2b_experience", "years_key_accounts", "salary_expectation"]);

    const last = (await historyOf(person.applicationId)).at(-1)!;
    expect(last).toMatchObject({ fromStage: "SOURCED", toStage: "REJECTED" });
    expect(last.reason).toMatch(/^Анкета: /);
    expect(last.reason).toContain("«Есть ли у вас опыт продаж B2B (компаниям, а не частным лицам)?» — Ответ «нет»");
    expect(last.reason).toContain("Меньше 2");
    expect(last.reason).toMatch(/предел 240\s000 ₽/);
  });

  test("an application past the questionnaire stage keeps its stage; the response is still stored", async () => {
    const { person, token, version } = await invited();
    await db().application.update({ where: { id: person.applicationId }, data: { stage: "INTERVIEW_INVITED" } });
    const before = (await historyOf(person.applicationId)).length;
    expect(await submit(token, version.id, goodAnswers({ b2b_experience: "no" }))).toMatchObject({ status: "submitted", stage: "INTERVIEW_INVITED", moved: false });
    expect(await historyOf(person.applicationId)).toHaveLength(before);
  });

  test("expired, forged and used links store nothing and say so", async () => {
    const { vacancy, questionnaire, version, person, token } = await invited();
    const old = await inviteToken(person.applicationId, questionnaire.id, { validDays: 1, now: new Date(Date.now() - 2 * 86_400_000) });
    expect(await submit(old.token, version.id, goodAnswers())).toEqual({ status: "expired", vacancyTitle: vacancy.title });
    const forged = token.slice(0, -2) + (token.endsWith("AA") ? "BB" : "AA");
    expect(await submit(forged, version.id, goodAnswers())).toEqual({ status: "not-found" });
    expect(await submit("", version.id, goodAnswers())).toEqual({ status: "not-found" });
    expect(await responsesOf(person.applicationId)).toHaveLength(0);

    expect((await submit(token, version.id, goodAnswers())).status).toBe("submitted");
    expect(await submit(token, version.id, goodAnswers({ b2b_experience: "no" }))).toEqual({ status: "answered", vacancyTitle: vacancy.title });
    // Every link of theirs is answered now, the expired one too.
    expect((await submit(old.token, version.id, goodAnswers())).status).toBe("answered");
    expect(await responsesOf(person.applicationId)).toHaveLength(1);

    // The pages: 410 with what to do, 404, and "already answered".
    const page = (t: string, query = "") => respond(() => tokenLoader({ request: getRequest(`/q/${t}${query}`), params: { token: t }, context: {} }));
    const fresh = await invited();
    const expired = await inviteToken(fresh.person.applicationId, fresh.questionnaire.id, { validDays: 1, now: new Date(Date.now() - 2 * 86_400_000) });
    const gone = await page(expired.token);
    expect(gone.status).toBe(410);
    expect(await gone.json()).toEqual({ state: "expired", vacancyTitle: fresh.vacancy.title });
    expect((await page(forged)).status).toBe(404);
    const answered = await page(token);
    expect(answered.status).toBe(200);
    expect(await answered.json()).toMatchObject({ state: "answered" });
    expect(await (await page(token, "?done=1")).json()).toMatchObject({ state: "thanks" });
    // A POST to a used link lands on the thank-you page.
    const again = await post(token, formFields(version, goodAnswers()));
    expect(again.status).toBe(302);
    expect(again.headers.get("Location")).toBe(`/q/${token}?done=1`);
  });

  test("without consent, or with a consent text no longer shown, nothing is stored", async () => {
    const { person, token, version } = await invited();
    expect(await submit(token, version.id, goodAnswers(), { consentVersion: null })).toEqual({
      status: "invalid",
      errors: { answers: {}, consent: "questionnaireForm.errors.consentRequired" },
    });
    expect(await submit(token, version.id, goodAnswers(), { consentVersion: "0".repeat(64) })).toMatchObject({
      status: "invalid",
      errors: { consent: "questionnaireForm.errors.consentChanged" },
    });
    expect(await responsesOf(person.applicationId)).toHaveLength(0);
    // The English text is a text the form shows too.
    expect((await submit(token, version.id, goodAnswers(), { consentVersion: questionnaireConsent("en").textSha256 })).status).toBe("submitted");
  });

  test("text in a number field and 100 KB in a short text field are field errors, and nothing is stored", async () => {
    const { person, token, version } = await invited();
    const outcome = await submit(token, version.id, goodAnswers({ key_clients_count: "восемь", city: "М".repeat(100_000) }));
    expect(outcome).toEqual({
      status: "invalid",
      errors: { answers: { key_clients_count: "questionnaire.errors.notANumber", city: "questionnaire.errors.tooLong|max=300" }, consent: null },
    });
    expect(await responsesOf(person.applicationId)).toHaveLength(0);
    expect((await db().application.findUniqueOrThrow({ where: { id: person.applicationId } })).stage).toBe("SOURCED");
  });

  test("markup in an answer is stored as text and shown escaped, never as a tag", async () => {
    const script = "<script>alert(1)</script>";
    const { person, token, version } = await invited();
    // Refused for want of consent: the page comes back with what was typed.
    const html = await renderRoute(formRequest(`/q/${token}`, formFields(version, goodAnswers({ achievements: script, city: `"><img src=x onerror=alert(1)>` }), { consent: false })), {
      path: "/q/:token",
      loader: tokenLoader,
      action: tokenAction as never,
      Component: QuestionnairePage,
    });
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).not.toContain(script);
    expect(html).not.toContain("<img src=x");
    expect(html).toContain(`value="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"`);

    expect((await submit(token, version.id, goodAnswers({ achievements: script }))).status).toBe("submitted");
    const [stored] = await responsesOf(person.applicationId);
    expect((stored!.answers as Record<string, unknown>).achievements).toBe(script);
  });

  test("two submits at once (two tabs, two links, a double click) store one response and one stage change", async () => {
    const { person, token, version, questionnaire } = await invited();
    const second = await inviteToken(person.applicationId, questionnaire.id);
    const before = (await historyOf(person.applicationId)).length;
    const outcomes = await Promise.all([
      submit(token, version.id, goodAnswers()),
      submit(token, version.id, goodAnswers()),
      submit(second.token, version.id, goodAnswers({ b2b_experience: "no" })),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(["answered", "answered", "submitted"]);
    expect(await responsesOf(person.applicationId)).toHaveLength(1);
    const history = await historyOf(person.applicationId);
    expect(history).toHaveLength(before + 1);
    expect(await db().auditEntry.count({ where: { action: "questionnaire.submit", entityId: person.applicationId } })).toBe(1);
  });

  test("a submit against an old version gets the new one back and stores nothing", async () => {
    const { vacancy, people } = await createAudience(2);
    const { questionnaire, version } = await questionnaireForVacancy(vacancy.id);
    const [person, someoneElse] = [people[0]!, people[1]!];
    const { token } = await inviteToken(person.applicationId, questionnaire.id);
    // Someone else answered version 1, so the builder's save makes version 2.
    const other = await inviteToken(someoneElse.applicationId, questionnaire.id);
    expect((await submit(other.token, version.id, goodAnswers())).status).toBe("submitted");
    const edited = defaultKamQuestionnaire();
    edited.questions.push({ id: "notice_period", type: "number", label: { ru: "Срок уведомления, недель", en: "Notice period, weeks" }, required: true, min: 0, max: 52 });
    const saved = await db().$transaction((tx) => saveVersion(tx, { questionnaireId: questionnaire.id, definition: edited, actorId: null }));
    expect(saved.created).toBe(true);

    const outcome = await submit(token, version.id, goodAnswers());
    expect(outcome).toMatchObject({ status: "version-changed", version: { id: saved.version.id, version: 2 } });
    expect(await responsesOf(person.applicationId)).toHaveLength(0);
    // The page posts back the new version: the new question must be answered now.
    expect(await submit(token, saved.version.id, goodAnswers())).toMatchObject({ status: "invalid", errors: { answers: { notice_period: "validation.required" } } });
    expect((await submit(token, saved.version.id, goodAnswers({ notice_period: "2" }))).status).toBe("submitted");

    // The route answers 409 with the answers kept.
    const next = await invited();
    await db().$transaction((tx) => saveVersion(tx, { questionnaireId: next.questionnaire.id, definition: edited, actorId: null }));
    // Replaced in place (nobody had answered): same id, another stamp.
    const response = await post(next.token, formFields(next.version, goodAnswers()));
    expect(response.status).toBe(409);
    const body = await response.json();
    expect(body.error[""]).toEqual(["questionnaireForm.versionChanged"]);
    expect(body.initialValue.city).toBe("Москва");
    expect(await responsesOf(next.person.applicationId)).toHaveLength(0);
  });
});

describe("the form page and its action", () => {
  test("the page shows the questions, the consent and the privacy link, and marks the link opened once", async () => {
    const { vacancy, token, inviteId, version } = await invited();
    const request = getRequest(`/q/${token}`);
    request.headers.set("Accept-Language", "ru-RU,ru;q=0.9");
    const html = await renderRoute(request, { path: "/q/:token", loader: tokenLoader, Component: QuestionnairePage });
    expect(html).toContain("Здравствуйте, Имя0!");
    expect(html).toContain(vacancy.title);
    for (const q of version.definition.questions) expect(html).toContain(`name="${q.id}"`);
    expect(html).toContain('inputMode="numeric"');
    expect(html).toContain('type="date"');
    expect(html).toContain('type="radio"');
    expect(html).toContain('type="checkbox"');
    expect(html).toContain("₽");
    expect(html).toContain('href="/privacy"');
    expect(html).toContain(questionnaireConsent("ru").textSha256);
    expect(html).toContain(`value="${version.id}"`);
    const opened = (await db().questionnaireInvite.findUniqueOrThrow({ where: { id: inviteId } })).openedAt;
    expect(opened).toBeInstanceOf(Date);
    await renderRoute(getRequest(`/q/${token}`), { path: "/q/:token", loader: tokenLoader, Component: QuestionnairePage });
    expect((await db().questionnaireInvite.findUniqueOrThrow({ where: { id: inviteId } })).openedAt).toEqual(opened);
  });

  test("refused answers come back with 400, each next to its field, with everything typed kept", async () => {
    const { person, token, version } = await invited();
    const response = await post(token, formFields(version, goodAnswers({ key_clients_count: "много" }), { consent: false }));
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error).toMatchObject({
      key_clients_count: ["questionnaire.errors.notANumber"],
      consentGiven: ["questionnaireForm.errors.consentRequired"],
      "": ["questionnaireForm.errors.fixBelow"],
    });
    expect(body.initialValue).toMatchObject({ key_clients_count: "много", city: "Москва", industries: ["industrial", "it"], achievements: goodAnswers().achievements });
    expect(await responsesOf(person.applicationId)).toHaveLength(0);

    const sent = await post(token, formFields(version, goodAnswers()));
    expect(sent.status).toBe(302);
    expect(sent.headers.get("Location")).toBe(`/q/${token}?done=1`);
    expect(await responsesOf(person.applicationId)).toHaveLength(1);
  });

  test("a body over the limit is refused unread with 413", async () => {
    const { person, token, version } = await invited();
    const response = await post(token, formFields(version, goodAnswers({ achievements: "я".repeat(MAX_QUESTIONNAIRE_BODY_BYTES) })));
    expect(response.status).toBe(413);
    expect(await responsesOf(person.applicationId)).toHaveLength(0);
  });

  test("the privacy policy is public, in both languages, with its version", async () => {
    const ru = await (await respond(() => privacyLoader({ request: getRequest("/privacy"), params: {}, context: {} }))).json();
    const request = getRequest("/privacy");
    request.headers.set("Accept-Language", "en-GB,en;q=0.9");
    const en = await (await respond(() => privacyLoader({ request, params: {}, context: {} }))).json();
    expect(ru.title).toBe("Политика конфиденциальности");
    expect(en.title).toBe("Privacy policy");
    expect(ru.version).toMatch(/^[0-9a-f]{12}$/);
    expect(en.version).toBe(ru.version);
    expect(questionnaireConsent("ru").text).toContain(ru.version);
    expect(questionnaireConsent("en").text).toContain(ru.version);
  });
});

let addressCounter = 0;
const newAddress = () => `198.51.100.${(addressCounter += 1)}`;

describe("the vacancy's open link", () => {
  async function openVacancyWithQuestionnaire() {
    const vacancy = await db().vacancy.create({ data: { title: "KAM в Казани", city: "Казань", industry: "Оборудование", status: "OPEN" } });
    const { questionnaire, version } = await questionnaireForVacancy(vacancy.id);
    return { vacancy, questionnaire, version };
  }
  const openSubmit = (vacancyId: string, versionId: string, person: Record<string, string>, raw = goodAnswers(), ip = newAddress()) =>
    submitOpenResponse({ vacancyId, versionId, person, raw, consentVersion: CONSENT, locale: "ru", ip });

  test("creates the candidate, the application and the response in one go", async () => {
    const { vacancy, version } = await openVacancyWithQuestionnaire();
    const outcome = await openSubmit(vacancy.id, version.id, { firstName: "Пётр", lastName: "Волков", email: "p.volkov@mail.test", phone: "" });
    expect(outcome).toMatchObject({ status: "submitted", verdict: "PASSED", stage: "QUESTIONNAIRE_PASSED", moved: true });
    if (outcome.status !== "submitted") return;
    const candidate = await db().candidate.findUniqueOrThrow({ where: { id: outcome.candidateId } });
    expect(candidate).toMatchObject({ firstName: "Пётр", lastName: "Волков", email: "p.volkov@mail.test", source: "INBOUND", consentText: questionnaireConsent("ru").text });
    const application = await db().application.findUniqueOrThrow({ where: { id: outcome.applicationId } });
    expect(application).toMatchObject({ vacancyId: vacancy.id, candidateId: candidate.id, stage: "QUESTIONNAIRE_PASSED" });
    const [response] = await responsesOf(application.id);
    expect(response).toMatchObject({ inviteId: null, verdict: "PASSED", consentVersion: CONSENT });
    expect((await historyOf(application.id)).map((h) => h.toStage)).toEqual(["SOURCED", "QUESTIONNAIRE_PASSED"]);
    expect(await db().auditEntry.count({ where: { action: "candidate.consent-given", entityId: candidate.id } })).toBe(1);
  });

  test("someone who already answered is thanked and nothing new is stored; someone known who had not keeps their stage and consent", async () => {
    const { vacancy, version } = await openVacancyWithQuestionnaire();
    const ip = newAddress();
    const first = await openSubmit(vacancy.id, version.id, { firstName: "Ольга", lastName: "Белова", email: "olga.b@mail.test", phone: "" }, goodAnswers(), ip);
    expect(first.status).toBe("submitted");
    const counts = async () => [await db().candidate.count(), await db().sourceRecord.count(), await db().questionnaireResponse.count(), await db().application.count()];
    const before = await counts();
    const again = await openSubmit(vacancy.id, version.id, { firstName: "Ольга", lastName: "Белова", email: "OLGA.B@mail.test", phone: "" }, goodAnswers({ b2b_experience: "no" }), ip);
    expect(again).toEqual({ status: "answered" });
    expect(await counts()).toEqual(before);

    // A person we had from a job board, typed in by anyone: stored for a recruiter to read, nothing more.
    const known = await createCandidate({ email: "known.kam@mail.test", consentAt: null, consentText: null });
    const outcome = await openSubmit(vacancy.id, version.id, { firstName: "Кто-то", lastName: "Другой", email: "known.kam@mail.test", phone: "" }, goodAnswers({ b2b_experience: "no" }));
    expect(outcome).toMatchObject({ status: "submitted", candidateId: known.id, verdict: "KNOCKED_OUT", stage: "SOURCED", moved: false });
    const after = await db().candidate.findUniqueOrThrow({ where: { id: known.id } });
    expect(after).toMatchObject({ firstName: known.firstName, lastName: known.lastName, consentAt: null, consentText: null });
    expect(await db().auditEntry.count({ where: { action: "candidate.apply-unverified", entityId: known.id } })).toBe(1);
    expect(await db().auditEntry.count({ where: { action: "candidate.consent-given", entityId: known.id } })).toBe(0);
  });

  test("a closed vacancy, or one without a questionnaire, has no open form (404)", async () => {
    const closed = await openVacancyWithQuestionnaire();
    await db().vacancy.update({ where: { id: closed.vacancy.id }, data: { status: "CLOSED" } });
    const bare = await db().vacancy.create({ data: { title: "KAM", city: "Москва", industry: "Оборудование", status: "OPEN" } });
    for (const id of [closed.vacancy.id, bare.id, "no-such-vacancy"]) {
      const page = await respond(() => openLoader({ request: getRequest(`/q/open/${id}`), params: { vacancyId: id }, context: {} }));
      expect(page.status).toBe(404);
      const fields = { ...formFields(closed.version, goodAnswers()), firstName: "Анна", lastName: "Иванова", contactEmail: "anna.i@mail.test" };
      const sent = await respond(() => openAction({ request: formRequest(`/q/open/${id}`, fields), params: { vacancyId: id }, context: { clientIp: newAddress() } }));
      expect(sent.status).toBe(404);
      expect(await openSubmit(id, closed.version.id, { firstName: "Анна", lastName: "Иванова", email: "anna.i@mail.test" })).toEqual({ status: "not-found" });
    }
    expect(await db().candidate.count({ where: { email: "anna.i@mail.test" } })).toBe(0);
  });

  test("the open form's action: person errors next to their fields, a trap for bots, thanks for a valid post", async () => {
    const { vacancy, version } = await openVacancyWithQuestionnaire();
    const send = (fields: Record<string, string | string[]>, ip = newAddress()) =>
      respond(() => openAction({ request: formRequest(`/q/open/${vacancy.id}`, fields), params: { vacancyId: vacancy.id }, context: { clientIp: ip } }));
    const refused = await send({ ...formFields(version, goodAnswers({ start_date: "2026-02-30" })), firstName: "Анна", lastName: "" });
    expect(refused.status).toBe(400);
    const body = await refused.json();
    expect(body.error).toMatchObject({ lastName: ["validation.required"], contactEmail: ["intake.errors.contactRequired"], start_date: ["questionnaire.errors.date"] });
    expect(body.initialValue).toMatchObject({ firstName: "Анна", start_date: "2026-02-30" });

    const trapped = await send({ ...formFields(version, goodAnswers()), firstName: "Бот", lastName: "Ботов", contactEmail: "bot@mail.test", homePage: "http://spam.test" });
    expect(trapped.status).toBe(302);
    expect(await db().candidate.count({ where: { email: "bot@mail.test" } })).toBe(0);

    const sent = await send({ ...formFields(version, goodAnswers()), firstName: "Анна", lastName: "Иванова", contactPhone: "+7 916 555-12-34" });
    expect(sent.status).toBe(302);
    expect(sent.headers.get("Location")).toBe(`/q/open/${vacancy.id}?done=1`);
    expect(await db().candidate.count({ where: { phone: "+79165551234" } })).toBe(1);

    const tooLarge = await send({ ...formFields(version, goodAnswers({ achievements: "x".repeat(MAX_QUESTIONNAIRE_BODY_BYTES) })), firstName: "А", lastName: "Б", contactEmail: "big@mail.test" });
    expect(tooLarge.status).toBe(413);
  });

  test("one address gets the apply page's hourly limit", async () => {
    const { vacancy, version } = await openVacancyWithQuestionnaire();
    const ip = newAddress();
    for (let i = 0; i < 10; i++) {
      expect((await openSubmit(vacancy.id, version.id, { firstName: "А", lastName: "Б" }, goodAnswers(), ip)).status).toBe("invalid");
    }
    expect(await openSubmit(vacancy.id, version.id, { firstName: "Анна", lastName: "Иванова", email: "late@mail.test" }, goodAnswers(), ip)).toEqual({ status: "too-many" });
    expect(await db().candidate.count({ where: { email: "late@mail.test" } })).toBe(0);
  });
});
