import { type Prisma } from "@prisma/client";
import { type Tx } from "~/utils/db.server";
import { fillEmpty, fingerprintOf, groupBySource, isUnverified, jobKey, type PersonFields, personFields, sourceKey } from "./ingest-keys";
import { type CandidateRecord, type JobRecord } from "./record";

/**
 * What an import will do, decided without writing anything: which records are new
 * people, which are people we have (and by which key), which we have seen exactly
 * before, and what each adds. The preview shows it; ingest.server.ts writes it.
 *
 * Keys in order: the source record (source + board id), the fingerprint of the raw
 * record, a legacy candidate row with the board id, the e-mail, the phone (the
 * profile's own first, then those any of the person's source records gave). A merged
 * candidate is followed to the one it was merged into. Erased people are never
 * brought back: a record whose source record belongs to one is skipped.
 *
 * A record from the public apply page (isUnverified) that meets someone we have only
 * adds its source record and the application: no fields, no jobs.
 */

export type MatchKey = "externalId" | "fingerprint" | "email" | "phone";

type ExistingJob = { companyId: string | null; companyName: string; industry: string | null; title: string; startedOn: string; endedOn: string | null };

/** A job a record brings, with the record (its index in the batch) that brought it. */
export type NewJob = JobRecord & { recordIndex: number };

export type CandidatePlan = {
  /** The existing candidate's id, or a fresh id for a new one. */
  id: string;
  isNew: boolean;
  firstIndex: number;
  name: { firstName: string; lastName: string };
  /** The candidate's fields before the import (for a new one: from its first record). */
  base: PersonFields;
  /** Fields this import fills in on an existing candidate. */
  filled: Partial<PersonFields>;
  /** Which record (index in the batch) gave each field this import sets: the provenance kept on the candidate. */
  fieldFrom: Partial<Record<keyof PersonFields, number>>;
  existingJobs: ExistingJob[];
  newJobs: NewJob[];
  /** The application to the import's vacancy, when there already is one. */
  application: { id: string; tier: string | null; tierReason: Prisma.JsonValue } | null;
  /** Records that contribute something (not exact repeats). */
  contributing: number[];
};

export type RecordPlan = {
  index: number;
  record: CandidateRecord;
  fingerprint: string;
  /** null: skipped because it belongs to an erased person. */
  candidate: CandidatePlan | null;
  erasedId: string | null;
  matchedBy: MatchKey | null;
  /** Same source record (same data) already stored or earlier in the batch. */
  repeat: boolean;
  /** The stored source record to replace (same board id, newer data). */
  replacesSourceId: string | null;
  /** The earlier record of this batch it merges with (0-based), when the match is in the batch. */
  mergesWithIndex: number | null;
};

export type IngestPlan = { records: RecordPlan[]; candidates: CandidatePlan[] };

const iso = (date: Date) => date.toISOString().slice(0, 10);
const MAX_MERGE_DEPTH = 20;

type Root = { id: string; erased: boolean };

/** Follows mergedIntoId from every id to the candidate that survived, in a few queries. */
async function resolveRoots(tx: Tx, ids: readonly string[]): Promise<Map<string, Root>> {
  const rows = new Map<string, { mergedIntoId: string | null; erasedAt: Date | null }>();
  let pending = [...new Set(ids)];
  for (let depth = 0; pending.length && depth < MAX_MERGE_DEPTH; depth++) {
    const found = await tx.candidate.findMany({ where: { id: { in: pending } }, select: { id: true, mergedIntoId: true, erasedAt: true } });
    for (const c of found) rows.set(c.id, c);
    pending = [...new Set(found.map((c) => c.mergedIntoId).filter((id): id is string => !!id && !rows.has(id)))];
  }
  const roots = new Map<string, Root>();
  for (const id of ids) {
    let at = id;
    for (let depth = 0; depth < MAX_MERGE_DEPTH && rows.get(at)?.mergedIntoId; depth++) at = rows.get(at)!.mergedIntoId!;
    const row = rows.get(at);
    if (row) roots.set(id, { id: at, erased: row.erasedAt !== null });
  }
  return roots;
}

async function lookups(tx: Tx, prepared: Array<{ record: CandidateRecord; fingerprint: string; fields: PersonFields }>) {
  const ext = groupBySource(prepared.flatMap((p) => (p.record.externalId ? [{ source: p.record.source, value: p.record.externalId }] : [])));
  const fps = groupBySource(prepared.map((p) => ({ source: p.record.source, value: p.fingerprint })));
  const emails = [...new Set(prepared.map((p) => p.fields.email).filter((e): e is string => !!e))];
  const phones = [...new Set(prepared.map((p) => p.fields.phone).filter((e): e is string => !!e))];
  const sourceSelect = { id: true, source: true, externalId: true, fingerprint: true, candidateId: true } as const;
  const contactSelect = { id: true, email: true, phone: true } as const;
  const recordContactSelect = { candidateId: true, email: true, phone: true } as const;
  const living = { candidate: { erasedAt: null } };
  const none = Promise.resolve([]);
  const [byExternal, byFingerprint, legacy, byEmail, byPhone, byRecordEmail, byRecordPhone] = await Promise.all([
    ext.length ? tx.sourceRecord.findMany({ where: { OR: ext.map((g) => ({ source: g.source, externalId: { in: g.values } })) }, select: sourceSelect }) : none,
    tx.sourceRecord.findMany({ where: { OR: fps.map((g) => ({ source: g.source, fingerprint: { in: g.values } })) }, select: sourceSelect }),
    ext.length
      ? tx.candidate.findMany({ where: { OR: ext.map((g) => ({ source: g.source, externalId: { in: g.values } })) }, select: { id: true, source: true, externalId: true } })
      : none,
    emails.length ? tx.candidate.findMany({ where: { email: { in: emails }, erasedAt: null }, select: contactSelect, orderBy: { createdAt: "asc" } }) : none,
    phones.length ? tx.candidate.findMany({ where: { phone: { in: phones }, erasedAt: null }, select: contactSelect, orderBy: { createdAt: "asc" } }) : none,
    emails.length
      ? tx.sourceRecord.findMany({ where: { email: { in: emails }, ...living }, select: recordContactSelect, orderBy: [{ importedAt: "asc" }, { id: "asc" }] })
      : none,
    phones.length
      ? tx.sourceRecord.findMany({ where: { phone: { in: phones }, ...living }, select: recordContactSelect, orderBy: [{ importedAt: "asc" }, { id: "asc" }] })
      : none,
  ]);
  const ids = [...byExternal, ...byFingerprint, ...byRecordEmail, ...byRecordPhone]
    .map((s) => s.candidateId)
    .concat([...legacy, ...byEmail, ...byPhone].map((c) => c.id));
  const roots = await resolveRoots(tx, ids);
  return { byExternal, byFingerprint, legacy, byEmail, byPhone, byRecordEmail, byRecordPhone, roots };
}

async function loadCandidates(tx: Tx, ids: readonly string[], vacancyId: string | null): Promise<Map<string, CandidatePlan>> {
  const rows = ids.length
    ? await tx.candidate.findMany({
        where: { id: { in: [...ids] } },
        select: {
          id: true,
          firstName: true,
          lastName: true,
          middleName: true,
          email: true,
          phone: true,
          city: true,
          currentTitle: true,
          salaryExpectationRub: true,
          relocation: true,
          consentAt: true,
          consentText: true,
          workHistory: { select: { companyId: true, companyName: true, industry: true, title: true, startedOn: true, endedOn: true } },
          applications: vacancyId ? { where: { vacancyId }, select: { id: true, tier: true, tierReason: true } } : false,
        },
      })
    : [];
  return new Map(
    rows.map((c) => {
      const { id, firstName, lastName, workHistory, applications, ...base } = c;
      const plan: CandidatePlan = {
        id,
        isNew: false,
        firstIndex: Number.POSITIVE_INFINITY,
        name: { firstName, lastName },
        base,
        filled: {},
        fieldFrom: {},
        existingJobs: workHistory.map((j) => ({ ...j, startedOn: iso(j.startedOn), endedOn: j.endedOn ? iso(j.endedOn) : null })),
        newJobs: [],
        application: (applications as Array<CandidatePlan["application"]> | undefined)?.[0] ?? null,
        contributing: [],
      };
      return [id, plan];
    }),
  );
}

/** Decides, for every record, who it is and what it adds. Reads only. */
export async function planIngest(
  tx: Tx,
  records: readonly CandidateRecord[],
  vacancyId: string | null,
  newId: () => string,
): Promise<IngestPlan> {
  const prepared = records.map((record) => ({ record, fingerprint: fingerprintOf(record.raw), fields: personFields(record) }));
  const found = await lookups(tx, prepared);
  const rootOf = (id: string) => found.roots.get(id) ?? null;
  const rootIds = [...new Set([...found.roots.values()].filter((r) => !r.erased).map((r) => r.id))];
  const existing = await loadCandidates(tx, rootIds, vacancyId);

  // Every key points at a candidate plan (existing or new in this batch) or at an erased id.
  type Target = { plan: CandidatePlan | null; erasedId: string | null; sourceId: string | null; fingerprint: string | null; index: number | null };
  const target = (candidateId: string, sourceId: string | null, fingerprint: string | null): Target | null => {
    const root = rootOf(candidateId);
    if (!root) return null;
    return { plan: root.erased ? null : (existing.get(root.id) ?? null), erasedId: root.erased ? root.id : null, sourceId, fingerprint, index: null };
  };
  const external = new Map<string, Target>();
  const fingerprints = new Map<string, Target>();
  const legacy = new Map<string, Target>();
  const emails = new Map<string, Target>();
  const phones = new Map<string, Target>();
  for (const s of found.byExternal) {
    const t = target(s.candidateId, s.id, s.fingerprint);
    if (t && s.externalId) external.set(sourceKey(s.source, s.externalId), t);
  }
  for (const s of found.byFingerprint) {
    const t = target(s.candidateId, s.id, s.fingerprint);
    if (t) fingerprints.set(sourceKey(s.source, s.fingerprint), t);
  }
  for (const c of found.legacy) {
    const t = target(c.id, null, null);
    if (t && c.externalId) legacy.set(sourceKey(c.source, c.externalId), t);
  }
  // Oldest first, so the first candidate with an address keeps it; a profile's own
  // contacts before those its other source records gave.
  const remember = (map: Map<string, Target>, value: string | null, candidateId: string) => {
    if (!value || map.has(value)) return;
    const t = target(candidateId, null, null);
    if (t) map.set(value, t);
  };
  for (const c of found.byEmail) remember(emails, c.email, c.id);
  for (const c of found.byPhone) remember(phones, c.phone, c.id);
  for (const s of found.byRecordEmail) remember(emails, s.email, s.candidateId);
  for (const s of found.byRecordPhone) remember(phones, s.phone, s.candidateId);

  const candidates: CandidatePlan[] = [];
  const touched = new Set<CandidatePlan>();
  const plans = prepared.map(({ record, fingerprint, fields }, index): RecordPlan => {
    const extKey = record.externalId ? sourceKey(record.source, record.externalId) : null;
    const fpKey = sourceKey(record.source, fingerprint);
    let matchedBy: MatchKey | null = null;
    let hit: Target | undefined;
    const tries: Array<[MatchKey, Map<string, Target>, string | null]> = [
      ["externalId", external, extKey],
      ["fingerprint", fingerprints, fpKey],
      ["externalId", legacy, extKey],
      ["email", emails, fields.email],
      ["phone", phones, fields.phone],
    ];
    for (const [key, map, value] of tries) {
      hit = value ? map.get(value) : undefined;
      if (hit && (hit.plan || hit.erasedId)) {
        matchedBy = key;
        break;
      }
      hit = undefined;
    }
    const mergesWithIndex = hit?.index ?? null;
    if (hit && !hit.plan) {
      return { index, record, fingerprint, candidate: null, erasedId: hit.erasedId, matchedBy, repeat: true, replacesSourceId: null, mergesWithIndex };
    }
    // Same data as a source record we hold: nothing new from it.
    const repeat = !!hit && (matchedBy === "fingerprint" || (hit.fingerprint === fingerprint && hit.sourceId !== null) || fingerprints.has(fpKey));
    const replacesSourceId = !repeat && matchedBy === "externalId" && hit?.sourceId && hit.index === null ? hit.sourceId : null;

    let plan = hit?.plan ?? null;
    if (!plan) {
      plan = {
        id: newId(),
        isNew: true,
        firstIndex: index,
        name: { firstName: record.firstName.trim(), lastName: record.lastName.trim() },
        base: fields,
        filled: {},
        fieldFrom: Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null).map(([k]) => [k, index])),
        existingJobs: [],
        newJobs: [],
        application: null,
        contributing: [],
      };
      candidates.push(plan);
    } else if (!plan.isNew && !touched.has(plan)) {
      plan.firstIndex = index;
      candidates.push(plan);
    }
    touched.add(plan);

    const creates = plan.isNew && plan.firstIndex === index;
    // The apply page may create a person, never change one (see isUnverified).
    const mayChange = creates || !isUnverified(record);
    if (!repeat) {
      plan.contributing.push(index);
      if (mayChange && !creates) {
        const filled = fillEmpty({ ...plan.base, ...plan.filled }, fields);
        Object.assign(plan.filled, filled);
        for (const field of Object.keys(filled) as Array<keyof PersonFields>) plan.fieldFrom[field] = index;
      }
      const known = new Set([...plan.existingJobs, ...plan.newJobs].map(jobKey));
      for (const job of mayChange ? record.workHistory : []) {
        const key = jobKey(job);
        if (known.has(key)) continue;
        known.add(key);
        plan.newJobs.push({ ...job, recordIndex: index });
      }
      const here: Target = { plan, erasedId: null, sourceId: null, fingerprint, index };
      if (extKey) external.set(extKey, here);
      fingerprints.set(fpKey, here);
      if (mayChange && fields.email && !emails.has(fields.email)) emails.set(fields.email, here);
      if (mayChange && fields.phone && !phones.has(fields.phone)) phones.set(fields.phone, here);
    }
    return { index, record, fingerprint, candidate: plan, erasedId: null, matchedBy, repeat, replacesSourceId, mergesWithIndex };
  });
  candidates.sort((a, b) => a.firstIndex - b.firstIndex);
  return { records: plans, candidates };
}
