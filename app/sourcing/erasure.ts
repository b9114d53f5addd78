import { fingerprintOf } from "./ingest-keys";
import { normalizeEmail, normalizePhone } from "./identity";

/**
 * What erasure needs to find a person outside their own rows: in import batches that
 * were not committed yet, in file names, in row errors, and what a tier reason may
 * keep. Pure (node:crypto only, through the fingerprint), unit-tested.
 *
 * A person is recognised by the keys ingest recognises them by: their source records'
 * board ids and fingerprints, and their e-mail addresses and phones. Names alone are
 * never used to remove a record: a namesake is another person.
 */

export type ErasedPerson = {
  /** The erased candidate and every candidate merged into it. */
  candidateIds: ReadonlySet<string>;
  /** `source \0 externalId` of their source records and candidate rows. */
  externalKeys: ReadonlySet<string>;
  /** `source \0 fingerprint` of their source records. */
  fingerprintKeys: ReadonlySet<string>;
  /** Normalised (lower case). */
  emails: ReadonlySet<string>;
  /** E.164. */
  phones: ReadonlySet<string>;
  /** Names as they were, for file names and row errors only. */
  names: ReadonlyArray<string>;
};

export const sourceKey = (source: string, value: string) => `${source}\u0000${value}`;

type StoredRecord = { source?: unknown; externalId?: unknown; email?: unknown; phone?: unknown; raw?: unknown };

const str = (value: unknown) => (typeof value === "string" ? value : null);

/** Whether a stored import record (CandidateRecord as JSON) is about this person. */
export function recordIsOf(record: StoredRecord, person: ErasedPerson): boolean {
  const source = str(record.source) ?? "";
  const externalId = str(record.externalId);
  if (externalId && person.externalKeys.has(sourceKey(source, externalId))) return true;
  if (person.fingerprintKeys.has(sourceKey(source, fingerprintOf(record.raw)))) return true;
  const email = normalizeEmail(str(record.email));
  if (email && person.emails.has(email)) return true;
  const phone = normalizePhone(str(record.phone));
  return phone !== null && person.phones.has(phone);
}

const fold = (text: string) => text.toLowerCase().replace(/ё/g, "е");
const words = (text: string) => fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
const nationalDigits = (e164: string) => (e164.startsWith("+7") ? e164.slice(2) : e164.slice(1));

/** Whether free text (a file name, a row error) names the person or gives one of their contacts. */
export function textMentions(text: string, person: ErasedPerson): boolean {
  const folded = fold(text);
  for (const email of person.emails) if (folded.includes(email)) return true;
  const digits = text.replace(/\D/g, "");
  for (const phone of person.phones) if (digits.length >= 10 && digits.includes(nationalDigits(phone))) return true;
  const tokens = new Set(words(text));
  return person.names.some((name) => name.trim().length >= 3 && tokens.has(fold(name.trim())));
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const letters = (text: string) => escape(fold(text)).replace(/е/g, "[её]");

/**
 * A file name or search label without the person in it: their names and addresses
 * become "…"; a label that gives their phone is replaced whole (digits can be written
 * in too many ways to cut out).
 */
export function scrubLabel(label: string, person: ErasedPerson): string {
  if (!textMentions(label, person)) return label;
  let scrubbed = label;
  for (const email of person.emails) scrubbed = scrubbed.replace(new RegExp(letters(email), "giu"), "…");
  for (const name of person.names) {
    if (name.trim().length < 3) continue;
    scrubbed = scrubbed.replace(new RegExp(`(?<![\\p{L}\\p{N}])${letters(name.trim())}(?![\\p{L}])`, "giu"), "…");
  }
  return textMentions(scrubbed, person) ? "…" : scrubbed;
}

type Row = { row: number; status?: unknown; tier?: unknown; mergesWith?: { candidateId?: unknown; row?: unknown } | null };
type Summary = { rows?: Row[]; total?: number; tiers?: Record<string, number>; excluded?: number } & Record<string, unknown>;
type RowError = { message?: unknown };

export type OpenBatch = { records: unknown; summary: unknown; rowErrors: unknown; label: string };

export type ScrubbedBatch = {
  /** How many of the batch's records were the person's. */
  removed: number;
  records: unknown[];
  summary: Summary;
  rowErrors: unknown[];
  label: string;
  changed: boolean;
};

/**
 * Preview rows that are one person to the ingest step: a row that merges with an
 * earlier row of the batch is in that row's group. Returns each row's group leader.
 */
function groups(rows: readonly Row[]): Map<number, number> {
  const leader = new Map<number, number>();
  const find = (row: number): number => {
    const up = leader.get(row) ?? row;
    return up === row ? row : find(up);
  };
  for (const r of [...rows].sort((a, b) => a.row - b.row)) {
    const earlier = typeof r.mergesWith?.row === "number" ? r.mergesWith.row : null;
    leader.set(r.row, earlier !== null && leader.has(earlier) ? find(earlier) : r.row);
  }
  return new Map([...leader.keys()].map((row) => [row, find(row)]));
}

/**
 * The batch without the person's records, their preview rows, row errors naming them,
 * and their name in the label. Counts go down by what was removed; nothing else is
 * recomputed (the preview of the others stays as the recruiter saw it).
 */
export function scrubBatch(batch: OpenBatch, person: ErasedPerson): ScrubbedBatch {
  const records = Array.isArray(batch.records) ? batch.records : [];
  const summary: Summary = batch.summary && typeof batch.summary === "object" ? { ...(batch.summary as Summary) } : {};
  const rows = Array.isArray(summary.rows) ? summary.rows : [];
  const rowErrors = Array.isArray(batch.rowErrors) ? (batch.rowErrors as RowError[]) : [];

  const removedRows = new Set<number>();
  records.forEach((record, index) => {
    if (record && typeof record === "object" && recordIsOf(record as StoredRecord, person)) removedRows.add(index + 1);
  });
  for (const r of rows) if (typeof r.mergesWith?.candidateId === "string" && person.candidateIds.has(r.mergesWith.candidateId)) removedRows.add(r.row);
  const leaderOf = groups(rows);
  const removedGroups = new Set([...removedRows].map((row) => leaderOf.get(row) ?? row));
  for (const [row, leader] of leaderOf) if (removedGroups.has(leader)) removedRows.add(row);

  const keptRecords = records.filter((_, index) => !removedRows.has(index + 1));
  const keptErrors = rowErrors.filter((e) => !(typeof e?.message === "string" && textMentions(e.message, person)));
  const label = scrubLabel(batch.label, person);
  if (rows.length) {
    const removed = rows.filter((r) => removedRows.has(r.row));
    summary.rows = rows.filter((r) => !removedRows.has(r.row));
    const tiers = summary.tiers ? { ...summary.tiers } : undefined;
    const counted = new Set<number>();
    for (const r of removed) {
      const status = typeof r.status === "string" ? r.status : null;
      if (status && typeof summary[status] === "number") summary[status] = Math.max(0, (summary[status] as number) - 1);
      // One tier per candidate the import writes: its group's new or merged row counts it.
      const group = leaderOf.get(r.row) ?? r.row;
      if (tiers && typeof r.tier === "string" && (status === "new" || status === "merged") && !counted.has(group)) {
        counted.add(group);
        tiers[r.tier] = Math.max(0, (tiers[r.tier] ?? 0) - 1);
      }
    }
    if (typeof summary.total === "number") summary.total = Math.max(0, summary.total - removed.length);
    if (tiers) {
      summary.tiers = tiers;
      summary.excluded = tiers.EXCLUDED ?? 0;
    }
  }
  const removed = records.length - keptRecords.length;
  return {
    removed,
    records: keptRecords,
    summary,
    rowErrors: keptErrors,
    label,
    changed: removed > 0 || removedRows.size > 0 || keptErrors.length !== rowErrors.length || label !== batch.label,
  };
}

/** Whether a spreadsheet waiting for its column mapping has a row with the person's e-mail or phone. */
export function tableMentions(rows: ReadonlyArray<{ cells: readonly string[] }>, person: ErasedPerson): boolean {
  return rows.some((r) =>
    r.cells.some((cell) => {
      const email = normalizeEmail(cell);
      if (email && person.emails.has(email)) return true;
      const phone = /\d/.test(cell) ? normalizePhone(cell) : null;
      return phone !== null && person.phones.has(phone);
    }),
  );
}

/** What a tier reason keeps after erasure: which list and how it matched, no employer, title or dates. */
export function anonymousTierReason(reason: unknown): { list: string | null; match: string | null } | null {
  if (!reason || typeof reason !== "object" || Array.isArray(reason)) return null;
  const { list, match } = reason as Record<string, unknown>;
  return { list: str(list), match: str(match) };
}
