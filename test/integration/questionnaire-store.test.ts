import { describe, expect, test } from "vitest";
import { defaultKamQuestionnaire } from "~/questionnaires/default-kam";
import { lookupInvite } from "~/questionnaires/invites.server";
import { currentVersion, QuestionnaireInvalid, saveVersion, vacancyQuestionnaire, versionById } from "~/questionnaires/store.server";
import { db } from "~/utils/db.server";
import { createAudience } from "../support/campaign-fixtures";
import { inviteToken, questionnaireForVacancy } from "../support/questionnaire-fixtures";

const answerRow = (applicationId: string, vacancyId: string, questionnaireId: string, versionId: string) =>
  db().questionnaireResponse.create({
    data: { applicationId, vacancyId, questionnaireId, versionId, answers: {}, score: 0, verdict: "PASSED", consentVersion: "v", consentAt: new Date() },
  });

describe("questionnaire versions", () => {
  test("a version nobody answered is replaced in place; one with answers gets a successor and stays readable", async () => {
    const { vacancy, people } = await createAudience(1);
    const { questionnaire, version } = await questionnaireForVacancy(vacancy.id);
    const edited = defaultKamQuestionnaire();
    edited.questions[0]!.label.ru = "Был ли у вас опыт продаж B2B?";

    const inPlace = await db().$transaction((tx) => saveVersion(tx, { questionnaireId: questionnaire.id, definition: edited, actorId: null }));
    expect(inPlace).toMatchObject({ created: false, changed: true });
    expect(inPlace.version.id).toBe(version.id);
    expect(inPlace.version.version).toBe(1);

    await answerRow(people[0]!.applicationId, vacancy.id, questionnaire.id, version.id);
    const again = await db().$transaction((tx) => saveVersion(tx, { questionnaireId: questionnaire.id, definition: edited, actorId: null }));
    expect(again).toMatchObject({ created: false, changed: false });

    const second = defaultKamQuestionnaire();
    second.questions.pop();
    const next = await db().$transaction((tx) => saveVersion(tx, { questionnaireId: questionnaire.id, definition: second, actorId: null }));
    expect(next).toMatchObject({ created: true, changed: true });
    expect(next.version.version).toBe(2);
    expect((await currentVersion(db(), questionnaire.id))!.id).toBe(next.version.id);
    const old = await versionById(db(), version.id);
    expect(old!.definition.questions[0]!.label.ru).toBe("Был ли у вас опыт продаж B2B?");
    expect(old!.definition.questions).toHaveLength(second.questions.length + 1);
    const forVacancy = await vacancyQuestionnaire(db(), vacancy.id);
    expect(forVacancy!.version.version).toBe(2);
  });

  test("a definition with problems is refused and nothing changes", async () => {
    const { vacancy } = await createAudience(1);
    const { questionnaire, version } = await questionnaireForVacancy(vacancy.id);
    const broken = { questions: [{ id: "x", type: "single_choice", label: { ru: "Вопрос", en: "Question" }, required: true }] };
    await expect(db().$transaction((tx) => saveVersion(tx, { questionnaireId: questionnaire.id, definition: broken, actorId: null }))).rejects.toBeInstanceOf(QuestionnaireInvalid);
    expect((await currentVersion(db(), questionnaire.id))!.definition).toEqual(version.definition);
  });
});

describe("questionnaire links", () => {
  test("open, expired, answered and forged tokens", async () => {
    const { vacancy, people } = await createAudience(2);
    const { questionnaire, version } = await questionnaireForVacancy(vacancy.id);
    const live = await inviteToken(people[0]!.applicationId, questionnaire.id);
    const stored = await db().questionnaireInvite.findUniqueOrThrow({ where: { id: live.inviteId } });
    expect(stored.tokenHash).not.toContain(live.token);
    expect(live.url).toMatch(/\/q\/[A-Za-z0-9_-]{32}$/);

    expect(await lookupInvite(db(), live.token)).toMatchObject({ status: "open", invite: { applicationId: people[0]!.applicationId } });
    expect(await lookupInvite(db(), live.token.slice(0, -1) + (live.token.endsWith("A") ? "B" : "A"))).toEqual({ status: "not-found" });
    expect(await lookupInvite(db(), "")).toEqual({ status: "not-found" });

    const old = await inviteToken(people[1]!.applicationId, questionnaire.id, { validDays: 1, now: new Date(Date.now() - 2 * 86_400_000) });
    expect(await lookupInvite(db(), old.token)).toMatchObject({ status: "expired" });

    await answerRow(people[0]!.applicationId, vacancy.id, questionnaire.id, version.id);
    expect(await lookupInvite(db(), live.token)).toMatchObject({ status: "answered" });
  });
});
