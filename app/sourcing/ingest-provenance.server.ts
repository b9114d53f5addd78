import { newId } from "~/utils/bulk-insert.server";
import { type Tx } from "~/utils/db.server";
import { groupBySource, sourceKey } from "./ingest-keys";
import { type CandidatePlan, type RecordPlan } from "./ingest-plan.server";

/**
 * Where an import's values came from, as ingest.server.ts writes them: the stored
 * source record of every record, and which of them gave each field it set
 * (Candidate.fieldSources). Jobs and applications carry their record's id themselves.
 * A split (split.server.ts) reads it back to take out exactly what one record brought.
 * The source records an import writes get their ids before anything is written
 * (sourcesFor), so fields name them as the candidate rows are written; only those it
 * repeats are looked up (sourceIdsOf).
 */

export type SourceIds = ReadonlyMap<number, string>;

/**
 * The source records these candidates' contributing records become: one per board id
 * (a later record of the batch with the same id wins; a newer version of a resume we
 * hold replaces the stored one, keeping its id), one per record without. `ids` names
 * the source record of every contributing record: a new id, or the one it replaces.
 */
export function sourcesFor(
  plans: readonly CandidatePlan[],
  records: readonly RecordPlan[],
): { created: RecordPlan[]; replaced: RecordPlan[]; ids: SourceIds } {
  const byExternal = new Map<string, { record: RecordPlan; replaces: string | null; indices: number[] }>();
  const created: RecordPlan[] = [];
  for (const plan of plans) {
    for (const index of plan.contributing) {
      const r = records[index]!;
      if (!r.record.externalId) {
        created.push(r);
        continue;
      }
      const key = sourceKey(r.record.source, r.record.externalId);
      const earlier = byExternal.get(key);
      byExternal.set(key, { record: r, replaces: earlier?.replaces ?? r.replacesSourceId, indices: [...(earlier?.indices ?? []), index] });
    }
  }
  const ids = new Map(created.map((r) => [r.index, newId()]));
  const replaced: RecordPlan[] = [];
  for (const { record, replaces, indices } of byExternal.values()) {
    (replaces ? replaced : created).push(record);
    const id = replaces ?? newId();
    for (const index of indices) ids.set(index, id);
  }
  return { created, replaced, ids };
}

/**
 * The stored source record of every record of these candidates (new, replaced or
 * repeated), by the record's index: found by board id, else by fingerprint, both unique.
 */
export async function sourceIdsOf(tx: Tx, records: readonly RecordPlan[]): Promise<SourceIds> {
  if (!records.length) return new Map();
  const groups = (pick: (r: RecordPlan) => string | null) =>
    groupBySource(records.flatMap((r) => {
      const value = pick(r);
      return value ? [{ source: r.record.source, value }] : [];
    }));
  const rows = await tx.sourceRecord.findMany({
    where: {
      OR: [
        ...groups((r) => r.record.externalId).map((g) => ({ source: g.source, externalId: { in: g.values } })),
        ...groups((r) => r.fingerprint).map((g) => ({ source: g.source, fingerprint: { in: g.values } })),
      ],
    },
    select: { id: true, source: true, externalId: true, fingerprint: true },
  });
  const byExternal = new Map(rows.flatMap((r) => (r.externalId ? [[sourceKey(r.source, r.externalId), r.id] as const] : [])));
  const byFingerprint = new Map(rows.map((r) => [sourceKey(r.source, r.fingerprint), r.id]));
  const ids = new Map<number, string>();
  for (const r of records) {
    const id = (r.record.externalId ? byExternal.get(sourceKey(r.record.source, r.record.externalId)) : undefined) ?? byFingerprint.get(sourceKey(r.record.source, r.fingerprint));
    if (id) ids.set(r.index, id);
  }
  return ids;
}

/** Which source record gave each field this import sets, kept on the candidate (written with its row) for a later split. */
export function fieldSourcesOf(plan: CandidatePlan, sourceIds: SourceIds): Record<string, string> {
  return Object.fromEntries(
    Object.entries(plan.fieldFrom).flatMap(([field, index]) => {
      const id = sourceIds.get(index);
      return id ? [[field, id]] : [];
    }),
  );
}
