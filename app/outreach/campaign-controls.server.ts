import { type CampaignStatus } from "@prisma/client";
import { type AuditAction } from "~/utils/audit-actions";
import { audit } from "~/utils/audit.server";
import { db, type Tx } from "~/utils/db.server";
import { CampaignRefused, lockCampaign } from "./campaigns.server";
import { outreachDeliveryHooks } from "./delivery.server";
import { kickCampaign } from "./dispatch.server";

/**
 * Pause, resume and cancel a launched campaign. Each locks the campaign row first
 * (as the dispatcher does before it sends), changes its status only from the states
 * that allow it, and writes its audit entry in the same transaction.
 */

const TX = { maxWait: 10_000, timeout: 60_000 };

/** What the dispatcher writes on a message a cancelled campaign will never send. */
export const CANCELLED_ERROR = "campaign cancelled";

const PAUSABLE: readonly CampaignStatus[] = ["SCHEDULED", "SENDING"];
const CANCELLABLE: readonly CampaignStatus[] = ["SCHEDULED", "SENDING", "PAUSED"];

async function change<T>(
  campaignId: string,
  actorId: string,
  action: AuditAction,
  allowed: readonly CampaignStatus[],
  refusal: string,
  work: (tx: Tx, campaign: Awaited<ReturnType<typeof lockCampaign>>) => Promise<{ details: Record<string, string | number | boolean>; result: T }>,
): Promise<T> {
  return db().$transaction(async (tx) => {
    const campaign = await lockCampaign(tx, campaignId);
    if (!allowed.includes(campaign.status)) throw new CampaignRefused(refusal);
    const { details, result } = await work(tx, campaign);
    await audit(tx, { actorId, action, entityType: "Campaign", entityId: campaign.id, details: { from: campaign.status, ...details } });
    return result;
  }, TX);
}

/** Stops sending after the message being sent now; what is queued stays queued. */
export function pauseCampaign({ campaignId, actorId }: { campaignId: string; actorId: string }) {
  return change(campaignId, actorId, "campaign.pause", PAUSABLE, "campaigns.errors.cannotPause", async (tx, campaign) => {
    await tx.campaign.update({ where: { id: campaign.id }, data: { status: "PAUSED", pausedAt: new Date() } });
    return { details: { to: "PAUSED" }, result: { status: "PAUSED" as const } };
  });
}

/** Sends on from where it stopped (or waits for its start time, if that is still ahead). */
export function resumeCampaign({ campaignId, actorId }: { campaignId: string; actorId: string }) {
  return change(campaignId, actorId, "campaign.resume", ["PAUSED"], "campaigns.errors.cannotResume", async (tx, campaign) => {
    const later = campaign.scheduledAt && campaign.scheduledAt > new Date() ? campaign.scheduledAt : null;
    const status = later ? ("SCHEDULED" as const) : ("SENDING" as const);
    await tx.campaign.update({ where: { id: campaign.id }, data: { status, pausedAt: null } });
    await kickCampaign(tx, campaign.id, later ? { startAfter: later } : undefined);
    return { details: { to: status }, result: { status } };
  });
}

/**
 * Ends the campaign: every message still queued is cancelled and never sent. The queued
 * rows are locked first, so a message being sent right now is waited for (it ends as it
 * ends: sent or failed) and no sender can pick one up afterwards. A message whose
 * sender died after handing it to the mail server (its MailHandover row is there) may
 * have been delivered: it is recorded as sent, unconfirmed, as the sender would have.
 */
export function cancelCampaign({ campaignId, actorId }: { campaignId: string; actorId: string }) {
  return change(campaignId, actorId, "campaign.cancel", CANCELLABLE, "campaigns.errors.cannotCancel", async (tx, campaign) => {
    await tx.$queryRaw`
      SELECT id FROM "EmailMessage" WHERE "campaignId" = ${campaign.id} AND status = 'QUEUED' ORDER BY id FOR UPDATE`;
    const handedOver = await tx.$queryRaw<Array<{ id: string; at: Date }>>`
      SELECT m.id, h.at FROM "EmailMessage" m JOIN "MailHandover" h ON h."emailId" = m.id
      WHERE m."campaignId" = ${campaign.id} AND m.status = 'QUEUED'`;
    for (const { id, at } of handedOver) {
      const message = await tx.emailMessage.update({ where: { id }, data: { status: "SENT", unconfirmed: true, sentAt: at, error: null } });
      await tx.mailHandover.delete({ where: { emailId: id } });
      await outreachDeliveryHooks.delivered?.(tx, [message]);
    }
    const { count } = await tx.emailMessage.updateMany({
      where: { campaignId: campaign.id, status: "QUEUED" },
      data: { status: "CANCELLED", error: CANCELLED_ERROR, nextAttemptAt: null },
    });
    await tx.campaign.update({ where: { id: campaign.id }, data: { status: "CANCELLED", cancelledAt: new Date() } });
    return { details: { to: "CANCELLED", cancelled: count }, result: { status: "CANCELLED" as const, cancelled: count } };
  });
}
