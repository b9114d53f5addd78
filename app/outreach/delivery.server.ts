import { markContacted } from "~/pipeline/pipeline.server";
import { markQuestionnairesSent } from "~/questionnaires/invite-links.server";
import { contactRefusals } from "~/sourcing/contact-policy.server";
import { type DeliveryHooks } from "~/utils/mail.server";

/**
 * What outreach adds to every delivery of messages about applications: the one
 * contact rule asked again at the moment of sending (a person who unsubscribed, was
 * marked do-not-contact or erased after the launch gets nothing), and a message that
 * reaches a SOURCED candidate moves them to CONTACTED in the stage history, in the
 * same transaction as the SENT mark; one that carried a questionnaire link moves them
 * on to QUESTIONNAIRE_SENT. The actor is whoever launched the campaign.
 */
export const outreachDeliveryHooks: DeliveryHooks = {
  async refusals(tx, messages) {
    const byApplication = messages.filter((m) => m.applicationId);
    const refusals = await contactRefusals(
      tx,
      byApplication.map((m) => m.applicationId!),
    );
    const refused = new Map<string, string>();
    for (const message of byApplication) {
      const problem = refusals.get(message.applicationId!);
      if (problem) refused.set(message.id, `contact refused: ${problem}`);
    }
    return refused;
  },
  async delivered(tx, messages) {
    const byCampaign = new Map<string | null, string[]>();
    for (const m of messages) {
      if (!m.applicationId) continue;
      byCampaign.set(m.campaignId, [...(byCampaign.get(m.campaignId) ?? []), m.applicationId]);
    }
    for (const [campaignId, applicationIds] of byCampaign) {
      const campaign = campaignId
        ? await tx.campaign.findUnique({ where: { id: campaignId }, select: { launchedById: true } })
        : null;
      await markContacted(tx, applicationIds, {
        actorId: campaign?.launchedById ?? null,
        reason: campaignId ? "campaign letter sent" : "message sent",
      });
      const withApplication = messages.filter((m) => m.applicationId && m.campaignId === campaignId).map((m) => m.id);
      await markQuestionnairesSent(tx, withApplication, campaign?.launchedById ?? null);
    }
  },
};
