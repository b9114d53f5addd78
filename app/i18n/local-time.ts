import { TZDate } from "@date-fns/tz";
import { DEFAULT_TIME_ZONE } from "./format";

/**
 * Times people type: a `datetime-local` value ("2026-03-02T14:30") means that wall-clock
 * time in a time zone (Moscow unless said otherwise). Client-safe; the campaign form,
 * the call list's callback and the contact log read and write them here.
 */

/** A datetime-local value read as a time in `timeZone`; null when it is not one (31 February included). */
export function parseLocalDateTime(text: string, timeZone = DEFAULT_TIME_ZONE): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::\d{2})?$/.exec(text.trim());
  if (!match) return null;
  const [year, month, day, hours, minutes] = match.slice(1).map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hours > 23 || minutes > 59) return null;
  const date = new TZDate(year, month - 1, day, hours, minutes, timeZone);
  // 31 February rolls over to March: refuse it rather than guess.
  if (date.getDate() !== day || date.getMonth() !== month - 1) return null;
  return new Date(date.getTime());
}

/** A stored instant as the datetime-local value that means it in `timeZone`. */
export function formatLocalDateTime(value: Date | string, timeZone = DEFAULT_TIME_ZONE): string {
  const d = new TZDate(new Date(value).getTime(), timeZone);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}T${two(d.getHours())}:${two(d.getMinutes())}`;
}
