import { rsvpTokenHash, sendInvitationLetter } from "~/interviews/invitation-letter.server";
import { hashToken } from "~/outreach/links.server";
import { type Tx } from "~/utils/db.server";
import type { DemoInterviews } from "./interviews";

/**
 * The demo's group interviews (app/demo/interviews.ts) as rows: only the sha256 of
 * each RSVP token is stored, as the product does, so reminders carry working links.
 */
export async function writeDemoInterviews(tx: Tx, interviews: DemoInterviews): Promise<void> {
  await tx.interviewSeries.createMany({ data: interviews.series });
  await tx.interviewSession.createMany({ data: interviews.sessions });
  await tx.interviewAssessor.createMany({ data: interviews.assessors });
  await tx.interviewInvitation.createMany({
    data: interviews.invitations.map(({ token, ...invitation }) => ({
      ...invitation,
      tokenHash: token ? hashToken(token) : rsvpTokenHash(invitation.id),
    })),
  });
  await tx.scorecard.createMany({ data: interviews.scorecards });
}

/**
 * Each invitation's letter, written by the product itself (the vacancy's interview
 * template, the RSVP link, the calendar file) once the templates exist, and kept in
 * the Outbox as delivered when the invitation was made: the demo has no mail server.
 */
export async function writeDemoInterviewLetters(tx: Tx, interviews: DemoInterviews, { vacancyTitle }: { vacancyTitle: string }): Promise<void> {
  const sessions = new Map(interviews.sessions.map((s) => [s.id, s]));
  const sent: Array<{ id: string; at: Date }> = [];
  for (const invitation of interviews.invitations) {
    const session = sessions.get(invitation.sessionId)!;
    const status = await sendInvitationLetter(tx, {
      invitationId: invitation.id,
      applicationId: invitation.applicationId,
      session,
      vacancyId: invitation.vacancyId,
      vacancyTitle,
      token: invitation.token ?? undefined,
    });
    if (status !== "queued") continue;
    const { emailId } = await tx.interviewInvitation.findUniqueOrThrow({ where: { id: invitation.id }, select: { emailId: true } });
    if (emailId) sent.push({ id: emailId, at: invitation.createdAt });
  }
  if (!sent.length) return;
  await tx.$executeRaw`
    UPDATE "EmailMessage" m SET status = 'STORED', "createdAt" = v.at, "attemptedAt" = v.at
    FROM (SELECT unnest(${sent.map((s) => s.id)}::text[]) AS id, unnest(${sent.map((s) => s.at.toISOString())}::text[])::timestamptz AT TIME ZONE 'UTC' AS at) v
    WHERE m.id = v.id`;
}
