/**
 * When the reminders before a group interview go: 24 hours and 2 hours before it
 * starts, each at most once per invitation and session. Pure: the reminder job
 * (./reminders.server.ts) and every placement into a session (./booking.server.ts)
 * use it.
 *
 * A reminder whose moment had already passed when the candidate got the place (invited
 * 10 hours before: the letter itself is the reminder) is marked as done without being
 * sent, and so is one the job reaches late: once the 2-hour point has passed, the
 * 24-hour text ("tomorrow") would be wrong, and after the start nothing is sent.
 */

export type ReminderKind = "24h" | "2h";
export const REMINDER_KINDS = ["24h", "2h"] as const satisfies readonly ReminderKind[];

const HOUR = 3_600_000;
export const REMINDER_LEAD_MS: Record<ReminderKind, number> = { "24h": 24 * HOUR, "2h": 2 * HOUR };

export type ReminderMarks = { reminded24hAt: Date | null; reminded2hAt: Date | null };

function pointPassed(kind: ReminderKind, startsAt: Date, now: Date): boolean {
  return now.getTime() >= startsAt.getTime() - REMINDER_LEAD_MS[kind];
}

/** The marks a fresh placement into a session starting at `startsAt` gets at `now`: the reminders already too late. */
export function marksAtPlacement(startsAt: Date, now: Date): ReminderMarks {
  return {
    reminded24hAt: pointPassed("24h", startsAt, now) ? now : null,
    reminded2hAt: pointPassed("2h", startsAt, now) ? now : null,
  };
}

export type ReminderStep = {
  /** The reminder to send now, if any. */
  send: ReminderKind | null;
  /** Every reminder to mark as done now (the one sent included). */
  mark: ReminderKind[];
};

/** What the reminder job does at `now` for an invitation to a session starting at `startsAt`. */
export function reminderStep(startsAt: Date, marks: ReminderMarks, now: Date): ReminderStep {
  const open = (kind: ReminderKind) => (kind === "24h" ? marks.reminded24hAt : marks.reminded2hAt) === null;
  const unmarked = REMINDER_KINDS.filter(open);
  if (now.getTime() >= startsAt.getTime()) return { send: null, mark: unmarked };
  if (pointPassed("2h", startsAt, now)) return { send: open("2h") ? "2h" : null, mark: unmarked };
  if (pointPassed("24h", startsAt, now) && open("24h")) return { send: "24h", mark: ["24h"] };
  return { send: null, mark: [] };
}
