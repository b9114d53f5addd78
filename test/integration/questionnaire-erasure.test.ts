import { afterAll, describe, expect, test } from "vitest";
import { addApplication, moveApplication } from "~/pipeline/pipeline.server";
import { completionRates } from "~/questionnaires/completion.server";
import { defaultKamQuestionnaire } from "~/questionnaires/default-kam";
import { overrideResponseVerdict } from "~/questionnaires/override.server";
import { loadResponse } from "~/questionnaires/response-view.server";
import { eraseCandidate } from "~/sourcing/personal-data.server";
import { db } from "~/utils/db.server";
import { stopJobs } from "~/utils/jobs.server";
import { createCandidate, createUser } from "../factories";
import { inviteToken, questionnaireForVacancy } from "../support/questionnaire-fixtures";
import { insertResponse } from "../support/questionnaire-responses";

afterAll(() => stopJobs());

describe("erasing a candidate who answered a questionnaire", () => {
  test("their answers, override reason and links go; score, verdict and knock-outs stay for the counts", async () => {
    const recruiter = await createUser({ roles: ["RECRUITER"] });
    const vacancy = await db().vacancy.create({ data: { title: "KAM", city: "Москва", industry: "Оборудование", status: "OPEN", salaryMaxRub: 200_000 } });
    const { questionnaire } = await questionnaireForVacancy(vacancy.id, defaultKamQuestionnaire());
    const candidate = await createCandidate({ firstName: "Марина", lastName: "Стёртая" });
    const application = await addApplication({ candidateId: candidate.id, vacancyId: vacancy.id, actorId: recruiter.id, tier: "TARGET" });
    for (const to of ["CONTACTED", "QUESTIONNAIRE_SENT"] as const) await moveApplication({ applicationId: application.id, to, actorId: recruiter.id });
    const invite = await inviteToken(application.id, questionnaire.id);
    await inviteToken(application.id, questionnaire.id);
    const answers = {
      b2b_experience: "yes",
      industries: ["industrial"],
      largest_client_turnover: 50_000_000,
      key_clients_count: 6,
      years_key_accounts: 5,
      achievements: "Вырастила оборот «Ромашки» с 40 до 65 млн ₽, телефон +7 916 555-12-34",
      salary_expectation: 300_000,
      english_level: "upper",
      city: "Тула",
      start_date: "2026-04-01",
      why_this_job: "Марина Стёртая хочет расти",
    };
    const response = await insertResponse({ applicationId: application.id, answers, inviteId: invite.inviteId });
    expect(response.verdict).toBe("KNOCKED_OUT");
    await overrideResponseVerdict({ responseId: response.id, to: "PASSED", reason: "Марина согласна на 240 000", actorId: recruiter.id });
    const before = await completionRates(db(), { vacancyId: vacancy.id });

    expect(await eraseCandidate({ actorId: recruiter.id, candidateId: candidate.id, reason: "Запрос кандидата" })).toBe(true);

    const erased = await db().questionnaireResponse.findUniqueOrThrow({ where: { id: response.id } });
    expect(erased).toMatchObject({ answers: {}, overrideReason: null, score: response.score, verdict: "KNOCKED_OUT", override: "PASSED", knockouts: response.knockouts });
    // The knock-out names the vacancy's limit, never what the candidate asked for.
    expect(JSON.stringify(erased.knockouts)).not.toContain("300000");
    expect(JSON.stringify(erased)).not.toMatch(/Марина|Ромашк|916|Тула/);
    expect(await db().questionnaireInvite.count({ where: { applicationId: application.id } })).toBe(0);

    // Still answered and passed in the counts (the links are gone, the response stands for them).
    expect((await completionRates(db(), { vacancyId: vacancy.id })).total).toEqual({ ...before.total, viaOpenLink: 1 });
    expect(before.total).toMatchObject({ invited: 1, answered: 1, passed: 1 });

    const audit = await db().auditEntry.findFirstOrThrow({ where: { action: "candidate.erase", entityId: candidate.id } });
    expect(audit.details).toMatchObject({ questionnaireResponses: 1, questionnaireInvites: 2 });

    // The response page shows neither name, answers nor the override's reason.
    const page = await loadResponse(response.id);
    expect(page).toMatchObject({ erased: true, candidate: { name: null }, override: { to: "PASSED", reason: null } });
    expect(page!.rows.every((row) => row.answer === null)).toBe(true);
    expect(page!.history.every((h) => h.reason === null)).toBe(true);
    expect(JSON.stringify(page)).not.toMatch(/Марина|Ромашк|Стёртая/);
  });
});
