import { type EmailStatus } from "@prisma/client";
import { db } from "~/utils/db.server";
import { messageCounts } from "./campaigns.server";

/**
 * How far a launched campaign has got: its messages counted by status, and the
 * messages themselves page by page (who, to which address, what happened).
 */

export const MESSAGE_PAGE_SIZE = 50;

export type CampaignProgress = {
  total: number;
  queued: number;
  /** Handed to the mail server (SENT), or kept in the Outbox with no server configured (STORED). */
  sent: number;
  failed: number;
  bounced: number;
  cancelled: number;
  /** Messages no longer waiting, out of total: what the progress bar shows. */
  done: number;
  /** Sent though the server's reply was never recorded (never sent again). */
  unconfirmed: number;
};

export async function campaignProgress(campaignId: string): Promise<CampaignProgress> {
  const [counts, unconfirmed] = await Promise.all([
    messageCounts([campaignId]).then((m) => m.get(campaignId) ?? {}),
    db().emailMessage.count({ where: { campaignId, unconfirmed: true } }),
  ]);
  const n = (status: EmailStatus) => counts[status] ?? 0;
  const total = Object.values(counts).reduce((sum, c) => sum + (c ?? 0), 0);
  return {
    total,
    queued: n("QUEUED"),
    sent: n("SENT") + n("STORED"),
    failed: n("FAILED"),
    bounced: n("BOUNCED"),
    cancelled: n("CANCELLED"),
    done: total - n("QUEUED"),
    unconfirmed,
  };
}

/** One page of a campaign's messages, optionally of one status, in the order they were queued. */
export async function campaignMessages(campaignId: string, { status, page = 1 }: { status?: EmailStatus; page?: number }) {
  const where = { campaignId, status };
  const [total, rows] = await Promise.all([
    db().emailMessage.count({ where }),
    db().emailMessage.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      skip: (page - 1) * MESSAGE_PAGE_SIZE,
      take: MESSAGE_PAGE_SIZE,
      select: {
        id: true,
        toAddress: true,
        status: true,
        error: true,
        sentAt: true,
        attemptedAt: true,
        unconfirmed: true,
        attempts: true,
        application: { select: { candidate: { select: { id: true, firstName: true, lastName: true, middleName: true, erasedAt: true } } } },
      },
    }),
  ]);
  return {
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / MESSAGE_PAGE_SIZE)),
    // A STORED letter (no mail server) was put in the Outbox at its attempt: that is its time.
    messages: rows.map(({ application, attemptedAt, ...m }) => {
      const candidate = application?.candidate;
      const erased = Boolean(candidate?.erasedAt);
      return {
        ...m,
        sentAt: m.sentAt ?? (m.status === "STORED" ? attemptedAt : null),
        // Nothing of an erased person is shown, not even the address the message went to.
        toAddress: erased ? null : m.toAddress,
        candidateId: candidate?.id ?? null,
        name: candidate && !erased ? { firstName: candidate.firstName, lastName: candidate.lastName, middleName: candidate.middleName } : null,
      };
    }),
  };
}
