import { z } from "zod";
import { dispatchCampaign, followUp, sweepCampaigns } from "~/outreach/dispatch.server";
import { defineJob } from "./define";

/** Delivers a slice of one campaign's messages, then queues its own follow-up. */
export const campaignDispatch = defineJob({
  name: "campaign.dispatch",
  schema: z.object({ campaignId: z.string().min(1) }),
  // A slice lasts about 20 s: a runner that died is retried after 2 min (and the
  // sweep restarts its campaign within a minute anyway).
  queue: { retryLimit: 5, retryDelay: 30, retryBackoff: true, expireInSeconds: 120 },
  concurrency: 2,
  handler: async ({ campaignId }) => {
    const result = await dispatchCampaign(campaignId);
    await followUp(campaignId, result);
  },
});

/** Every minute and at start-up: campaigns that should be sending get a runner. */
export const campaignSweep = defineJob({
  name: "campaign.sweep",
  schema: z.object({}).passthrough(),
  queue: { retryLimit: 1, expireInSeconds: 60 },
  schedule: "* * * * *",
  atStartup: true,
  everyStart: true,
  handler: async () => {
    await sweepCampaigns();
  },
});
