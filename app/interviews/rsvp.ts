import { type InvitationStatus } from "@prisma/client";
import { z } from "zod";
import { dateTimeFormat } from "~/i18n/format";
import { type AppLocale } from "~/i18n/i18n";

/**
 * The candidate's answer to an interview invitation (the public RSVP page), pure and
 * client-safe: the form, what each invitation status lets them do, and how the time
 * and place read in the letter, the calendar file and the page.
 */

export const MAX_DECLINE_NOTE = 500;

const ID = /^[a-z0-9-]{1,60}$/i;

export const RsvpSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("confirm") }),
    /** The session is full: wait for a place in it (offered instead of confirming). */
    z.object({ intent: z.literal("waitlist") }),
    z.object({
      intent: z.literal("move"),
      sessionId: z.string({ error: "interviewInvitations.rsvp.errors.pickSession" }).regex(ID, "interviewInvitations.rsvp.errors.pickSession"),
    }),
    z.object({
      intent: z.literal("decline"),
      note: z
        .string()
        .trim()
        .max(MAX_DECLINE_NOTE, `validation.tooLong|max=${MAX_DECLINE_NOTE}`)
        .optional()
        .transform((note) => note || undefined),
    }),
  ],
  { error: "validation.invalidChoice" },
);
export type RsvpAnswer = z.output<typeof RsvpSchema>;
export type RsvpIntent = RsvpAnswer["intent"];

/** Still holding or waiting for a place: the statuses an RSVP can change. */
export const OPEN_STATUSES = ["WAITLISTED", "INVITED", "CONFIRMED"] as const satisfies readonly InvitationStatus[];

export function isOpenStatus(status: InvitationStatus): boolean {
  return (OPEN_STATUSES as readonly InvitationStatus[]).includes(status);
}

/** What the candidate may do with an invitation in `status` to a session that has not started yet. */
export function rsvpChoices(status: InvitationStatus, hasSession: boolean): RsvpIntent[] {
  if (status === "INVITED") return ["confirm", "move", "decline"];
  if (status === "CONFIRMED") return ["move", "decline"];
  if (status === "WAITLISTED") return hasSession ? ["confirm", "move", "decline"] : ["move", "decline"];
  return [];
}

export type SessionTiming = { startsAt: Date | string; durationMinutes: number };

/** When and where a session is: what letters, the RSVP page and the plans show of it. */
export type SessionTimePlace = {
  id: string;
  startsAt: Date;
  durationMinutes: number;
  timeZone: string;
  place: string | null;
  videoUrl: string | null;
};

export function sessionEnd({ startsAt, durationMinutes }: SessionTiming): Date {
  return new Date(new Date(startsAt).getTime() + durationMinutes * 60_000);
}

/**
 * Where a session stands at `now`: upcoming (answers accepted), running (started, not
 * over: shown, no answers), over (the page answers 410 Gone).
 */
export function sessionPhase(session: SessionTiming, now: Date): "upcoming" | "running" | "over" {
  if (now.getTime() < new Date(session.startsAt).getTime()) return "upcoming";
  return now.getTime() < sessionEnd(session).getTime() ? "running" : "over";
}

/**
 * "вторник, 10 марта 2026 г., 10:00–12:00 (Москва)" / "Tuesday 10 March 2026,
 * 10:00–12:00 (Moscow Time)": in the session's own time zone, named, whatever the
 * reader's is.
 */
export function formatInterviewTime(session: SessionTiming & { timeZone: string }, locale: AppLocale): string {
  const start = new Date(session.startsAt);
  const day = dateTimeFormat(locale, { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: session.timeZone }).format(start);
  const clock = dateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: session.timeZone });
  const zone =
    dateTimeFormat(locale, { timeZoneName: "shortGeneric", timeZone: session.timeZone })
      .formatToParts(start)
      .find((part) => part.type === "timeZoneName")?.value ?? session.timeZone;
  return `${day}, ${clock.format(start)}–${clock.format(sessionEnd(session))} (${zone})`;
}

/** The place and the video link, whichever the session has: "Москва, ул. Профсоюзная, 1 · https://…". */
export function formatInterviewPlace(session: { place: string | null; videoUrl: string | null }): string {
  return [session.place?.trim(), session.videoUrl?.trim()].filter(Boolean).join(" · ");
}
