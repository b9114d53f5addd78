import { normalizeEmail, normalizePhone } from "./identity";

/**
 * Where sources disagree about a candidate: for each field that two source records
 * give differently (another city, salary, title…), every value with the records
 * that said it. Pure, so the profile and its tests share it.
 */
export const PROVENANCE_FIELDS = [
  "lastName",
  "firstName",
  "middleName",
  "email",
  "phone",
  "city",
  "currentTitle",
  "salaryExpectationRub",
] as const;
export type ProvenanceField = (typeof PROVENANCE_FIELDS)[number];

export type SourceValueRecord = { id: string; parsed: unknown };

export type Disagreement = {
  field: ProvenanceField;
  values: Array<{ value: string | number; sourceRecordIds: string[] }>;
};

function readField(parsed: unknown, field: ProvenanceField): string | number | null {
  if (!parsed || typeof parsed !== "object") return null;
  const value = (parsed as Record<string, unknown>)[field];
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && value.trim()) return value.trim().replace(/\s+/g, " ");
  return null;
}

/**
 * Spelling differences that are not disagreements: case, spaces, ё/е, and contacts as
 * de-duplication compares them ("8 (916) 123-45-67", "9161234567" and "+79161234567"
 * are one phone).
 */
function sameness(field: ProvenanceField, value: string | number): string {
  if (typeof value === "number") return String(value);
  if (field === "phone") return normalizePhone(value) ?? value.replace(/\D/g, "");
  if (field === "email") return normalizeEmail(value) ?? value.trim().toLowerCase();
  return value.toLowerCase().replace(/ё/g, "е").replace(/\s+/g, " ");
}

export function disagreements(records: readonly SourceValueRecord[]): Disagreement[] {
  const found: Disagreement[] = [];
  for (const field of PROVENANCE_FIELDS) {
    const groups = new Map<string, { value: string | number; sourceRecordIds: string[] }>();
    for (const record of records) {
      const value = readField(record.parsed, field);
      if (value === null) continue;
      const key = sameness(field, value);
      const group = groups.get(key);
      if (group) group.sourceRecordIds.push(record.id);
      else groups.set(key, { value, sourceRecordIds: [record.id] });
    }
    if (groups.size > 1) found.push({ field, values: [...groups.values()] });
  }
  return found;
}
