import { rsvpTokenHash } from "~/interviews/invitation-letter.server";
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
