import { z } from "zod";

/**
 * Field types the vacancy editor, the apply page and the manual entry form share.
 * Client-safe: Conform runs them in the browser and the actions run them again.
 * Conform turns an empty input into `undefined`, so optional fields read "nothing".
 */

export const ID_PATTERN = /^[a-z0-9-]{1,60}$/i;

export const requiredText = (max: number) =>
  z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(max, `validation.tooLong|max=${max}`);

/** Empty becomes null, so the database gets NULL rather than "". */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `validation.tooLong|max=${max}`)
    .optional()
    .transform((value) => value || null);

export const optionalId = z
  .string()
  .regex(ID_PATTERN, "validation.invalidChoice")
  .optional()
  .transform((value) => value ?? null);

/** The spaces people and spreadsheets put between thousands: plain, no-break, thin, narrow no-break. */
const THOUSANDS_SPACES = /[\s\u00a0\u2009\u202f]/g;
export const MAX_ROUBLES = 99_999_999;

/**
 * Whole roubles as typed: "150000", "150 000", "150 000 ₽", "150 000 руб." → 150000.
 * Null for anything else (kopecks, letters, negative or absurd amounts).
 */
export function parseRoubles(value: string): number | null {
  const digits = value
    .replace(THOUSANDS_SPACES, "")
    .replace(/(₽|руб\.?|р\.?|rub)$/i, "");
  if (!/^\d{1,8}$/.test(digits)) return null;
  const amount = Number(digits);
  return amount <= MAX_ROUBLES ? amount : null;
}

/** An optional amount in whole roubles; `null` when left empty. */
export const roublesField = z
  .string()
  .trim()
  .optional()
  .transform((value, ctx) => {
    if (!value) return null;
    const amount = parseRoubles(value);
    if (amount === null) {
      ctx.addIssue({ code: "custom", message: "vacancyEditor.errors.roubles" });
      return z.NEVER;
    }
    return amount;
  });

/** A checkbox: Conform reads "on" as true and a missing box as undefined. */
export const checkbox = z.boolean().optional().transform((value) => value ?? false);

/** The non-empty lines of a textarea, trimmed, inner runs of spaces made single. */
export function textLines(text: string | undefined): string[] {
  return (text ?? "")
    .split(/\r?\n/)
    .map((line) => line.trim().replace(/\s+/g, " "))
    .filter(Boolean);
}

/**
 * A month as "YYYY-MM" (what <input type="month"> sends) or as Russians write it,
 * "03.2021" or "3/2021". Returns the ISO first day of that month, or null.
 */
export function parseMonth(value: string): string | null {
  const text = value.trim();
  const iso = /^(\d{4})-(\d{1,2})$/.exec(text);
  const local = /^(\d{1,2})[./-](\d{4})$/.exec(text);
  const [year, month] = iso ? [Number(iso[1]), Number(iso[2])] : local ? [Number(local[2]), Number(local[1])] : [0, 0];
  if (year < 1950 || year > 2100 || month < 1 || month > 12) return null;
  return `${year}-${String(month).padStart(2, "0")}-01`;
}

/** ISO "YYYY-MM-DD" of the first day of the current month (UTC), the latest a job can start. */
export function currentMonth(now: Date): string {
  return `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, "0")}-01`;
}
