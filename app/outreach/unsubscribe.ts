/**
 * The unsubscribe link's rules that need no database: which tokens are worth looking
 * up, how a mail client's one-click request looks, and whose messages they are.
 * Pure, unit-tested.
 */

/** newToken gives 24 random bytes in base64url (32 characters); anything else was never ours. */
export function looksLikeToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{16,128}$/.test(token);
}

/** RFC 8058: a mail client's "Unsubscribe" button POSTs exactly this field, without cookies. */
export function isOneClick(form: FormData): boolean {
  return form.get("List-Unsubscribe") === "One-Click";
}

/**
 * Who the person hears from: the display name of the message's From
 * (`KAM Hiring <hiring@company.ru>` → "KAM Hiring"), else the address's domain.
 */
export function senderName(from: string): string | null {
  const trimmed = from.trim();
  const named = /^"?([^"<>]*?)"?\s*<[^<>]*>$/.exec(trimmed);
  const name = named?.[1]?.replace(/\\(.)/g, "$1").trim();
  if (name) return name;
  const address = /<([^<>]+)>$/.exec(trimmed)?.[1] ?? trimmed;
  const domain = /@([^@\s>]+)$/.exec(address)?.[1];
  return domain ?? null;
}
