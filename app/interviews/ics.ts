import { createEvent } from "ics";

/**
 * The calendar file (.ics, RFC 5545) that goes with an interview invitation and that
 * the RSVP page offers for download. Pure: the server passes the texts already in the
 * letter's language.
 *
 * METHOD:PUBLISH, not REQUEST. REQUEST makes Outlook and Gmail show
 * "Accept / Decline" buttons that mail an iTIP REPLY to the organizer; nobody reads
 * those replies (the RSVP page is where an answer counts), so a candidate who clicked
 * "Decline" in the mail client would still be expected. PUBLISH just puts the event in
 * the calendar. The UID is the invitation's, so a later file for the same invitation
 * (the candidate moved to another time) carries a higher SEQUENCE and replaces the
 * event instead of adding a second one.
 */

export const ICS_FILENAME = "interview.ics";
export const ICS_METHOD = "PUBLISH";
export const ICS_CONTENT_TYPE = `text/calendar; charset=utf-8; method=${ICS_METHOD}`;

export type InterviewEvent = {
  invitationId: string;
  /** The host the UID is made unique under (the app's public host name). */
  host: string;
  /** Raised every time the invitation gets a new time: calendars keep the highest. */
  sequence: number;
  startsAt: Date;
  durationMinutes: number;
  /** "Group interview: Key Account Manager", in the letter's language. */
  summary: string;
  /** Several lines: when, where, the video link, the RSVP link. */
  description: string;
  place: string | null;
  videoUrl: string | null;
  rsvpUrl: string;
  /** MAIL_FROM, when it is a plain address (with or without a display name). */
  organizer: { name?: string; email: string } | null;
};

/** A UID that stays the same for the invitation whatever session it moves to. */
export function calendarUid(invitationId: string, host: string): string {
  return `interview-${invitationId}@${host}`;
}

/** `KAM Hiring <hiring@company.ru>` → { name, email }; a bare address → { email }; anything else → null. */
export function organizerFrom(mailFrom: string): { name?: string; email: string } | null {
  const trimmed = mailFrom.trim();
  const match = /^\s*"?([^"<]*?)"?\s*<([^<>\s]+@[^<>\s]+)>$/.exec(trimmed);
  if (match) return match[1] ? { name: match[1], email: match[2]! } : { email: match[2]! };
  return /^[^\s<>"]+@[^\s<>"]+$/.test(trimmed) ? { email: trimmed } : null;
}

/** The VCALENDAR text with one VEVENT (CRLF line ends). Throws when the input cannot make a valid event. */
export function interviewCalendar(event: InterviewEvent): string {
  if (!Number.isInteger(event.durationMinutes) || event.durationMinutes < 1) {
    throw new RangeError(`durationMinutes must be a positive integer, got ${event.durationMinutes}`);
  }
  const location = [event.place, event.videoUrl].filter(Boolean).join(", ");
  const { error, value } = createEvent({
    uid: calendarUid(event.invitationId, event.host),
    sequence: Math.max(0, Math.floor(event.sequence)),
    method: ICS_METHOD,
    productId: "kam-hiring/interviews",
    start: event.startsAt.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    duration: { minutes: event.durationMinutes },
    title: event.summary,
    description: event.description,
    ...(location ? { location } : {}),
    url: event.rsvpUrl,
    status: "CONFIRMED",
    busyStatus: "BUSY",
    ...(event.organizer ? { organizer: event.organizer } : {}),
  });
  if (error || !value) throw error ?? new Error("the calendar file could not be made");
  return value;
}
