import { createHmac } from "node:crypto";
import { type Locale } from "@prisma/client";
import { sessionSecret } from "~/auth/session.server";
import { type AppLocale } from "~/i18n/i18n";
import { hashToken, publicUrl } from "~/outreach/links.server";
import { sendTemplateMail, type SendTemplateResult } from "~/outreach/send-template.server";
import { templateFor, templateText } from "~/outreach/templates.server";
import { ContactRefused } from "~/sourcing/contact-policy.server";
import { i18nFor } from "~/ui/i18n-instance";
import { type Tx } from "~/utils/db.server";
import { mailFrom } from "~/utils/mail.server";
import { ICS_CONTENT_TYPE, ICS_FILENAME, interviewCalendar, organizerFrom } from "./ics";
import { formatInterviewPlace, formatInterviewTime, type SessionTimePlace } from "./rsvp";

/**
 * The invitation letter (the vacancy's INTERVIEW_INVITATION template with the time,
 * the place and the RSVP link, and the calendar file attached) and the RSVP link
 * itself.
 *
 * The link's token is an HMAC of the invitation id under the server's secret, and the
 * database keeps only its sha256 (tokenHash), as with every other link. Deriving it
 * rather than drawing it at random (newToken) is what lets a reminder, sent by a job
 * long after the letter, carry the same working link: the same invitation always has
 * the same link, whatever session it moved to, and the calendar file's URL keeps working.
 */

export function rsvpToken(invitationId: string): string {
  return createHmac("sha256", sessionSecret()).update(`interview-rsvp:${invitationId}`).digest("base64url");
}

export function rsvpTokenHash(invitationId: string): string {
  return hashToken(rsvpToken(invitationId));
}

export function rsvpUrlFor(token: string): string {
  return publicUrl(`/rsvp/${encodeURIComponent(token)}`);
}

/**
 * The invitation's link when its stored hash is the derived token's (every invitation
 * this module makes); null for a row whose token came from elsewhere (the demo's fixed
 * link), which only its own token opens.
 */
export function storedRsvpUrl(invitation: { id: string; tokenHash: string }): string | null {
  const token = rsvpToken(invitation.id);
  return hashToken(token) === invitation.tokenHash ? rsvpUrlFor(token) : null;
}

/** The language the candidate answered the questionnaire in (their latest answers), Russian otherwise. */
export async function candidateLocale(tx: Tx, applicationId: string): Promise<AppLocale> {
  const latest = await tx.questionnaireResponse.findFirst({
    where: { applicationId },
    orderBy: { submittedAt: "desc" },
    select: { locale: true },
  });
  return (latest?.locale ?? "ru") satisfies Locale;
}

export type LetterSession = SessionTimePlace;

const letterPrefix = (invitationId: string) => `interview-invitation:${invitationId}:`;

/** How many invitation letters the invitation had: the next calendar file's SEQUENCE. */
async function lettersSoFar(tx: Pick<Tx, "emailMessage">, invitationId: string, applicationId: string): Promise<number> {
  return tx.emailMessage.count({ where: { applicationId, dedupeKey: { startsWith: letterPrefix(invitationId) } } });
}

/** The calendar file of an invitation to `session`, in `locale`, with the RSVP link `link`. */
export function calendarFile(input: {
  invitationId: string;
  link: string;
  session: LetterSession;
  vacancyTitle: string;
  locale: AppLocale;
  sequence: number;
}): string {
  const { t } = i18nFor(input.locale);
  const { session, link } = input;
  const place = session.place?.trim();
  const lines = [
    t("interviewInvitations.calendar.when", { time: formatInterviewTime(session, input.locale) }),
    place ? t("interviewInvitations.calendar.where", { place }) : null,
    session.videoUrl ? t("interviewInvitations.calendar.video", { url: session.videoUrl }) : null,
    t("interviewInvitations.calendar.rsvp", { url: link }),
  ];
  return interviewCalendar({
    invitationId: input.invitationId,
    host: new URL(publicUrl("/")).hostname,
    sequence: input.sequence,
    startsAt: session.startsAt,
    durationMinutes: session.durationMinutes,
    summary: t("interviewInvitations.calendar.summary", { vacancy: input.vacancyTitle }),
    description: lines.filter(Boolean).join("\n"),
    place: place || null,
    videoUrl: session.videoUrl,
    rsvpUrl: link,
    organizer: organizerFrom(mailFrom()),
  });
}

/** The calendar file the RSVP page offers (`link`: the page's own): the same SEQUENCE as the latest letter's. */
export async function currentCalendarFile(
  tx: Pick<Tx, "emailMessage">,
  input: { invitationId: string; applicationId: string; link: string; session: LetterSession; vacancyTitle: string; locale: AppLocale },
): Promise<string> {
  const letters = await lettersSoFar(tx, input.invitationId, input.applicationId);
  return calendarFile({ ...input, sequence: Math.max(0, letters - 1) });
}

export type LetterStatus = SendTemplateResult["status"] | "contact-refused";

/**
 * Queues the invitation letter for the invitation's place in `session`, in the
 * caller's transaction, and records it on the invitation (emailId). The dedupe key is
 * per invitation, session and letter number, so a retry of the same placement never
 * sends twice while a move back to an earlier session still gets its letter.
 * The link is `token` when the candidate's own answer caused the letter (the token
 * they came with keeps working); otherwise the invitation's derived token, made the
 * stored one if it was not. A vacancy without the template (nor a general one) gets
 * "no-template": the invitation stands, the page says no letter went.
 */
export async function sendInvitationLetter(
  tx: Tx,
  input: { invitationId: string; applicationId: string; session: LetterSession; vacancyId: string; vacancyTitle: string; token?: string },
): Promise<LetterStatus> {
  const preferred = await candidateLocale(tx, input.applicationId);
  const template = await templateFor(tx, "INTERVIEW_INVITATION", input.vacancyId);
  if (!template) return "no-template";
  // The letter is in the other language when the template lacks the candidate's: the time and the file follow it.
  const locale: AppLocale = templateText(template, preferred) ? preferred : preferred === "ru" ? "en" : "ru";
  const sequence = await lettersSoFar(tx, input.invitationId, input.applicationId);
  const { session } = input;
  const place = formatInterviewPlace(session) || i18nFor(locale).t("interviewInvitations.placeTbd");
  if (!input.token) await tx.interviewInvitation.update({ where: { id: input.invitationId }, data: { tokenHash: rsvpTokenHash(input.invitationId) } });
  const link = rsvpUrlFor(input.token ?? rsvpToken(input.invitationId));
  let sent: SendTemplateResult;
  try {
    sent = await sendTemplateMail(tx, {
      applicationId: input.applicationId,
      kind: "INTERVIEW_INVITATION",
      locale,
      extras: { interviewTime: formatInterviewTime(session, locale), interviewPlace: place, rsvpLink: link },
      dedupeKey: `${letterPrefix(input.invitationId)}${session.id}:${sequence}`,
      attachments: [
        {
          filename: ICS_FILENAME,
          contentType: ICS_CONTENT_TYPE,
          content: calendarFile({ invitationId: input.invitationId, link, session, vacancyTitle: input.vacancyTitle, locale, sequence }),
        },
      ],
    });
  } catch (error) {
    if (error instanceof ContactRefused) return "contact-refused";
    throw error;
  }
  if ((sent.status === "queued" || sent.status === "duplicate") && sent.id) {
    await tx.interviewInvitation.update({ where: { id: input.invitationId }, data: { emailId: sent.id } });
  }
  return sent.status;
}
