import { type Campaign, type TemplateKind } from "@prisma/client";
import pg from "pg";
import { bulkInsert, type Column, newId } from "~/utils/bulk-insert.server";
import { db, type Tx } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { enqueue } from "~/utils/jobs.server";
import { type DeliveryOutcome, deliverBatch, mailFrom } from "~/utils/mail.server";
import { outreachDeliveryHooks } from "./delivery.server";
import { budgetFreesAt, nextOpening, sendBudget } from "./sending-window";

/**
 * The campaign outbox. A launch writes one QUEUED EmailMessage per recipient
 * (queueCampaignMessages, in the launch's transaction); the campaign.dispatch job
 * delivers them through deliverNow (at most once each), inside the send window and
 * under the rate limits, re-asking the contact rule for every message. One runner per
 * campaign at a time (a PostgreSQL advisory lock, freed by the database if the
 * process dies); a runner works a slice of SLICE_MS and queues the next, and the
 * campaign.sweep job (every minute and at start-up) restarts campaigns whose runner
 * died. See docs/decisions/014-outreach-delivery.md.
 */

export type CampaignMessageInput = {
  /** Given when something else must name the message before it is queued (a questionnaire link). */
  id?: string;
  applicationId: string;
  candidateId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  unsubscribeTokenHash: string;
  templateKind: TemplateKind;
};

/** One campaign message per candidate, ever: a launch repeated adds nothing. */
export function campaignDedupeKey(campaignId: string, candidateId: string): string {
  return `campaign:${campaignId}:${candidateId}`;
}

const INSERT_CHUNK = 2_000;

/** Writes the campaign's messages (QUEUED) in a few statements; returns how many were new. */
export async function queueCampaignMessages(
  tx: Tx,
  campaignId: string,
  messages: readonly CampaignMessageInput[],
): Promise<number> {
  const fromAddress = mailFrom();
  const now = new Date();
  let created = 0;
  for (let i = 0; i < messages.length; i += INSERT_CHUNK) {
    created += await bulkInsert(
      tx,
      "EmailMessage",
      [
        { name: "id", type: "text", value: (m) => m.id ?? newId() },
        { name: "toAddress", type: "text", value: (m) => m.to },
        { name: "fromAddress", type: "text", value: () => fromAddress },
        { name: "subject", type: "text", value: (m) => m.subject },
        { name: "text", type: "text", value: (m) => m.text },
        { name: "html", type: "text", value: (m) => m.html },
        { name: "headers", type: "jsonb", value: (m) => m.headers },
        { name: "status", type: "enum:EmailStatus", value: () => "QUEUED" },
        { name: "dedupeKey", type: "text", value: (m) => campaignDedupeKey(campaignId, m.candidateId) },
        { name: "candidateId", type: "text", value: (m) => m.candidateId },
        { name: "applicationId", type: "text", value: (m) => m.applicationId },
        { name: "campaignId", type: "text", value: () => campaignId },
        { name: "templateKind", type: "enum:TemplateKind", value: (m) => m.templateKind },
        { name: "unsubscribeTokenHash", type: "text", value: (m) => m.unsubscribeTokenHash },
        { name: "createdAt", type: "timestamp", value: () => now },
      ] satisfies ReadonlyArray<Column<CampaignMessageInput>>,
      messages.slice(i, i + INSERT_CHUNK),
      { skipDuplicates: true },
    );
  }
  return created;
}

/** Queues a dispatch run (in `tx`, so it exists only if the launch commits). */
export async function kickCampaign(tx: Tx | undefined, campaignId: string, { startAfter }: { startAfter?: Date } = {}): Promise<void> {
  await enqueue("campaign.dispatch", { campaignId }, { tx, startAfter });
}

export type DispatchResult =
  | { state: "sent-slice"; delivered: number }
  /** Nothing more now; call again at resumeAt. */
  | { state: "scheduled" | "outside-window" | "rate-limited" | "waiting-retry"; resumeAt: Date; delivered: number }
  | { state: "done" | "stopped" | "busy" | "missing"; delivered: number };

const SLICE_MS = 20_000;
/** Batches delivered side by side per campaign (each holds an SMTP and two database connections). */
const PARALLEL = 3;
/** Messages taken per round: PARALLEL batches of up to 20, each in one transaction. */
const BATCH = 60;
/** Wait in-process rather than re-queue when the next slot is this close. */
const SHORT_WAIT_MS = 5_000;

export type DispatchOptions = { sliceMs?: number };

/**
 * Works one campaign for up to a slice: the job's body, and what tests and the
 * outreach CLI call directly. Returns what it stopped on; resumeAt says when to come back.
 */
export async function dispatchCampaign(campaignId: string, { sliceMs = SLICE_MS }: DispatchOptions = {}): Promise<DispatchResult> {
  const lock = await campaignLock(campaignId);
  if (!lock) return { state: "busy", delivered: 0 };
  const deadline = Date.now() + sliceMs;
  let delivered = 0;
  try {
    for (;;) {
      const campaign = await db().campaign.findUnique({ where: { id: campaignId } });
      if (!campaign) return { state: "missing", delivered };
      const now = new Date();
      if (campaign.status === "SCHEDULED") {
        if (campaign.scheduledAt && campaign.scheduledAt > now) {
          return { state: "scheduled", resumeAt: campaign.scheduledAt, delivered };
        }
        await db().campaign.updateMany({ where: { id: campaignId, status: "SCHEDULED" }, data: { status: "SENDING" } });
        continue;
      }
      if (campaign.status !== "SENDING") return { state: "stopped", delivered };

      const opening = nextOpening(now, windowOf(campaign));
      if (opening) return { state: "outside-window", resumeAt: opening, delivered };

      const budget = await currentBudget(campaign, now);
      if (budget <= 0) {
        const wait = await budgetWait(campaign, now);
        if (wait.getTime() - Date.now() <= SHORT_WAIT_MS && wait.getTime() < deadline) {
          await sleep(wait.getTime() - Date.now());
          continue;
        }
        return { state: "rate-limited", resumeAt: wait, delivered };
      }
      const due = await db().emailMessage.findMany({
        where: { campaignId, status: "QUEUED", OR: [{ nextAttemptAt: null }, { nextAttemptAt: { lte: now } }] },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: Math.min(budget, BATCH),
        select: { id: true },
      });
      if (!due.length) {
        const later = await db().emailMessage.findFirst({
          where: { campaignId, status: "QUEUED" },
          orderBy: { nextAttemptAt: "asc" },
          select: { nextAttemptAt: true },
        });
        if (later) return { state: "waiting-retry", resumeAt: later.nextAttemptAt ?? new Date(Date.now() + 1_000), delivered };
        await db().campaign.updateMany({
          where: { id: campaignId, status: "SENDING" },
          data: { status: "DONE", finishedAt: new Date() },
        });
        return { state: "done", delivered };
      }
      // A few batches side by side, each over its own SMTP connection.
      const batches = chunk(due.map((m) => m.id), Math.ceil(due.length / PARALLEL));
      const outcomes = (await Promise.all(batches.map((ids) => deliverSafely(ids)))).flat();
      delivered += outcomes.filter((o) => o.status !== "skipped").length;
      if (Date.now() >= deadline) return { state: "sent-slice", delivered };
    }
  } finally {
    await lock.release();
  }
}

/** Runs the dispatcher in this process until nothing is sendable now (tests, the CLI). */
export async function drainCampaign(campaignId: string, options: DispatchOptions = {}): Promise<DispatchResult> {
  for (;;) {
    const result = await dispatchCampaign(campaignId, options);
    if (result.state !== "sent-slice") return result;
  }
}

/** The job's follow-up: come back when the result says, or at once after a full slice. */
export async function followUp(campaignId: string, result: DispatchResult): Promise<void> {
  if (result.state === "sent-slice") await kickCampaign(undefined, campaignId);
  else if ("resumeAt" in result) await kickCampaign(undefined, campaignId, { startAfter: result.resumeAt });
}

/**
 * Gives a runner to every campaign that should be sending and has none (its runner
 * died, or a follow-up was lost): a free advisory lock means nobody works it.
 * Returns how many were started.
 */
export async function sweepCampaigns(): Promise<number> {
  const campaigns = await db().campaign.findMany({
    where: {
      OR: [{ status: "SENDING" }, { status: "SCHEDULED", OR: [{ scheduledAt: null }, { scheduledAt: { lte: new Date() } }] }],
    },
    select: { id: true },
  });
  let started = 0;
  for (const { id } of campaigns) {
    const probe = await campaignLock(id);
    if (!probe) continue;
    await probe.release();
    await kickCampaign(undefined, id);
    started += 1;
  }
  return started;
}

async function deliverSafely(ids: readonly string[]): Promise<DeliveryOutcome[]> {
  try {
    return [...(await deliverBatch(ids, { hooks: outreachDeliveryHooks })).values()];
  } catch (error) {
    // A database hiccup (a deadlock, a timeout) rolls the batch back to QUEUED.
    console.warn(`campaign batch of ${ids.length}: delivery interrupted, will retry: ${(error as Error).message}`);
    return [];
  }
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += Math.max(1, size)) chunks.push(items.slice(i, i + Math.max(1, size)));
  return chunks;
}

function windowOf(campaign: Campaign) {
  return {
    enabled: campaign.windowEnabled,
    start: campaign.windowStart,
    end: campaign.windowEnd,
    days: campaign.windowDays,
    timeZone: campaign.timeZone,
  };
}

const limitsOf = (campaign: Campaign) => ({ perMinute: campaign.ratePerMinute, perHour: campaign.ratePerHour });

async function attemptCounts(campaignId: string, now: Date) {
  const rows = await db().$queryRaw<Array<{ minute: bigint; hour: bigint }>>`
    SELECT count(*) FILTER (WHERE "attemptedAt" > ${new Date(now.getTime() - 60_000)}) AS minute,
           count(*) AS hour
    FROM "EmailMessage"
    WHERE "campaignId" = ${campaignId} AND "attemptedAt" > ${new Date(now.getTime() - 3_600_000)}`;
  return { minute: Number(rows[0]?.minute ?? 0), hour: Number(rows[0]?.hour ?? 0) };
}

async function currentBudget(campaign: Campaign, now: Date): Promise<number> {
  const counts = await attemptCounts(campaign.id, now);
  return sendBudget(limitsOf(campaign), counts.minute, counts.hour);
}

/** When the limits, used up now, allow the next attempt. */
async function budgetWait(campaign: Campaign, now: Date): Promise<Date> {
  const recent = await db().emailMessage.findMany({
    where: { campaignId: campaign.id, attemptedAt: { gt: new Date(now.getTime() - 3_600_000) } },
    select: { attemptedAt: true },
  });
  return budgetFreesAt(
    limitsOf(campaign),
    now,
    recent.map((r) => r.attemptedAt!),
  );
}

/** A session advisory lock on a connection of its own: the database frees it if we die. */
async function campaignLock(campaignId: string): Promise<{ release(): Promise<void> } | null> {
  const client = new pg.Client({ connectionString: env().DATABASE_URL, application_name: "kam-hiring-dispatch" });
  await client.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>(
      "SELECT pg_try_advisory_lock(4711, hashtext($1)) AS locked",
      [campaignId],
    );
    if (!rows[0]?.locked) {
      await client.end();
      return null;
    }
  } catch (error) {
    await client.end().catch(() => {});
    throw error;
  }
  return { release: () => client.end() };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
