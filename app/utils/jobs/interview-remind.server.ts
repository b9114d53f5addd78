import { z } from "zod";
import { sendDueInterviewReminders } from "~/interviews/reminders.server";
import { defineJob } from "./define";

/** Every five minutes and at start-up: the reminders 24 h and 2 h before a group interview. */
export const interviewRemind = defineJob({
  name: "interview.remind",
  schema: z.object({}).passthrough(),
  queue: { retryLimit: 2, retryDelay: 60, expireInSeconds: 600 },
  schedule: "*/5 * * * *",
  atStartup: true,
  handler: async () => {
    await sendDueInterviewReminders();
  },
});
