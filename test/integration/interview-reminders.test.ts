import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { inviteToSessions, withdrawInvitation } from "~/interviews/booking.server";
import { rsvpToken } from "~/interviews/invitation-letter.server";
import { interviewReminderDedupeKey, sendDueInterviewReminders } from "~/interviews/reminders.server";
import { formatInterviewTime } from "~/interviews/rsvp";
import { rsvpDecline } from "~/interviews/rsvp.server";
import { hashToken } from "~/outreach/links.server";
import { db } from "~/utils/db.server";
import { deliverNow } from "~/utils/mail.server";
import { stopJobs } from "~/utils/jobs.server";
import { createUser } from "../factories";
import { resetSmtp, setSmtpUrl, startSmtpServer } from "../setup/smtp";
import { createSession, DAY, HOUR, invitationTemplate, shortlistedAudience } from "../support/interview-fixtures";
import { questionnaireForVacancy } from "../support/questionnaire-fixtures";

afterAll(() => stopJobs());

let recruiterId: string;
beforeAll(async () => {
  recruiterId = (await createUser({ roles: ["RECRUITER"], name: "Ольга Рекрутер" })).id;
});

/**
 * A session `startsIn` from the real now (reminders run with `now` parameters around
 * its start, never by waiting), and `count` candidates invited to it at `invitedAt`.
 */
async function invited(count: number, { startsIn = 10 * DAY, invitedBefore = 5 * DAY }: { startsIn?: number; invitedBefore?: number } = {}) {
  const { vacancy, people } = await shortlistedAudience(count);
  await invitationTemplate(vacancy.id);
  const session = await createSession(vacancy.id, { startsAt: new Date(Date.now() + startsIn), seats: count, capacity: count + 2 });
  const at = (msBefore: number) => new Date(session.startsAt.getTime() - msBefore);
  await db().$transaction((tx) =>
    inviteToSessions(tx, { vacancyId: vacancy.id, applicationIds: people.map((p) => p.applicationId), sessionIds: [session.id], actorId: recruiterId, now: at(invitedBefore) }),
  );
  const invitations = await db().interviewInvitation.findMany({ where: { sessionId: session.id }, orderBy: { createdAt: "asc" } });
  expect(invitations).toHaveLength(count);
  return { vacancy, session, people, invitations, at };
}

const remindersOf = async (sessionId: string, invitationIds: readonly string[], kind: "24h" | "2h") =>
  db().emailMessage.findMany({ where: { dedupeKey: { in: invitationIds.map((id) => interviewReminderDedupeKey(id, sessionId, kind)) } } });

describe("reminders before a group interview", () => {
  test("24 h and 2 h before, each exactly once, even with two runs at the same moment", async () => {
    const { session, invitations, at } = await invited(3);
    const ids = invitations.map((i) => i.id);
    expect(await sendDueInterviewReminders({ now: at(25 * HOUR), sessionId: session.id })).toEqual({ sent: 0, skipped: 0 });

    const [one, two] = await Promise.all([
      sendDueInterviewReminders({ now: at(23 * HOUR), sessionId: session.id }),
      sendDueInterviewReminders({ now: at(23 * HOUR), sessionId: session.id }),
    ]);
    expect(one.sent + two.sent).toBe(3);
    expect(await remindersOf(session.id, ids, "24h")).toHaveLength(3);
    expect(await remindersOf(session.id, ids, "2h")).toHaveLength(0);
    for (const row of await db().interviewInvitation.findMany({ where: { id: { in: ids } } })) {
      expect(row.reminded24hAt).toEqual(at(23 * HOUR));
      expect(row.reminded2hAt).toBeNull();
    }
    expect(await sendDueInterviewReminders({ now: at(10 * HOUR), sessionId: session.id })).toEqual({ sent: 0, skipped: 0 });

    const [three, four] = await Promise.all([
      sendDueInterviewReminders({ now: at(1.5 * HOUR), sessionId: session.id }),
      sendDueInterviewReminders({ now: at(1.5 * HOUR), sessionId: session.id }),
    ]);
    expect(three.sent + four.sent).toBe(3);
    expect(await remindersOf(session.id, ids, "2h")).toHaveLength(3);
    expect(await sendDueInterviewReminders({ now: at(HOUR), sessionId: session.id })).toEqual({ sent: 0, skipped: 0 });
    expect(await sendDueInterviewReminders({ now: at(-HOUR), sessionId: session.id })).toEqual({ sent: 0, skipped: 0 });
    expect(await db().emailMessage.count({ where: { templateKind: "REMINDER", applicationId: { in: invitations.map((i) => i.applicationId) } } })).toBe(6);
  });

  test("none after a decline or a withdrawal, nor for a cancelled session", async () => {
    const { session, invitations, at } = await invited(3);
    const [declined, withdrawn, kept] = invitations;
    expect(await rsvpDecline(rsvpToken(declined!.id), undefined, { now: at(3 * DAY) })).toBe("declined");
    await db().$transaction((tx) => withdrawInvitation(tx, { invitationId: withdrawn!.id, actorId: recruiterId, now: at(3 * DAY) }));

    expect(await sendDueInterviewReminders({ now: at(23 * HOUR), sessionId: session.id })).toEqual({ sent: 1, skipped: 0 });
    expect((await remindersOf(session.id, [declined!.id, withdrawn!.id, kept!.id], "24h")).map((m) => m.applicationId)).toEqual([kept!.applicationId]);

    await db().interviewSession.update({ where: { id: session.id }, data: { cancelledAt: at(5 * HOUR) } });
    expect(await sendDueInterviewReminders({ now: at(1.5 * HOUR), sessionId: session.id })).toEqual({ sent: 0, skipped: 0 });
    expect(await remindersOf(session.id, [kept!.id], "2h")).toHaveLength(0);
  });

  test("invited less than 24 h before: the 24 h one is marked, not sent; the 2 h one still goes; a late run sends only the 2 h one", async () => {
    const late = await invited(1, { invitedBefore: 10 * HOUR });
    const [row] = late.invitations;
    expect(row!.reminded24hAt).toEqual(late.at(10 * HOUR));
    expect(await sendDueInterviewReminders({ now: late.at(9 * HOUR), sessionId: late.session.id })).toEqual({ sent: 0, skipped: 0 });
    expect(await sendDueInterviewReminders({ now: late.at(HOUR), sessionId: late.session.id })).toEqual({ sent: 1, skipped: 0 });
    expect(await remindersOf(late.session.id, [row!.id], "24h")).toHaveLength(0);
    expect(await remindersOf(late.session.id, [row!.id], "2h")).toHaveLength(1);

    // The job was down until 1 h before: "tomorrow" would be wrong, so only the 2 h one.
    const missed = await invited(1);
    expect(await sendDueInterviewReminders({ now: missed.at(HOUR), sessionId: missed.session.id })).toEqual({ sent: 1, skipped: 0 });
    expect(await remindersOf(missed.session.id, [missed.invitations[0]!.id], "24h")).toHaveLength(0);
    const marked = await db().interviewInvitation.findUniqueOrThrow({ where: { id: missed.invitations[0]!.id } });
    expect(marked).toMatchObject({ reminded24hAt: missed.at(HOUR), reminded2hAt: missed.at(HOUR) });

    // Reached only after the start: marked, nothing sent.
    const after = await invited(1);
    expect(await sendDueInterviewReminders({ now: after.at(-10 * 60_000), sessionId: after.session.id })).toEqual({ sent: 0, skipped: 1 });
    expect(await db().emailMessage.count({ where: { templateKind: "REMINDER", applicationId: after.invitations[0]!.applicationId } })).toBe(0);
  });

  test("a person who may no longer be contacted gets none (marked); the text over SMTP has the time, the place and both links, in their language", async () => {
    const { vacancy, session, people, invitations, at } = await invited(2);
    await db().vacancy.update({ where: { id: vacancy.id }, data: { recruiterId } });
    await db().candidate.update({ where: { id: people[1]!.candidateId }, data: { doNotContact: true } });
    // The first answered the questionnaire in English.
    const { questionnaire, version } = await questionnaireForVacancy(vacancy.id);
    await db().questionnaireResponse.create({
      data: {
        applicationId: people[0]!.applicationId,
        vacancyId: vacancy.id,
        questionnaireId: questionnaire.id,
        versionId: version.id,
        answers: {},
        score: 80,
        verdict: "PASSED",
        locale: "en",
        consentVersion: "c0ffee".repeat(10).slice(0, 64),
        consentAt: at(6 * DAY),
        submittedAt: at(6 * DAY),
      },
    });
    expect(await sendDueInterviewReminders({ now: at(23 * HOUR), sessionId: session.id })).toEqual({ sent: 1, skipped: 1 });
    expect((await db().interviewInvitation.findUniqueOrThrow({ where: { id: invitations.find((i) => i.applicationId === people[1]!.applicationId)!.id } })).reminded24hAt).toEqual(at(23 * HOUR));

    const [mail] = await remindersOf(session.id, invitations.map((i) => i.id), "24h");
    expect(mail!.applicationId).toBe(people[0]!.applicationId);
    const smtp = await startSmtpServer();
    setSmtpUrl(smtp.url);
    try {
      expect((await deliverNow(mail!.id)).status).toBe("SENT");
    } finally {
      resetSmtp();
      await smtp.close();
    }
    const [received] = smtp.messages;
    const time = formatInterviewTime(session, "en");
    expect(received!.subject).toBe(`Your interview is tomorrow: ${time}`);
    expect(received!.text).toContain(`When: ${time}`);
    expect(received!.text).toContain("Where: Москва, ул. Профсоюзная, 1, переговорная 3");
    const invitationId = invitations.find((i) => i.applicationId === people[0]!.applicationId)!.id;
    expect(received!.text).toContain(`/rsvp/${rsvpToken(invitationId)}`);
    const unsubscribe = /\/u\/([A-Za-z0-9_-]+)/.exec(received!.text)?.[1];
    expect(hashToken(unsubscribe!)).toBe(mail!.unsubscribeTokenHash);
    expect(received!.raw).toMatch(/^List-Unsubscribe:\s+<http[^>]+\/u\//m);
    expect(received!.text).toContain("Ольга Рекрутер");
  });
});
