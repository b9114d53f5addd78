import { type SourcingTier } from "@prisma/client";
import { addManyToVacancy } from "~/pipeline/pipeline.server";
import { type AuditAction } from "~/utils/audit-actions";
import { bulkInsert, bulkUpdate, type Column, newId } from "~/utils/bulk-insert.server";
import { db, type Tx } from "~/utils/db.server";
import { findCompaniesByKey, resolveCompanies } from "./companies.server";
import { companyMatchKey } from "./company-match";
import { parsedOf, recordContacts } from "./ingest-keys";
import { createCandidates, fillCandidates, lockPeople } from "./ingest-people.server";
import { type CandidatePlan, type IngestPlan, type MatchKey, planIngest, type RecordPlan } from "./ingest-plan.server";
import { type ImportSummary, statusOf, summarize, tiersOf, writesFor } from "./ingest-summary";
import { type CandidateRecord } from "./record";
import { type SourceIds, sourceIdsOf, sourcesFor } from "./ingest-provenance.server";
import { refreshSearchText } from "./search-text.server";
import { loadCriteria, retierCandidates, writeTiers } from "./tiering.server";
import { type TierReason, type TierResult } from "./tiers";

/**
 * The one step that writes imported people: every importer, the apply page and the
 * manual forms hand their CandidateRecords here. It recognises people we already
 * have (ingest-plan.server.ts), fills only their empty fields, adds jobs and source
 * records, puts them on the vacancy with a tier and why, re-tiers their other
 * applications when their work history grew, and audits every candidate it creates or
 * changes — all in the caller's transaction, in a few bulk statements per chunk so
 * 5,000 records commit in seconds. Importing the same data again adds nothing.
 *
 * Provenance is kept as it is written: which source record gave each field
 * (Candidate.fieldSources), each job (WorkExperience.sourceRecordId) and each
 * application (Application.sourceRecordId), so a split takes back what a record brought.
 */

export type { ImportSummary, PreviewRow } from "./ingest-summary";

export type IngestOptions = {
  vacancyId?: string | null;
  actorId: string | null;
  batchId?: string | null;
  /** Called with the number of records written so far, after each chunk. */
  onProgress?: (done: number) => void | Promise<void>;
  /**
   * When the import happened; now unless given (the demo recreates imports committed
   * days ago). It stamps what ingest writes: created and updated times, the source
   * records' importedAt, the applications' first stage and the audit entries.
   */
  at?: Date;
};

export type IngestOutcome = {
  candidateId: string;
  status: "new" | "merged" | "unchanged";
  matchedBy: MatchKey | null;
  applicationId: string | null;
  tier: SourcingTier | null;
  reason: TierReason | null;
  /** The record belongs to a person whose data was erased: it was not imported. */
  erased: boolean;
  /** The source record that holds this record (new, replaced or the one it repeats); null when erased. */
  sourceRecordId: string | null;
};

const CHUNK = 250;

type Companies = { idOf: (companyName: string) => string | null };

async function companiesFor(tx: Tx, candidates: readonly CandidatePlan[], create: boolean): Promise<Companies> {
  const hints = new Map<string, { industry: string | null }>();
  for (const c of candidates) for (const j of c.newJobs) if (!hints.has(j.companyName)) hints.set(j.companyName, { industry: j.industry });
  const names = [...hints.keys()];
  const created = create && names.length ? await resolveCompanies(tx, names, hints) : new Map<string, { id: string }>();
  // One key per distinct name: the same employers recur across thousands of jobs.
  const keyCache = new Map<string, string>();
  const keyOf = (name: string) => {
    let key = keyCache.get(name);
    if (key === undefined) keyCache.set(name, (key = companyMatchKey(name)));
    return key;
  };
  const keys = candidates.flatMap((c) => c.existingJobs.filter((j) => !j.companyId).map((j) => keyOf(j.companyName)));
  if (!create) keys.push(...names.map(keyOf));
  const found = keys.length ? await findCompaniesByKey(tx, keys) : new Map<string, { id: string }>();
  return { idOf: (name) => created.get(name)?.id ?? found.get(keyOf(name))?.id ?? null };
}

async function tiersFor(tx: Tx, plan: IngestPlan, vacancyId: string | null, companies: Companies) {
  return vacancyId ? tiersOf(plan, await loadCriteria(tx, vacancyId), companies.idOf) : null;
}

/** What the import would do, read-only: the preview of an import batch. */
export async function previewRecords(records: readonly CandidateRecord[], vacancyId: string | null): Promise<ImportSummary> {
  const tx = db() as unknown as Tx;
  const plan = await planIngest(tx, records, vacancyId, newId);
  const companies = await companiesFor(tx, plan.candidates, false);
  return summarize(plan, vacancyId, await tiersFor(tx, plan, vacancyId, companies));
}

/**
 * The preview an import batch stores, with the records it keeps for the commit.
 * Records of people erased on request are dropped here, names and contacts with them:
 * a batch waiting for its commit (or for the week's clean-up) holds nothing of them,
 * only how many there were (`erased`, counted in `total`). The rest are numbered as
 * kept. Planned again without them, until none is left (an erasure may commit meanwhile).
 */
export async function previewBatch(
  records: readonly CandidateRecord[],
  vacancyId: string | null,
): Promise<{ records: CandidateRecord[]; summary: ImportSummary }> {
  let kept = [...records];
  for (;;) {
    const summary = await previewRecords(kept, vacancyId);
    const erasedRows = new Set(summary.rows.filter((r) => r.status === "erased").map((r) => r.row));
    if (!erasedRows.size) {
      const erased = records.length - kept.length;
      return { records: kept, summary: { ...summary, total: summary.total + erased, erased } };
    }
    kept = kept.filter((_, index) => !erasedRows.has(index + 1));
  }
}

/** Writes the source records sourcesFor chose, with the ids it gave them; a newer version of a resume we hold goes over the old one. */
async function writeSources(tx: Tx, sources: ReturnType<typeof sourcesFor>, batchId: string | null, at: Date) {
  const idOf = (r: RecordPlan) => sources.ids.get(r.index)!;
  const columns: Array<Column<RecordPlan>> = [
    { name: "source", type: "enum:CandidateSource", value: (r) => r.record.source },
    { name: "channel", type: "enum:ImportChannel", value: (r) => r.record.channel },
    { name: "adapter", type: "text", value: (r) => r.record.adapter },
    { name: "externalId", type: "text", value: (r) => r.record.externalId },
    { name: "url", type: "text", value: (r) => r.record.url },
    { name: "fingerprint", type: "text", value: (r) => r.fingerprint },
    { name: "raw", type: "jsonb", value: (r) => r.record.raw ?? {} },
    { name: "parsed", type: "jsonb", value: (r) => parsedOf(r.record) },
    { name: "importBatchId", type: "text", value: () => batchId },
    { name: "email", type: "text", value: (r) => recordContacts(r.record).email },
    { name: "phone", type: "text", value: (r) => recordContacts(r.record).phone },
    { name: "importedAt", type: "timestamp", value: () => at },
  ];
  await bulkInsert(tx, "SourceRecord", [
    { name: "id", type: "text", value: idOf },
    { name: "candidateId", type: "text", value: (r) => r.candidate!.id },
    ...columns,
  ], sources.created);
  await bulkUpdate(tx, "SourceRecord", idOf, columns, sources.replaced);
}

async function writeJobs(tx: Tx, plans: readonly CandidatePlan[], companies: Companies, sourceIds: SourceIds) {
  const jobs = plans.flatMap((p) => p.newJobs.map((job) => ({ candidateId: p.id, job })));
  await bulkInsert(tx, "WorkExperience", [
    { name: "id", type: "text", value: () => newId() },
    { name: "candidateId", type: "text", value: (r) => r.candidateId },
    { name: "sourceRecordId", type: "text", value: (r) => sourceIds.get(r.job.recordIndex) ?? null },
    { name: "companyId", type: "text", value: (r) => companies.idOf(r.job.companyName) },
    { name: "companyName", type: "text", value: (r) => r.job.companyName },
    { name: "industry", type: "text", value: (r) => r.job.industry },
    { name: "title", type: "text", value: (r) => r.job.title },
    { name: "startedOn", type: "date", value: (r) => r.job.startedOn },
    { name: "endedOn", type: "date", value: (r) => r.job.endedOn },
  ], jobs);
}

/**
 * New applications go through the pipeline (history row) with their tier and reason,
 * each with the source record that brought it (the candidate's first record in the
 * batch); applications we had are re-tiered in one statement when new data came.
 */
async function writeApplications(
  tx: Tx,
  plans: readonly CandidatePlan[],
  vacancyId: string,
  options: { actorId: string | null; at: Date },
  tiers: Map<CandidatePlan, TierResult>,
  sourceIds: SourceIds,
): Promise<Map<CandidatePlan, string>> {
  const ids = new Map<CandidatePlan, string>();
  const retier: Array<{ applicationId: string } & TierResult> = [];
  const adding = plans.filter((p) => !p.application);
  const { actorId, at } = options;
  const added = await addManyToVacancy(tx, {
    vacancyId,
    actorId,
    at,
    candidates: adding.map((p) => {
      const { tier, reason } = tiers.get(p)!;
      return { candidateId: p.id, tier, tierReason: reason, sourceRecordId: sourceIds.get(p.firstIndex) ?? null };
    }),
  });
  for (const plan of plans) {
    const id = plan.application?.id ?? added.get(plan.id)!;
    ids.set(plan, id);
    if (plan.application && plan.contributing.length) retier.push({ applicationId: id, ...tiers.get(plan)! });
  }
  await writeTiers(tx, retier, actorId);
  return ids;
}

async function auditChunk(tx: Tx, plans: readonly CandidatePlan[], records: readonly RecordPlan[], options: IngestOptions & { at: Date }, added: ReadonlySet<CandidatePlan>) {
  const vacancyId = options.vacancyId ?? null;
  const entries = plans.map((p) => {
    const first = records[p.contributing[0] ?? p.firstIndex]!;
    // Which fields and how many, never their values: the audit trail outlives an erasure.
    const details = {
      batchId: options.batchId ?? null,
      source: first.record.source,
      adapter: first.record.adapter,
      vacancyId,
      records: p.contributing.length,
      jobsAdded: p.newJobs.length,
      ...(p.isNew ? {} : { matchedBy: first.matchedBy, filled: Object.keys(p.filled), applicationAdded: added.has(p) }),
    };
    const action: AuditAction = p.isNew ? "candidate.import" : "candidate.import-merge";
    return { action, entityId: p.id, details };
  });
  await bulkInsert(tx, "AuditEntry", [
    { name: "actorId", type: "text", value: () => options.actorId },
    { name: "action", type: "text", value: (e) => e.action },
    { name: "entityType", type: "text", value: () => "Candidate" },
    { name: "entityId", type: "text", value: (e) => e.entityId },
    { name: "details", type: "jsonb", value: (e) => e.details },
    // Set on insert only: the trail is append-only.
    { name: "createdAt", type: "timestamp", value: () => options.at },
  ], entries);
}

export async function ingestRecords(tx: Tx, records: readonly CandidateRecord[], options: IngestOptions): Promise<IngestOutcome[]> {
  return ingestPlanned(tx, await planIngest(tx, records, options.vacancyId ?? null, newId), options);
}

/**
 * Writes what planIngest decided, in the caller's transaction. Separate from planning
 * so a test can erase someone between the two, as an erasure committing while a large
 * import is being planned would: the people we have are locked and read again first.
 */
export async function ingestPlanned(tx: Tx, plan: IngestPlan, options: IngestOptions): Promise<IngestOutcome[]> {
  const vacancyId = options.vacancyId ?? null;
  const at = options.at ?? new Date();
  const writing = await lockPeople(tx, plan, plan.candidates.filter((c) => writesFor(c, vacancyId)));
  const companies = await companiesFor(tx, writing, true);
  const tiers = await tiersFor(tx, { records: plan.records, candidates: writing }, vacancyId, companies);
  const applications = new Map<CandidatePlan, string>();
  const sources = new Map<number, string>();
  const recordsOf = new Map<CandidatePlan, number>();
  for (const r of plan.records) if (r.candidate) recordsOf.set(r.candidate, (recordsOf.get(r.candidate) ?? 0) + 1);

  let done = 0;
  for (let from = 0; from < writing.length; from += CHUNK) {
    const chunk = writing.slice(from, from + CHUNK);
    const written = sourcesFor(chunk, plan.records);
    await createCandidates(tx, chunk, plan.records, at, written.ids);
    await fillCandidates(tx, chunk, at, written.ids);
    await writeSources(tx, written, options.batchId ?? null, at);
    // Exact repeats name the source record they repeat (an application may come with one).
    const inChunk = new Set(chunk);
    const repeats = await sourceIdsOf(tx, plan.records.filter((r) => r.candidate && inChunk.has(r.candidate) && !written.ids.has(r.index)));
    const sourceIds: SourceIds = new Map([...written.ids, ...repeats]);
    for (const [index, id] of sourceIds) sources.set(index, id);
    await writeJobs(tx, chunk, companies, sourceIds);
    const added = new Set(chunk.filter((p) => vacancyId && !p.application));
    if (vacancyId && tiers) {
      for (const [p, id] of await writeApplications(tx, chunk, vacancyId, { actorId: options.actorId, at }, tiers, sourceIds)) applications.set(p, id);
    }
    // New people got theirs with their rows; people we had are read again with their jobs.
    await refreshSearchText(tx, chunk.filter((p) => !p.isNew && p.contributing.length).map((p) => p.id));
    await auditChunk(tx, chunk, plan.records, { ...options, at }, added);
    done += chunk.reduce((n, p) => n + (recordsOf.get(p) ?? 0), 0);
    await options.onProgress?.(done);
  }
  // Someone we had whose history grew is re-tiered on every other vacancy too.
  const grown = writing.filter((p) => !p.isNew && p.newJobs.length).map((p) => p.id);
  await retierCandidates(tx, grown, { actorId: options.actorId, exceptVacancyId: vacancyId });
  if (done < plan.records.length) await options.onProgress?.(plan.records.length);
  // Exact repeats of people with nothing to write still name the record they repeat.
  const unnamed = plan.records.filter((r) => r.candidate && !sources.has(r.index));
  for (const [index, id] of await sourceIdsOf(tx, unnamed)) sources.set(index, id);

  return plan.records.map((r): IngestOutcome => {
    const status = statusOf(r, vacancyId);
    const candidate = r.candidate;
    const tier = candidate ? tiers?.get(candidate) : undefined;
    const existing = candidate?.application;
    return {
      candidateId: candidate?.id ?? r.erasedId!,
      status: status === "erased" ? "unchanged" : status,
      matchedBy: r.matchedBy,
      applicationId: candidate ? (applications.get(candidate) ?? existing?.id ?? null) : null,
      tier: tier?.tier ?? (existing?.tier as SourcingTier | null | undefined) ?? null,
      reason: tier?.reason ?? (existing?.tierReason as TierReason | null | undefined) ?? null,
      erased: status === "erased",
      sourceRecordId: candidate ? (sources.get(r.index) ?? null) : null,
    };
  });
}
