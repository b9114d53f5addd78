import { z } from "zod";
import { type DESCRIBED_LEVELS, type Rubric, RubricSchema } from "./rubric";

/**
 * The rubric editor's form and the Rubric it stands for. The form's fields are the
 * rubric's own shape (competencies[0].name.ru, competencies[0].levels.3.en, …), so
 * every error RubricSchema finds lands at its field. A competency's key is not typed:
 * a saved one keeps its key in a hidden field (scores are stored under it), a new one
 * gets a key made from its English name when saved.
 */

type Words = { ru: string; en: string };
export type CompetencyFormValue = {
  id: string;
  name: Words;
  weight: string;
  levels: Record<(typeof DESCRIBED_LEVELS)[number], Words>;
};
export type RubricFormValue = { competencies: CompetencyFormValue[] };

const blank = (): Words => ({ ru: "", en: "" });

/** What "add a competency" inserts: nothing typed yet, the lowest weight. */
export function newCompetency(): CompetencyFormValue {
  return { id: "", name: blank(), weight: "1", levels: { "1": blank(), "3": blank(), "5": blank() } };
}

export function rubricToForm(rubric: Rubric): RubricFormValue {
  return { competencies: rubric.map((c) => ({ ...c, weight: String(c.weight) })) };
}

const MAX_ID = 40;

/** A key from an English name ("Trust and rapport" → "trust-and-rapport"), unique among `taken`. */
export function competencyKey(name: unknown, taken: ReadonlySet<string>): string {
  const base =
    (typeof name === "string" ? name : "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^[^a-z]+/, "")
      .slice(0, MAX_ID - 3)
      .replace(/-+$/, "") || "competency";
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const key = `${base}-${n}`;
    if (!taken.has(key)) return key;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => Boolean(v) && typeof v === "object" && !Array.isArray(v);

/** Gives each competency posted without a key one made from its English name; a list with none posted is empty. */
export function withKeys(value: unknown): unknown {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return value;
  const taken = new Set(value.map((c) => (isRecord(c) && typeof c.id === "string" ? c.id : "")).filter(Boolean));
  return value.map((c) => {
    if (!isRecord(c) || (typeof c.id === "string" && c.id)) return c;
    const key = competencyKey(isRecord(c.name) ? c.name.en : undefined, taken);
    taken.add(key);
    return { ...c, id: key };
  });
}

export const RubricFormSchema = z.object({ competencies: z.preprocess(withKeys, RubricSchema) });
