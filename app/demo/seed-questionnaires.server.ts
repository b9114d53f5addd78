import { type Prisma, type Stage } from "@prisma/client";
import { hashToken, newToken } from "~/outreach/links.server";
import { questionnaireConsent } from "~/questionnaires/consent.server";
import { defaultKamQuestionnaire } from "~/questionnaires/default-kam";
import { knockouts } from "~/questionnaires/knockouts";
import { score } from "~/questionnaires/scoring";
import { createQuestionnaire } from "~/questionnaires/store.server";
import { bulkInsert, newId } from "~/utils/bulk-insert.server";
import { type Tx } from "~/utils/db.server";
import { DEMO_QUESTIONNAIRE_TOKEN, demoAnswers, knockoutFromReason } from "./questionnaire-answers";
import { createRng } from "./random";

/**
 * The demo's questionnaire: the default KAM one, used by both sales vacancies, with a
 * link for everyone the history shows as sent the questionnaire, and answers from
 * everyone who went past it: passed ones scored by rank, knocked-out ones tripping the
 * rule their rejection names. One link has a known token, so the public form can be
 * tried at /q/<DEMO_QUESTIONNAIRE_TOKEN> (README).
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** How far along a candidate got says how strong their answers were. */
const STRENGTH: Partial<Record<Stage, number>> = {
  PROBATION: 0.95,
  HIRED: 0.95,
  INTERVIEWED: 0.8,
  INTERVIEW_INVITED: 0.65,
  WITHDRAWN: 0.6,
  REJECTED: 0.55,
  QUESTIONNAIRE_PASSED: 0.45,
};

type Row = {
  applicationId: string;
  vacancyId: string;
  stage: Stage;
  city: string | null;
  relocation: boolean | null;
  salaryExpectationRub: number | null;
  salaryMaxRub: number;
  sentAt: Date;
  passedAt: Date | null;
  knockedOutAt: Date | null;
  knockOutReason: string | null;
};

export async function writeDemoQuestionnaires(tx: Tx, { vacancyIds, recruiterId, now }: { vacancyIds: string[]; recruiterId: string; now: Date }) {
  const { questionnaire, version } = await createQuestionnaire(tx, {
    name: "Анкета KAM по методике",
    definition: defaultKamQuestionnaire(),
    actorId: recruiterId,
  });
  await tx.vacancy.updateMany({ where: { id: { in: vacancyIds } }, data: { questionnaireId: questionnaire.id } });

  const rows = await tx.$queryRaw<Row[]>`
    SELECT a.id AS "applicationId", a."vacancyId", a.stage::text AS stage, c.city, c.relocation, c."salaryExpectationRub",
           COALESCE(v."salaryMaxRub", 200000) AS "salaryMaxRub",
           min(s."createdAt") FILTER (WHERE s."toStage" = 'QUESTIONNAIRE_SENT') AS "sentAt",
           min(s."createdAt") FILTER (WHERE s."toStage" = 'QUESTIONNAIRE_PASSED') AS "passedAt",
           min(s."createdAt") FILTER (WHERE s."toStage" = 'REJECTED' AND s."fromStage" = 'QUESTIONNAIRE_SENT') AS "knockedOutAt",
           min(s.reason) FILTER (WHERE s."toStage" = 'REJECTED' AND s."fromStage" = 'QUESTIONNAIRE_SENT') AS "knockOutReason"
    FROM "Application" a
    JOIN "Candidate" c ON c.id = a."candidateId"
    JOIN "Vacancy" v ON v.id = a."vacancyId"
    JOIN "StageChange" s ON s."applicationId" = a.id
    WHERE a."vacancyId" IN (${vacancyIds[0]}, ${vacancyIds[1] ?? vacancyIds[0]}) AND c."erasedAt" IS NULL
    GROUP BY a.id, c.id, v.id
    HAVING min(s."createdAt") FILTER (WHERE s."toStage" = 'QUESTIONNAIRE_SENT') IS NOT NULL
    ORDER BY a.id`;

  const rng = createRng(5_2026);
  const delay = questionnaire.reminderAfterHours * HOUR;
  const definition = version.definition;
  const consentVersion = questionnaireConsent("ru").textSha256;
  let demoLinkGiven = false;
  const invites: Array<{ id: string; applicationId: string; tokenHash: string; createdAt: Date; expiresAt: Date; remindedAt: Date | null; openedAt: Date | null }> = [];
  const responses: Prisma.QuestionnaireResponseCreateManyInput[] = [];

  for (const row of rows) {
    const answeredAt = row.passedAt ?? row.knockedOutAt;
    const known: boolean = !demoLinkGiven && !answeredAt && row.vacancyId === vacancyIds[0];
    demoLinkGiven ||= known;
    invites.push({
      id: newId(),
      applicationId: row.applicationId,
      tokenHash: known ? hashToken(DEMO_QUESTIONNAIRE_TOKEN) : newToken().hash,
      createdAt: row.sentAt,
      expiresAt: known ? new Date(now.getTime() + 30 * DAY) : new Date(row.sentAt.getTime() + questionnaire.linkValidDays * DAY),
      // Those who had not answered when the delay ran out got their one reminder.
      remindedAt: (answeredAt ?? now).getTime() - row.sentAt.getTime() > delay ? new Date(row.sentAt.getTime() + delay) : null,
      openedAt: answeredAt ? new Date(answeredAt.getTime() - rng.int(5, 40) * 60_000) : null,
    });
    if (!answeredAt) continue;

    const knockout = row.knockedOutAt ? (knockoutFromReason(row.knockOutReason) ?? "years") : null;
    const strength = (STRENGTH[row.stage] ?? 0.4) + (rng.next() - 0.5) * 0.3;
    const answers = demoAnswers(rng, { ...row, strength, knockout, answeredAt });
    const tripped = knockouts(definition, answers, { vacancy: { salaryMaxRub: row.salaryMaxRub } });
    if (Boolean(knockout) !== tripped.length > 0) throw new Error(`demo answers for ${row.applicationId} do not match the history`);
    responses.push({
      applicationId: row.applicationId,
      vacancyId: row.vacancyId,
      questionnaireId: questionnaire.id,
      versionId: version.id,
      inviteId: invites.at(-1)!.id,
      answers,
      score: score(definition, answers),
      knockouts: tripped,
      verdict: tripped.length ? "KNOCKED_OUT" : "PASSED",
      locale: "ru",
      consentVersion,
      consentAt: answeredAt,
      submittedAt: answeredAt,
    });
  }

  await bulkInsert(tx, "QuestionnaireInvite", [
    { name: "id", type: "text", value: (r) => r.id },
    { name: "applicationId", type: "text", value: (r) => r.applicationId },
    { name: "questionnaireId", type: "text", value: () => questionnaire.id },
    { name: "tokenHash", type: "text", value: (r) => r.tokenHash },
    { name: "expiresAt", type: "timestamp", value: (r) => r.expiresAt },
    { name: "remindedAt", type: "timestamp", value: (r) => r.remindedAt },
    { name: "openedAt", type: "timestamp", value: (r) => r.openedAt },
    { name: "createdById", type: "text", value: () => recruiterId },
    { name: "createdAt", type: "timestamp", value: (r) => r.createdAt },
  ], invites);
  await tx.questionnaireResponse.createMany({ data: responses });
  return { questionnaireId: questionnaire.id, invites: invites.length, responses: responses.length };
}
