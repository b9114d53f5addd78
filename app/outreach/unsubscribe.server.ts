import { Prisma } from "@prisma/client";
import { writeDoNotContact } from "~/sourcing/personal-data.server";
import { audit } from "~/utils/audit.server";
import { db, type Tx } from "~/utils/db.server";
import { hashToken } from "./links.server";
import { looksLikeToken, senderName } from "./unsubscribe";

/**
 * The unsubscribe link every outreach message carries (/u/<token>): the person stops
 * every message about every vacancy, with no account and no questions. The token is
 * looked up by its sha256 (EmailMessage.unsubscribeTokenHash); a token we never sent
 * and a person we no longer know look alike from outside.
 */

/** Written on the profile's change log, beside the do-not-contact mark. */
export const UNSUBSCRIBE_REASON = "unsubscribed by the link in a message";
/** The error of a message cancelled because its person unsubscribed. */
export const UNSUBSCRIBED_ERROR = "unsubscribed";

const MAX_MERGE_HOPS = 20;

async function messageOf(token: string) {
  if (!looksLikeToken(token)) return null;
  return db().emailMessage.findUnique({
    where: { unsubscribeTokenHash: hashToken(token) },
    select: { id: true, candidateId: true, fromAddress: true },
  });
}

/** What the page asks before anything changes: whose messages these are. Null for a token we never sent. */
export async function unsubscribePage(token: string): Promise<{ company: string | null } | null> {
  const message = await messageOf(token);
  return message ? { company: senderName(message.fromAddress) } : null;
}

export type UnsubscribeOutcome =
  | "unsubscribed"
  /** Nothing left to do: already do-not-contact with nothing waiting to be sent. */
  | "already"
  /** The person's data was erased (they are do-not-contact for good). */
  | "erased";

/**
 * Marks the person do-not-contact everywhere (the message's candidate and every row
 * it was merged into, so an un-merge keeps it too), cancels whatever is still waiting
 * to be sent to them, and audits it, all in one transaction. Doing it again changes
 * nothing and writes nothing. Null for a token we never sent.
 */
export async function unsubscribe(token: string): Promise<{ outcome: UnsubscribeOutcome; company: string | null } | null> {
  const message = await messageOf(token);
  if (!message) return null;
  const company = senderName(message.fromAddress);
  if (!message.candidateId) return { outcome: "already", company };
  const candidateId = message.candidateId;
  const outcome = await db().$transaction((tx) => unsubscribeCandidate(tx, candidateId, message.id));
  return { outcome, company };
}

async function unsubscribeCandidate(tx: Tx, candidateId: string, emailMessageId: string): Promise<UnsubscribeOutcome> {
  const chain = await mergeChain(tx, candidateId);
  // People first, then their messages: the order contactRefusals and erasure lock in.
  const rows = await tx.$queryRaw<Array<{ id: string; doNotContact: boolean; erasedAt: Date | null }>>`
    SELECT id, "doNotContact", "erasedAt" FROM "Candidate" WHERE id IN (${Prisma.join(chain)}) ORDER BY id FOR UPDATE`;
  const live = chain.filter((id) => rows.some((r) => r.id === id && !r.erasedAt));
  if (!live.length) return "erased";
  let marked = 0;
  for (const row of rows) {
    if (row.erasedAt || row.doNotContact) continue;
    await writeDoNotContact(tx, { actorId: null, candidateId: row.id, doNotContact: true, reason: UNSUBSCRIBE_REASON });
    marked += 1;
  }
  const cancelled = await cancelQueued(tx, chain);
  if (!marked && !cancelled) return "already";
  await audit(tx, {
    actorId: null,
    action: "candidate.unsubscribe",
    entityType: "Candidate",
    // The row the profile shows: the last one the person was merged into.
    entityId: live[live.length - 1]!,
    details: { emailMessageId, markedCandidates: marked, cancelledMessages: cancelled },
  });
  return "unsubscribed";
}

/** The candidate and each row it was merged into, up to the one still shown. */
async function mergeChain(tx: Tx, candidateId: string): Promise<string[]> {
  const chain = [candidateId];
  for (let hop = 0; hop < MAX_MERGE_HOPS; hop++) {
    const row = await tx.candidate.findUnique({ where: { id: chain[chain.length - 1] }, select: { mergedIntoId: true } });
    if (!row?.mergedIntoId || chain.includes(row.mergedIntoId)) break;
    chain.push(row.mergedIntoId);
  }
  return chain;
}

/**
 * Messages to them still waiting to be sent. One a worker is handing to the SMTP
 * server right now (its row locked) is past stopping and is skipped, not waited for.
 */
async function cancelQueued(tx: Tx, candidateIds: readonly string[]): Promise<number> {
  const rows = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT id FROM "EmailMessage"
    WHERE status = 'QUEUED'
      AND ("candidateId" IN (${Prisma.join(candidateIds)})
        OR "applicationId" IN (SELECT id FROM "Application" WHERE "candidateId" IN (${Prisma.join(candidateIds)})))
    FOR UPDATE SKIP LOCKED`;
  if (!rows.length) return 0;
  const { count } = await tx.emailMessage.updateMany({
    where: { id: { in: rows.map((r) => r.id) }, status: "QUEUED" },
    data: { status: "CANCELLED", error: UNSUBSCRIBED_ERROR, nextAttemptAt: null },
  });
  return count;
}
