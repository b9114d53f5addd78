import { type Tx } from "~/utils/db.server";
import { groupBySource, sourceKey } from "./ingest-keys";
import { type CandidatePlan, type RecordPlan } from "./ingest-plan.server";

/**
 * Where an import's values came from, as ingest.server.ts writes them: the stored
 * source record of every record, and which of them gave each field it set
 * (Candidate.fieldSources). Jobs and applications carry their record's id themselves.
 * A split (split.server.ts) reads it back to take out exactly what one record brought.
 */

export type SourceIds = ReadonlyMap<number, string>;

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

/** Which source record gave each field this import set, kept on the candidate for a later split. */
export async function writeFieldSources(tx: Tx, plans: readonly CandidatePlan[], sourceIds: SourceIds) {
  const rows = plans.flatMap((p) => {
    const sources = Object.fromEntries(
      Object.entries(p.fieldFrom).flatMap(([field, index]) => {
        const id = sourceIds.get(index);
        return id ? [[field, id]] : [];
      }),
    );
    return Object.keys(sources).length ? [{ id: p.id, sources: JSON.stringify(sources) }] : [];
  });
  if (!rows.length) return;
  await tx.$executeRaw`
    UPDATE "Candidate" AS c SET "fieldSources" = c."fieldSources" || v.sources::jsonb
    FROM unnest(${rows.map((r) => r.id)}::text[], ${rows.map((r) => r.sources)}::text[]) AS v(id, sources)
    WHERE c.id = v.id AND c."erasedAt" IS NULL`;
}
