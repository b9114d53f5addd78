import { Prisma, type InvitationStatus } from "@prisma/client";
import { type MarkedInvitation } from "./attendance";
import { type Tx } from "~/utils/db.server";
import { estimateShowRate, type ShowRateEstimate } from "./show-rate";

/**
 * What the show-rate estimate learns from, and what each session holds. Shared by the
 * calendar, the session page, the invitation planner and the check-in page.
 *
 * An observation is an invitation whose attendance was marked at check-in: ATTENDED
 * and LATE count as came, NO_SHOW as did not. A declined invitation is not one: the
 * candidate said so in advance and the place was offered again, so it never stood
 * between the plan and the room.
 */

/** A marked invitation (./attendance.ts groups these), with its id. */
export type Observation = MarkedInvitation & { invitationId: string };

/** Every marked invitation of the vacancy (or of the given sessions), oldest session first. */
export async function observations(
  tx: Tx,
  where: { vacancyId: string } | { sessionIds: readonly string[] },
): Promise<Observation[]> {
  const filter =
    "vacancyId" in where
      ? Prisma.sql`i."vacancyId" = ${where.vacancyId}`
      : where.sessionIds.length
        ? Prisma.sql`i."sessionId" IN (${Prisma.join([...where.sessionIds])})`
        : Prisma.sql`FALSE`;
  return tx.$queryRaw<Observation[]>`
    SELECT i.id AS "invitationId", s.id AS "sessionId", s."startsAt", s."timeZone",
           i.attendance::text IN ('ATTENDED', 'LATE') AS attended,
           i.attendance::text = 'LATE' AS late,
           i."confirmedAt" IS NOT NULL AS confirmed,
           c.source::text AS source, a.tier::text AS tier
    FROM "InterviewInvitation" i
    JOIN "InterviewSession" s ON s.id = i."sessionId"
    JOIN "Application" a ON a.id = i."applicationId"
    JOIN "Candidate" c ON c.id = a."candidateId"
    WHERE ${filter} AND i.attendance IS NOT NULL
    ORDER BY s."startsAt", i.id`;
}

/** The vacancy's show-rate posterior: the method's prior updated by its marked attendance. */
export async function vacancyShowRate(tx: Tx, vacancyId: string): Promise<ShowRateEstimate> {
  const [row] = await tx.$queryRaw<Array<{ attended: number; noShow: number }>>`
    SELECT count(*) FILTER (WHERE attendance::text IN ('ATTENDED', 'LATE'))::int AS attended,
           count(*) FILTER (WHERE attendance::text = 'NO_SHOW')::int AS "noShow"
    FROM "InterviewInvitation" WHERE "vacancyId" = ${vacancyId} AND attendance IS NOT NULL`;
  return estimateShowRate({ attended: row?.attended ?? 0, noShow: row?.noShow ?? 0 });
}

export type SessionCounts = {
  /** Invitations waiting for an answer. */
  invited: number;
  confirmed: number;
  declined: number;
  /** Waitlisted for this session in particular. */
  waitlisted: number;
  /** invited + confirmed: the places the plan has taken. */
  active: number;
  attended: number;
  late: number;
  noShow: number;
};

const EMPTY: SessionCounts = { invited: 0, confirmed: 0, declined: 0, waitlisted: 0, active: 0, attended: 0, late: 0, noShow: 0 };

/** Counts per session id; every id asked for is present. */
export async function sessionCounts(tx: Tx, sessionIds: readonly string[]): Promise<Map<string, SessionCounts>> {
  const out = new Map<string, SessionCounts>(sessionIds.map((id) => [id, { ...EMPTY }]));
  if (!sessionIds.length) return out;
  const rows = await tx.$queryRaw<Array<{ sessionId: string; status: InvitationStatus; attendance: string | null; n: number }>>`
    SELECT "sessionId", status::text AS status, attendance::text AS attendance, count(*)::int AS n
    FROM "InterviewInvitation" WHERE "sessionId" IN (${Prisma.join([...sessionIds])})
    GROUP BY 1, 2, 3`;
  for (const row of rows) {
    const counts = out.get(row.sessionId)!;
    if (row.status === "INVITED") counts.invited += row.n;
    if (row.status === "CONFIRMED") counts.confirmed += row.n;
    if (row.status === "DECLINED") counts.declined += row.n;
    if (row.status === "WAITLISTED") counts.waitlisted += row.n;
    if (row.status === "INVITED" || row.status === "CONFIRMED") counts.active += row.n;
    if (row.attendance === "ATTENDED") counts.attended += row.n;
    if (row.attendance === "LATE") counts.late += row.n;
    if (row.attendance === "NO_SHOW") counts.noShow += row.n;
  }
  return out;
}
