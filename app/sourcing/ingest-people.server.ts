import { bulkInsert } from "~/utils/bulk-insert.server";
import { type Tx } from "~/utils/db.server";
import { type PersonFields } from "./ingest-keys";
import { type CandidatePlan, type IngestPlan, type RecordPlan } from "./ingest-plan.server";
import { fieldSourcesOf, type SourceIds } from "./ingest-provenance.server";
import { candidateSearchText } from "./search-text";

/**
 * The candidate rows an import writes (ingest.server.ts): new people inserted, empty
 * fields of people we have filled in. Before either, the people we have are locked
 * and read again, so a person erased after the plan was made (an erasure that
 * committed while the import was being planned or the batch read) is left alone: an
 * import never writes anything of an erased person back.
 */

/**
 * Locks the existing candidates the import will write (FOR NO KEY UPDATE, by id: an
 * erasure waits for this transaction or refuses, as ADR 012 says) and drops those
 * erased since the plan was read: their records count as erased, as if the plan had
 * seen it. Returns the candidates still to write.
 */
export async function lockPeople(tx: Tx, plan: IngestPlan, writing: readonly CandidatePlan[]): Promise<CandidatePlan[]> {
  const existing = writing.filter((p) => !p.isNew).map((p) => p.id);
  if (!existing.length) return [...writing];
  const rows = await tx.$queryRaw<Array<{ id: string; erased: boolean }>>`
    SELECT id, "erasedAt" IS NOT NULL AS erased FROM "Candidate" WHERE id = ANY(${existing}::text[]) ORDER BY id FOR NO KEY UPDATE`;
  const erased = new Set(rows.filter((r) => r.erased).map((r) => r.id));
  if (!erased.size) return [...writing];
  for (const r of plan.records) {
    if (!r.candidate || r.candidate.isNew || !erased.has(r.candidate.id)) continue;
    Object.assign(r, { erasedId: r.candidate.id, candidate: null, repeat: true, replacesSourceId: null } satisfies Partial<RecordPlan>);
  }
  plan.candidates = plan.candidates.filter((c) => !erased.has(c.id));
  return writing.filter((p) => !erased.has(p.id));
}

type NewCandidate = PersonFields & {
  id: string;
  firstName: string;
  lastName: string;
  source: string;
  externalId: string | null;
  fieldSources: Record<string, string>;
  searchText: string;
};
const person = <K extends keyof PersonFields>(name: K, type: "text" | "int" | "boolean" | "timestamp") => ({ name, type, value: (c: NewCandidate) => c[name] });

/**
 * New people, with the source record of each field they have (`sourceIds`: see
 * sourcesFor) and their search text, made from what they are written with: their
 * name, fields and the jobs this import adds (a new person has no others).
 */
export async function createCandidates(tx: Tx, plans: readonly CandidatePlan[], records: readonly RecordPlan[], at: Date, sourceIds: SourceIds) {
  const rows: NewCandidate[] = plans
    .filter((p) => p.isNew)
    .map((p) => {
      const first = records[p.firstIndex]!.record;
      const fields = { ...p.name, ...p.base, ...p.filled };
      return {
        id: p.id,
        ...fields,
        source: first.source,
        externalId: first.externalId,
        fieldSources: fieldSourcesOf(p, sourceIds),
        searchText: candidateSearchText(fields, p.newJobs),
      };
    });
  await bulkInsert(tx, "Candidate", [
    { name: "id", type: "text", value: (c) => c.id },
    { name: "firstName", type: "text", value: (c) => c.firstName },
    { name: "lastName", type: "text", value: (c) => c.lastName },
    person("middleName", "text"),
    person("email", "text"),
    person("phone", "text"),
    person("city", "text"),
    person("currentTitle", "text"),
    person("salaryExpectationRub", "int"),
    person("relocation", "boolean"),
    person("consentAt", "timestamp"),
    person("consentText", "text"),
    { name: "source", type: "enum:CandidateSource", value: (c) => c.source },
    { name: "externalId", type: "text", value: (c) => c.externalId },
    { name: "fieldSources", type: "jsonb", value: (c) => c.fieldSources },
    { name: "searchText", type: "text", value: (c) => c.searchText },
    { name: "createdAt", type: "timestamp", value: () => at },
    { name: "updatedAt", type: "timestamp", value: () => at },
  ], rows);
}

/**
 * Fills empty fields of existing candidates, naming the source record of each field
 * filled; COALESCE keeps a value someone set meanwhile, and an erased candidate is
 * never filled (lockPeople dropped them; the condition holds the line should a caller skip it).
 */
export async function fillCandidates(tx: Tx, plans: readonly CandidatePlan[], at: Date, sourceIds: SourceIds) {
  const rows = plans.filter((p) => !p.isNew && Object.keys(p.filled).length);
  if (!rows.length) return;
  const col = <K extends keyof PersonFields>(key: K) => rows.map((p) => p.filled[key] ?? null);
  const consentAt = col("consentAt").map((d) => (d ? d.toISOString() : null));
  const sources = rows.map((p) => JSON.stringify(fieldSourcesOf(p, sourceIds)));
  await tx.$executeRaw`
    UPDATE "Candidate" AS c SET
      "middleName" = COALESCE(c."middleName", v.middle), "email" = COALESCE(c."email", v.email),
      "phone" = COALESCE(c."phone", v.phone), "city" = COALESCE(c."city", v.city),
      "currentTitle" = COALESCE(c."currentTitle", v.title),
      "salaryExpectationRub" = COALESCE(c."salaryExpectationRub", v.salary),
      "relocation" = COALESCE(c."relocation", v.relocation),
      "consentAt" = COALESCE(c."consentAt", (v.consent_at::timestamptz AT TIME ZONE 'UTC')),
      "consentText" = COALESCE(c."consentText", v.consent_text),
      "fieldSources" = c."fieldSources" || v.sources::jsonb,
      "updatedAt" = (${at.toISOString()}::timestamptz AT TIME ZONE 'UTC')
    FROM unnest(${rows.map((p) => p.id)}::text[], ${col("middleName")}::text[], ${col("email")}::text[],
      ${col("phone")}::text[], ${col("city")}::text[], ${col("currentTitle")}::text[],
      ${col("salaryExpectationRub")}::int[], ${col("relocation")}::boolean[], ${consentAt}::text[],
      ${col("consentText")}::text[], ${sources}::text[])
      AS v(id, middle, email, phone, city, title, salary, relocation, consent_at, consent_text, sources)
    WHERE c.id = v.id AND c."erasedAt" IS NULL`;
}
