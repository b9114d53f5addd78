import { z } from "zod";
import { sendDueReminders } from "~/questionnaires/reminders.server";
import { defineJob } from "./define";

/** Every five minutes and at start-up: the one reminder to those who have not answered their questionnaire. */
export const questionnaireRemind = defineJob({
  name: "questionnaire.remind",
  schema: z.object({}).passthrough(),
  queue: { retryLimit: 2, retryDelay: 60, expireInSeconds: 600 },
  schedule: "*/5 * * * *",
  atStartup: true,
  handler: async () => {
    await sendDueReminders();
  },
});
