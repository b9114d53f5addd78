import { afterAll, describe, expect, test } from "vitest";
import { launchCampaign } from "~/outreach/campaign-launch.server";
import { drainCampaign } from "~/outreach/dispatch.server";
import { sendQuestionnaireInvitation } from "~/questionnaires/invite-links.server";
import { lookupInvite } from "~/questionnaires/invites.server";
import { reminderDedupeKey, sendDueReminders } from "~/questionnaires/reminders.server";
import { db } from "~/utils/db.server";
import { stopJobs } from "~/utils/jobs.server";
import { createUser } from "../factories";
import { createAudience } from "../support/campaign-fixtures";
import { inviteToken, questionnaireForVacancy } from "../support/questionnaire-fixtures";

afterAll(() => stopJobs());

const HOUR = 3_600_000;
const tokenIn = (text: string) => /\/q\/([A-Za-z0-9_-]+)/.exec(text)?.[1] ?? null;

async function template(vacancyId: string, kind: "QUESTIONNAIRE_INVITATION" | "REMINDER") {
  return db().messageTemplate.create({
    data: {
      kind,
      vacancyId,
      name: `${kind} ${vacancyId}`,
      subjectRu: kind === "REMINDER" ? "Напоминание: анкета {{vacancyTitle}}" : "Анкета {{vacancyTitle}}",
      bodyRu: "{{firstName}}, [заполните анкету]({{questionnaireLink}}).",
    },
  });
}

async function launched(vacancyId: string, templateId: string) {
  const actor = await createUser({ roles: ["RECRUITER"] });
  const campaign = await db().campaign.create({
    data: { vacancyId, templateId, name: "Анкета", audience: { mode: "filter", stages: ["SOURCED"], tiers: [], sources: [], tags: [] }, windowEnabled: false, ratePerMinute: 10_000, ratePerHour: 100_000 },
  });
  await launchCampaign({ campaignId: campaign.id, actorId: actor.id });
  return campaign;
}

describe("questionnaire links in letters", () => {
  test("a campaign gives each recipient their own link, tied to their letter; delivery moves them to QUESTIONNAIRE_SENT", async () => {
    const { vacancy, people } = await createAudience(3);
    const { questionnaire } = await questionnaireForVacancy(vacancy.id);
    const campaign = await launched(vacancy.id, (await template(vacancy.id, "QUESTIONNAIRE_INVITATION")).id);

    const messages = await db().emailMessage.findMany({ where: { campaignId: campaign.id } });
    expect(messages).toHaveLength(3);
    const tokens = messages.map((m) => tokenIn(m.text));
    expect(new Set(tokens).size).toBe(3);
    for (const message of messages) {
      const found = await lookupInvite(db(), tokenIn(message.text)!);
      expect(found).toMatchObject({ status: "open", invite: { applicationId: message.applicationId, questionnaireId: questionnaire.id } });
      const invite = await db().questionnaireInvite.findFirstOrThrow({ where: { applicationId: message.applicationId! } });
      expect(invite.emailId).toBe(message.id);
      expect(message.html).toContain(`/q/${tokenIn(message.text)}`);
    }

    expect(await drainCampaign(campaign.id)).toMatchObject({ state: "done" });
    const stages = await db().application.findMany({ where: { id: { in: people.map((p) => p.applicationId) } }, select: { stage: true } });
    expect(stages.map((s) => s.stage)).toEqual(["QUESTIONNAIRE_SENT", "QUESTIONNAIRE_SENT", "QUESTIONNAIRE_SENT"]);
    const history = await db().stageChange.findMany({ where: { applicationId: people[0]!.applicationId }, orderBy: { id: "asc" } });
    expect(history.map((h) => `${h.fromStage}>${h.toStage}`)).toEqual(["SOURCED>CONTACTED", "CONTACTED>QUESTIONNAIRE_SENT"]);
  });

  test("a vacancy without a questionnaire links to its apply page and makes no links", async () => {
    const { vacancy } = await createAudience(1);
    const campaign = await launched(vacancy.id, (await template(vacancy.id, "QUESTIONNAIRE_INVITATION")).id);
    const [message] = await db().emailMessage.findMany({ where: { campaignId: campaign.id } });
    expect(message!.text).toContain(`/apply/${vacancy.id}`);
    expect(await db().questionnaireInvite.count({ where: { application: { vacancyId: vacancy.id } } })).toBe(0);
  });
});

describe("one invitation (the call list's interested)", () => {
  test("queues the letter with a link of its own once; a second try keeps no extra link", async () => {
    const { vacancy, people } = await createAudience(1);
    const { questionnaire } = await questionnaireForVacancy(vacancy.id);
    await template(vacancy.id, "QUESTIONNAIRE_INVITATION");
    const input = { applicationId: people[0]!.applicationId, vacancyId: vacancy.id, actorId: null };
    const first = await db().$transaction((tx) => sendQuestionnaireInvitation(tx, input));
    expect(first.status).toBe("queued");
    const again = await db().$transaction((tx) => sendQuestionnaireInvitation(tx, input));
    expect(again.status).toBe("duplicate");
    const invites = await db().questionnaireInvite.findMany({ where: { applicationId: input.applicationId } });
    expect(invites).toHaveLength(1);
    const letter = await db().emailMessage.findUniqueOrThrow({ where: { id: invites[0]!.emailId! } });
    expect(await lookupInvite(db(), tokenIn(letter.text)!)).toMatchObject({ status: "open", invite: { questionnaireId: questionnaire.id } });
    expect(await db().auditEntry.count({ where: { action: "questionnaire.invite", entityId: input.applicationId } })).toBe(1);
  });
});

describe("the one reminder", () => {
  test("goes once, after the delay counted from the letter, with a fresh link; never to those who answered or whose letter is still waiting", async () => {
    const { vacancy, people } = await createAudience(4);
    const { questionnaire, version } = await questionnaireForVacancy(vacancy.id, undefined, { reminderAfterHours: 24 });
    await template(vacancy.id, "REMINDER");
    const [due, answered, waiting, fresh] = people as [typeof people[0], typeof people[0], typeof people[0], typeof people[0]];
    const letter = (applicationId: string, status: "SENT" | "QUEUED", sentAt: Date | null) =>
      db().emailMessage.create({ data: { toAddress: "x@mail.test", fromAddress: "hr@kam.test", subject: "Анкета", text: "…", status, sentAt, applicationId } });
    const link = async (person: typeof due, status: "SENT" | "QUEUED", sentAt: Date | null) => {
      const issued = await inviteToken(person.applicationId, questionnaire.id);
      const email = await letter(person.applicationId, status, sentAt);
      await db().questionnaireInvite.update({ where: { id: issued.inviteId }, data: { emailId: email.id, createdAt: new Date(Date.now() - 72 * HOUR) } });
      return issued;
    };
    const dueLink = await link(due, "SENT", new Date(Date.now() - 25 * HOUR));
    await link(answered, "SENT", new Date(Date.now() - 25 * HOUR));
    await link(waiting, "QUEUED", null);
    await link(fresh, "SENT", new Date(Date.now() - 23 * HOUR));
    await db().questionnaireResponse.create({
      data: { applicationId: answered.applicationId, vacancyId: vacancy.id, questionnaireId: questionnaire.id, versionId: version.id, answers: {}, score: 50, verdict: "PASSED", consentVersion: "v", consentAt: new Date() },
    });

    const only = { questionnaireId: questionnaire.id };
    // Two workers at once still send one.
    const runs = await Promise.all([sendDueReminders(only), sendDueReminders(only)]);
    expect(runs.reduce((sum, r) => sum + r.reminded, 0)).toBe(1);
    const reminders = await db().emailMessage.findMany({ where: { templateKind: "REMINDER", application: { vacancyId: vacancy.id } } });
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!).toMatchObject({ applicationId: due.applicationId, dedupeKey: reminderDedupeKey(due.applicationId, questionnaire.id) });
    const newToken = tokenIn(reminders[0]!.text)!;
    expect(newToken).not.toBe(dueLink.token);
    expect(await lookupInvite(db(), newToken)).toMatchObject({ status: "open" });
    expect(await lookupInvite(db(), dueLink.token)).toMatchObject({ status: "open" });
    expect((await db().questionnaireInvite.findUniqueOrThrow({ where: { id: dueLink.inviteId } })).remindedAt).not.toBeNull();

    expect(await sendDueReminders(only)).toEqual({ reminded: 0, skipped: 0 });
    // A day later the fresh one is due too, and the first still gets nothing more.
    expect(await sendDueReminders({ ...only, now: new Date(Date.now() + 2 * HOUR) })).toEqual({ reminded: 1, skipped: 0 });
    expect(await db().emailMessage.count({ where: { templateKind: "REMINDER", application: { vacancyId: vacancy.id } } })).toBe(2);
  });

  test("a reminder that cannot go (no template) is marked and not tried again", async () => {
    const { vacancy, people } = await createAudience(1);
    const { questionnaire } = await questionnaireForVacancy(vacancy.id, undefined, { reminderAfterHours: 1 });
    const issued = await inviteToken(people[0]!.applicationId, questionnaire.id, { now: new Date(Date.now() - 2 * HOUR) });
    const first = await sendDueReminders({ questionnaireId: questionnaire.id });
    const invite = await db().questionnaireInvite.findUniqueOrThrow({ where: { id: issued.inviteId } });
    expect(invite.remindedAt).not.toBeNull();
    expect(first.reminded + first.skipped).toBe(1);
    expect(await sendDueReminders({ questionnaireId: questionnaire.id })).toEqual({ reminded: 0, skipped: 0 });
    expect(await db().questionnaireInvite.count({ where: { applicationId: people[0]!.applicationId, isReminder: true, emailId: null } })).toBe(0);
  });
});
