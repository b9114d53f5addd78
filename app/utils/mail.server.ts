import { type EmailStatus, type Prisma, TemplateKind } from "@prisma/client";
import { z } from "zod";
import { db, type Tx } from "./db.server";
import { env } from "./env.server";
import { enqueue } from "./jobs.server";
import { SmtpSendError, SmtpSender } from "./smtp.server";

/**
 * The one way the product sends email. sendMail writes an EmailMessage row and its
 * `mail.deliver` job in one transaction; a worker then delivers it over SMTP_URL, or,
 * with no SMTP_URL, marks it STORED so it is read on the Outbox page instead.
 */

// Unicode letters allowed: Russian companies use .рф domains (nodemailer sends them
// as punycode). A dotted domain is required, and nothing that could smuggle headers.
const ADDRESS =
  /^(?!\.)(?!.*\.\.)[^\s@"<>()[\],;:\\]{1,64}@(?=.{1,253}$)(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+\p{L}{2,63}$/u;

export const emailAddress = z
  .string({ error: "validation.required" })
  .trim()
  .pipe(z.email({ pattern: ADDRESS, error: "validation.email" }));

export const MailSchema = z.object({
  to: emailAddress,
  subject: z
    .string({ error: "validation.required" })
    .trim()
    .min(1, "validation.required")
    .max(998, "validation.tooLong|max=998"),
  text: z.string({ error: "validation.required" }).min(1, "validation.required"),
  html: z.string().min(1).optional(),
  dedupeKey: z.string().trim().min(1).max(500).optional(),
  candidateId: z.string().min(1).optional(),
  applicationId: z.string().min(1).optional(),
  templateKind: z.enum(TemplateKind).optional(),
  /** Extra headers (List-Unsubscribe…): names and values on one line each. */
  headers: z
    .record(z.string().regex(/^[A-Za-z][A-Za-z0-9-]{0,76}$/), z.string().regex(/^[^\r\n]{0,2000}$/))
    .optional(),
  /** sha256 of the unsubscribe link's token (app/outreach/links.server.ts newToken). */
  unsubscribeTokenHash: z.string().regex(/^[0-9a-f]{64}$/).optional(),
});
export type MailInput = z.input<typeof MailSchema>;

export type SendMailResult =
  | { status: "queued"; id: string }
  /** The dedupeKey was used before: nothing written; id is the earlier message. */
  | { status: "duplicate"; id: string | null };

/**
 * Queues one message. Pass `tx` to commit it with the domain write that caused it
 * (no message if that write rolls back). Throws a ZodError for a bad address.
 */
export async function sendMail(input: MailInput, { tx }: { tx?: Tx } = {}): Promise<SendMailResult> {
  const mail = MailSchema.parse(input);
  const from = mailFrom();
  if (tx) return queueMail(tx, mail, from);
  return db().$transaction((t) => queueMail(t, mail, from));
}

async function queueMail(tx: Tx, mail: z.output<typeof MailSchema>, from: string): Promise<SendMailResult> {
  // ON CONFLICT DO NOTHING (skipDuplicates) rather than catching the unique error: an
  // error would abort the caller's transaction, and a concurrent twin waits for ours.
  const [created] = await tx.emailMessage.createManyAndReturn({
    data: [
      {
        toAddress: mail.to,
        fromAddress: from,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        dedupeKey: mail.dedupeKey,
        candidateId: mail.candidateId,
        applicationId: mail.applicationId,
        templateKind: mail.templateKind,
        headers: mail.headers,
        unsubscribeTokenHash: mail.unsubscribeTokenHash,
      },
    ],
    skipDuplicates: true,
    select: { id: true },
  });
  if (!created) {
    const earlier = mail.dedupeKey
      ? await tx.emailMessage.findUnique({ where: { dedupeKey: mail.dedupeKey }, select: { id: true } })
      : null;
    return { status: "duplicate", id: earlier?.id ?? null };
  }
  await enqueue("mail.deliver", { emailId: created.id }, { tx });
  return { status: "queued", id: created.id };
}

/** MAIL_FROM, e.g. `KAM Hiring <hiring@company.ru>`, checked before anything is queued. */
export function mailFrom(): string {
  const from = env().MAIL_FROM.trim();
  const address = /<([^<>]+)>$/.exec(from)?.[1] ?? from;
  if (!emailAddress.safeParse(address).success) {
    throw new Error(`MAIL_FROM is not a valid address: "${from}"`);
  }
  return from;
}

// Short enough that a dead server fails the attempt well within the transaction
// that holds the row lock (SEND_TRANSACTION_MS).
const SEND_TRANSACTION_MS = 90_000;
/** Attempts before a temporary failure becomes FAILED (about 4 h of back-off in all). */
export const MAX_DELIVERY_ATTEMPTS = 8;

let cachedSender: SmtpSender | undefined;
function smtpSender(url: string): SmtpSender {
  if (cachedSender?.url !== url) {
    cachedSender?.close();
    cachedSender = new SmtpSender(url);
  }
  return cachedSender;
}

/** Closes idle SMTP connections (tests, shutdown). */
export function closeSmtp(): void {
  cachedSender?.close();
  cachedSender = undefined;
}

export class MailDeliveryError extends Error {
  override name = "MailDeliveryError";
}

export type DeliveryOutcome =
  /** unconfirmed: an earlier attempt handed it over and stopped before the reply. */
  | { status: "SENT"; messageId: string; unconfirmed?: boolean }
  | { status: "STORED" }
  /** Refused for good (BOUNCED: the address), or out of attempts (FAILED). */
  | { status: "FAILED" | "BOUNCED"; error: string }
  /** Not sent: the hooks said the person may no longer be written to. */
  | { status: "CANCELLED"; error: string }
  /** A temporary failure: QUEUED again until nextAttemptAt. */
  | { status: "retry"; error: string; nextAttemptAt: Date }
  /** Not QUEUED any more, or another worker is delivering it right now. */
  | { status: "skipped" };

type Message = Prisma.EmailMessageGetPayload<object>;

/** What the outreach layer adds to a delivery (app/outreach/delivery.server.ts). */
export type DeliveryHooks = {
  /** Inside the delivery's transaction, before sending: a reason not to send, or null. */
  refusal?(tx: Tx, message: Message): Promise<string | null>;
  /** Inside the same transaction, once the message is SENT or STORED. */
  delivered?(tx: Tx, message: Message): Promise<void>;
};

/** Back-off after the n-th failed attempt: 1, 2, 4 … 64 min, up to a quarter more at random. */
export function retryDelayMs(attempt: number): number {
  const base = 60_000 * 2 ** Math.min(Math.max(attempt - 1, 0), 6);
  return Math.round(base * (1 + Math.random() / 4));
}

/**
 * Delivers one QUEUED message, at most once (the `mail.deliver` job's body and the
 * campaign dispatcher's; tests call it directly).
 *
 * The row stays locked (FOR UPDATE SKIP LOCKED) while the SMTP server is talked to,
 * so two workers never send it at once, and a worker that dies mid-send rolls its
 * transaction back. Just before the message's final "." goes out, a MailHandover row
 * is committed on another connection: if the worker dies after that, the next attempt
 * finds the hand-over and records the message as sent (unconfirmed) instead of
 * sending it again. A temporary failure (4xx, a dropped connection before the dot)
 * is QUEUED again with a back-off; a 5xx is final: BOUNCED when the address was
 * refused, FAILED otherwise; FAILED too on the last attempt.
 */
export async function deliverNow(
  id: string,
  { finalAttempt = false, hooks = {} }: { finalAttempt?: boolean; hooks?: DeliveryHooks } = {},
): Promise<DeliveryOutcome> {
  return db().$transaction(
    async (tx): Promise<DeliveryOutcome> => {
      const locked = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM "EmailMessage" WHERE id = ${id} AND status = 'QUEUED' FOR UPDATE SKIP LOCKED`;
      if (!locked.length) return { status: "skipped" };
      const message = await tx.emailMessage.findUniqueOrThrow({ where: { id } });
      const handover = await tx.mailHandover.findUnique({ where: { emailId: id } });
      if (handover) {
        const messageId = message.messageId ?? messageIdFor(message);
        await tx.emailMessage.update({
          where: { id },
          data: { status: "SENT", unconfirmed: true, sentAt: handover.at, messageId, error: null },
        });
        await tx.mailHandover.delete({ where: { emailId: id } });
        await hooks.delivered?.(tx, message);
        return { status: "SENT", messageId, unconfirmed: true };
      }
      const refusal = (await hooks.refusal?.(tx, message)) ?? null;
      if (refusal) {
        await tx.emailMessage.update({ where: { id }, data: { status: "CANCELLED", error: refusal } });
        return { status: "CANCELLED", error: refusal };
      }
      const smtpUrl = env().SMTP_URL;
      if (!smtpUrl) {
        await tx.emailMessage.update({ where: { id }, data: { status: "STORED", error: null, attemptedAt: new Date() } });
        await hooks.delivered?.(tx, message);
        return { status: "STORED" };
      }
      const attempts = message.attempts + 1;
      const messageId = messageIdFor(message);
      try {
        await smtpSender(smtpUrl).send(
          {
            from: message.fromAddress,
            to: message.toAddress,
            subject: message.subject,
            text: message.text,
            html: message.html,
            headers: (message.headers as Record<string, string> | null) ?? undefined,
            messageId,
          },
          // Its own connection and transaction: committed whatever becomes of ours.
          () => db().mailHandover.create({ data: { emailId: id } }).then(() => undefined),
        );
      } catch (e) {
        const error = e instanceof SmtpSendError ? e : new SmtpSendError(String(e), undefined, undefined, false);
        if (error.ambiguous) {
          // The dot went out and the reply never came: it may have been taken. Never twice.
          await tx.emailMessage.update({
            where: { id },
            data: { status: "SENT", unconfirmed: true, sentAt: new Date(), attemptedAt: new Date(), messageId, attempts, error: error.message },
          });
          await tx.mailHandover.deleteMany({ where: { emailId: id } });
          await hooks.delivered?.(tx, message);
          return { status: "SENT", messageId, unconfirmed: true };
        }
        await tx.mailHandover.deleteMany({ where: { emailId: id } });
        const final = error.permanent || finalAttempt || attempts >= MAX_DELIVERY_ATTEMPTS;
        if (final) {
          const status = error.recipientRefused ? "BOUNCED" : "FAILED";
          await tx.emailMessage.update({ where: { id }, data: { status, attempts, attemptedAt: new Date(), error: error.message, nextAttemptAt: null } });
          return { status, error: error.message };
        }
        const nextAttemptAt = new Date(Date.now() + retryDelayMs(attempts));
        await tx.emailMessage.update({ where: { id }, data: { attempts, attemptedAt: new Date(), error: error.message, nextAttemptAt } });
        return { status: "retry", error: error.message, nextAttemptAt };
      }
      await tx.emailMessage.update({
        where: { id },
        data: { status: "SENT", messageId, sentAt: new Date(), attemptedAt: new Date(), attempts, error: null, nextAttemptAt: null },
      });
      await tx.mailHandover.delete({ where: { emailId: id } });
      await hooks.delivered?.(tx, message);
      return { status: "SENT", messageId };
    },
    { timeout: SEND_TRANSACTION_MS, maxWait: 10_000 },
  );
}

/** The same message always carries the same Message-ID, on MAIL_FROM's domain. */
function messageIdFor(message: Pick<Message, "id" | "fromAddress">): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(message.fromAddress)?.[1] ?? "kam-hiring.local";
  return `<${message.id}@${domain}>`;
}

/** False in the demo set-up: messages are then STORED for the Outbox page, not sent. */
export function isSmtpConfigured(): boolean {
  return Boolean(env().SMTP_URL);
}

export const OUTBOX_PAGE_SIZE = 50;

/** One page of the Outbox, newest first. */
export async function listOutbox({ status, page }: { status?: EmailStatus; page: number }) {
  const where: Prisma.EmailMessageWhereInput = status ? { status } : {};
  const [messages, total] = await Promise.all([
    db().emailMessage.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * OUTBOX_PAGE_SIZE,
      take: OUTBOX_PAGE_SIZE,
      select: { id: true, toAddress: true, subject: true, status: true, createdAt: true, sentAt: true },
    }),
    db().emailMessage.count({ where }),
  ]);
  return { messages, total, page, pageCount: Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE)) };
}

export async function getOutboxMessage(id: string) {
  return db().emailMessage.findUnique({ where: { id } });
}
