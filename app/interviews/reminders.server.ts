import { Prisma } from "@prisma/client";
import { newToken, unsubscribeHeaders, unsubscribeUrl } from "~/outreach/links.server";
import { mergeValuesFor } from "~/outreach/templates.server";
import { contactRefusals } from "~/sourcing/contact-policy.server";
import { i18nFor } from "~/ui/i18n-instance";
import { db, type Tx } from "~/utils/db.server";
import { sendMail } from "~/utils/mail.server";
import { candidateLocale, storedRsvpUrl } from "./invitation-letter.server";
import { type ReminderKind, reminderStep } from "./reminder-times";
import { formatInterviewPlace, formatInterviewTime } from "./rsvp";

/**
 * The reminders before a group interview (the `interview.remind` job, every five
 * minutes and at start-up): 24 hours and 2 hours before the start, to those invited
 * or confirmed only, never after a decline, a withdrawal or a cancelled session.
 *
 * Exactly once each: the due invitation is locked (FOR UPDATE SKIP LOCKED, so two
 * workers never take the same one, and a decline or a move waits or is waited for),
 * its reminded24hAt / reminded2hAt set in the transaction that queues the letter, and
 * the letter's dedupe key (per invitation, session and kind) refuses a second one
 * whatever happens. Reminders that can no longer be right (reminder-times.ts) or
 * cannot go (may not be contacted, no e-mail) are marked without a letter.
 *
 * The text is fixed and bilingual (the REMINDER template is the questionnaire's), in
 * the language the candidate answered the questionnaire in.
 */

const BATCH = 100;

export type InterviewReminderRun = { sent: number; skipped: number };

export function interviewReminderDedupeKey(invitationId: string, sessionId: string, kind: ReminderKind): string {
  return `interview-reminder:${invitationId}:${sessionId}:${kind}`;
}

type Locked = { id: string; applicationId: string; sessionId: string; tokenHash: string; reminded24hAt: Date | null; reminded2hAt: Date | null };

async function remindOne(invitationId: string, now: Date): Promise<"sent" | "skipped" | "gone"> {
  return db().$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<Locked[]>`
      SELECT id, "applicationId", "sessionId", "tokenHash", "reminded24hAt", "reminded2hAt" FROM "InterviewInvitation"
      WHERE id = ${invitationId} AND status IN ('INVITED', 'CONFIRMED') AND "sessionId" IS NOT NULL
      FOR UPDATE SKIP LOCKED`;
    if (!row) return "gone";
    const session = await tx.interviewSession.findUniqueOrThrow({ where: { id: row.sessionId } });
    if (session.cancelledAt) return "gone";
    const step = reminderStep(session.startsAt, row, now);
    if (!step.mark.length) return "gone";
    await tx.interviewInvitation.update({
      where: { id: row.id },
      data: { ...(step.mark.includes("24h") ? { reminded24hAt: now } : {}), ...(step.mark.includes("2h") ? { reminded2hAt: now } : {}) },
    });
    if (!step.send) return "skipped";
    return (await queueReminder(tx, row, session, step.send)) ? "sent" : "skipped";
  });
}

type LetterSession = { id: string; vacancyId: string; startsAt: Date; durationMinutes: number; timeZone: string; place: string | null; videoUrl: string | null };

/**
 * One fixed-text letter about a session (a reminder, a cancellation) to the candidate
 * of an invitation, in their language, with the RSVP link (when the row has the
 * product's own) and an unsubscribe link; queued in the caller's transaction. False
 * when it cannot go: the person may not be contacted, or has no address.
 */
export async function queueSessionLetter(
  tx: Tx,
  row: Pick<Locked, "id" | "applicationId" | "tokenHash">,
  session: LetterSession,
  letter: { subjectKey: string; leadKey: string; rsvpKey: string | null; dedupeKey: string },
): Promise<boolean> {
  if ((await contactRefusals(tx, [row.applicationId])).get(row.applicationId) !== null) return false;
  const application = await tx.application.findUniqueOrThrow({ where: { id: row.applicationId }, select: { candidateId: true, candidate: { select: { email: true } } } });
  const email = application.candidate.email?.trim();
  if (!email) return false;
  const locale = await candidateLocale(tx, row.applicationId);
  const values = (await mergeValuesFor(tx, [row.applicationId], { locale })).get(row.applicationId) ?? {};
  const { t } = i18nFor(locale);
  const time = formatInterviewTime(session, locale);
  const place = formatInterviewPlace(session) || t("interviewInvitations.placeTbd");
  const link = storedRsvpUrl({ id: row.id, tokenHash: row.tokenHash });
  const { token, hash } = newToken();
  const unsubscribe = unsubscribeUrl(token);
  const r = "interviewInvitations.reminder";
  const text = [
    t(`${r}.greeting`, { name: values.firstName ?? "" }),
    t(letter.leadKey, { vacancy: values.vacancyTitle ?? "" }),
    [t(`${r}.when`, { time }), t(`${r}.where`, { place })].join("\n"),
    // A row made with a token of its own (the demo's fixed link) is answered by that link only: none here.
    ...(link && letter.rsvpKey ? [t(letter.rsvpKey, { url: link })] : []),
    t(`${r}.signature`, { sender: values.recruiterName ?? values.companyName ?? "" }).trim(),
    t(`${r}.unsubscribe`, { url: unsubscribe }),
  ].join("\n\n");
  const sent = await sendMail(
    {
      to: email,
      subject: t(letter.subjectKey, { time }),
      text,
      dedupeKey: letter.dedupeKey,
      candidateId: application.candidateId,
      applicationId: row.applicationId,
      templateKind: "REMINDER",
      headers: unsubscribeHeaders(unsubscribe),
      unsubscribeTokenHash: hash,
    },
    { tx },
  );
  return sent.status === "queued";
}

function queueReminder(tx: Tx, row: Locked, session: LetterSession, kind: ReminderKind): Promise<boolean> {
  const r = "interviewInvitations.reminder";
  return queueSessionLetter(tx, row, session, {
    subjectKey: `${r}.subject${kind}`,
    leadKey: `${r}.lead${kind}`,
    rsvpKey: `${r}.rsvp`,
    dedupeKey: interviewReminderDedupeKey(row.id, session.id, kind),
  });
}

/** Sends the interview reminders due at `now` (of one session, or all), a batch at a time, until none are left. */
export async function sendDueInterviewReminders({ now = new Date(), sessionId }: { now?: Date; sessionId?: string } = {}): Promise<InterviewReminderRun> {
  const run: InterviewReminderRun = { sent: 0, skipped: 0 };
  const seen = new Set<string>();
  for (;;) {
    const due = await db().$queryRaw<Array<{ id: string }>>`
      SELECT i.id FROM "InterviewInvitation" i JOIN "InterviewSession" s ON s.id = i."sessionId"
      WHERE i.status IN ('INVITED', 'CONFIRMED') AND s."cancelledAt" IS NULL
        AND (${sessionId ?? null}::text IS NULL OR s.id = ${sessionId ?? null})
        AND ((i."reminded24hAt" IS NULL AND s."startsAt" <= ${now}::timestamp + interval '24 hours')
          OR (i."reminded2hAt" IS NULL AND s."startsAt" <= ${now}::timestamp + interval '2 hours'))
        AND i.id NOT IN (${Prisma.join(seen.size ? [...seen] : [""])})
      ORDER BY s."startsAt", i.id
      LIMIT ${BATCH}`;
    if (!due.length) return run;
    for (const { id } of due) {
      seen.add(id);
      const outcome = await remindOne(id, now);
      if (outcome === "sent") run.sent += 1;
      else if (outcome === "skipped") run.skipped += 1;
    }
  }
}
