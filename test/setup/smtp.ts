import { type AddressInfo } from "node:net";
import { SMTPServer, type SMTPServerOptions } from "smtp-server";
import { reloadEnv } from "../../app/utils/env.server";
import { closeSmtp } from "../../app/utils/mail.server";

/**
 * A real SMTP server in the test process: the app's mail goes over the wire to it
 * exactly as it would to a company's server, and tests read what arrived. Pass
 * smtp-server options to make it misbehave (e.g. `onRcptTo` that rejects).
 */
export type ReceivedMail = {
  from: string;
  to: string[];
  raw: string;
  subject: string;
  text: string;
  html: string | undefined;
};

export async function startSmtpServer(options: Partial<SMTPServerOptions> = {}) {
  const messages: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    // close() hangs up on clients still connected (a sender's idle pooled connection).
    closeTimeout: 100,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const mailFrom = session.envelope.mailFrom;
        messages.push({
          from: mailFrom ? mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          ...parseMessage(raw),
        });
        callback();
      });
    },
    ...options,
  });
  // A client hanging up mid-session is the client's problem, not a test failure.
  server.on("error", () => {});
  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Just enough MIME for the messages nodemailer writes: folded headers, encoded-word
 * subjects, quoted-printable or base64 bodies, multipart/alternative.
 */
export function parseMessage(raw: string): { subject: string; text: string; html: string | undefined } {
  const { headers, body } = splitPart(raw);
  const parts = leafParts(headers, body);
  const text = parts.find((p) => p.type === "text/plain")?.content ?? "";
  const html = parts.find((p) => p.type === "text/html")?.content;
  return { subject: decodeWords(headers.get("subject") ?? ""), text, html };
}

function splitPart(raw: string) {
  const end = raw.search(/\r?\n\r?\n/);
  const head = end === -1 ? raw : raw.slice(0, end);
  const body = end === -1 ? "" : raw.slice(end).replace(/^\r?\n\r?\n/, "");
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

type LeafPart = { type: string; contentType: string; disposition: string; content: string };

/** The attachments of a raw message: content type, file name and decoded text. */
export function attachmentsOf(raw: string): Array<{ contentType: string; filename: string; content: string }> {
  const { headers, body } = splitPart(raw);
  return leafParts(headers, body)
    .filter((p) => /attachment/i.test(p.disposition))
    .map((p) => ({ contentType: p.contentType, filename: /filename="?([^";]+)"?/i.exec(p.disposition)?.[1] ?? "", content: p.content }));
}

function leafParts(headers: Map<string, string>, body: string): LeafPart[] {
  const contentType = headers.get("content-type") ?? "text/plain";
  const type = contentType.split(";")[0]!.trim().toLowerCase();
  if (type.startsWith("multipart/")) {
    const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
    if (!boundary) return [];
    return body
      .split(`--${boundary}`)
      .slice(1)
      .filter((chunk) => !chunk.startsWith("--"))
      .flatMap((chunk) => {
        const part = splitPart(chunk.replace(/^\r?\n/, ""));
        return leafParts(part.headers, part.body);
      });
  }
  const encoding = (headers.get("content-transfer-encoding") ?? "7bit").toLowerCase();
  const content = decodeBody(body, encoding).replace(/\r\n/g, "\n").replace(/\n$/, "");
  return [{ type, contentType, disposition: headers.get("content-disposition") ?? "", content }];
}

function decodeBody(body: string, encoding: string): string {
  if (encoding === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (encoding === "quoted-printable") return decodeQuotedPrintable(body);
  return body;
}

function decodeQuotedPrintable(input: string): string {
  const bytes: number[] = [];
  const soft = input.replace(/=\r?\n/g, "");
  for (let i = 0; i < soft.length; i++) {
    const hex = soft.slice(i + 1, i + 3);
    if (soft[i] === "=" && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(soft[i]!, "utf8"));
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?([^?]+)\?([BQ])\?([^?]*)\?=/gi, (_, _charset: string, kind: string, data: string) =>
      kind.toUpperCase() === "B"
        ? Buffer.from(data, "base64").toString("utf8")
        : decodeQuotedPrintable(data.replace(/_/g, " ")),
    );
}

/** Points the app's mail at `url` (undefined: no SMTP, so messages are STORED). */
export function setSmtpUrl(url: string | undefined) {
  if (url) process.env.SMTP_URL = url;
  else delete process.env.SMTP_URL;
  reloadEnv();
}

/** For afterEach: back to no SMTP, the sender's idle connections closed. */
export function resetSmtp() {
  setSmtpUrl(undefined);
  closeSmtp();
}
