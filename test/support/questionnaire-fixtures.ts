import { defaultKamQuestionnaire } from "~/questionnaires/default-kam";
import { issueInvites } from "~/questionnaires/invites.server";
import { createQuestionnaire } from "~/questionnaires/store.server";
import { db } from "~/utils/db.server";

let counter = 0;

/** A questionnaire (the default KAM one unless given) made the vacancy's, at version 1. */
export async function questionnaireForVacancy(vacancyId: string, definition: unknown = defaultKamQuestionnaire(), settings: { reminderAfterHours?: number; linkValidDays?: number } = {}) {
  counter += 1;
  const name = `Анкета ${counter}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const { questionnaire, version } = await db().$transaction((tx) => createQuestionnaire(tx, { name, definition, actorId: null, ...settings }));
  await db().vacancy.update({ where: { id: vacancyId }, data: { questionnaireId: questionnaire.id } });
  return { questionnaire, version };
}

/** A live link for one application: the token the letter would carry. */
export async function inviteToken(applicationId: string, questionnaireId: string, { validDays = 14, now }: { validDays?: number; now?: Date } = {}) {
  const issued = await db().$transaction((tx) => issueInvites(tx, { questionnaireId, applicationIds: [applicationId], validDays, actorId: null, now }));
  return issued.get(applicationId)!;
}
