import { TZDate } from "@date-fns/tz";
import { z } from "zod";
import { DEFAULT_TIME_ZONE } from "~/i18n/format";
import { ID_PATTERN, requiredText } from "~/sourcing/form-fields";
import { betaBinomialDistribution, recommendInvites, type InviteRecommendation } from "./overbooking";

/**
 * Planning group interviews: a series of sessions (days × start times in one time
 * zone), the forms that create and edit them, and what a session's invitations plan
 * looks like against its current invitations. Pure and client-safe: Conform runs
 * the same schemas in the browser and in the actions, and the creator's preview is
 * computed with the same functions.
 *
 * A typed day and time mean that wall-clock time in the chosen zone, so a series
 * running across a clock change keeps its 10:00 at 10:00 (the UTC instant moves). A
 * time the clocks skip (02:30 on a spring-forward night) does not exist and is
 * refused; a time that happens twice (autumn) is read as the later one, as
 * @date-fns/tz does.
 */

export const MAX_SESSIONS_PER_SERIES = 60;
export const MAX_DAYS = 14;
export const MAX_TIMES = 12;
/** A series is planned for the coming months, not years. */
export const MAX_DAYS_AHEAD = 365;
export const MAX_SERIES_NAME = 120;
export const MAX_PLACE = 300;
export const MAX_URL = 500;
export const MAX_ASSESSORS = 10;
export const DURATION = { min: 15, max: 480, default: 120 } as const;
export const SEATS = { min: 1, max: 50, default: 8 } as const;
export const CAPACITY = { min: 1, max: 200, default: 12 } as const;
/** The chance of filling the seats the plan aims for, in percent. */
export const CONFIDENCE_PERCENT = { min: 50, max: 95, default: 80 } as const;

/** The zones offered first (Russia west to east, and neighbours); any IANA zone is accepted. */
export const TIME_ZONES = [
  "Europe/Kaliningrad",
  "Europe/Moscow",
  "Europe/Samara",
  "Asia/Yekaterinburg",
  "Asia/Omsk",
  "Asia/Novosibirsk",
  "Asia/Krasnoyarsk",
  "Asia/Irkutsk",
  "Asia/Yakutsk",
  "Asia/Vladivostok",
  "Asia/Magadan",
  "Asia/Kamchatka",
  "Europe/Minsk",
  "Asia/Almaty",
  "Asia/Tashkent",
  "Europe/Berlin",
  "Europe/London",
  "UTC",
] as const;

const E = "interviewSessions.errors";

export function isTimeZone(value: string): boolean {
  if (!value) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** "2026-03-02" → its parts; null for anything else, 31 February included. */
export function parseDay(text: string): { year: number; month: number; day: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const utc = new Date(Date.UTC(year, month - 1, day));
  if (utc.getUTCFullYear() !== year || utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== day) return null;
  return { year, month, day };
}

/** "9:00", "09:00" → minutes after midnight (0..1439); null for anything else. */
export function parseStartTime(text: string): number | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  return hours < 24 && minutes < 60 ? hours * 60 + minutes : null;
}

const two = (n: number) => String(n).padStart(2, "0");
/** 600 → "10:00". */
export const formatStartTime = (minutes: number) => `${two(Math.floor(minutes / 60))}:${two(minutes % 60)}`;

/**
 * The instant `day` at `time` means in `timeZone`; null when the day or time cannot be
 * read or the clocks skip that time that day.
 */
export function localSlot(day: string, time: string, timeZone: string): Date | null {
  const date = parseDay(day);
  const minutes = parseStartTime(time);
  if (!date || minutes === null || !isTimeZone(timeZone)) return null;
  const [hours, mins] = [Math.floor(minutes / 60), minutes % 60];
  const at = new TZDate(date.year, date.month - 1, date.day, hours, mins, timeZone);
  // In a spring-forward gap the wall clock rolls on (02:30 becomes 03:30): no such time.
  if (at.getDate() !== date.day || at.getHours() !== hours || at.getMinutes() !== mins) return null;
  return new Date(at.getTime());
}

export type PlannedSlot = {
  /** As typed, in the series' time zone. */
  day: string;
  time: string;
  startsAt: Date;
  endsAt: Date;
};

function slotAt(day: string, time: string, timeZone: string, durationMinutes: number): PlannedSlot | null {
  const startsAt = localSlot(day, time, timeZone);
  if (!startsAt) return null;
  return { day: day.trim(), time: formatStartTime(parseStartTime(time)!), startsAt, endsAt: new Date(startsAt.getTime() + durationMinutes * 60_000) };
}

/**
 * Every day × start time of a series as UTC instants, earliest first. Days and times
 * are read in `timeZone` (see localSlot). Throws RangeError for a day, time or zone
 * that cannot be read, or a time that does not exist that day; the form schema
 * reports those at the field first.
 */
export function planSeries(input: { days: readonly string[]; times: readonly string[]; timeZone: string; durationMinutes: number }): PlannedSlot[] {
  const { days, times, timeZone, durationMinutes } = input;
  if (!isTimeZone(timeZone)) throw new RangeError(`unknown time zone ${timeZone}`);
  if (!Number.isInteger(durationMinutes) || durationMinutes < 1) throw new RangeError(`duration must be a whole number of minutes, got ${durationMinutes}`);
  const slots: PlannedSlot[] = [];
  for (const day of days) {
    for (const time of times) {
      const slot = slotAt(day, time, timeZone, durationMinutes);
      if (!slot) throw new RangeError(`no such time: ${day} ${time} in ${timeZone}`);
      slots.push(slot);
    }
  }
  return slots.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

const wholeNumber = (range: { min: number; max: number }, key: string) => {
  const message = `${E}.${key}|min=${range.min}|max=${range.max}`;
  return z.number({ error: message }).int(message).min(range.min, message).max(range.max, message);
};
const optionalLine = (max: number) => z.string().trim().max(max, `validation.tooLong|max=${max}`).optional();
const entries = (max: number) => z.array(z.string().max(max, `validation.tooLong|max=${max}`).optional()).default([]);
const id = (error: string) => z.string({ error }).regex(ID_PATTERN, error);

/** The room: place and/or link, seats and capacity, assessors; shared by the creator and the session editor. */
const RoomFields = {
  place: optionalLine(MAX_PLACE),
  videoUrl: optionalLine(MAX_URL),
  seats: wholeNumber(SEATS, "seatsRange"),
  capacity: wholeNumber(CAPACITY, "capacityRange"),
  assessorIds: z.array(id(`${E}.assessorRequired`)).default([]),
};

export const SeriesFormFields = z.object({
  vacancyId: id(`${E}.vacancyRequired`),
  name: requiredText(MAX_SERIES_NAME),
  days: entries(10),
  times: entries(5),
  durationMinutes: wholeNumber(DURATION, "durationRange"),
  timeZone: z.string({ error: `${E}.badTimeZone` }).trim().default(DEFAULT_TIME_ZONE),
  confidencePercent: wholeNumber(CONFIDENCE_PERCENT, "confidenceRange"),
  ...RoomFields,
});

export const SessionEditFields = z.object(RoomFields);

type Issue = (path: string, message: string) => void;
const text = (value: unknown) => (typeof value === "string" ? value.trim() : "");
const filled = (value: unknown) => (Array.isArray(value) ? value.map(text).filter(Boolean) : []);

/** http(s) links only: a video call is opened from the letter and the calendar file. */
export function isWebLink(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && Boolean(url.hostname);
  } catch {
    return false;
  }
}

function checkRoom(form: { place?: unknown; videoUrl?: unknown; seats?: unknown; capacity?: unknown; assessorIds?: unknown }, issue: Issue) {
  const video = text(form.videoUrl);
  if (!text(form.place) && !video) issue("place", `${E}.placeOrVideo`);
  if (video && !isWebLink(video)) issue("videoUrl", `${E}.badLink`);
  if (typeof form.seats === "number" && typeof form.capacity === "number" && form.capacity < form.seats) issue("capacity", `${E}.capacityBelowSeats`);
  const assessors = new Set(filled(form.assessorIds));
  if (assessors.size === 0) issue("assessorIds", `${E}.assessorRequired`);
  if (assessors.size > MAX_ASSESSORS) issue("assessorIds", `${E}.tooManyAssessors|max=${MAX_ASSESSORS}`);
}

/** The series' slots checked one by one: readable, unrepeated, existing, ahead and not too far, not too many. */
function checkSlots(form: { days?: unknown; times?: unknown; timeZone?: unknown }, now: Date, issue: Issue) {
  const days = filled(form.days);
  const times = filled(form.times);
  const zone = text(form.timeZone) || DEFAULT_TIME_ZONE;
  if (!isTimeZone(zone)) issue("timeZone", `${E}.badTimeZone`);
  if (!days.length) issue("days", `${E}.dayRequired`);
  if (!times.length) issue("times", `${E}.timeRequired`);
  if (days.length > MAX_DAYS) issue("days", `${E}.tooManyDays|max=${MAX_DAYS}`);
  if (times.length > MAX_TIMES) issue("times", `${E}.tooManyTimes|max=${MAX_TIMES}`);
  const badDay = days.find((d) => !parseDay(d));
  const badTime = times.find((t) => parseStartTime(t) === null);
  if (badDay) issue("days", `${E}.badDay|day=${badDay}`);
  if (badTime) issue("times", `${E}.badTime|time=${badTime}`);
  const repeatedDay = days.find((d, i) => days.indexOf(d) !== i);
  const clocks = times.map((t) => parseStartTime(t));
  const repeatedTime = times.find((_t, i) => clocks[i] !== null && clocks.indexOf(clocks[i]!) !== i);
  if (repeatedDay) issue("days", `${E}.duplicateDay|day=${repeatedDay}`);
  if (repeatedTime) issue("times", `${E}.duplicateTime|time=${repeatedTime}`);
  const count = days.length * times.length;
  if (count > MAX_SESSIONS_PER_SERIES) issue("times", `${E}.tooManySessions|max=${MAX_SESSIONS_PER_SERIES}|count=${count}`);
  if (badDay || badTime || !isTimeZone(zone)) return;
  const horizon = now.getTime() + MAX_DAYS_AHEAD * 86_400_000;
  for (const day of new Set(days)) {
    for (const time of new Set(times)) {
      const at = localSlot(day, time, zone);
      const slot = `${day} ${time}`;
      if (!at) issue("days", `${E}.slotMissing|slot=${slot}`);
      else if (at.getTime() <= now.getTime()) issue("days", `${E}.slotInPast|slot=${slot}`);
      else if (at.getTime() > horizon) issue("days", `${E}.slotTooFar|slot=${slot}|max=${MAX_DAYS_AHEAD}`);
      else continue;
      return;
    }
  }
}

const unique = (ids: readonly string[]) => [...new Set(ids)];

/** The series creator's schema; `now` decides what "in the past" means (tests pass their own). */
export function seriesFormSchema({ now = () => new Date() }: { now?: () => Date } = {}) {
  return SeriesFormFields.superRefine(
    (form, ctx) => {
      // Runs even when a field failed, so every problem shows at once: values may be of any type here.
      const issue: Issue = (path, message) => ctx.addIssue({ code: "custom", path: [path], message });
      checkSlots(form, now(), issue);
      checkRoom(form, issue);
    },
    { when: () => true },
  ).transform((form) => {
    const timeZone = form.timeZone || DEFAULT_TIME_ZONE;
    return {
      vacancyId: form.vacancyId,
      name: form.name,
      timeZone,
      durationMinutes: form.durationMinutes,
      slots: planSeries({ days: unique(filled(form.days)), times: unique(filled(form.times)), timeZone, durationMinutes: form.durationMinutes }),
      place: form.place || null,
      videoUrl: form.videoUrl || null,
      seats: form.seats,
      capacity: form.capacity,
      confidence: form.confidencePercent / 100,
      assessorIds: unique(form.assessorIds),
    };
  });
}

export const SeriesFormSchema = seriesFormSchema();
export type SeriesInput = z.output<typeof SeriesFormSchema>;
export type SeriesFormInput = z.input<typeof SeriesFormFields>;

export const SessionEditSchema = SessionEditFields.superRefine(
  (form, ctx) => checkRoom(form, (path, message) => ctx.addIssue({ code: "custom", path: [path], message })),
  { when: () => true },
).transform((form) => ({
  place: form.place || null,
  videoUrl: form.videoUrl || null,
  seats: form.seats,
  capacity: form.capacity,
  assessorIds: unique(form.assessorIds),
}));
export type SessionEdit = z.output<typeof SessionEditSchema>;
export type SessionEditInput = z.input<typeof SessionEditFields>;

/**
 * The creator's preview from the form as it stands: the slots that can be read (each
 * once, earliest first), those in the past flagged, at most one series' worth.
 */
export function previewSlots(
  form: { days?: unknown; times?: unknown; timeZone?: unknown; durationMinutes?: unknown },
  now: Date,
): Array<PlannedSlot & { past: boolean }> {
  const zone = text(form.timeZone) || DEFAULT_TIME_ZONE;
  const minutes = Number(text(form.durationMinutes) || form.durationMinutes);
  if (!isTimeZone(zone)) return [];
  const days = unique(filled(form.days));
  const times = unique(filled(form.times));
  const duration = Number.isInteger(minutes) && minutes > 0 ? minutes : DURATION.default;
  const byStart = new Map<number, PlannedSlot>();
  for (const day of days) {
    for (const time of times) {
      const slot = slotAt(day, time, zone, duration);
      if (slot && !byStart.has(slot.startsAt.getTime())) byStart.set(slot.startsAt.getTime(), slot);
    }
  }
  return [...byStart.values()]
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
    .slice(0, MAX_SESSIONS_PER_SERIES)
    .map((slot) => ({ ...slot, past: slot.startsAt.getTime() <= now.getTime() }));
}

export type AttendanceChances = {
  /** P(attendees ≥ seats). */
  fillChance: number;
  /** P(attendees > capacity). */
  overCapacityChance: number;
  expectedAttendees: number;
};

/** The chances for `invited` people, attendees ~ Beta-Binomial(invited, α, β); the seats are capped at the capacity. */
export function chancesFor(invited: number, { seats, capacity, estimate }: { seats: number; capacity: number; estimate: { alpha: number; beta: number } }): AttendanceChances {
  const planned = Math.min(seats, capacity);
  if (invited <= 0) return { fillChance: 0, overCapacityChance: 0, expectedAttendees: 0 };
  const pmf = betaBinomialDistribution(invited, estimate.alpha, estimate.beta);
  const atLeast = (k: number) => Math.min(1, pmf.slice(Math.max(0, k)).reduce((sum, p) => sum + p, 0));
  return {
    fillChance: atLeast(planned),
    overCapacityChance: atLeast(capacity + 1),
    expectedAttendees: (invited * estimate.alpha) / (estimate.alpha + estimate.beta),
  };
}

export type SessionPlan = {
  recommended: InviteRecommendation;
  /** INVITED + CONFIRMED now. */
  active: number;
  /** How many more to invite to reach the recommendation (0 when there are enough). */
  inviteNow: number;
  /** The chances with the invitations as they stand. */
  current: AttendanceChances;
};

/** A session's invitation plan: the recommendation for its seats, what is still missing, and where the current invitations stand. */
export function sessionPlan(input: { seats: number; capacity: number; confidence: number; estimate: { alpha: number; beta: number }; active: number }): SessionPlan {
  const { seats, capacity, confidence, estimate, active } = input;
  const recommended = recommendInvites({ seats, capacity, estimate, confidence });
  return { recommended, active, inviteNow: Math.max(0, recommended.invite - active), current: chancesFor(active, { seats, capacity, estimate }) };
}

/** The creator's first values: tomorrow at 10:00 in the user's zone, the method's defaults for the room. */
export function seriesFormDefaults({ timeZone, vacancyId, now = new Date() }: { timeZone: string; vacancyId?: string | null; now?: Date }) {
  const zone = isTimeZone(timeZone) ? timeZone : DEFAULT_TIME_ZONE;
  const tomorrow = new TZDate(now.getTime(), zone);
  tomorrow.setDate(tomorrow.getDate() + 1);
  const day = `${tomorrow.getFullYear()}-${two(tomorrow.getMonth() + 1)}-${two(tomorrow.getDate())}`;
  return {
    vacancyId: vacancyId ?? "",
    name: "",
    days: [day],
    times: ["10:00"],
    durationMinutes: String(DURATION.default),
    timeZone: zone,
    place: "",
    videoUrl: "",
    seats: String(SEATS.default),
    capacity: String(CAPACITY.default),
    confidencePercent: String(CONFIDENCE_PERCENT.default),
    assessorIds: [] as string[],
  };
}
