import { type CallOutcome, type ContactChannel, type ContactDirection, type EmailStatus } from "@prisma/client";
import { db } from "~/utils/db.server";

/**
 * Outreach on a candidate's timeline (app/sourcing/timeline.server.ts merges these in):
 * the messages we sent them, the calls made on their applications, and the messages
 * logged by hand. For an erased person only what happened stays: no subject, note,
 * text or delivery error.
 */
export type OutreachEvent =
  | {
      at: Date;
      kind: "email";
      emailId: string;
      subject: string | null;
      status: EmailStatus;
      /** Handed to the SMTP server, but its reply was never recorded. */
      unconfirmed: boolean;
      error: string | null;
      campaignId: string | null;
    }
  | {
      at: Date;
      kind: "call";
      vacancy: { id: string; title: string };
      outcome: CallOutcome;
      /** Why not interested: a code from app/outreach/calls.ts. */
      notInterestedReason: string | null;
      callbackAt: Date | null;
      actorName: string | null;
      note: string | null;
    }
  | {
      at: Date;
      kind: "contact-log";
      channel: ContactChannel;
      direction: ContactDirection;
      text: string | null;
      vacancy: { id: string; title: string } | null;
      actorName: string | null;
    };

/** Audit actions whose events these are: the timeline shows each once, as its own kind. */
export const OUTREACH_AUDIT_ACTIONS: ReadonlySet<string> = new Set(["candidate.call", "candidate.contact-log"]);

/** The newest of each kind; older ones are in the Outbox and the call stats. */
const LIMIT = 200;

export async function outreachTimeline(candidateId: string, { erased }: { erased: boolean }): Promise<OutreachEvent[]> {
  const [emails, calls, logs] = await Promise.all([
    db().emailMessage.findMany({
      where: { OR: [{ candidateId }, { application: { candidateId } }] },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: LIMIT,
      select: { id: true, subject: true, status: true, unconfirmed: true, error: true, campaignId: true, createdAt: true, sentAt: true },
    }),
    db().callAttempt.findMany({
      where: { application: { candidateId } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: LIMIT,
      select: {
        outcome: true,
        reason: true,
        callbackAt: true,
        note: true,
        recruiterId: true,
        createdAt: true,
        application: { select: { vacancy: { select: { id: true, title: true } } } },
      },
    }),
    db().contactLog.findMany({
      where: { candidateId },
      orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
      take: LIMIT,
      select: { channel: true, direction: true, body: true, occurredAt: true, applicationId: true, authorId: true },
    }),
  ]);
  const userIds = [...new Set([...calls.flatMap((c) => c.recruiterId ?? []), ...logs.flatMap((l) => l.authorId ?? [])])];
  const applicationIds = [...new Set(logs.flatMap((l) => l.applicationId ?? []))];
  const [users, applications] = await Promise.all([
    userIds.length ? db().user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }) : [],
    applicationIds.length
      ? db().application.findMany({ where: { id: { in: applicationIds } }, select: { id: true, vacancy: { select: { id: true, title: true } } } })
      : [],
  ]);
  const nameOf = new Map(users.map((u) => [u.id, u.name]));
  const vacancyOf = new Map(applications.map((a) => [a.id, a.vacancy]));
  const shown = (text: string | null) => (erased || !text ? null : text);

  return [
    ...emails.map(
      (m): OutreachEvent => ({
        at: m.sentAt ?? m.createdAt,
        kind: "email",
        emailId: m.id,
        subject: shown(m.subject),
        status: m.status,
        unconfirmed: m.unconfirmed,
        error: shown(m.error),
        campaignId: m.campaignId,
      }),
    ),
    ...calls.map(
      (c): OutreachEvent => ({
        at: c.createdAt,
        kind: "call",
        vacancy: c.application.vacancy,
        outcome: c.outcome,
        notInterestedReason: c.reason,
        callbackAt: c.callbackAt,
        actorName: c.recruiterId ? (nameOf.get(c.recruiterId) ?? null) : null,
        note: shown(c.note),
      }),
    ),
    ...logs.map(
      (l): OutreachEvent => ({
        at: l.occurredAt,
        kind: "contact-log",
        channel: l.channel,
        direction: l.direction,
        text: shown(l.body),
        vacancy: l.applicationId ? (vacancyOf.get(l.applicationId) ?? null) : null,
        actorName: l.authorId ? (nameOf.get(l.authorId) ?? null) : null,
      }),
    ),
  ];
}
