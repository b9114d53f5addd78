import { moveToStage } from "~/pipeline/pipeline.server";
import { contactRefusals } from "~/sourcing/contact-policy.server";
import { type DeliveryHooks } from "~/utils/mail.server";

/**
 * What outreach adds to every delivery of a message about an application: the one
 * contact rule asked again at the moment of sending (a person who unsubscribed, was
 * marked do-not-contact or erased after the launch gets nothing), and the first
 * message that reaches a SOURCED candidate moves them to CONTACTED in the stage
 * history, in the same transaction as the SENT mark.
 */
export const outreachDeliveryHooks: DeliveryHooks = {
  async refusal(tx, message) {
    if (!message.applicationId) return null;
    const refusals = await contactRefusals(tx, [message.applicationId]);
    if (!refusals.has(message.applicationId)) return null;
    const problem = refusals.get(message.applicationId);
    return problem ? `contact refused: ${problem}` : null;
  },
  async delivered(tx, message) {
    if (!message.applicationId) return;
    const application = await tx.application.findUnique({
      where: { id: message.applicationId },
      select: { stage: true },
    });
    if (application?.stage !== "SOURCED") return;
    const launchedBy = message.campaignId
      ? (await tx.campaign.findUnique({ where: { id: message.campaignId }, select: { launchedById: true } }))?.launchedById
      : null;
    await moveToStage(tx, {
      applicationId: message.applicationId,
      to: "CONTACTED",
      actorId: launchedBy ?? null,
      reason: message.campaignId ? "campaign letter sent" : "message sent",
    });
  },
};
