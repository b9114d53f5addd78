import { Readable } from "node:stream";
import MailComposer from "nodemailer/lib/mail-composer";
import { parseConnectionUrl } from "nodemailer/lib/shared";
import SMTPConnection from "nodemailer/lib/smtp-connection";

/**
 * SMTP for the outbox (mail.server.ts): nodemailer's own connection and message
 * composer, driven so that the sender learns the exact moment the message becomes
 * the server's. SMTP ends a message with a line holding a single "."; until that dot
 * is written the server throws the message away if the connection drops. `beforeEnd`
 * runs after the body is written and before the dot: the outbox records the hand-over
 * there, so a sender that dies later never sends the message again (at most once).
 * When beforeEnd returns without a promise, the dot is written right after it, with
 * no wait for any I/O in between.
 *
 * nodemailer's transporter cannot do this (it buffers the message before the
 * envelope is accepted), so connections are kept here: up to `poolSize` per process,
 * each reused for MESSAGES_PER_CONNECTION messages and closed after IDLE_MS.
 */

export type OutgoingMessage = {
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  headers?: Record<string, string>;
  /** Text files sent with it (a calendar file). */
  attachments?: readonly MailAttachment[];
  /** Message-ID header, e.g. `<id@host>`: the same message always carries the same one. */
  messageId: string;
};

export type MailAttachment = { filename: string; contentType: string; content: string };

export type SmtpSendResult = { messageId: string; response: string };

/** Where a failed send stopped: before the dot it was certainly not delivered. */
export class SmtpSendError extends Error {
  override name = "SmtpSendError";
  constructor(
    message: string,
    /** The server's reply code (421, 550…), when it replied. */
    readonly responseCode: number | undefined,
    /** The SMTP step that failed ("RCPT TO", "DATA", "CONN"…). */
    readonly command: string | undefined,
    /** beforeEnd had run: the dot may have reached the server. */
    readonly handedOver: boolean,
  ) {
    super(message);
  }
  /** The server refused for good (5xx): retrying would not help. */
  get permanent(): boolean {
    return this.responseCode !== undefined && this.responseCode >= 500 && this.responseCode < 600;
  }
  /** The server refused the recipient's address: the message bounced at the door. */
  get recipientRefused(): boolean {
    return this.permanent && this.command === "RCPT TO";
  }
  /** The server may have taken the message: the dot went out and no reply was read. */
  get ambiguous(): boolean {
    return this.handedOver && this.responseCode === undefined;
  }
}

const TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 };
const MESSAGES_PER_CONNECTION = 100;
const IDLE_MS = 5_000;

type Pooled = { connection: SMTPConnection; sent: number; idleTimer?: NodeJS.Timeout; broken: boolean };

export class SmtpSender {
  private readonly idle: Pooled[] = [];
  private readonly options: SMTPConnection.Options & { auth?: { user: string; pass: string } };

  constructor(
    readonly url: string,
    private readonly poolSize = 4,
  ) {
    this.options = { ...(parseConnectionUrl(url) as SMTPConnection.Options), ...TIMEOUTS };
  }

  /** Sends one message; `beforeEnd` runs (and its promise, if any, resolves) before the final dot. */
  async send(message: OutgoingMessage, beforeEnd: () => void | Promise<void>): Promise<SmtpSendResult> {
    const raw = await compose(message);
    let handedOver = false;
    let pooled: Pooled;
    try {
      pooled = await this.acquire();
    } catch (e) {
      throw toSendError(e, false);
    }
    const gate = () => {
      const done = beforeEnd();
      if (!(done instanceof Promise)) {
        handedOver = true;
        return;
      }
      return done.then(() => {
        handedOver = true;
      });
    };
    try {
      const response = await new Promise<string>((resolve, reject) => {
        pooled.connection.send({ from: envelopeAddress(message.from), to: [message.to] }, gatedStream(raw, gate), (err, info) =>
          err ? reject(err) : resolve(String(info.response ?? "")),
        );
      });
      pooled.sent += 1;
      this.release(pooled);
      return { messageId: message.messageId, response };
    } catch (e) {
      // A connection that failed mid-message is in an unknown state: never reused.
      this.discard(pooled);
      throw toSendError(e, handedOver);
    }
  }

  close(): void {
    for (const pooled of this.idle.splice(0)) this.discard(pooled);
  }

  private async acquire(): Promise<Pooled> {
    while (this.idle.length) {
      const pooled = this.idle.pop()!;
      clearTimeout(pooled.idleTimer);
      if (!pooled.broken) return pooled;
      this.discard(pooled);
    }
    const connection = new SMTPConnection(this.options);
    const pooled: Pooled = { connection, sent: 0, broken: false };
    connection.on("error", () => (pooled.broken = true));
    connection.on("end", () => (pooled.broken = true));
    await new Promise<void>((resolve, reject) => connection.connect((err) => (err ? reject(err) : resolve())));
    const auth = this.options.auth;
    if (auth?.user) {
      await new Promise<void>((resolve, reject) =>
        connection.login({ user: auth.user, pass: auth.pass }, (err) => (err ? reject(err) : resolve())),
      );
    }
    return pooled;
  }

  private release(pooled: Pooled) {
    if (pooled.broken || pooled.sent >= MESSAGES_PER_CONNECTION || this.idle.length >= this.poolSize) {
      this.discard(pooled, true);
      return;
    }
    pooled.idleTimer = setTimeout(() => {
      const at = this.idle.indexOf(pooled);
      if (at >= 0) this.idle.splice(at, 1);
      this.discard(pooled, true);
    }, IDLE_MS);
    pooled.idleTimer.unref();
    this.idle.push(pooled);
  }

  private discard(pooled: Pooled, politely = false) {
    clearTimeout(pooled.idleTimer);
    pooled.broken = true;
    try {
      if (politely) pooled.connection.quit();
      else pooled.connection.close();
    } catch {
      // already closed
    }
  }
}

/** The whole RFC 5322 message, built by nodemailer's composer (MIME, encodings, headers). */
async function compose(message: OutgoingMessage): Promise<Buffer> {
  const node = new MailComposer({
    from: message.from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html ?? undefined,
    headers: message.headers,
    messageId: message.messageId,
    attachments: message.attachments?.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
  }).compile();
  return new Promise((resolve, reject) => node.build((err, buffer) => (err ? reject(err) : resolve(buffer))));
}

/** The bare address of `Name <address>`. */
function envelopeAddress(from: string): string {
  return /<([^<>]+)>\s*$/.exec(from)?.[1] ?? from.trim();
}

/**
 * The message, then (once `gate` is done) its end, which nodemailer follows with the
 * dot. No read-ahead (highWaterMark 0): the gate runs once the body has been taken.
 */
function gatedStream(raw: Buffer, gate: () => void | Promise<void>): Readable {
  let step: "body" | "gate" | "waiting" = "body";
  return new Readable({
    highWaterMark: 0,
    read() {
      if (step === "body") {
        step = "gate";
        this.push(raw);
      } else if (step === "gate") {
        step = "waiting";
        const fail = (error: unknown) => this.destroy(error instanceof Error ? error : new Error(String(error)));
        try {
          const done = gate();
          if (done instanceof Promise) done.then(() => this.push(null), fail);
          else this.push(null);
        } catch (error) {
          fail(error);
        }
      }
    },
  });
}

function toSendError(e: unknown, handedOver: boolean): SmtpSendError {
  const error = e as Partial<SMTPConnection.SMTPError> & { message?: string };
  const responseCode = typeof error.responseCode === "number" ? error.responseCode : undefined;
  const text = (error.response ?? error.message ?? String(e)).slice(0, 2000);
  return new SmtpSendError(text, responseCode, error.command, handedOver);
}
