import { type JobRecord } from "../record";
import { cleanText, parseMonth } from "../pages/fields";

/**
 * Reading the loose cells of recruiters' spreadsheets: "150 000 руб.", "150 тыс.",
 * "2019–2022", "03.2019 – н.в.", "Гидромаш — Менеджер (2019–2022)", "да"/"нет".
 * Pure; each reader says "bad" rather than guessing, so the row can be reported.
 */

export type Cell<T> = { value: T } | { bad: true };
const bad = { bad: true } as const;

const OTHER_CURRENCY = /(\$|€|usd|eur|долл|евро|kzt|тенге|byn|cny|юан)/i;
const NO_AMOUNT = /^(?:[-–—?]+|по\s+договор[её]нности|договорная|negotiable|n\/a|нет|не\s+указан[аоы]?)$/i;

/**
 * Whole roubles a month. A bare number counts as roubles (the column is a salary);
 * "тыс"/"k" multiply by 1,000; other currencies and "по договорённости" are empty
 * (record.ts: other currencies are dropped, not converted at a guessed rate).
 */
export function salaryCell(value: string): Cell<number | null> {
  const cell = cleanText(value) ?? "";
  if (!cell || NO_AMOUNT.test(cell)) return { value: null };
  if (OTHER_CURRENCY.test(cell)) return { value: null };
  const match = /^(?:от\s+|from\s+)?(\d[\d\s.,]*)\s*(тыс\.?|т\.?\s*р\.?|k|к)?\s*(руб\.?|рублей|р\.?|₽|rub|rur)?(?:\s*(?:на руки|до вычета налогов|gross|net|в месяц))?$/i.exec(cell);
  if (!match) return bad;
  const amount = wholeRoubles(match[1]!.trim(), match[2] ? 1000 : 1);
  return amount !== null && amount > 0 ? { value: amount } : bad;
}

/**
 * "150 000" × 1 → 150000, "1,5" × 1000 → 1500, "150 000,50" × 1 → 150001, in integers.
 * A last "," or "." followed by up to two digits (three before "тыс."/"k") is a decimal
 * point; other dots, commas and spaces group thousands. Rounded once, to whole roubles.
 */
function wholeRoubles(digits: string, multiplier: 1 | 1000): number | null {
  const decimals = multiplier === 1000 ? 3 : 2;
  const split = new RegExp(`^(.*?)[.,](\\d{1,${decimals}})$`).exec(digits);
  const whole = Number((split ? split[1]! : digits).replace(/[\s.,]/g, ""));
  const fraction = split ? split[2]! : "";
  // The fraction in thousandths (or hundredths) of the unit, scaled to roubles and rounded half up.
  const scale = 10 ** fraction.length;
  const amount = whole * multiplier + Math.round((Number(fraction || "0") * multiplier) / scale);
  return Number.isSafeInteger(amount) ? amount : null;
}

const STILL_THERE = /^(?:по\s+)?(?:н\.?\s*в\.?|настоящее\s+время|наст\.?\s*вр(?:емя)?\.?|сейчас|сегодня|present|now|current|today)$/i;

/** One end of a period as the first day of its month; a bare year is January as a start and December as an end. */
function periodEnd(value: string, end: boolean): string | null {
  const cell = value.trim().replace(/\s*г(?:од|\.)?\.?$/i, "");
  const year = (y: string) => Number(y) >= 1900 && Number(y) <= 2100;
  let m = /^(\d{4})$/.exec(cell);
  if (m && year(m[1]!)) return `${m[1]}-${end ? "12" : "01"}-01`;
  m = /^(?:\d{1,2}\.)?(\d{1,2})[./](\d{4})$/.exec(cell);
  if (m && year(m[2]!) && Number(m[1]) >= 1 && Number(m[1]) <= 12) return `${m[2]}-${m[1]!.padStart(2, "0")}-01`;
  m = /^(\d{4})-(\d{1,2})(?:-\d{1,2})?(?:T.*)?$/.exec(cell);
  if (m && year(m[1]!) && Number(m[2]) >= 1 && Number(m[2]) <= 12) return `${m[1]}-${m[2]!.padStart(2, "0")}-01`;
  return parseMonth(cell);
}

type Period = { startedOn: string; endedOn: string | null };

function periodOf(startText: string, endText: string): Period | null {
  const startedOn = periodEnd(startText, false);
  if (!startedOn) return null;
  const end = endText.trim();
  if (!end || STILL_THERE.test(end)) return { startedOn, endedOn: null };
  const endedOn = periodEnd(end, true);
  return endedOn && endedOn >= startedOn ? { startedOn, endedOn } : null;
}

// Strong separators first; a bare hyphen last, since "2019-03" is a month, not a period.
const SEPARATORS = [/\s*[—–]\s*/g, /\s+-\s+/g, /\s+(?:по|to)\s+/gi, /\s*\.\.\s*/g, /-/g];

/**
 * "2019–2022", "03.2019 - 05.2021", "2019-2022", "март 2019 — по н.в.", "2019 –",
 * "с 2020" → the start and end (null: still there). A single date is a start with no end.
 */
export function periodCell(value: string): Cell<Period> | { value: null } {
  const cell = (cleanText(value) ?? "").replace(/^с\s+/i, "");
  if (!cell) return { value: null };
  for (const separator of SEPARATORS) {
    for (const match of cell.matchAll(separator)) {
      const period = periodOf(cell.slice(0, match.index), cell.slice(match.index + match[0].length));
      if (period) return { value: period };
    }
  }
  const single = periodOf(cell, "");
  return single ? { value: single } : bad;
}

/**
 * One line of a work-history cell: "Компания — Должность (2019–2022)". The first
 * dash with spaces around it separates employer and position (an em or en dash
 * first, so "Гидромаш-Сервис - Менеджер" and "Альфа - Трейд — KAM" both read right).
 */
export function jobLine(line: string): JobRecord | null {
  const cell = cleanText(line) ?? "";
  const tail = /\(([^()]+)\)$/.exec(cell);
  if (!tail) return null;
  const head = cell.slice(0, tail.index).trim();
  const split = /\s[—–]\s/.exec(head) ?? /\s-\s/.exec(head);
  if (!split) return null;
  const companyName = head.slice(0, split.index).trim();
  const title = head.slice(split.index + split[0].length).trim();
  const period = periodCell(tail[1]!);
  if (!companyName || !title || !("value" in period) || !period.value) return null;
  return { companyName, title, industry: null, ...period.value };
}

/** A work-history cell's lines (newlines or semicolons). */
export function jobLines(value: string): string[] {
  return value
    .split(/[\n;]+/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** "да"/"нет", "yes"/"no", "готов к переезду" … ; anything else is unknown (null). */
export function yesNoCell(value: string): boolean | null {
  const cell = value.trim().toLowerCase();
  if (/^(?:нет|no|false|0|не\s+готов.*|невозможен)$/.test(cell)) return false;
  if (/^(?:да|yes|true|1|готов.*|возможен)$/.test(cell)) return true;
  return null;
}
