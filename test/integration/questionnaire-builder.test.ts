import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { Outlet } from "react-router-dom";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { describe, expect, test } from "vitest";
import { definitionToDraft, type Draft } from "~/questionnaires/builder";
import { defaultKamQuestionnaire } from "~/questionnaires/default-kam";
import { openQuestionnaireUrl } from "~/questionnaires/invites.server";
import { currentVersion } from "~/questionnaires/store.server";
import { default as EditorPage, action as editorAction, loader as editorLoader } from "~/routes/questionnaires.library.$id";
import { default as VersionPage, loader as versionLoader } from "~/routes/questionnaires.library.$id_.versions.$version";
import { default as LibraryPage, loader as libraryLoader } from "~/routes/questionnaires.library._index";
import { action as newAction, loader as newLoader } from "~/routes/questionnaires.library.new";
import { default as VacancyPage, loader as vacancyLoader } from "~/routes/vacancies.$id";
import { loader as rootLoader } from "~/root";
import { i18nFor } from "~/ui/i18n-instance";
import { db } from "~/utils/db.server";
import { createUser, formRequest, getRequest, respond, sessionCookie } from "../factories";
import { renderRoute, textsOf } from "../render-route";
import { createAudience } from "../support/campaign-fixtures";

const context = { clientIp: "127.0.0.1" };
let counter = 0;
const uniqueName = (base = "Анкета KAM") => `${base} ${++counter}-${Math.random().toString(36).slice(2, 6)}`;

async function recruiter() {
  const user = await createUser({ roles: ["RECRUITER"], name: "Екатерина Смирнова" });
  return { user, cookie: await sessionCookie(user.id) };
}

const settings = { reminderAfterHours: "48", linkValidDays: "14" };
const create = (fields: Record<string, string>, cookie?: string) =>
  respond(() => newAction({ request: formRequest("/questionnaires/library/new", fields, cookie), context, params: {} }));
const post = (id: string, fields: Record<string, string>, cookie?: string) =>
  respond(() => editorAction({ request: formRequest(`/questionnaires/library/${id}`, fields, cookie), context, params: { id } }));
const editor = async (id: string, cookie: string, query = "") =>
  (await respond(() => editorLoader({ request: getRequest(`/questionnaires/library/${id}${query}`, cookie), context, params: { id } }))).json();
const save = (id: string, name: string, draft: Draft, cookie: string, extra: Record<string, string> = {}) =>
  post(id, { intent: "save", name, ...settings, draft: JSON.stringify(draft), ...extra }, cookie);
const idFrom = (response: Response) => response.headers.get("Location")!.split("/")[3]!.split("?")[0]!;
const audits = (entityId: string) => db().auditEntry.findMany({ where: { entityId }, orderBy: { createdAt: "asc" } });

/**
 * The editor's HTML after a post, as the server renders it when the action refuses
 * (test/render-route.ts runs loaders only; this runs the action too, the way Remix does).
 */
async function renderEditorAfterPost(id: string, fields: Record<string, string>, cookie: string) {
  const page = {
    id: "page",
    path: "questionnaires/library/:id",
    loader: (args: Omit<LoaderFunctionArgs, "context">) => editorLoader({ ...args, context }),
    action: (args: Omit<ActionFunctionArgs, "context">) => editorAction({ ...args, context }),
    Component: EditorPage,
  };
  const root = { id: "root", path: "/", loader: ({ request }: { request: Request }) => rootLoader({ request, params: {}, context }), Component: Outlet, children: [page] };
  const handler = createStaticHandler([root]);
  const result = await handler.query(formRequest(`/questionnaires/library/${id}`, fields, cookie));
  if (result instanceof Response) throw new Error(`the page answered ${result.status}`);
  const router = createStaticRouter(handler.dataRoutes, result);
  return renderToString(createElement(I18nextProvider, { i18n: i18nFor("ru") }, createElement(StaticRouterProvider, { router, context: result, hydrate: false })));
}

async function newQuestionnaire(cookie: string, start: "default" | "blank" = "default", name = uniqueName()) {
  const response = await create({ name, ...settings, start }, cookie);
  expect(response.status).toBe(302);
  return { id: idFrom(response), name };
}

describe("creating a questionnaire", () => {
  test("from the default KAM questionnaire: version 1 with its questions, audited, and on to the editor", async () => {
    const { user, cookie } = await recruiter();
    const name = uniqueName();
    const response = await create({ name, reminderAfterHours: "24", linkValidDays: "7", start: "default" }, cookie);
    expect(response.status).toBe(302);
    const id = idFrom(response);
    expect(response.headers.get("Location")).toBe(`/questionnaires/library/${id}?saved=1&how=created`);
    expect(await db().questionnaire.findUniqueOrThrow({ where: { id } })).toMatchObject({ name, reminderAfterHours: 24, linkValidDays: 7, createdById: user.id });
    expect((await currentVersion(db(), id))!).toMatchObject({ version: 1, definition: defaultKamQuestionnaire() });
    expect(await audits(id)).toMatchObject([{ action: "questionnaire.create", actorId: user.id, entityType: "Questionnaire", details: { version: 1, start: "default" } }]);

    const html = await renderRoute(getRequest(`/questionnaires/library/${id}?saved=1&how=created`, cookie), { path: "/questionnaires/library/:id", loader: editorLoader, Component: EditorPage });
    expect(textsOf(html, "data-saved")[0]).toContain("Анкета создана (версия 1)");
    expect(html.match(/data-question="\d+"/g)).toHaveLength(defaultKamQuestionnaire().questions.length);
    expect(textsOf(html, 'data-question="0"')[0]).toContain("b2b_experience");
  });

  test("blank: one question, defaults of 48 hours and 14 days", async () => {
    const { cookie } = await recruiter();
    const { id } = await newQuestionnaire(cookie, "blank");
    expect(await db().questionnaire.findUniqueOrThrow({ where: { id } })).toMatchObject({ reminderAfterHours: 48, linkValidDays: 14 });
    expect((await currentVersion(db(), id))!.definition.questions).toMatchObject([{ id: "question_1", type: "short_text" }]);
  });

  test("a name already taken (in any letter case) is refused under the name, with what was typed kept; nothing is written", async () => {
    const { cookie } = await recruiter();
    const { name } = await newQuestionnaire(cookie);
    const before = { questionnaires: await db().questionnaire.count(), audit: await db().auditEntry.count() };
    const response = await create({ name: name.toUpperCase(), reminderAfterHours: "72", linkValidDays: "30", start: "blank" }, cookie);
    expect(response.status).toBe(400);
    const { result } = await response.json();
    expect(result.error).toEqual({ name: ["questionnaireBuilder.errors.nameTaken"] });
    expect(result.initialValue).toMatchObject({ name: name.toUpperCase(), reminderAfterHours: "72", linkValidDays: "30", start: "blank" });
    expect({ questionnaires: await db().questionnaire.count(), audit: await db().auditEntry.count() }).toEqual(before);
  });

  test("settings out of range are refused field by field", async () => {
    const { cookie } = await recruiter();
    const response = await create({ name: "", reminderAfterHours: "721", linkValidDays: "0", start: "default" }, cookie);
    expect(response.status).toBe(400);
    expect((await response.json()).result.error).toEqual({
      name: ["validation.required"],
      reminderAfterHours: ["questionnaireBuilder.errors.reminderRange|min=1|max=720"],
      linkValidDays: ["questionnaireBuilder.errors.linkRange|min=1|max=90"],
    });
  });
});

describe("saving questions", () => {
  test("a bad definition is refused with each problem at its path, the posted draft comes back whole, nothing is saved", async () => {
    const { cookie } = await recruiter();
    const { id, name } = await newQuestionnaire(cookie);
    const before = await currentVersion(db(), id);
    const auditBefore = (await audits(id)).length;
    const draft = definitionToDraft(defaultKamQuestionnaire());
    draft.questions[1]!.options = draft.questions[1]!.options.slice(0, 1);
    draft.questions[2]!.labelEn = "";
    draft.questions[4]!.min = "два";
    draft.questions[7]!.options[1]!.value = "Upper Case";
    draft.questions[8]!.id = "b2b_experience";

    const response = await save(id, "  Новое имя  ", draft, cookie, { reminderAfterHours: "12" });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.intent).toBe("save");
    expect(body.problems.map((p: { path: string; message: string }) => `${p.path} ${p.message}`)).toEqual([
      "questions.4.min questionnaire.problems.notANumber",
      "questions.1.options questionnaire.problems.tooFewOptions|min=2",
      "questions.2.label.en validation.required",
      "questions.7.options.1.value questionnaire.problems.badOptionValue",
      "questions.8.id questionnaire.problems.duplicateId",
    ]);
    expect(body.draft).toEqual(draft);
    expect(body.result.initialValue).toMatchObject({ name: "  Новое имя  ", reminderAfterHours: "12" });

    expect(await currentVersion(db(), id)).toEqual(before);
    expect(await db().questionnaire.findUniqueOrThrow({ where: { id } })).toMatchObject({ name, reminderAfterHours: 48 });
    expect(await audits(id)).toHaveLength(auditBefore);

    // The page shows each problem under its own field, with what was typed still in the fields.
    const html = await renderEditorAfterPost(id, { intent: "save", name: "  Новое имя  ", ...settings, reminderAfterHours: "0", draft: JSON.stringify(draft) }, cookie);
    const [q1, q2, q4, q7, q8] = [1, 2, 4, 7, 8].map((i) => draft.questions[i]!);
    expect(textsOf(html, `id="qb-${q1!.key}-options"`)).toEqual(["Нужно не меньше 2 вариантов."]);
    expect(textsOf(html, `id="qb-${q2!.key}-labelEn-error"`)).toEqual(["Заполните это поле."]);
    expect(textsOf(html, `id="qb-${q4!.key}-min-error"`)).toEqual(["Нужно число."]);
    expect(textsOf(html, `id="qb-${q7!.key}-${q7!.options[1]!.key}-value-error"`)[0]).toMatch(/^Ключ варианта/);
    expect(textsOf(html, `id="qb-${q8!.key}-id-error"`)).toEqual(["Такой ключ уже есть у другого вопроса."]);
    expect(textsOf(html, 'id="questionnaire-editor-reminderAfterHours-error"')).toEqual(["Целое число часов от 1 до 720."]);
    expect(textsOf(html, "data-problem-summary")[0]).toContain("Ошибок в вопросах: 5.");
    expect(html).toContain('value="два"');
    expect(html).toContain('value="Upper Case"');
    expect(html).toContain('value="  Новое имя  "');
  });

  test("a draft that is not one is refused as a whole with a message", async () => {
    const { cookie } = await recruiter();
    const { id } = await newQuestionnaire(cookie);
    const response = await post(id, { intent: "save", name: uniqueName(), ...settings, draft: "{broken" }, cookie);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.result.error).toEqual({ "": ["questionnaireBuilder.errors.draftBroken"] });
    expect(body.draft).toBeNull();
  });

  test("without answers the version is changed in place; with answers a new version is made and the old one stays", async () => {
    const { user, cookie } = await recruiter();
    const { id, name } = await newQuestionnaire(cookie);
    const v1 = (await currentVersion(db(), id))!;
    const draft = definitionToDraft(v1.definition);
    draft.questions[0]!.labelRu = "Был ли у вас опыт продаж B2B?";

    const inPlace = await save(id, name, draft, cookie, { reminderAfterHours: "36" });
    expect(inPlace.status).toBe(302);
    expect(inPlace.headers.get("Location")).toBe(`/questionnaires/library/${id}?saved=1&how=place`);
    const afterPlace = (await currentVersion(db(), id))!;
    expect(afterPlace).toMatchObject({ id: v1.id, version: 1 });
    expect(afterPlace.definition.questions[0]!.label.ru).toBe("Был ли у вас опыт продаж B2B?");
    expect((await db().questionnaire.findUniqueOrThrow({ where: { id } })).reminderAfterHours).toBe(36);

    const { vacancy, people } = await createAudience(1);
    await db().questionnaireResponse.create({
      data: { applicationId: people[0]!.applicationId, vacancyId: vacancy.id, questionnaireId: id, versionId: v1.id, answers: {}, score: 0, verdict: "PASSED", consentVersion: "v", consentAt: new Date() },
    });
    const page = await editor(id, cookie);
    expect(page.current).toMatchObject({ version: 1, responses: 1 });

    const same = await save(id, name, draft, cookie, { reminderAfterHours: "36" });
    expect(same.headers.get("Location")).toBe(`/questionnaires/library/${id}?saved=1&how=same`);

    draft.questions.pop();
    const next = await save(id, name, draft, cookie, { reminderAfterHours: "36" });
    expect(next.headers.get("Location")).toBe(`/questionnaires/library/${id}?saved=2&how=new`);
    expect((await currentVersion(db(), id))!.definition.questions).toHaveLength(draft.questions.length);
    const old = await db().questionnaireVersion.findUniqueOrThrow({ where: { id: v1.id } });
    expect((old.definition as { questions: unknown[] }).questions).toHaveLength(draft.questions.length + 1);

    expect((await audits(id)).map((a) => [a.action, a.details])).toEqual([
      ["questionnaire.create", expect.anything()],
      ["questionnaire.update", { version: 1, created: false, questionsChanged: true, settingsChanged: ["reminderAfterHours"] }],
      ["questionnaire.update", { version: 2, created: true, questionsChanged: true, settingsChanged: [] }],
    ]);

    const html = await renderRoute(getRequest(`/questionnaires/library/${id}?saved=2&how=new`, cookie), { path: "/questionnaires/library/:id", loader: editorLoader, Component: EditorPage });
    expect(textsOf(html, "data-saved")[0]).toBe("Сохранено как версия 2: у версии 1 есть ответы, и она осталась как была.");
    expect(textsOf(html, "data-version")).toHaveLength(2);
    const after = await editor(id, cookie);
    expect(after.versions).toMatchObject([
      { version: 2, responses: 0, author: user.name },
      { version: 1, responses: 1, author: user.name },
    ]);
  });

  test("the name can be changed, but not to another questionnaire's", async () => {
    const { cookie } = await recruiter();
    const first = await newQuestionnaire(cookie);
    const second = await newQuestionnaire(cookie, "blank");
    const draft = definitionToDraft((await currentVersion(db(), second.id))!.definition);
    const taken = await save(second.id, first.name, draft, cookie);
    expect(taken.status).toBe(400);
    const body = await taken.json();
    expect(body.result.error).toEqual({ name: ["questionnaireBuilder.errors.nameTaken"] });
    expect(body.draft).toEqual(draft);
    const renamed = uniqueName("Короткая анкета");
    expect((await save(second.id, renamed, draft, cookie)).status).toBe(302);
    expect((await db().questionnaire.findUniqueOrThrow({ where: { id: second.id } })).name).toBe(renamed);
  });
});

describe("versions", () => {
  test("an old version's page shows its questions as candidates saw them; a version that does not exist is not found", async () => {
    const { cookie } = await recruiter();
    const { id, name } = await newQuestionnaire(cookie);
    const v1 = (await currentVersion(db(), id))!;
    const { vacancy, people } = await createAudience(1);
    await db().questionnaireResponse.create({
      data: { applicationId: people[0]!.applicationId, vacancyId: vacancy.id, questionnaireId: id, versionId: v1.id, answers: {}, score: 0, verdict: "PASSED", consentVersion: "v", consentAt: new Date() },
    });
    const draft = definitionToDraft(v1.definition);
    draft.questions[0]!.labelRu = "Продавали ли вы компаниям?";
    expect((await save(id, name, draft, cookie)).status).toBe(302);

    const route = { path: "/questionnaires/library/:id/versions/:version", loader: versionLoader, Component: VersionPage };
    const html = await renderRoute(getRequest(`/questionnaires/library/${id}/versions/1`, cookie), route);
    expect(textsOf(html, 'data-question-preview="b2b_experience"')[0]).toContain(v1.definition.questions[0]!.label.ru);
    expect(textsOf(html, "data-version-state")[0]).toBe("Кандидаты сейчас получают версию 2.");
    const english = await renderRoute(getRequest(`/questionnaires/library/${id}/versions/1?lang=en`, cookie), route);
    expect(textsOf(english, 'data-question-preview="b2b_experience"')[0]).toContain(v1.definition.questions[0]!.label.en);
    const newest = await renderRoute(getRequest(`/questionnaires/library/${id}/versions/2`, cookie), route);
    expect(textsOf(newest, 'data-question-preview="b2b_experience"')[0]).toContain("Продавали ли вы компаниям?");

    for (const version of ["3", "0", "abc"]) {
      const missing = await respond(() => versionLoader({ request: getRequest(`/questionnaires/library/${id}/versions/${version}`, cookie), context, params: { id, version } }));
      expect(missing.status).toBe(404);
    }
  });
});

describe("vacancies using a questionnaire", () => {
  test("assign and unassign, audited on the vacancy; the editor gives the open link and the vacancy page names the questionnaire", async () => {
    const { user, cookie } = await recruiter();
    const { id, name } = await newQuestionnaire(cookie);
    const other = await newQuestionnaire(cookie, "blank");
    const { vacancy } = await createAudience(1);
    await db().vacancy.update({ where: { id: vacancy.id }, data: { questionnaireId: other.id } });

    const before = await editor(id, cookie);
    expect(before.vacancyOptions).toContainEqual({ id: vacancy.id, title: vacancy.title, city: vacancy.city, current: other.name });

    const assigned = await post(id, { intent: "assign", vacancyId: vacancy.id }, cookie);
    expect(assigned.status).toBe(302);
    expect((await db().vacancy.findUniqueOrThrow({ where: { id: vacancy.id } })).questionnaireId).toBe(id);
    expect(await audits(vacancy.id)).toMatchObject([
      { action: "questionnaire.assign", actorId: user.id, entityType: "Vacancy", details: { questionnaireId: id, previousQuestionnaireId: other.id } },
    ]);
    const page = await editor(id, cookie);
    expect(page.assigned).toEqual([{ id: vacancy.id, title: vacancy.title, city: vacancy.city, status: "OPEN", openUrl: openQuestionnaireUrl(vacancy.id) }]);
    expect(page.vacancyOptions.map((v: { id: string }) => v.id)).not.toContain(vacancy.id);

    const vacancyHtml = await renderRoute(getRequest(`/vacancies/${vacancy.id}`, cookie), { path: "/vacancies/:id", loader: vacancyLoader, Component: VacancyPage });
    expect(textsOf(vacancyHtml, "data-vacancy-questionnaire")[0]).toBe(`${name} (версия 1)`);
    const library = await (await respond(() => libraryLoader({ request: getRequest("/questionnaires/library", cookie), context, params: {} }))).json();
    expect(library.questionnaires.find((q: { id: string }) => q.id === id)).toMatchObject({ version: 1, questions: defaultKamQuestionnaire().questions.length, responses: 0, archivedAt: null, vacancies: [{ id: vacancy.id }] });
    const libraryHtml = await renderRoute(getRequest("/questionnaires/library", cookie), { path: "/questionnaires/library", loader: libraryLoader, Component: LibraryPage });
    const row = textsOf(libraryHtml, `data-questionnaire="${id}"`)[0]!;
    for (const part of [name, vacancy.title, "Действует"]) expect(row).toContain(part);

    const unassigned = await post(id, { intent: "unassign", vacancyId: vacancy.id }, cookie);
    expect(unassigned.status).toBe(302);
    expect((await db().vacancy.findUniqueOrThrow({ where: { id: vacancy.id } })).questionnaireId).toBeNull();
    expect((await audits(vacancy.id)).map((a) => [a.action, a.details])).toEqual([
      ["questionnaire.assign", { questionnaireId: id, previousQuestionnaireId: other.id }],
      ["questionnaire.unassign", { questionnaireId: null, previousQuestionnaireId: id }],
    ]);
    const noneHtml = await renderRoute(getRequest(`/vacancies/${vacancy.id}`, cookie), { path: "/vacancies/:id", loader: vacancyLoader, Component: VacancyPage });
    expect(textsOf(noneHtml, "data-vacancy-questionnaire")[0]).toBe("Анкеты нет. Выбрать в библиотеке анкет");
  });

  test("no vacancy chosen, a vacancy that does not exist, or an archived questionnaire: refused with a message, nothing changes", async () => {
    const { cookie } = await recruiter();
    const { id } = await newQuestionnaire(cookie);
    const { vacancy } = await createAudience(1);
    const none = await post(id, { intent: "assign", vacancyId: "" }, cookie);
    expect(none.status).toBe(400);
    expect(await none.json()).toEqual({ intent: "assign", vacancyId: null, error: "questionnaireBuilder.errors.chooseVacancy" });
    const missing = await post(id, { intent: "assign", vacancyId: "no-such-vacancy" }, cookie);
    expect((await missing.json()).error).toBe("questionnaireBuilder.errors.chooseVacancy");

    expect((await post(id, { intent: "archive" }, cookie)).status).toBe(302);
    expect((await db().questionnaire.findUniqueOrThrow({ where: { id } })).archivedAt).not.toBeNull();
    const archived = await post(id, { intent: "assign", vacancyId: vacancy.id }, cookie);
    expect(archived.status).toBe(400);
    expect((await archived.json()).error).toBe("questionnaireBuilder.errors.archived");
    expect((await db().vacancy.findUniqueOrThrow({ where: { id: vacancy.id } })).questionnaireId).toBeNull();

    expect((await post(id, { intent: "restore" }, cookie)).status).toBe(302);
    expect((await db().questionnaire.findUniqueOrThrow({ where: { id } })).archivedAt).toBeNull();
    expect((await audits(id)).map((a) => a.action)).toEqual(["questionnaire.create", "questionnaire.archive", "questionnaire.restore"]);
    expect((await post(id, { intent: "assign", vacancyId: vacancy.id }, cookie)).status).toBe(302);
  });
});

describe("access", () => {
  test("a hiring manager may read a questionnaire but posting to the editor or creating one is 403", async () => {
    const { cookie } = await recruiter();
    const { id } = await newQuestionnaire(cookie);
    const { vacancy } = await createAudience(1);
    const manager = await createUser({ roles: ["HIRING_MANAGER"] });
    const managerCookie = await sessionCookie(manager.id);
    const draft = definitionToDraft(defaultKamQuestionnaire());
    const posts: Record<string, string>[] = [
      { intent: "save", name: "Чужая", ...settings, draft: JSON.stringify(draft) },
      { intent: "assign", vacancyId: vacancy.id },
      { intent: "archive" },
    ];
    for (const fields of posts) {
      expect((await post(id, fields, managerCookie)).status).toBe(403);
    }
    expect((await create({ name: "Чужая", ...settings, start: "default" }, managerCookie)).status).toBe(403);
    expect((await respond(() => newLoader({ request: getRequest("/questionnaires/library/new", managerCookie), context, params: {} }))).status).toBe(403);
    expect((await db().questionnaire.findUniqueOrThrow({ where: { id } })).archivedAt).toBeNull();

    const page = await editor(id, managerCookie);
    expect(page.canBuild).toBe(false);
    const html = await renderRoute(getRequest(`/questionnaires/library/${id}`, managerCookie), { path: "/questionnaires/library/:id", loader: editorLoader, Component: EditorPage });
    expect(html).not.toContain("data-questionnaire-builder");
    expect(textsOf(html, "data-question-preview")).toHaveLength(defaultKamQuestionnaire().questions.length);
    const library = await (await respond(() => libraryLoader({ request: getRequest("/questionnaires/library", managerCookie), context, params: {} }))).json();
    expect(library.canBuild).toBe(false);
  });

  test("without a session every page and action sends to sign-in", async () => {
    const params = { id: "x", version: "1" };
    for (const run of [
      () => libraryLoader({ request: getRequest("/questionnaires/library"), context, params }),
      () => newLoader({ request: getRequest("/questionnaires/library/new"), context, params }),
      () => newAction({ request: formRequest("/questionnaires/library/new", { name: "x" }), context, params }),
      () => editorLoader({ request: getRequest("/questionnaires/library/x"), context, params }),
      () => editorAction({ request: formRequest("/questionnaires/library/x", { intent: "save" }), context, params }),
      () => versionLoader({ request: getRequest("/questionnaires/library/x/versions/1"), context, params }),
    ]) {
      const response = await respond(run);
      expect(response.status).toBe(302);
      expect(response.headers.get("Location")).toMatch(/^\/login/);
    }
  });

  test("an unknown questionnaire is not found", async () => {
    const { cookie } = await recruiter();
    expect((await respond(() => editorLoader({ request: getRequest("/questionnaires/library/nope", cookie), context, params: { id: "nope" } }))).status).toBe(404);
    expect((await post("nope", { intent: "archive" }, cookie)).status).toBe(404);
    const draft = definitionToDraft(defaultKamQuestionnaire());
    expect((await save("nope", uniqueName(), draft, cookie)).status).toBe(404);
  });
});
