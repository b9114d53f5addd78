import { Prisma } from "@prisma/client";
import { sendTemplateMail, type SendTemplateResult } from "~/outreach/send-template.server";
import { ContactRefused } from "~/sourcing/contact-policy.server";
import { db } from "~/utils/db.server";
import { issueInvites } from "./invites.server";

/**
 * The one reminder to candidates who got a questionnaire link and did not answer
 * (the `questionnaire.remind` job, every five minutes). Due when the invitation letter
 * went out the questionnaire's reminderAfterHours ago (a link handed out without a
 * letter: since it was made); never before the letter itself has gone out.
 *
 * Exactly once per application and questionnaire: the due invites are locked (FOR
 * UPDATE SKIP LOCKED, so two workers never take the same), all the application's
 * invitations for it are marked remindedAt in the same transaction as the letter is
 * queued, and the letter's dedupeKey refuses a second one whatever happens.
 * A reminder that cannot go (no template, no e-mail, may not be contacted) is marked
 * too, so it is not tried again every five minutes.
 */

const BATCH = 100;

type Due = { id: string; applicationId: string; questionnaireId: string; vacancyId: string; validDays: number };

export type ReminderRun = { reminded: number; skipped: number };

export function reminderDedupeKey(applicationId: string, questionnaireId: string): string {
  return `questionnaire-reminder:${applicationId}:${questionnaireId}`;
}

async function remindOne(due: Due, now: Date): Promise<SendTemplateResult["status"] | "refused" | "gone"> {
  return db().$transaction(async (tx) => {
    const locked = await tx.$queryRaw<Array<{ id: string }>>`
      SELECT id FROM "QuestionnaireInvite"
      WHERE id = ${due.id} AND "remindedAt" IS NULL FOR UPDATE SKIP LOCKED`;
    if (!locked.length) return "gone";
    await tx.questionnaireInvite.updateMany({
      where: { applicationId: due.applicationId, questionnaireId: due.questionnaireId, isReminder: false, remindedAt: null },
      data: { remindedAt: now },
    });
    const link = (await issueInvites(tx, {
      questionnaireId: due.questionnaireId,
      applicationIds: [due.applicationId],
      validDays: due.validDays,
      actorId: null,
      isReminder: true,
      now,
    })).get(due.applicationId)!;
    let sent: SendTemplateResult;
    try {
      sent = await sendTemplateMail(tx, {
        applicationId: due.applicationId,
        kind: "REMINDER",
        extras: { questionnaireLink: link.url },
        dedupeKey: reminderDedupeKey(due.applicationId, due.questionnaireId),
      });
    } catch (error) {
      if (!(error instanceof ContactRefused)) throw error;
      await tx.questionnaireInvite.delete({ where: { id: link.inviteId } });
      return "refused";
    }
    if (sent.status === "queued" && sent.id) {
      await tx.questionnaireInvite.update({ where: { id: link.inviteId }, data: { emailId: sent.id } });
    } else {
      await tx.questionnaireInvite.delete({ where: { id: link.inviteId } });
    }
    return sent.status;
  });
}

/** Sends the reminders due at `now` (of one questionnaire, or all), a batch at a time, until none are left. */
export async function sendDueReminders({ now = new Date(), questionnaireId }: { now?: Date; questionnaireId?: string } = {}): Promise<ReminderRun> {
  const run: ReminderRun = { reminded: 0, skipped: 0 };
  const seen = new Set<string>();
  for (;;) {
    const due = await db().$queryRaw<Due[]>`
      SELECT DISTINCT ON (i."applicationId", i."questionnaireId")
             i.id, i."applicationId", i."questionnaireId", a."vacancyId", q."linkValidDays" AS "validDays"
      FROM "QuestionnaireInvite" i
      JOIN "Questionnaire" q ON q.id = i."questionnaireId"
      JOIN "Application" a ON a.id = i."applicationId"
      LEFT JOIN "EmailMessage" e ON e.id = i."emailId"
      WHERE NOT i."isReminder" AND i."remindedAt" IS NULL AND q."archivedAt" IS NULL
        AND (${questionnaireId ?? null}::text IS NULL OR i."questionnaireId" = ${questionnaireId ?? null})
        AND a.stage IN ('SOURCED', 'CONTACTED', 'QUESTIONNAIRE_SENT')
        AND (i."emailId" IS NULL OR e.status IN ('SENT', 'STORED'))
        AND COALESCE(e."sentAt", e."attemptedAt", i."createdAt") + q."reminderAfterHours" * interval '1 hour' <= ${now}::timestamp
        AND NOT EXISTS (
          SELECT 1 FROM "QuestionnaireResponse" r
          WHERE r."applicationId" = i."applicationId" AND r."questionnaireId" = i."questionnaireId")
        AND i.id NOT IN (${Prisma.join(seen.size ? [...seen] : [""])})
      ORDER BY i."applicationId", i."questionnaireId", i."createdAt"
      LIMIT ${BATCH}`;
    if (!due.length) return run;
    for (const row of due) {
      seen.add(row.id);
      const outcome = await remindOne(row, now);
      if (outcome === "queued") run.reminded += 1;
      else if (outcome !== "gone") run.skipped += 1;
    }
  }
}
