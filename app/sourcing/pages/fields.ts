/**
 * Reading the loose text of candidate pages (names, salaries, Russian month dates,
 * relocation) into CandidateRecord fields. Pure, so every page adapter shares one
 * tested reading of "март 2019 — по настоящее время" or "200 000 руб. на руки".
 */

/** Collapses runs of whitespace (including no-break spaces); empty text becomes null. */
export function cleanText(value: string | null | undefined): string | null {
  const cleaned = (value ?? "").replace(/[\s\u00a0\u202f]+/g, " ").trim();
  return cleaned === "" ? null : cleaned;
}

/** "Петрова Анна Сергеевна" (Russian order: last, first, middle); null below two words. */
export function splitFullName(
  value: string | null | undefined,
): { lastName: string; firstName: string; middleName: string | null } | null {
  const words = cleanText(value)?.split(" ") ?? [];
  if (words.length < 2) return null;
  const [lastName, firstName, ...rest] = words as [string, string, ...string[]];
  return { lastName, firstName, middleName: rest.length ? rest.join(" ") : null };
}

const ROUBLES = /(руб|₽|(?:^|[^а-яёa-z])р\.|\bRU[BR]\b)/i;
const OTHER_CURRENCY = /(\$|€|USD|EUR|KZT|BYN|долл|евро|тенге)/i;

/**
 * Whole roubles from "200 000 руб. на руки", "180 000 ₽", "от 150000 RUB"; null for
 * other currencies (record.ts: importers drop them) and for "по договорённости".
 * A bare number counts as roubles only when `assumeRoubles` (a page that says so elsewhere).
 */
export function parseSalaryRub(value: string | null | undefined, assumeRoubles = false): number | null {
  const text = cleanText(value);
  if (!text || OTHER_CURRENCY.test(text)) return null;
  if (!ROUBLES.test(text) && !assumeRoubles) return null;
  const digits = /\d[\d\s\u00a0\u202f]*/.exec(text)?.[0].replace(/\D/g, "");
  if (!digits) return null;
  const amount = Number(digits);
  return Number.isSafeInteger(amount) ? amount : null;
}

const MONTHS: Array<[RegExp, number]> = [
  [/^янв/, 1],
  [/^фев/, 2],
  [/^мар/, 3],
  [/^апр/, 4],
  [/^ма[йя]/, 5],
  [/^июн/, 6],
  [/^июл/, 7],
  [/^авг/, 8],
  [/^сен/, 9],
  [/^окт/, 10],
  [/^ноя/, 11],
  [/^дек/, 12],
];

/** "март 2019", "Сентябрь 2021", "сент. 2021", "2019-03" → "2019-03-01"; null otherwise. */
export function parseMonth(value: string | null | undefined): string | null {
  const text = cleanText(value)?.toLowerCase().replace(/ё/g, "е");
  if (!text) return null;
  const iso = /^(\d{4})-(\d{2})(?:-\d{2})?$/.exec(text);
  if (iso) return monthStart(Number(iso[1]), Number(iso[2]));
  const words = /^([а-я]+)\.?\s+(\d{4})(?:\s*г\.?)?$/.exec(text);
  if (!words) return null;
  const month = MONTHS.find(([pattern]) => pattern.test(words[1]!))?.[1];
  return month ? monthStart(Number(words[2]), month) : null;
}

function monthStart(year: number, month: number): string | null {
  if (year < 1900 || year > 2100 || month < 1 || month > 12) return null;
  return `${year}-${String(month).padStart(2, "0")}-01`;
}

const STILL_THERE = /^(по\s+)?(настоящее\s+время|н\.?\s*в\.?|сейчас|наст\.?\s*время)$/i;

/**
 * "март 2019 — по настоящее время" → { startedOn: "2019-03-01", endedOn: null };
 * "январь 2015 – февраль 2019" → both ends. Null when either end cannot be read.
 */
export function parsePeriod(value: string | null | undefined): { startedOn: string; endedOn: string | null } | null {
  const text = cleanText(value);
  if (!text) return null;
  const parts = text.split(/\s+[—–-]\s+|\s*[—–]\s*/);
  if (parts.length !== 2) return null;
  const startedOn = parseMonth(parts[0]);
  if (!startedOn) return null;
  const end = parts[1]!.trim();
  if (STILL_THERE.test(end)) return { startedOn, endedOn: null };
  const endedOn = parseMonth(end);
  return endedOn && endedOn >= startedOn ? { startedOn, endedOn } : null;
}

/** "готов к переезду" / "готова к переезду" → true; "не готов к переезду", "переезд невозможен" → false. */
export function parseRelocation(value: string | null | undefined): boolean | null {
  const text = cleanText(value)?.toLowerCase();
  if (!text || !text.includes("переезд")) return null;
  if (/(^|\s)не\s+(готов|рассматрива)|невозможен/.test(text)) return false;
  if (/готов|возможен|рассматрива/.test(text)) return true;
  return null;
}

/**
 * An id unique among all web-page records: SourceRecord is unique per (source,
 * externalId) and every adapter shares the WEB_PAGE source, so ids carry the site's
 * markup name ("career-site:A-1042"). A saved copy of the same page gets the same id.
 */
export function pageExternalId(site: string, id: string | null | undefined): string | null {
  const cleaned = cleanText(id);
  return cleaned ? `${site}:${cleaned}` : null;
}
