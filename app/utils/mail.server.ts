import { type EmailStatus, type Prisma, TemplateKind } from "@prisma/client";
import nodemailer, { type Transporter } from "nodemailer";
import { z } from "zod";
import { db, type Tx } from "./db.server";
import { env } from "./env.server";
import { enqueue } from "./jobs.server";

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
function mailFrom(): string {
  const from = env().MAIL_FROM.trim();
  const address = /<([^<>]+)>$/.exec(from)?.[1] ?? from;
  if (!emailAddress.safeParse(address).success) {
    throw new Error(`MAIL_FROM is not a valid address: "${from}"`);
  }
  return from;
}

// Short enough that a dead server fails the attempt well within the transaction
// that holds the row lock (SEND_TRANSACTION_MS).
const SMTP_TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 };
const SEND_TRANSACTION_MS = 90_000;

let cachedTransport: { url: string; transport: Transporter } | undefined;
function smtpTransport(url: string) {
  if (cachedTransport?.url !== url) {
    cachedTransport?.transport.close();
    cachedTransport = { url, transport: nodemailer.createTransport({ url, ...SMTP_TIMEOUTS }) };
  }
  return cachedTransport.transport;
}

export class MailDeliveryError extends Error {
  override name = "MailDeliveryError";
}

export type DeliveryOutcome =
  | { status: "SENT"; messageId: string }
  | { status: "STORED" }
  /** Not QUEUED any more, or another worker is delivering it right now. */
  | { status: "skipped" };

/**
 * Delivers one QUEUED message (the `mail.deliver` job's body; tests call it directly).
 * The row stays locked while the SMTP server is talked to, so two workers never send
 * the same message; a crash between the server's "250 OK" and our commit can still
 * send it twice, as with any at-least-once queue. A failed send records the error and
 * throws MailDeliveryError (the job retries); on the final attempt the row is FAILED.
 */
export async function deliverNow(
  id: string,
  { finalAttempt = false }: { finalAttempt?: boolean } = {},
): Promise<DeliveryOutcome> {
  const result = await db().$transaction(
    async (tx) => {
      const locked = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM "EmailMessage" WHERE id = ${id} AND status = 'QUEUED' FOR UPDATE SKIP LOCKED`;
      if (!locked.length) return { status: "skipped" } as const;
      const message = await tx.emailMessage.findUniqueOrThrow({ where: { id } });
      const smtpUrl = env().SMTP_URL;
      if (!smtpUrl) {
        await tx.emailMessage.update({ where: { id }, data: { status: "STORED", error: null } });
        return { status: "STORED" } as const;
      }
      try {
        const info = await smtpTransport(smtpUrl).sendMail({
          from: message.fromAddress,
          to: message.toAddress,
          subject: message.subject,
          text: message.text,
          html: message.html ?? undefined,
        });
        const messageId = String(info.messageId);
        await tx.emailMessage.update({
          where: { id },
          data: { status: "SENT", messageId, sentAt: new Date(), error: null },
        });
        return { status: "SENT", messageId } as const;
      } catch (e) {
        const error = (e instanceof Error ? e.message : String(e)).slice(0, 2000);
        await tx.emailMessage.update({
          where: { id },
          data: { status: finalAttempt ? "FAILED" : "QUEUED", error },
        });
        return { status: "error", error } as const;
      }
    },
    { timeout: SEND_TRANSACTION_MS, maxWait: 10_000 },
  );
  if (result.status === "error") throw new MailDeliveryError(result.error);
  return result;
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
