import { type Tx } from "~/utils/db.server";
import { companyMatchKey } from "./company-match";

/**
 * The company catalog's lookups: which catalog company an employer name is. A name is
 * found by its match key in Company.normalizedName or CompanyAlias.normalized; names
 * that are not there yet become companies. Catalog editing (aliases, merges) is in
 * company-catalog.server.ts.
 */

export type CompanyRef = { id: string; name: string };
export type CompanyHint = { industry?: string | null; city?: string | null };

const CHUNK = 5_000;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let at = 0; at < items.length; at += CHUNK) out.push(items.slice(at, at + CHUNK));
  return out;
}

/** Catalog companies by match key, from their own key or an alias; no company is created. */
export async function findCompaniesByKey(tx: Tx, keys: readonly string[]): Promise<Map<string, CompanyRef>> {
  const found = new Map<string, CompanyRef>();
  for (const part of chunks([...new Set(keys)].filter(Boolean))) {
    const [companies, aliases] = await Promise.all([
      tx.company.findMany({ where: { normalizedName: { in: part } }, select: { id: true, name: true, normalizedName: true } }),
      tx.companyAlias.findMany({
        where: { normalized: { in: part } },
        select: { normalized: true, company: { select: { id: true, name: true } } },
      }),
    ]);
    for (const a of aliases) found.set(a.normalized, a.company);
    // A company's own key wins over another company's alias (only a race could make both).
    for (const c of companies) found.set(c.normalizedName, { id: c.id, name: c.name });
  }
  return found;
}

/**
 * The catalog company of every name, keyed by the name as given; names with no
 * letters or digits are left out. Missing companies are created (named as first
 * given, with the hint's industry and city). Two transactions resolving the same new
 * name meet on the unique key: the second waits for the first and then reads its row.
 * A few queries per 5,000 names, whatever their number.
 */
export async function resolveCompanies(
  tx: Tx,
  names: readonly string[],
  hints?: ReadonlyMap<string, CompanyHint>,
): Promise<Map<string, CompanyRef>> {
  const keyOf = new Map<string, string>();
  for (const name of names) {
    const key = companyMatchKey(name);
    if (key) keyOf.set(name, key);
  }
  const byKey = await findCompaniesByKey(tx, [...keyOf.values()]);

  const missing = new Map<string, { name: string; normalizedName: string; industry: string | null; city: string | null }>();
  for (const [name, key] of keyOf) {
    if (byKey.has(key) || missing.has(key)) continue;
    const hint = hints?.get(name);
    missing.set(key, { name: name.trim(), normalizedName: key, industry: hint?.industry?.trim() || null, city: hint?.city?.trim() || null });
  }
  for (const part of chunks([...missing.values()])) {
    const created = await tx.company.createManyAndReturn({ data: part, skipDuplicates: true, select: { id: true, name: true, normalizedName: true } });
    for (const c of created) byKey.set(c.normalizedName, { id: c.id, name: c.name });
  }
  const raced = [...missing.keys()].filter((key) => !byKey.has(key));
  if (raced.length) for (const [key, ref] of await findCompaniesByKey(tx, raced)) byKey.set(key, ref);

  const result = new Map<string, CompanyRef>();
  for (const [name, key] of keyOf) {
    const ref = byKey.get(key);
    if (ref) result.set(name, ref);
  }
  return result;
}
