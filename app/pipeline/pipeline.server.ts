import { Prisma, type Application, type SourcingTier, type Stage, type StageEvent } from "@prisma/client";
import { bulkInsert, newId } from "~/utils/bulk-insert.server";
import { CONTACT_STAGES, type ContactBlock, moveReachesOut } from "~/sourcing/contact-policy";
import { contactRefusals } from "~/sourcing/contact-policy.server";
import { type TierReason } from "~/sourcing/tiers";
import { db, type Tx } from "~/utils/db.server";
import { checkMove, stageBeforeExit, type MoveProblem } from "./stages";

/**
 * The one place an application's stage changes. Each change updates the application
 * and appends its StageChange row (who, when, from, to, why) in the same transaction,
 * with the application row locked so two people moving one candidate at once are
 * applied one after the other, the second seeing the first's result.
 *
 * A move that reaches the candidate (forward into a contact stage, or reopening into
 * one) obeys the one contact rule (app/sourcing/contact-policy.server.ts): never an
 * erased or do-not-contact person, never an excluded one without an override.
 *
 * Only the demo seed writes applications and history directly (app/demo/seed.server.ts),
 * because it recreates weeks of past history in bulk.
 */

export type StageMoveProblem = MoveProblem | "not-found" | "already-added" | ContactBlock;

export class StageMoveError extends Error {
  constructor(
    readonly problem: StageMoveProblem,
    readonly from: Stage | null,
    readonly to: Stage,
  ) {
    super(`Stage move ${from ?? "(new)"} → ${to} refused: ${problem}`);
    this.name = "StageMoveError";
  }
}

export type AddToVacancyInput = {
  candidateId: string;
  vacancyId: string;
  /** Null for changes made by the system (an inbound form, an import job). */
  actorId: string | null;
  tier?: SourcingTier | null;
  reason?: string | null;
  /** The source record whose import brings the candidate here, when one does. */
  sourceRecordId?: string | null;
};

export async function addToVacancy(tx: Tx, input: AddToVacancyInput): Promise<Application> {
  const existing = await tx.application.findUnique({
    where: { candidateId_vacancyId: { candidateId: input.candidateId, vacancyId: input.vacancyId } },
    select: { stage: true },
  });
  if (existing) throw new StageMoveError("already-added", existing.stage, "SOURCED");
  const now = new Date();
  try {
    return await tx.application.create({
      data: {
        candidateId: input.candidateId,
        vacancyId: input.vacancyId,
        tier: input.tier ?? null,
        sourceRecordId: input.sourceRecordId ?? null,
        stage: "SOURCED",
        stageChangedAt: now,
        createdAt: now,
        history: {
          create: { fromStage: null, toStage: "SOURCED", actorId: input.actorId, reason: input.reason ?? null, createdAt: now },
        },
      },
    });
  } catch (error) {
    // Another transaction added the same candidate between our check and insert.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new StageMoveError("already-added", null, "SOURCED");
    }
    throw error;
  }
}

/**
 * addToVacancy for many candidates at once (an import of thousands): two bulk
 * statements instead of two per candidate, each application with its tier and why.
 * Refuses the whole set if any is already on the vacancy. Returns the new application
 * ids by candidate id.
 */
export async function addManyToVacancy(
  tx: Tx,
  input: {
    vacancyId: string;
    actorId: string | null;
    candidates: ReadonlyArray<{ candidateId: string; tier: SourcingTier | null; tierReason?: TierReason | null; sourceRecordId?: string | null }>;
    /** When they were added (an import recreated with its own time); now by default. */
    at?: Date;
  },
): Promise<Map<string, string>> {
  const now = input.at ?? new Date();
  const rows = input.candidates.map((c) => ({ ...c, id: newId() }));
  try {
    await bulkInsert(tx, "Application", [
      { name: "id", type: "text", value: (r) => r.id },
      { name: "candidateId", type: "text", value: (r) => r.candidateId },
      { name: "vacancyId", type: "text", value: () => input.vacancyId },
      { name: "stage", type: "enum:Stage", value: () => "SOURCED" },
      { name: "tier", type: "enum:SourcingTier", value: (r) => r.tier },
      { name: "tierReason", type: "jsonb", value: (r) => r.tierReason ?? null },
      { name: "sourceRecordId", type: "text", value: (r) => r.sourceRecordId ?? null },
      { name: "stageChangedAt", type: "timestamp", value: () => now },
      { name: "createdAt", type: "timestamp", value: () => now },
      { name: "updatedAt", type: "timestamp", value: () => now },
    ], rows);
  } catch (error) {
    // Another transaction added one of them between the caller's check and this insert.
    if (error instanceof Prisma.PrismaClientKnownRequestError && /23505|unique/i.test(`${error.code} ${error.message}`)) {
      throw new StageMoveError("already-added", null, "SOURCED");
    }
    throw error;
  }
  await bulkInsert(tx, "StageChange", [
    { name: "applicationId", type: "text", value: (r) => r.id },
    { name: "toStage", type: "enum:Stage", value: () => "SOURCED" },
    { name: "actorId", type: "text", value: () => input.actorId },
    { name: "createdAt", type: "timestamp", value: () => now },
  ], rows);
  return new Map(rows.map((r) => [r.candidateId, r.id]));
}

export type MoveToStageInput = {
  applicationId: string;
  to: Stage;
  actorId: string | null;
  reason?: string | null;
};

export async function moveToStage(tx: Tx, input: MoveToStageInput): Promise<Application> {
  const { applicationId, to, actorId } = input;
  const reason = input.reason?.trim() || null;
  // Read (and locked) before the application itself: people first, as every writer locks them.
  const refusal = CONTACT_STAGES.includes(to) ? ((await contactRefusals(tx, [applicationId])).get(applicationId) ?? null) : null;
  // The lock makes a concurrent move wait here until ours commits, then read our result.
  const locked = await tx.$queryRaw<Array<{ stage: Stage; stageChangedAt: Date }>>`
    SELECT stage::text AS stage, "stageChangedAt" FROM "Application" WHERE id = ${applicationId} FOR UPDATE`;
  const current = locked[0];
  if (!current) throw new StageMoveError("not-found", null, to);

  const from = current.stage;
  let before: Stage | null = null;
  if (from === "REJECTED" || from === "WITHDRAWN") {
    const lastChange = await tx.stageChange.findFirst({
      where: { applicationId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { fromStage: true, toStage: true },
    });
    before = lastChange ? stageBeforeExit([lastChange]) : null;
  }
  const check = checkMove(from, to, { reason, stageBeforeExit: before });
  if (!check.ok) throw new StageMoveError(check.problem, from, to);
  if (refusal && moveReachesOut(check.kind, to)) throw new StageMoveError(refusal, from, to);

  // History stays ordered by time even if this server's clock lags another's.
  const now = new Date(Math.max(Date.now(), current.stageChangedAt.getTime() + 1));
  const application = await tx.application.update({
    where: { id: applicationId },
    data: { stage: to, stageChangedAt: now },
  });
  await tx.stageChange.create({
    data: { applicationId, fromStage: from, toStage: to, actorId, reason, createdAt: now },
  });
  return application;
}

/**
 * One forward move for many at once (a campaign's letters going out): each application
 * still at one of `from` moves to `to`, with its history row, in two statements. The
 * caller has asked the contact rule for them in the same transaction (contactRefusals,
 * which also locks them), as every contacting writer does. Returns the ids that moved.
 */
export async function advanceMany(
  tx: Tx,
  applicationIds: readonly string[],
  { from, to, actorId, reason, event = null }: { from: readonly Stage[]; to: Stage; actorId: string | null; reason: string; event?: StageEvent | null },
): Promise<string[]> {
  const ids = [...new Set(applicationIds)];
  if (!ids.length || !from.length) return [];
  const now = new Date();
  const moved = await tx.$queryRaw<Array<{ id: string; from: Stage; at: Date }>>`
    WITH target AS (
      SELECT id, stage::text AS "from" FROM "Application"
      WHERE id IN (${Prisma.join(ids)}) AND stage::text IN (${Prisma.join(from)})
      FOR UPDATE
    )
    UPDATE "Application" AS a
    SET stage = ${to}::"Stage",
        "stageChangedAt" = GREATEST(${now}::timestamp, a."stageChangedAt" + interval '1 millisecond'),
        "updatedAt" = ${now}::timestamp
    FROM target
    WHERE a.id = target.id
    RETURNING a.id, target."from", a."stageChangedAt" AS at`;
  await bulkInsert(tx, "StageChange", [
    { name: "applicationId", type: "text", value: (r) => r.id },
    { name: "fromStage", type: "enum:Stage", value: (r) => r.from },
    { name: "toStage", type: "enum:Stage", value: () => to },
    { name: "actorId", type: "text", value: () => actorId },
    { name: "reason", type: "text", value: () => reason },
    { name: "event", type: "enum:StageEvent", value: () => event },
    { name: "createdAt", type: "timestamp", value: (r) => r.at },
  ], moved);
  return moved.map((r) => r.id);
}

/**
 * A step inside the current stage, for the history only (an interview confirmed, a
 * no-show): one StageChange row per application with fromStage = toStage = its stage
 * and the event. Applications that are out (rejected, withdrawn) or hired get none.
 * Returns the ids recorded.
 */
export async function recordStageEvent(
  tx: Tx,
  applicationIds: readonly string[],
  { event, actorId, reason = null }: { event: StageEvent; actorId: string | null; reason?: string | null },
): Promise<string[]> {
  const ids = [...new Set(applicationIds)];
  if (!ids.length) return [];
  const now = new Date();
  const rows = await tx.$queryRaw<Array<{ id: string; stage: Stage; at: Date }>>`
    UPDATE "Application" AS a
    SET "stageChangedAt" = GREATEST(${now}::timestamp, a."stageChangedAt" + interval '1 millisecond')
    WHERE a.id IN (${Prisma.join(ids)}) AND a.stage::text NOT IN ('REJECTED', 'WITHDRAWN', 'HIRED')
    RETURNING a.id, a.stage::text AS stage, a."stageChangedAt" AS at`;
  await bulkInsert(tx, "StageChange", [
    { name: "applicationId", type: "text", value: (r) => r.id },
    { name: "fromStage", type: "enum:Stage", value: (r) => r.stage },
    { name: "toStage", type: "enum:Stage", value: (r) => r.stage },
    { name: "actorId", type: "text", value: () => actorId },
    { name: "reason", type: "text", value: () => reason },
    { name: "event", type: "enum:StageEvent", value: () => event },
    { name: "createdAt", type: "timestamp", value: (r) => r.at },
  ], rows);
  return rows.map((r) => r.id);
}

/** The first contact for many at once: SOURCED → CONTACTED (see advanceMany). */
export function markContacted(tx: Tx, applicationIds: readonly string[], { actorId, reason }: { actorId: string | null; reason: string }): Promise<string[]> {
  return advanceMany(tx, applicationIds, { from: ["SOURCED"], to: "CONTACTED", actorId, reason });
}

const TX_OPTIONS = { maxWait: 10_000, timeout: 15_000 };

/** addToVacancy in a transaction of its own. */
export function addApplication(input: AddToVacancyInput): Promise<Application> {
  return db().$transaction((tx) => addToVacancy(tx, input), TX_OPTIONS);
}

/** moveToStage in a transaction of its own. */
export function moveApplication(input: MoveToStageInput): Promise<Application> {
  return db().$transaction((tx) => moveToStage(tx, input), TX_OPTIONS);
}

/** An application's stage history, oldest first. */
export function stageHistory(tx: Pick<Tx, "stageChange">, applicationId: string) {
  return tx.stageChange.findMany({
    where: { applicationId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: { actor: { select: { id: true, name: true } } },
  });
}
