import { TZDate } from "@date-fns/tz";

/**
 * When a campaign may send (pure: the dispatcher and the campaign form use it).
 * A window is working hours on some weekdays in a time zone (Moscow by default);
 * the limits cap how many delivery attempts any sliding minute and hour may hold.
 */
export type SendWindow = {
  enabled: boolean;
  /** Minutes after local midnight: the window is [start, end). */
  start: number;
  end: number;
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  days: readonly number[];
  timeZone: string;
};

export type RateLimits = { perMinute: number; perHour: number };

const MINUTE = 60_000;
const NEVER_OPENS = "The send window never opens: it needs at least one weekday and an end after its start";
const HOUR = 60 * MINUTE;

function isoWeekday(local: TZDate): number {
  const day = local.getDay();
  return day === 0 ? 7 : day;
}

function atMinute(local: TZDate, minutes: number, timeZone: string): Date {
  return new TZDate(local.getFullYear(), local.getMonth(), local.getDate(), Math.floor(minutes / 60), minutes % 60, timeZone);
}

/** Whether `now` falls inside the window (always, when it is off). */
export function insideWindow(now: Date, window: SendWindow): boolean {
  return nextOpening(now, window) === null;
}

/**
 * The next moment the window opens, or null when `now` is inside it (or it is off).
 * A window with no weekday, or with end ≤ start, never opens: the campaign form
 * refuses one, and this throws.
 */
export function nextOpening(now: Date, window: SendWindow): Date | null {
  if (!window.enabled) return null;
  if (!window.days.length || window.end <= window.start) throw new Error(NEVER_OPENS);
  for (let offset = 0; offset <= 7; offset++) {
    const local = new TZDate(now.getTime(), window.timeZone);
    local.setDate(local.getDate() + offset);
    if (!window.days.includes(isoWeekday(local))) continue;
    const opens = atMinute(local, window.start, window.timeZone);
    const closes = atMinute(local, window.end, window.timeZone);
    if (offset === 0 && now >= opens && now < closes) return null;
    if (opens > now) return opens;
  }
  throw new Error(NEVER_OPENS);
}

/** How many more attempts the limits allow right now. */
export function sendBudget(limits: RateLimits, lastMinute: number, lastHour: number): number {
  return Math.max(0, Math.min(limits.perMinute - lastMinute, limits.perHour - lastHour));
}

/**
 * When the budget becomes positive again, from the attempt times of the last hour
 * (any order): the moment enough of them slide out of the minute and the hour.
 */
export function budgetFreesAt(limits: RateLimits, now: Date, attemptTimes: readonly Date[]): Date {
  const times = attemptTimes.map((t) => t.getTime()).sort((a, b) => a - b);
  const inMinute = times.filter((t) => t > now.getTime() - MINUTE);
  const inHour = times.filter((t) => t > now.getTime() - HOUR);
  let at = now.getTime();
  // The oldest attempts must leave until one fewer than the limit remain.
  if (inMinute.length >= limits.perMinute) at = Math.max(at, inMinute[inMinute.length - limits.perMinute]! + MINUTE);
  if (inHour.length >= limits.perHour) at = Math.max(at, inHour[inHour.length - limits.perHour]! + HOUR);
  return new Date(at);
}
