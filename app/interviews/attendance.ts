import { type AttendanceMark, type CandidateSource, type InvitationStatus, type SourcingTier } from "@prisma/client";
import { z } from "zod";
import { formatLocalDateTime } from "~/i18n/local-time";
import { ID_PATTERN } from "~/sourcing/form-fields";
import { breakdown } from "./show-rate";

/**
 * Check-in and what it teaches: the rules for marking attendance, the running tally,
 * and the no-show ratios per session, day, source and tier. Pure and client-safe.
 *
 * A ratio is no-shows over marked invitations (attended + late + no-show) of the
 * group: exactly what was marked, no prior. The show-rate estimate (./show-rate.ts)
 * is the smoothed counterpart, and its breakdowns are given here too.
 */

/** One marked invitation (observations() of ./observations.server.ts returns these). */
export type MarkedInvitation = {
  sessionId: string;
  startsAt: Date;
  timeZone: string;
  /** Came, on time or late. */
  attended: boolean;
  late: boolean;
  confirmed: boolean;
  source: CandidateSource;
  tier: SourcingTier | null;
};

export type NoShowRatio<Group> = {
  group: Group;
  /** attended + late + noShow. */
  marked: number;
  /** On time (late ones are counted apart). */
  attended: number;
  late: number;
  noShow: number;
  /** noShow / marked. */
  ratio: number;
};

/** Per group, in the order groups first appear. */
export function noShowRatios<Row extends MarkedInvitation, Group>(rows: readonly Row[], groupOf: (row: Row) => Group): Array<NoShowRatio<Group>> {
  const groups = new Map<Group, NoShowRatio<Group>>();
  for (const row of rows) {
    const group = groupOf(row);
    const counts = groups.get(group) ?? { group, marked: 0, attended: 0, late: 0, noShow: 0, ratio: 0 };
    counts.marked += 1;
    if (!row.attended) counts.noShow += 1;
    else if (row.late) counts.late += 1;
    else counts.attended += 1;
    counts.ratio = counts.noShow / counts.marked;
    groups.set(group, counts);
  }
  return [...groups.values()];
}

/** The calendar day a session falls on where it is held: "2026-03-02". */
export function sessionDay(startsAt: Date | string, timeZone: string): string {
  return formatLocalDateTime(startsAt, timeZone).slice(0, 10);
}

export type NoShowReport = {
  total: NoShowRatio<"all"> | null;
  bySession: Array<NoShowRatio<string> & { startsAt: Date; timeZone: string }>;
  /** Days in each session's own time zone. */
  byDay: Array<NoShowRatio<string>>;
  bySource: Array<NoShowRatio<CandidateSource>>;
  byTier: Array<NoShowRatio<SourcingTier | null>>;
};

/** The no-show ratios of a set of marked invitations, every grouping the pages show. */
export function noShowReport(rows: readonly MarkedInvitation[]): NoShowReport {
  const sessions = new Map(rows.map((row) => [row.sessionId, row]));
  return {
    total: noShowRatios(rows, () => "all" as const)[0] ?? null,
    bySession: noShowRatios(rows, (row) => row.sessionId).map((ratio) => {
      const { startsAt, timeZone } = sessions.get(ratio.group)!;
      return { ...ratio, startsAt, timeZone };
    }),
    byDay: noShowRatios(rows, (row) => sessionDay(row.startsAt, row.timeZone)),
    bySource: noShowRatios(rows, (row) => row.source),
    byTier: noShowRatios(rows, (row) => row.tier),
  };
}

/** The show-rate estimate per source, tier and whether the candidate confirmed (each from the method's prior). */
export function showRateBreakdowns(rows: readonly MarkedInvitation[]) {
  return {
    source: breakdown(rows, "source"),
    tier: breakdown(rows, "tier"),
    confirmed: breakdown(rows, "confirmed"),
  };
}
export type ShowRateBreakdowns = ReturnType<typeof showRateBreakdowns>;

/** Marking opens this long before the start: people arrive early. */
export const CHECK_IN_OPENS_MINUTES = 30;

export type CheckInState = "cancelled" | "closed" | "not-yet" | "open";

type SessionTimes = { startsAt: Date | string; cancelledAt: Date | string | null; checkInClosedAt: Date | string | null };

export function checkInOpensAt(startsAt: Date | string): Date {
  return new Date(new Date(startsAt).getTime() - CHECK_IN_OPENS_MINUTES * 60_000);
}

/** Whether attendance may be marked now: not for a cancelled session, not before it opens, not once closed. */
export function checkInState(session: SessionTimes, now: Date): CheckInState {
  if (session.cancelledAt) return "cancelled";
  if (session.checkInClosedAt) return "closed";
  if (now.getTime() < checkInOpensAt(session.startsAt).getTime()) return "not-yet";
  return "open";
}

export type CheckInTally = {
  attended: number;
  late: number;
  noShow: number;
  unmarked: number;
  marked: number;
  /** noShow / marked; null until someone is marked. */
  ratio: number | null;
};

export function checkInTally(marks: ReadonlyArray<AttendanceMark | null>): CheckInTally {
  const tally = { attended: 0, late: 0, noShow: 0, unmarked: 0 };
  for (const mark of marks) {
    if (mark === "ATTENDED") tally.attended += 1;
    else if (mark === "LATE") tally.late += 1;
    else if (mark === "NO_SHOW") tally.noShow += 1;
    else tally.unmarked += 1;
  }
  const marked = tally.attended + tally.late + tally.noShow;
  return { ...tally, marked, ratio: marked ? tally.noShow / marked : null };
}

/** Who is expected at check-in: the invited and the confirmed. */
export const EXPECTED_STATUSES = ["CONFIRMED", "INVITED"] as const satisfies readonly InvitationStatus[];

/** The check-in list's order: the confirmed first, then by name (erased people last), then by id. */
export function checkInOrder<Row extends { invitationId: string; status: InvitationStatus; sortName: string | null }>(rows: readonly Row[], locale: string): Row[] {
  const collator = new Intl.Collator(locale === "ru" ? "ru" : "en", { sensitivity: "base" });
  const rank = (row: Row) => (row.status === "CONFIRMED" ? 0 : 1);
  return [...rows].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.sortName === null ? 1 : 0) - (b.sortName === null ? 1 : 0) ||
      collator.compare(a.sortName ?? "", b.sortName ?? "") ||
      a.invitationId.localeCompare(b.invitationId),
  );
}

export const ATTENDANCE_MARKS = ["ATTENDED", "LATE", "NO_SHOW"] as const satisfies readonly AttendanceMark[];

/** One tap at check-in: whose invitation, which mark. */
export const MarkSchema = z.object({
  invitationId: z.string({ error: "validation.invalidChoice" }).regex(ID_PATTERN, "validation.invalidChoice"),
  mark: z.enum(ATTENDANCE_MARKS, { error: "validation.invalidChoice" }),
});
