import { type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { type EmailStatus } from "@prisma/client";
import { json, redirect } from "@remix-run/node";
import { pageParam } from "~/utils/http";
import { previewAudience } from "./campaign-audience.server";
import { cancelCampaign, pauseCampaign, resumeCampaign } from "./campaign-controls.server";
import { CampaignFormSchema } from "./campaign-form";
import { launchCampaign } from "./campaign-launch.server";
import { campaignMessages, campaignProgress } from "./campaign-progress.server";
import { CampaignFormRefused, CampaignRefused, campaignTemplateOptions, getCampaign, updateCampaign } from "./campaigns.server";

/**
 * The campaign page's data and its buttons: a draft shows its form and who would get
 * it; a launched campaign its progress and messages.
 */

const MESSAGE_STATUSES = ["QUEUED", "SENT", "STORED", "FAILED", "BOUNCED", "CANCELLED"] as const satisfies readonly EmailStatus[];

export async function campaignPage(campaignId: string, url: URL) {
  const campaign = await getCampaign(campaignId);
  if (!campaign) return null;
  const saved = url.searchParams.get("saved") === "1";
  if (campaign.status === "DRAFT") {
    const [preview, templates] = await Promise.all([previewAudience(campaign.id), campaignTemplateOptions(campaign.vacancyId)]);
    if (!preview) return null;
    return { campaign, saved, draft: { preview, templates }, launched: null };
  }
  const status = MESSAGE_STATUSES.find((s) => s === url.searchParams.get("status"));
  const [progress, messages] = await Promise.all([
    campaignProgress(campaign.id),
    campaignMessages(campaign.id, { status, page: pageParam(url) }),
  ]);
  return { campaign, saved, draft: null, launched: { progress, messages } };
}

/** What a button answers when it does not redirect: a notice, a refusal (an i18n key), or the form's errors. */
export type CampaignPageResult = { notice: string } | { error: string } | { result: SubmissionResult<string[]> };

const encode = (key: string, params: Record<string, string | number>) =>
  [key, ...Object.entries(params).map(([k, v]) => `${k}=${String(v).replace(/[|=]/g, " ")}`)].join("|");

export async function campaignPageAction({ campaignId, actorId, formData }: { campaignId: string; actorId: string; formData: FormData }) {
  const intent = formData.get("intent");
  const input = { campaignId, actorId };
  try {
    switch (intent) {
      case "save": {
        const submission = parseWithZod(formData, { schema: CampaignFormSchema });
        if (submission.status !== "success") return json<CampaignPageResult>({ result: submission.reply() }, { status: 400 });
        try {
          await updateCampaign({ ...input, form: submission.value });
        } catch (error) {
          if (!(error instanceof CampaignFormRefused)) throw error;
          return json<CampaignPageResult>({ result: submission.reply({ fieldErrors: error.fieldErrors }) }, { status: 400 });
        }
        return redirect(`/outreach/campaigns/${campaignId}?saved=1`);
      }
      case "launch": {
        const launched = await launchCampaign(input);
        const key = launched.status === "SCHEDULED" ? "campaigns.launch.scheduled" : "campaigns.launch.launched";
        return json<CampaignPageResult>({ notice: encode(key, { count: launched.queued }) });
      }
      case "pause":
        await pauseCampaign(input);
        return json<CampaignPageResult>({ notice: "campaigns.controls.paused" });
      case "resume":
        await resumeCampaign(input);
        return json<CampaignPageResult>({ notice: "campaigns.controls.resumed" });
      case "cancel": {
        const { cancelled } = await cancelCampaign(input);
        return json<CampaignPageResult>({ notice: encode("campaigns.controls.cancelled", { count: cancelled }) });
      }
      default:
        return json<CampaignPageResult>({ error: "validation.invalidChoice" }, { status: 400 });
    }
  } catch (error) {
    if (!(error instanceof CampaignRefused)) throw error;
    return json<CampaignPageResult>({ error: encode(error.key, error.params) }, { status: 409 });
  }
}
