import { advanceMany } from "~/pipeline/pipeline.server";
import { publicUrl } from "~/outreach/links.server";
import { sendTemplateMail, type SendTemplateResult } from "~/outreach/send-template.server";
import { type TemplateLocale } from "~/outreach/template-render";
import { audit } from "~/utils/audit.server";
import { type Tx } from "~/utils/db.server";
import { issueInvites } from "./invites.server";
import { vacancyQuestionnaire } from "./store.server";

/**
 * What {{questionnaireLink}} is in a letter. When the vacancy has a questionnaire,
 * every recipient gets a link of their own (issueInvites), tied to the letter that
 * carries it, so the reminder waits for that letter to go out and its delivery moves
 * the application to QUESTIONNAIRE_SENT. Without one it is the vacancy's apply page.
 */

export type LetterLinks = {
  /** By application: the link, and the invite it opens (null: the apply page). */
  links: Map<string, { url: string; inviteId: string | null }>;
  questionnaireId: string | null;
};

/** Links for the letters to these applications of one vacancy (emailIds: the letter each goes in, when known). */
export async function questionnaireLinks(
  tx: Tx,
  input: { vacancyId: string; applicationIds: readonly string[]; actorId: string | null; emailIds?: ReadonlyMap<string, string>; now?: Date },
): Promise<LetterLinks> {
  const current = await vacancyQuestionnaire(tx, input.vacancyId);
  if (!current) {
    const apply = publicUrl(`/apply/${input.vacancyId}`);
    return { links: new Map(input.applicationIds.map((id) => [id, { url: apply, inviteId: null }])), questionnaireId: null };
  }
  const issued = await issueInvites(tx, {
    questionnaireId: current.questionnaire.id,
    applicationIds: input.applicationIds,
    validDays: current.questionnaire.linkValidDays,
    actorId: input.actorId,
    emailIds: input.emailIds,
    now: input.now,
  });
  return {
    links: new Map([...issued].map(([id, invite]) => [id, { url: invite.url, inviteId: invite.inviteId }])),
    questionnaireId: current.questionnaire.id,
  };
}

/**
 * One questionnaire invitation letter (the call list's "interested"), in the caller's
 * transaction: a fresh link, the vacancy's QUESTIONNAIRE_INVITATION template, once per
 * application (dedupeKey). A link whose letter is not queued is not kept.
 */
export async function sendQuestionnaireInvitation(
  tx: Tx,
  input: { applicationId: string; vacancyId: string; actorId: string | null; locale?: TemplateLocale },
): Promise<SendTemplateResult> {
  const { links, questionnaireId } = await questionnaireLinks(tx, { vacancyId: input.vacancyId, applicationIds: [input.applicationId], actorId: input.actorId });
  const { url, inviteId } = links.get(input.applicationId)!;
  const sent = await sendTemplateMail(tx, {
    applicationId: input.applicationId,
    kind: "QUESTIONNAIRE_INVITATION",
    locale: input.locale,
    extras: { questionnaireLink: url },
    dedupeKey: `questionnaire-invitation:${input.applicationId}`,
  });
  if (!inviteId) return sent;
  if (sent.status === "queued" && sent.id) {
    await tx.questionnaireInvite.update({ where: { id: inviteId }, data: { emailId: sent.id } });
    await audit(tx, {
      actorId: input.actorId,
      action: "questionnaire.invite",
      entityType: "Application",
      entityId: input.applicationId,
      details: { questionnaireId, emailId: sent.id },
    });
  } else {
    await tx.questionnaireInvite.delete({ where: { id: inviteId } });
  }
  return sent;
}

/**
 * Delivery's part (outreachDeliveryHooks.delivered): a letter that carried a
 * questionnaire link has gone out, so its application, if still before the
 * questionnaire, is now at QUESTIONNAIRE_SENT.
 */
export async function markQuestionnairesSent(tx: Tx, emailIds: readonly string[], actorId: string | null): Promise<string[]> {
  if (!emailIds.length) return [];
  const invites = await tx.questionnaireInvite.findMany({ where: { emailId: { in: [...emailIds] } }, select: { applicationId: true } });
  return advanceMany(tx, invites.map((i) => i.applicationId), {
    from: ["SOURCED", "CONTACTED"],
    to: "QUESTIONNAIRE_SENT",
    actorId,
    reason: "questionnaire link sent",
  });
}
