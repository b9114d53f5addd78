import { createHash, randomBytes } from "node:crypto";
import { env } from "~/utils/env.server";

/**
 * Links that go out in messages (unsubscribe, later questionnaires and RSVPs): absolute,
 * on APP_URL, or on the address the app listens on when APP_URL is not set.
 */
export function publicUrl(path: string): string {
  const { APP_URL, HOST, PORT } = env();
  const base = APP_URL ?? `http://${HOST === "0.0.0.0" ? "127.0.0.1" : HOST}:${PORT}`;
  return new URL(path, base.endsWith("/") ? base : `${base}/`).toString();
}

/** A fresh unguessable token (the link's) and its sha256 (what the database keeps). */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(24).toString("base64url");
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The page a message's unsubscribe link opens (app/routes/u.$token.tsx). */
export function unsubscribeUrl(token: string): string {
  return publicUrl(`/u/${encodeURIComponent(token)}`);
}

/**
 * RFC 2369 List-Unsubscribe and RFC 8058 one-click headers: mail clients show an
 * "Unsubscribe" button that POSTs to the link without opening the page.
 */
export function unsubscribeHeaders(url: string): Record<string, string> {
  return { "List-Unsubscribe": `<${url}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}
