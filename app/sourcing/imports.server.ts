import { type ImportBatch, type ImportStatus, Prisma } from "@prisma/client";
import { audit } from "~/utils/audit.server";
import { db, type Tx } from "~/utils/db.server";
import { enqueue } from "~/utils/jobs.server";
import { type FetchState } from "./api-search";
import { type ImportSummary, ingestRecords, type IngestOutcome, previewBatch } from "./ingest.server";
import { type PendingMapping } from "./import-forms";
import { type CandidateRecord, CandidateRecordSchema, type Channel, type RowError, type Source } from "./record";
import { parseTierReason } from "./tiers";

/**
 * Import batches: parsed records wait as a preview until a person commits or discards
 * them. A commit is all or nothing: one transaction, inline for small batches, in a
 * background job (sourcing.import) for large ones, which reports progress from a
 * second connection so the page can show it while the transaction is still open.
 * A board search first fetches in a job of its own (api-search.server.ts), the batch
 * QUEUED/RUNNING with `summary.fetch` set, and ends in PREVIEW like an upload.
 * Creating, discarding and committing a batch are audited in the same transaction.
 */

/** Up to this many records commit while the recruiter waits; more go to a job. */
export const INLINE_COMMIT_LIMIT = 200;
// One transaction for the whole batch: generous, since 5,000 records take seconds
// on an idle server and a busy one may be several times slower.
const COMMIT_TX = { maxWait: 30_000, timeout: 20 * 60_000 };

export type CommitResult = { new: number; merged: number; unchanged: number; erased: number };

/** What the batch keeps after commit: counts only, no names. */
export type StoredSummary = Partial<ImportSummary> & { result?: CommitResult; search?: SearchReport; fetch?: FetchState };

/** A batch whose board search is still fetching, queued or running: only then is `summary.fetch` set. */
export const FETCHING = { status: { in: ["QUEUED", "RUNNING"] }, summary: { path: ["fetch"], not: Prisma.AnyNull } } satisfies Prisma.ImportBatchWhereInput;

export class ImportCommitRefused extends Error {
  constructor(readonly problem: "not-found" | "row-errors" | "not-preview" | "empty") {
    super(`Import commit refused: ${problem}`);
    this.name = "ImportCommitRefused";
  }
}

export type CreateBatchInput = {
  source: Source;
  channel: Channel;
  adapter: string;
  label: string;
  vacancyId: string | null;
  actorId: string | null;
  records: readonly CandidateRecord[];
  rowErrors: readonly RowError[];
};

export type SearchReport = {
  found: number;
  skipped: RowError[];
  notes: string[];
  /** Responses to this hh.ru vacancy, rather than a search of the resume database. */
  hhVacancyId?: string;
};

export const asJson = (value: unknown) => value as Prisma.InputJsonValue;

type PendingFile = { pending: PendingMapping; file: { name: string; base64: string } };

/** The mapping step's data, without the file (which never goes to the browser). */
function pendingMapping(mapping: Prisma.JsonValue | null): PendingMapping | null {
  return (mapping as Partial<PendingFile> | null)?.pending ?? null;
}

/** Where a new batch came from, for which vacancy, and who made it. */
export type NewBatch = Omit<CreateBatchInput, "records" | "rowErrors">;

type BatchContent = Pick<Prisma.ImportBatchUncheckedCreateInput, "status" | "records" | "rowErrors" | "summary" | "mapping" | "total">;

/**
 * Creates a batch (in PREVIEW unless `content` says otherwise) and its import.create
 * audit entry in the caller's transaction. The entry says what the batch is, never
 * whom it holds.
 */
export async function insertBatch(tx: Tx, input: NewBatch, content: BatchContent, auditDetails: Record<string, string | undefined> = {}) {
  const { source, channel, adapter, vacancyId, actorId } = input;
  const batch = await tx.importBatch.create({
    data: { source, channel, adapter, vacancyId, label: input.label.slice(0, 300), createdById: actorId, status: "PREVIEW", ...content },
    select: { id: true, total: true },
  });
  const details = { source, channel, adapter, vacancyId, total: batch.total, ...auditDetails };
  await audit(tx, { actorId, action: "import.create", entityType: "ImportBatch", entityId: batch.id, details });
  return { id: batch.id };
}

/** A CSV/XLSX batch whose columns the recruiter still has to map: no records yet. */
export function createPendingBatch(input: NewBatch & { mapping: PendingFile }) {
  return db().$transaction((tx) => insertBatch(tx, input, { records: [], mapping: asJson(input.mapping) }));
}

export async function pendingFile(batchId: string): Promise<PendingFile | null> {
  const batch = await db().importBatch.findUnique({ where: { id: batchId }, select: { status: true, mapping: true } });
  const stored = batch?.status === "PREVIEW" ? (batch.mapping as Partial<PendingFile> | null) : null;
  return stored?.pending && stored.file ? (stored as PendingFile) : null;
}

/**
 * What a batch keeps as its preview, however its records came (an upload, a mapped
 * file, a board search): the records without those of people erased on request
 * (previewBatch), the row errors, what a commit would do, and how many records remain.
 */
export async function previewContent(input: { records: readonly CandidateRecord[]; rowErrors: readonly RowError[]; vacancyId: string | null; search?: SearchReport }) {
  const { records, summary } = await previewBatch(input.records, input.vacancyId);
  const stored: StoredSummary = input.search ? { ...summary, search: input.search } : summary;
  return { records: asJson(records), rowErrors: asJson(input.rowErrors), summary: asJson(stored), total: records.length };
}

/** The records read with the confirmed mapping replace the waiting file; the preview is made as for any upload. */
export async function completeMapping(batchId: string, input: { records: CandidateRecord[]; rowErrors: RowError[]; mapping: Record<string, string | null> }) {
  const batch = await db().importBatch.findUniqueOrThrow({ where: { id: batchId }, select: { vacancyId: true } });
  const preview = await previewContent({ ...input, vacancyId: batch.vacancyId });
  await db().importBatch.updateMany({
    where: { id: batchId, status: "PREVIEW" },
    data: { ...preview, mapping: asJson({ confirmed: input.mapping }) },
  });
}

/** Stores the parsed records and row errors with the preview of what a commit would do. */
export async function createImportBatch(input: CreateBatchInput): Promise<{ id: string }> {
  const preview = await previewContent(input);
  return db().$transaction((tx) => insertBatch(tx, input, preview));
}

/** What the commit did, with the erased records the preview already left out (batches previewed before kept theirs as rows). */
function resultOf(outcomes: readonly IngestOutcome[], preview: StoredSummary): CommitResult {
  const dropped = Math.max(0, (preview.erased ?? 0) - (preview.rows ?? []).filter((r) => r.status === "erased").length);
  const result = { new: 0, merged: 0, unchanged: 0, erased: dropped };
  for (const o of outcomes) result[o.erased ? "erased" : o.status] += 1;
  return result;
}

/**
 * The batch's advisory lock, held until the transaction ends: a commit takes it, and so
 * does an erasure that changes the batch. It makes a second commit of the same batch
 * (a double click, a job retried while the first run still goes) wait, then find it
 * committed. It is not a row lock, so progress can still be written to the row from
 * another connection meanwhile.
 */
const batchLockKey = (batchId: string) => `import:${batchId}`;

export async function lockImportBatch(tx: Tx, batchId: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${batchLockKey(batchId)}))`;
}

/** The same lock without waiting: false while a commit (or an erasure) holds it. */
export async function tryLockImportBatch(tx: Tx, batchId: string): Promise<boolean> {
  const [{ locked } = { locked: false }] = await tx.$queryRaw<Array<{ locked: boolean }>>`
    SELECT pg_try_advisory_xact_lock(hashtext(${batchLockKey(batchId)})) AS locked`;
  return locked;
}

/** Locks the batch for this transaction and returns it if it is in one of `from`. */
async function lockBatch(tx: Tx, batchId: string, from: ImportStatus[]) {
  await lockImportBatch(tx, batchId);
  const batch = await tx.importBatch.findUnique({ where: { id: batchId } });
  return batch && from.includes(batch.status) ? batch : null;
}

/** Writes the batch's records and marks it committed, in the caller's transaction. */
async function writeBatch(tx: Tx, batch: ImportBatch, actorId: string | null, onProgress?: (done: number) => Promise<void>) {
  const records = CandidateRecordSchema.array().parse(batch.records);
  const outcomes = await ingestRecords(tx, records, { vacancyId: batch.vacancyId, actorId, batchId: batch.id, onProgress });
  const { rows: _rows, ...counts } = batch.summary as StoredSummary;
  const result = resultOf(outcomes, batch.summary as StoredSummary);
  // The records now live in candidates and source records (where erasure can reach them).
  await tx.importBatch.update({
    where: { id: batch.id },
    data: { status: "COMMITTED", processed: records.length, committedAt: new Date(), error: null, records: [], summary: asJson({ ...counts, result }) },
  });
  await audit(tx, { actorId, action: "import.commit", entityType: "ImportBatch", entityId: batch.id, details: { vacancyId: batch.vacancyId, records: records.length, ...result } });
  return outcomes;
}

/** Ends a run of the batch (a commit, a board search) that is still in one of `from`: FAILED, or QUEUED for a retry. */
export async function markFailed(batchId: string, from: ImportStatus[], error: unknown, status: "FAILED" | "QUEUED" = "FAILED") {
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 2000);
  await db().importBatch.updateMany({ where: { id: batchId, status: { in: from } }, data: { status, error: message, processed: 0 } });
}

/**
 * Commits a previewed batch: small ones at once in one transaction, larger ones by
 * queuing the job in the same transaction as the status change. Returns the status
 * the batch ends up in. A batch with row errors imports nothing: fix the file first.
 */
export async function commitImportBatch(batchId: string, actorId: string | null): Promise<ImportStatus> {
  const batch = await db().importBatch.findUnique({ where: { id: batchId }, select: { status: true, total: true, rowErrors: true, mapping: true } });
  if (!batch) throw new ImportCommitRefused("not-found");
  if ((batch.rowErrors as RowError[]).length) throw new ImportCommitRefused("row-errors");
  if (batch.status !== "PREVIEW") throw new ImportCommitRefused("not-preview");
  if (batch.total === 0) throw new ImportCommitRefused("empty");

  if (batch.total > INLINE_COMMIT_LIMIT) {
    const queued = await db().$transaction(async (tx) => {
      const { count } = await tx.importBatch.updateMany({ where: { id: batchId, status: "PREVIEW" }, data: { status: "QUEUED", processed: 0 } });
      if (count) await enqueue("sourcing.import", { batchId, actorId }, { tx, singletonKey: batchId });
      return count > 0;
    });
    if (!queued) throw new ImportCommitRefused("not-preview");
    return "QUEUED";
  }
  try {
    await db().$transaction(async (tx) => {
      const locked = await lockBatch(tx, batchId, ["PREVIEW"]);
      if (!locked) throw new ImportCommitRefused("not-preview");
      await writeBatch(tx, locked, actorId);
    }, COMMIT_TX);
    return "COMMITTED";
  } catch (error) {
    if (error instanceof ImportCommitRefused) throw error;
    await markFailed(batchId, ["PREVIEW"], error);
    return "FAILED";
  }
}

/**
 * The job's work: commits a queued batch in one transaction, writing progress from
 * the pool's other connections as it goes. Nothing happens for a batch that is not
 * queued or running (already committed by an earlier run, discarded). A failure rolls
 * everything back; the batch is queued again while retries remain, FAILED after.
 */
export async function runImportBatch(batchId: string, actorId: string | null, { isLastAttempt }: { isLastAttempt: boolean }) {
  const from: ImportStatus[] = ["QUEUED", "RUNNING"];
  const progress = async (done: number) => {
    await db().importBatch.updateMany({ where: { id: batchId, status: "RUNNING" }, data: { processed: done } });
  };
  try {
    await db().$transaction(async (tx) => {
      const locked = await lockBatch(tx, batchId, from);
      if (!locked) return;
      await db().importBatch.updateMany({ where: { id: batchId, status: { in: from } }, data: { status: "RUNNING", processed: 0, error: null } });
      await writeBatch(tx, locked, actorId, progress);
    }, COMMIT_TX);
  } catch (error) {
    await markFailed(batchId, from, error, isLastAttempt ? "FAILED" : "QUEUED");
    throw error;
  }
}

/**
 * Throws the batch away: its records and names go, the counts stay. A board search
 * still fetching is stopped this way too (its job sees the batch gone at the next page).
 */
export async function discardImportBatch(batchId: string, actorId: string | null): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const batch = await tx.importBatch.findUnique({ where: { id: batchId }, select: { summary: true } });
    if (!batch) return false;
    const { rows: _rows, fetch: _fetch, ...counts } = batch.summary as StoredSummary;
    const { count } = await tx.importBatch.updateMany({
      where: { id: batchId, OR: [{ status: { in: ["PREVIEW", "FAILED"] } }, FETCHING] },
      data: { status: "DISCARDED", records: [], rowErrors: [], summary: asJson(counts), mapping: Prisma.DbNull },
    });
    if (count) await audit(tx, { actorId, action: "import.discard", entityType: "ImportBatch", entityId: batchId });
    return count > 0;
  });
}

const LIST_SELECT = {
  id: true,
  label: true,
  source: true,
  channel: true,
  adapter: true,
  status: true,
  total: true,
  processed: true,
  error: true,
  createdAt: true,
  committedAt: true,
  vacancy: { select: { id: true, title: true } },
  createdBy: { select: { name: true } },
} as const;

/** Recent batches; those whose board search is still fetching carry its progress (`fetching`). */
export async function listImportBatches({ take = 30 }: { take?: number } = {}) {
  const batches = await db().importBatch.findMany({ orderBy: { createdAt: "desc" }, take, select: LIST_SELECT });
  const running = batches.filter((b) => b.status === "QUEUED" || b.status === "RUNNING").map((b) => b.id);
  // Only the few running ones, since a previewed batch's summary holds every row.
  const fetching = running.length ? await db().importBatch.findMany({ where: { id: { in: running }, ...FETCHING }, select: { id: true, summary: true } }) : [];
  const fetchOf = new Map(fetching.map((b) => [b.id, (b.summary as StoredSummary).fetch ?? null]));
  return batches.map((b) => ({ ...b, fetching: fetchOf.get(b.id) ?? null }));
}

const PREVIEW_PAGE_SIZE = 100;
const ROW_ERRORS_SHOWN = 1_000;

/**
 * One batch as its page shows it: the batch, its counts (the summary without its rows),
 * one page of preview rows with their tier reasons read back from JSON (the page asked
 * for, or the last there is), the first row errors and how many there are, and the
 * mapping step's data while the file waits for it.
 */
export async function importBatchPage(id: string, requestedPage: number) {
  const batch = await db().importBatch.findUnique({ where: { id }, select: { ...LIST_SELECT, summary: true, rowErrors: true, mapping: true } });
  if (!batch) return null;
  const { summary, rowErrors, mapping, ...rest } = batch;
  const { rows: stored, ...counts } = summary as StoredSummary;
  const rows = stored ?? [];
  const errors = rowErrors as RowError[];
  const pageCount = Math.max(1, Math.ceil(rows.length / PREVIEW_PAGE_SIZE));
  const page = Math.min(requestedPage, pageCount);
  return {
    batch: rest,
    counts,
    rows: rows.slice((page - 1) * PREVIEW_PAGE_SIZE, page * PREVIEW_PAGE_SIZE).map((row) => ({ ...row, reason: parseTierReason(row.reason) })),
    page,
    pageCount,
    rowErrors: errors.slice(0, ROW_ERRORS_SHOWN),
    rowErrorCount: errors.length,
    mapping: pendingMapping(mapping),
  };
}

/** Vacancies an import can add people to: any that is not closed, newest first. */
export function importVacancyOptions() {
  return db().vacancy.findMany({
    where: { status: { not: "CLOSED" } },
    orderBy: { createdAt: "desc" },
    select: { id: true, title: true, city: true },
  });
}
