import { z } from "zod";
import { outreachDeliveryHooks } from "~/outreach/delivery.server";
import { deliverNow, MailDeliveryError } from "../mail.server";
import { defineJob } from "./define";

/** Sends (or stores, with no SMTP_URL) one EmailMessage written by sendMail. */
export const mailDeliver = defineJob({
  name: "mail.deliver",
  schema: z.object({ emailId: z.string().min(1) }),
  // 2–4 h of retries in all (1, 2, 4 … 64 min, each up to double with jitter): rides
  // out a mail server outage, and FAILED still arrives while someone cares.
  queue: { retryLimit: 7, retryDelay: 60, retryBackoff: true, expireInSeconds: 5 * 60 },
  concurrency: 2,
  handler: async ({ emailId }, { isLastAttempt }) => {
    const outcome = await deliverNow(emailId, { finalAttempt: isLastAttempt, hooks: outreachDeliveryHooks });
    // pg-boss keeps the back-off of single messages: a failure it sees is retried,
    // and a message given up on leaves its job failed, where operators look.
    if (outcome.status === "retry" || (isLastAttempt && outcome.status === "FAILED")) {
      throw new MailDeliveryError(outcome.error);
    }
  },
});
