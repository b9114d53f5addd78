import { parsePhoneNumberFromString } from "libphonenumber-js";

/**
 * How contacts are compared when deciding whether two records are one person.
 * Pure and client-safe.
 */

const EMAIL = /^[^\s@"'<>(),;:]+@[^\s@"'<>(),;:]+\.[^\s@"'<>(),;:.]{2,}$/;

/** Trimmed and lower-cased, or null when it is not an address at all ("нет", "-"). */
export function normalizeEmail(value: string | null | undefined): string | null {
  const email = (value ?? "").trim().replace(/^mailto:/i, "").toLowerCase();
  return EMAIL.test(email) && !email.includes("..") ? email : null;
}

/** What people type instead of a phone when they have none to give. */
const NO_PHONE = /^(?:[-–—_.?]+|нет|не\s*указан[оа]?|отсутствует|n\/?a|none|no)$/i;
const EXTENSION = /(?:доб|вн|ext|x)\.?\s*\d+\s*$/i;

/**
 * Why a non-empty phone cannot be used, as an i18n key with the value
 * ("companies.phone.notAPhone|value=нет"), or null when it is a valid number or empty.
 * Importers report it as a row error; normalizePhone returns null in exactly these cases.
 */
export function phoneProblem(value: string | null | undefined): string | null {
  const read = readPhone(value);
  return read && "problem" in read ? read.problem : null;
}

/** Whether the value is a usable phone number. */
export function isPhoneLike(value: string | null | undefined): boolean {
  return normalizePhone(value) !== null;
}

/**
 * E.164 ("+79161234567"). Russian habits are understood: a leading 8 for +7, ten
 * digits without the country code, spaces, dashes and brackets; "00" for "+".
 * Null when empty or not a valid number ("нет", "не указан", too short): see phoneProblem.
 */
export function normalizePhone(value: string | null | undefined): string | null {
  const read = readPhone(value);
  return read && "e164" in read ? read.e164 : null;
}

/** A phone read once (libphonenumber parses it a single time): its E.164 form, why it is unusable, or null when empty. */
function readPhone(value: string | null | undefined): { e164: string } | { problem: string } | null {
  const text = (value ?? "").trim();
  if (!text) return null;
  const problem = (name: string) => ({ problem: `companies.phone.${name}|value=${text.replace(/[|=]/g, " ")}` });
  if (NO_PHONE.test(text) || !/\d/.test(text)) return problem("notAPhone");
  // A switchboard number with an extension is shared by a whole office: it cannot tell
  // two people apart, so it is not used to recognise anyone.
  if (EXTENSION.test(text)) return problem("extension");
  if (/[\p{L}]/u.test(text)) return problem("letters");
  if (/[,;/]/.test(text)) return problem("several");
  if (/[^\d\s()+\-.]/.test(text)) return problem("letters");
  const digits = text.replace(/\D/g, "");
  if (digits.length < 10) return problem("tooShort");
  if (digits.length > 15) return problem("tooLong");
  const e164 = toE164(text, digits);
  return e164 ? { e164 } : problem("invalid");
}

function toE164(text: string, digits: string): string | null {
  let international: string;
  if (text.startsWith("+")) international = `+${digits}`;
  else if (digits.startsWith("00")) international = `+${digits.slice(2)}`;
  else if (digits.length === 11 && (digits.startsWith("8") || digits.startsWith("7"))) international = `+7${digits.slice(1)}`;
  else if (digits.length === 10) international = `+7${digits}`;
  else international = `+${digits}`;
  const parsed = parsePhoneNumberFromString(international);
  return parsed?.isValid() ? parsed.number : null;
}
