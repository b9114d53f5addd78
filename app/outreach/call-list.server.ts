import { Prisma, type CallOutcome, type Stage } from "@prisma/client";
import { type AppLocale } from "~/i18n/i18n";
import { moveToStage } from "~/pipeline/pipeline.server";
import { sendQuestionnaireInvitation } from "~/questionnaires/invite-links.server";
import { type ContactBlock } from "~/sourcing/contact-policy";
import { contactRefusals } from "~/sourcing/contact-policy.server";
import { i18nFor } from "~/ui/i18n-instance";
import { audit } from "~/utils/audit.server";
import { db, type Tx } from "~/utils/db.server";
import { CLAIM_LEASE_MS, dailyCallStats, isReached, MAX_UNREACHED_ATTEMPTS, taskAfterCall, unreachedStreak, type OutcomeForm } from "./calls";

/**
 * The call list (обзвон): per vacancy, one CallTask per application that may be
 * called, made when the list is opened. Who is on it: applications at SOURCED or
 * CONTACTED whose candidate has a phone, is not merged away, and may be contacted
 * (contact-policy.ts contactBlock, in SQL below; contactRefusals has the final say
 * when a candidate is claimed and when an outcome is recorded).
 *
 * Two recruiters on one list never get the same person: claimNext locks the task row
 * it picks (FOR UPDATE SKIP LOCKED) and writes the claim into that same row, so a
 * concurrent claimer skips it, or, if the claim committed first, re-checks the row and
 * finds it taken. Recording takes the locks in the house order, the person and the
 * application first (contactRefusals), then the task; claiming takes the task first but
 * never waits after that (SKIP LOCKED), so neither can deadlock with the other or with
 * an erasure or a stage move.
 */

/** The application `a` and its candidate `c` belong on the list: contactBlock in SQL terms. */
const IN_LIST = Prisma.sql`
  a.stage IN ('SOURCED', 'CONTACTED')
  AND c.phone IS NOT NULL AND btrim(c.phone) <> ''
  AND c."mergedIntoId" IS NULL AND c."erasedAt" IS NULL AND NOT c."doNotContact"
  AND (a.tier IS DISTINCT FROM 'EXCLUDED' OR a."contactOverrideAt" IS NOT NULL)`;

const TASKS = Prisma.sql`
  "CallTask" t
  JOIN "Application" a ON a.id = t."applicationId"
  JOIN "Candidate" c ON c.id = a."candidateId"`;

/** Never called: by tier (an excluded one someone allowed last), then the longest waiting. */
const TIER_RANK = Prisma.sql`CASE a.tier WHEN 'TARGET' THEN 0 WHEN 'ADJACENT' THEN 1 WHEN 'OPEN_MARKET' THEN 2 WHEN 'EXCLUDED' THEN 4 ELSE 3 END`;

/** Due callbacks by their time, then the never called, then retries with the fewest attempts. */
const QUEUE_ORDER = Prisma.sql`
  CASE WHEN t."callbackRequested" THEN 0 WHEN t.attempts = 0 THEN 1 ELSE 2 END,
  CASE WHEN t."callbackRequested" THEN t."dueAt" END,
  CASE WHEN t.attempts = 0 THEN ${TIER_RANK} END,
  CASE WHEN t.attempts = 0 THEN a."createdAt" END,
  t.attempts, t."dueAt", t."applicationId"`;

const TX_OPTIONS = { maxWait: 10_000, timeout: 20_000 };

export type CallProblem = "not-found" | "not-claimed" | "already-recorded" | "stage-changed" | ContactBlock;

export class CallRefused extends Error {
  constructor(readonly problem: CallProblem) {
    super(`Call outcome refused: ${problem}`);
    this.name = "CallRefused";
  }
}

/** Adds the vacancy's callable applications that have no task yet. */
export async function ensureCallTasks(tx: Tx, vacancyId: string): Promise<number> {
  return tx.$executeRaw`
    INSERT INTO "CallTask" ("applicationId", "vacancyId")
    SELECT a.id, a."vacancyId" FROM "Application" a JOIN "Candidate" c ON c.id = a."candidateId"
    WHERE a."vacancyId" = ${vacancyId} AND ${IN_LIST}
    ON CONFLICT ("applicationId") DO NOTHING`;
}

export type Claim = { applicationId: string; claimedUntil: Date };

/**
 * The candidate this recruiter should call now on the vacancy's list, claimed for
 * CLAIM_LEASE_MS: the one they already hold (a reload gives it back), or the next free
 * one in queue order. Null when nobody is left to call now.
 */
export async function claimNext(input: { vacancyId: string; recruiterId: string; now?: Date }): Promise<Claim | null> {
  const now = input.now ?? new Date();
  const claimedUntil = new Date(now.getTime() + CLAIM_LEASE_MS);
  return db().$transaction(async (tx) => {
    await ensureCallTasks(tx, input.vacancyId);
    const skipped: string[] = [];
    const notSkipped = () => (skipped.length ? Prisma.sql`AND t."applicationId" NOT IN (${Prisma.join(skipped)})` : Prisma.empty);
    // A stale override (the policy's company check) is the only refusal the SQL cannot see: rare, so a few tries.
    for (let tries = 0; tries < 20; tries++) {
      const held = await tx.$queryRaw<Array<{ id: string }>>`
        SELECT t."applicationId" AS id FROM ${TASKS}
        WHERE t."vacancyId" = ${input.vacancyId} AND t."claimedById" = ${input.recruiterId} AND t."doneAt" IS NULL
          AND ${IN_LIST} ${notSkipped()}
        ORDER BY t."claimedUntil" DESC LIMIT 1
        FOR UPDATE OF t`;
      const free = held.length
        ? held
        : await tx.$queryRaw<Array<{ id: string }>>`
            SELECT t."applicationId" AS id FROM ${TASKS}
            WHERE t."vacancyId" = ${input.vacancyId} AND t."doneAt" IS NULL
              AND (t."dueAt" IS NULL OR t."dueAt" <= ${now})
              AND (t."claimedById" IS NULL OR t."claimedUntil" IS NULL OR t."claimedUntil" <= ${now})
              AND ${IN_LIST} ${notSkipped()}
            ORDER BY ${QUEUE_ORDER}
            LIMIT 1
            FOR UPDATE OF t SKIP LOCKED`;
      const id = free[0]?.id;
      if (!id) return null;
      // Holding the task, never wait: someone being changed right now (an erasure, a move) is skipped this time.
      const person = await tx.$queryRaw<Array<{ id: string }>>`
        SELECT c.id FROM "Application" a JOIN "Candidate" c ON c.id = a."candidateId"
        WHERE a.id = ${id}
        FOR SHARE OF c SKIP LOCKED FOR UPDATE OF a SKIP LOCKED`;
      if (!person.length || (await contactRefusals(tx, [id])).get(id)) {
        skipped.push(id);
        continue;
      }
      await tx.callTask.update({ where: { applicationId: id }, data: { claimedById: input.recruiterId, claimedUntil } });
      return { applicationId: id, claimedUntil };
    }
    return null;
  }, TX_OPTIONS);
}

type LockedTask = { applicationId: string; vacancyId: string; attempts: number; claimedById: string | null; doneAt: Date | null };

export type OutcomeResult = {
  applicationId: string;
  outcome: CallOutcome;
  /** Off the list now, and why. */
  done: ReturnType<typeof taskAfterCall>["done"];
  /** Interested: what happened to the questionnaire invitation. */
  questionnaire: null | "queued" | "duplicate" | "no-template" | "no-email";
};

/** The stage moves a reached call makes from the application's stage now. */
function movesFor(outcome: CallOutcome, stage: Stage): Stage[] {
  const moves: Stage[] = [];
  if (isReached(outcome) && stage === "SOURCED") moves.push("CONTACTED");
  if (outcome === "INTERESTED") moves.push("QUESTIONNAIRE_SENT");
  if (outcome === "NOT_INTERESTED") moves.push("WITHDRAWN");
  return moves;
}

/**
 * Records a call's outcome in one transaction: the attempt, the task's next state (its
 * claim released), the stage moves (history rows) and, for an interested candidate,
 * the questionnaire invitation. Refused (CallRefused, nothing written) unless this
 * recruiter holds the task.
 */
export async function recordOutcome(
  input: OutcomeForm & { recruiterId: string; locale: AppLocale; now?: Date },
): Promise<OutcomeResult> {
  const now = input.now ?? new Date();
  const { applicationId, outcome } = input;
  const t = i18nFor(input.locale).t;
  return db().$transaction(async (tx) => {
    // The person and the application first (locked by contactRefusals), then the task.
    const refusals = await contactRefusals(tx, [applicationId]);
    if (!refusals.has(applicationId)) throw new CallRefused("not-found");
    const [task] = await tx.$queryRaw<LockedTask[]>`
      SELECT "applicationId", "vacancyId", attempts, "claimedById", "doneAt"
      FROM "CallTask" WHERE "applicationId" = ${applicationId} FOR UPDATE`;
    if (!task) throw new CallRefused("not-found");
    if (task.doneAt) throw new CallRefused("already-recorded");
    if (task.claimedById !== input.recruiterId) throw new CallRefused("not-claimed");
    const refusal = refusals.get(applicationId);
    if (refusal) throw new CallRefused(refusal);
    // Read under the lock contactRefusals took: nobody moves it under us now.
    const application = await tx.application.findUniqueOrThrow({ where: { id: applicationId }, select: { stage: true, candidateId: true } });
    if (application.stage !== "SOURCED" && application.stage !== "CONTACTED") throw new CallRefused("stage-changed");

    const before = await tx.callAttempt.findMany({
      where: { applicationId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: MAX_UNREACHED_ATTEMPTS,
      select: { outcome: true },
    });
    const next = taskAfterCall({ outcome, at: now, streakBefore: unreachedStreak(before.map((a) => a.outcome)), callbackAt: input.callbackAt });
    await tx.callAttempt.create({
      data: {
        applicationId,
        vacancyId: task.vacancyId,
        recruiterId: input.recruiterId,
        outcome,
        callbackAt: input.callbackAt,
        reason: input.reason,
        note: input.note,
        createdAt: now,
      },
    });
    await tx.callTask.update({
      where: { applicationId },
      data: {
        attempts: { increment: 1 },
        lastOutcome: outcome,
        lastCalledAt: now,
        dueAt: next.dueAt,
        callbackRequested: next.callbackRequested,
        claimedById: null,
        claimedUntil: null,
        doneAt: next.done ? now : null,
      },
    });

    const moves = movesFor(outcome, application.stage);
    const reason = !moves.length
      ? null
      : outcome === "NOT_INTERESTED"
        ? t("calls.stageReasons.NOT_INTERESTED", { reason: t(`calls.reasons.${input.reason}`) })
        : t(`calls.stageReasons.${outcome}`);
    for (const to of moves) {
      await moveToStage(tx, { applicationId, to, actorId: input.recruiterId, reason });
    }

    let questionnaire: OutcomeResult["questionnaire"] = null;
    if (outcome === "INTERESTED") {
      const sent = await sendQuestionnaireInvitation(tx, { applicationId, vacancyId: task.vacancyId, actorId: input.recruiterId });
      questionnaire = sent.status;
    }

    await audit(tx, {
      actorId: input.recruiterId,
      action: "candidate.call",
      entityType: "Candidate",
      entityId: application.candidateId,
      details: { applicationId, vacancyId: task.vacancyId, outcome },
    });
    return { applicationId, outcome, done: next.done, questionnaire };
  }, TX_OPTIONS);
}

export type QueueCounts = { callbacksDue: number; toCall: number; later: number; done: number };

/** How the vacancy's list stands at `now`: callbacks due, others to call now, called back later, done. */
export async function queueCounts(vacancyId: string, now = new Date()): Promise<QueueCounts> {
  const [row] = await db().$queryRaw<Array<Record<keyof QueueCounts, bigint>>>`
    SELECT
      count(*) FILTER (WHERE t."doneAt" IS NULL AND ${IN_LIST} AND t."callbackRequested" AND t."dueAt" <= ${now}) AS "callbacksDue",
      count(*) FILTER (WHERE t."doneAt" IS NULL AND ${IN_LIST} AND NOT t."callbackRequested" AND (t."dueAt" IS NULL OR t."dueAt" <= ${now})) AS "toCall",
      count(*) FILTER (WHERE t."doneAt" IS NULL AND ${IN_LIST} AND t."dueAt" > ${now}) AS later,
      count(*) FILTER (WHERE t."doneAt" IS NOT NULL) AS done
    FROM ${TASKS} WHERE t."vacancyId" = ${vacancyId}`;
  return {
    callbacksDue: Number(row?.callbacksDue ?? 0),
    toCall: Number(row?.toCall ?? 0),
    later: Number(row?.later ?? 0),
    done: Number(row?.done ?? 0),
  };
}

/**
 * Calls, reached and interested per recruiter and Moscow day, for calls made in
 * [from, to) (on one vacancy, or all), with the recruiters' names.
 */
export async function callStats(input: { from: Date; to: Date; vacancyId?: string }) {
  const attempts = await db().callAttempt.findMany({
    where: { createdAt: { gte: input.from, lt: input.to }, ...(input.vacancyId ? { vacancyId: input.vacancyId } : {}) },
    select: { recruiterId: true, outcome: true, createdAt: true },
  });
  const rows = dailyCallStats(attempts);
  const ids = [...new Set(rows.flatMap((r) => r.recruiterId ?? []))];
  const users = ids.length ? await db().user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }) : [];
  const names = new Map(users.map((u) => [u.id, u.name]));
  return rows.map((r) => ({ ...r, recruiterName: r.recruiterId ? (names.get(r.recruiterId) ?? null) : null }));
}
