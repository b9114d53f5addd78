import { type EmailStatus, Prisma as PrismaSql, type Prisma, TemplateKind } from "@prisma/client";
import pg from "pg";
import { z } from "zod";
import { bulkUpdate } from "./bulk-insert.server";
import { db, type Tx } from "./db.server";
import { env } from "./env.server";
import { enqueue } from "./jobs.server";
import { type MailAttachment, SmtpSendError, SmtpSender } from "./smtp.server";

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
  /** Small text files sent with it, e.g. an interview's calendar file (text/calendar). */
  attachments: z
    .array(
      z.object({
        filename: z.string().regex(/^[\w.-]{1,100}$/),
        contentType: z.string().regex(/^[\w.+-]+\/[\w.+-]+(; ?[\w-]+=[\w.-]+)*$/),
        content: z.string().max(100_000),
      }),
    )
    .max(5)
    .optional(),
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
        attachments: mail.attachments,
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
  /** Inside the delivery's transaction, before sending: why some may not be sent (id → reason). */
  refusals?(tx: Tx, messages: readonly Message[]): Promise<Map<string, string>>;
  /** Inside the same transaction, for the messages now SENT or STORED. */
  delivered?(tx: Tx, messages: readonly Message[]): Promise<void>;
};

/** Back-off after the n-th failed attempt: 1, 2, 4 … 64 min, up to a quarter more at random. */
export function retryDelayMs(attempt: number): number {
  const base = 60_000 * 2 ** Math.min(Math.max(attempt - 1, 0), 6);
  return Math.round(base * (1 + Math.random() / 4));
}

export type DeliveryOptions = { finalAttempt?: boolean; hooks?: DeliveryHooks };

/** deliverBatch for one message (the `mail.deliver` job's body; tests call it directly). */
export async function deliverNow(id: string, options: DeliveryOptions = {}): Promise<DeliveryOutcome> {
  return (await deliverBatch([id], options)).get(id) ?? { status: "skipped" };
}

type Update = {
  id: string;
  status: EmailStatus;
  unconfirmed: boolean;
  sentAt: Date | null;
  attemptedAt: Date | null;
  messageId: string | null;
  attempts: number;
  error: string | null;
  nextAttemptAt: Date | null;
};

/**
 * Delivers QUEUED messages, each at most once, over one SMTP connection, one after
 * the other (the campaign dispatcher runs a few batches side by side).
 *
 * The rows stay locked (FOR UPDATE SKIP LOCKED) while the SMTP server is talked to,
 * so two workers never send one at the same time, and a worker that dies mid-batch
 * rolls its transaction back: everything is QUEUED again. Just before each message's
 * final "." goes out, a MailHandover row is committed on another connection; the next
 * attempt at a message with a hand-over records it as sent (unconfirmed) instead of
 * sending it again. A temporary failure (4xx, a connection lost before the dot) is
 * QUEUED again with a back-off; a 5xx is final: BOUNCED when the address was refused,
 * FAILED otherwise; FAILED too on the last attempt. Ids not QUEUED, or being delivered
 * by someone else right now, come back "skipped".
 */
export async function deliverBatch(
  ids: readonly string[],
  { finalAttempt = false, hooks = {} }: DeliveryOptions = {},
): Promise<Map<string, DeliveryOutcome>> {
  const outcomes = new Map<string, DeliveryOutcome>(ids.map((id) => [id, { status: "skipped" }]));
  if (!ids.length) return outcomes;
  await db().$transaction(
    async (tx) => {
      const locked = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM "EmailMessage" WHERE id IN (${PrismaSql.join([...ids])}) AND status = 'QUEUED'
        ORDER BY "createdAt", id FOR UPDATE SKIP LOCKED`;
      if (!locked.length) return;
      const messages = await tx.emailMessage.findMany({
        where: { id: { in: locked.map((r) => r.id) } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      });
      const handedOver = new Map(
        (await tx.mailHandover.findMany({ where: { emailId: { in: messages.map((m) => m.id) } } })).map((h) => [h.emailId, h.at]),
      );
      const updates: Update[] = [];
      const delivered: Message[] = [];
      const record = (message: Message, update: Omit<Update, "id">, outcome: DeliveryOutcome) => {
        updates.push({ id: message.id, ...update });
        outcomes.set(message.id, outcome);
        if (outcome.status === "SENT" || outcome.status === "STORED") delivered.push(message);
      };
      const base = (m: Message) => ({
        unconfirmed: m.unconfirmed,
        sentAt: m.sentAt,
        attemptedAt: m.attemptedAt,
        messageId: m.messageId,
        attempts: m.attempts,
        error: m.error,
        nextAttemptAt: m.nextAttemptAt,
      });

      const pending: Message[] = [];
      for (const message of messages) {
        const at = handedOver.get(message.id);
        if (!at) {
          pending.push(message);
          continue;
        }
        const messageId = message.messageId ?? messageIdFor(message);
        record(
          message,
          { ...base(message), status: "SENT", unconfirmed: true, sentAt: at, messageId, error: null, nextAttemptAt: null },
          { status: "SENT", messageId, unconfirmed: true },
        );
      }
      const refusals = pending.length && hooks.refusals ? await hooks.refusals(tx, pending) : new Map<string, string>();
      const sendable = pending.filter((message) => {
        const refusal = refusals.get(message.id);
        if (refusal) record(message, { ...base(message), status: "CANCELLED", error: refusal }, { status: "CANCELLED", error: refusal });
        return !refusal;
      });

      const smtpUrl = env().SMTP_URL;
      let journal: HandoverJournal | undefined;
      try {
        let unreachable: { error: string; nextAttemptAt: Date } | null = null;
        for (const message of sendable) {
          const now = new Date();
          if (!smtpUrl) {
            record(message, { ...base(message), status: "STORED", error: null, attemptedAt: now }, { status: "STORED" });
            continue;
          }
          if (unreachable) {
            // The server could not be reached a moment ago: the rest wait with the first.
            const { error, nextAttemptAt } = unreachable;
            record(message, { ...base(message), status: "QUEUED", nextAttemptAt }, { status: "retry", error, nextAttemptAt });
            continue;
          }
          const attempts = message.attempts + 1;
          const messageId = messageIdFor(message);
          try {
            journal ??= await HandoverJournal.open();
            await journal.prepare(message.id);
            await smtpSender(smtpUrl).send(
              {
                from: message.fromAddress,
                to: message.toAddress,
                subject: message.subject,
                text: message.text,
                html: message.html,
                headers: (message.headers as Record<string, string> | null) ?? undefined,
                attachments: (message.attachments as MailAttachment[] | null) ?? undefined,
                messageId,
              },
              () => journal!.commitNow(),
            );
            await journal.settle();
            const sentAt = new Date();
            record(
              message,
              { ...base(message), status: "SENT", messageId, sentAt, attemptedAt: sentAt, attempts, error: null, nextAttemptAt: null },
              { status: "SENT", messageId },
            );
          } catch (e) {
            await journal?.settle();
            const error = e instanceof SmtpSendError ? e : new SmtpSendError(String(e), undefined, undefined, false);
            const attempted = { ...base(message), attempts, attemptedAt: new Date(), error: error.message };
            if (error.ambiguous) {
              // The dot went out and the reply never came: it may have been taken. Never twice.
              record(
                message,
                { ...attempted, status: "SENT", unconfirmed: true, sentAt: new Date(), messageId, nextAttemptAt: null },
                { status: "SENT", messageId, unconfirmed: true },
              );
            } else if (error.permanent || finalAttempt || attempts >= MAX_DELIVERY_ATTEMPTS) {
              const status = error.recipientRefused ? "BOUNCED" : "FAILED";
              record(message, { ...attempted, status, nextAttemptAt: null }, { status, error: error.message });
            } else {
              const nextAttemptAt = new Date(Date.now() + retryDelayMs(attempts));
              record(message, { ...attempted, status: "QUEUED", nextAttemptAt }, { status: "retry", error: error.message, nextAttemptAt });
              if (error.responseCode === undefined) unreachable = { error: error.message, nextAttemptAt };
            }
          }
        }

      } finally {
        await journal?.close();
      }

      await bulkUpdate(tx, "EmailMessage", (u: Update) => u.id, [
        { name: "status", type: "enum:EmailStatus", value: (u) => u.status },
        { name: "unconfirmed", type: "boolean", value: (u) => u.unconfirmed },
        { name: "sentAt", type: "timestamp", value: (u) => u.sentAt },
        { name: "attemptedAt", type: "timestamp", value: (u) => u.attemptedAt },
        { name: "messageId", type: "text", value: (u) => u.messageId },
        { name: "attempts", type: "int", value: (u) => u.attempts },
        { name: "error", type: "text", value: (u) => u.error },
        { name: "nextAttemptAt", type: "timestamp", value: (u) => u.nextAttemptAt },
      ], updates);
      await tx.mailHandover.deleteMany({ where: { emailId: { in: messages.map((m) => m.id) } } });
      if (delivered.length && hooks.delivered) await hooks.delivered(tx, delivered);
    },
    { timeout: SEND_TRANSACTION_MS, maxWait: 10_000 },
  );
  return outcomes;
}

/**
 * The hand-over record, on a connection of its own (so it is committed whatever
 * becomes of the delivery's transaction). prepare() opens a transaction holding the
 * row; commitNow() writes COMMIT to the socket without waiting for the answer, and
 * the SMTP sender writes the dot right after it: the two writes are a few microseconds
 * apart, with no I/O between them, so a kill lands between "hand-over committed" and
 * "dot sent" (a lost message, never a duplicate) only by the narrowest chance.
 * Waiting for the commit's answer first would widen that gap to a database round trip.
 */
class HandoverJournal {
  private pendingCommit: Promise<unknown> | null = null;
  private inTransaction = false;

  private constructor(private readonly client: pg.Client) {}

  static async open(): Promise<HandoverJournal> {
    const client = new pg.Client({ connectionString: env().DATABASE_URL, application_name: "kam-hiring-handover" });
    await client.connect();
    return new HandoverJournal(client);
  }

  async prepare(emailId: string): Promise<void> {
    await this.client.query("BEGIN");
    this.inTransaction = true;
    await this.client.query(`INSERT INTO "MailHandover" ("emailId") VALUES ($1) ON CONFLICT DO NOTHING`, [emailId]);
  }

  /** Sends COMMIT now (a synchronous socket write); settle() reads its answer. */
  commitNow(): void {
    this.inTransaction = false;
    this.pendingCommit = this.client.query("COMMIT");
  }

  /** Waits for the COMMIT, or rolls back a hand-over whose dot was never reached. */
  async settle(): Promise<void> {
    const pending = this.pendingCommit;
    this.pendingCommit = null;
    if (pending) await pending;
    if (this.inTransaction) {
      this.inTransaction = false;
      await this.client.query("ROLLBACK");
    }
  }

  async close(): Promise<void> {
    await this.settle().catch(() => {});
    await this.client.end().catch(() => {});
  }
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
