import { type Prisma } from "@prisma/client";
import { type ContactBlock } from "~/sourcing/contact-policy";
import { contactRefusals } from "~/sourcing/contact-policy.server";
import { questionnaireLinks } from "~/questionnaires/invite-links.server";
import { audit } from "~/utils/audit.server";
import { newId } from "~/utils/bulk-insert.server";
import { db, type Tx } from "~/utils/db.server";
import { countReasons, type ExclusionCounts, type ExclusionReason, splitAudience } from "./audience";
import { type AudienceRow, loadAudience } from "./campaign-audience.server";
import { CAMPAIGN_TEMPLATE_KINDS, CampaignRefused, lockCampaign } from "./campaigns.server";
import { type CampaignMessageInput, kickCampaign, queueCampaignMessages } from "./dispatch.server";
import { newToken, unsubscribeHeaders, unsubscribeUrl } from "./links.server";
import { compileTemplate } from "./template-render";
import { mergeValuesFor, templateText } from "./templates.server";

/**
 * Launching a campaign: in one transaction the draft is locked, its audience read,
 * the one contact rule asked (under its locks) about everyone still in, each
 * recipient's message rendered and queued with its own unsubscribe link, and the
 * dispatcher's job queued. Either all of it is committed or nothing is.
 */

// 10,000 recipients render and insert in a few seconds; the margin is for a loaded machine.
const LAUNCH_TX = { maxWait: 10_000, timeout: 300_000 };
/** Ids per contact-rule call: bounded statements, locks taken in one order (ids sorted). */
const CHUNK = 1_000;

export type LaunchResult = {
  status: "SCHEDULED" | "SENDING";
  queued: number;
  exclusions: ExclusionCounts;
};

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The recipients the one contact rule still allows, and the reason for each it refuses now. */
async function finalSay(tx: Tx, recipients: readonly AudienceRow[]) {
  const ids = recipients.map((r) => r.id).sort();
  const refusals = new Map<string, ContactBlock | null>();
  for (const part of chunks(ids)) for (const [id, refusal] of await contactRefusals(tx, part)) refusals.set(id, refusal);
  const allowed: AudienceRow[] = [];
  const refused: ExclusionReason[] = [];
  for (const row of recipients) {
    if (!refusals.has(row.id)) continue; // gone since the audience was read
    const refusal = refusals.get(row.id);
    if (refusal) refused.push(refusal);
    else allowed.push(row);
  }
  return { allowed, refused };
}

export async function launchCampaign({ campaignId, actorId }: { campaignId: string; actorId: string }): Promise<LaunchResult> {
  return db().$transaction(async (tx) => {
    const campaign = await lockCampaign(tx, campaignId);
    if (campaign.status !== "DRAFT") throw new CampaignRefused("campaigns.errors.notDraft");
    const template = campaign.templateId ? await tx.messageTemplate.findUnique({ where: { id: campaign.templateId } }) : null;
    if (!template || template.archivedAt) throw new CampaignRefused("campaigns.errors.templateRequired");
    if (!(CAMPAIGN_TEMPLATE_KINDS as readonly string[]).includes(template.kind)) throw new CampaignRefused("campaigns.errors.templateKind");
    const text = templateText(template, campaign.locale);
    if (!text) throw new CampaignRefused("campaigns.errors.templateLanguage", { language: campaign.locale.toUpperCase() });
    let compiled: ReturnType<typeof compileTemplate>;
    try {
      compiled = compileTemplate(template.kind, text, { locale: campaign.locale });
    } catch {
      throw new CampaignRefused("campaigns.errors.templateBroken");
    }

    const audience = splitAudience(await loadAudience(tx, campaign));
    const { allowed, refused } = await finalSay(tx, audience.recipients);
    const exclusions = countReasons([...audience.leftOut.map((l) => l.reason), ...refused]);
    if (!allowed.length) throw new CampaignRefused("campaigns.errors.emptyAudience");

    const values = await mergeValuesFor(tx, allowed.map((r) => r.id), { locale: campaign.locale });
    // A letter that asks for the questionnaire carries each recipient's own link to it.
    const emailIds = new Map(allowed.map((row) => [row.id, newId()]));
    const questionnaire = compiled.fields.includes("questionnaireLink")
      ? (await questionnaireLinks(tx, { vacancyId: campaign.vacancyId, applicationIds: allowed.map((r) => r.id), actorId, emailIds })).links
      : null;
    const messages: CampaignMessageInput[] = allowed.map((row) => {
      const token = newToken();
      const url = unsubscribeUrl(token.token);
      const link = questionnaire?.get(row.id)?.url;
      const rendered = compiled.render({ ...values.get(row.id), ...(link ? { questionnaireLink: link } : {}), unsubscribeLink: url });
      return {
        id: emailIds.get(row.id)!,
        applicationId: row.id,
        candidateId: row.candidateId,
        to: row.candidate.email!.trim(),
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        headers: unsubscribeHeaders(url),
        unsubscribeTokenHash: token.hash,
        templateKind: template.kind,
      };
    });
    const queued = await queueCampaignMessages(tx, campaign.id, messages);

    const now = new Date();
    const later = campaign.scheduledAt && campaign.scheduledAt > now ? campaign.scheduledAt : null;
    const status = later ? "SCHEDULED" : "SENDING";
    await tx.campaign.update({
      where: { id: campaign.id },
      data: { status, launchedAt: now, launchedById: actorId, exclusions: exclusions as Prisma.InputJsonObject },
    });
    await audit(tx, {
      actorId,
      action: "campaign.launch",
      entityType: "Campaign",
      entityId: campaign.id,
      details: { vacancyId: campaign.vacancyId, status, recipients: queued, excluded: exclusions as Prisma.InputJsonObject },
    });
    await kickCampaign(tx, campaign.id, later ? { startAfter: later } : undefined);
    return { status, queued, exclusions };
  }, LAUNCH_TX);
}
