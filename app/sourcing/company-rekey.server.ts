import { APP_STATE_KEYS, readAppState, writeAppState } from "~/utils/app-state.server";
import { audit } from "~/utils/audit.server";
import { db, type Tx } from "~/utils/db.server";
import { resolveCompanies } from "./companies.server";
import { mergeCompanyInto } from "./company-catalog.server";
import { COMPANY_MATCH_KEY_VERSION, companyMatchKey } from "./company-match";
import { retierCandidates, retierVacanciesListing } from "./tiering.server";

/**
 * After a change to companyMatchKey (COMPANY_MATCH_KEY_VERSION bumped), the keys
 * stored in Company.normalizedName and CompanyAlias.normalized are recomputed from
 * the names and aliases, once, by the start-up job company.rekey:
 * 1. companies whose keys (name or alias) now coincide are one company to the
 *    matcher, so they are merged by the catalog's merge (actor null, reason "re-key"):
 *    the one whose key did not change survives, else the oldest;
 * 2. every key is rewritten (through placeholders, as the keys are unique); an alias
 *    that now spells its own company's key, or another alias's, goes;
 * 3. jobs follow the keys: an unlinked job whose employer now has a catalog company is
 *    linked to it; a linked job whose employer's key its company no longer has moves
 *    to the company that has it, or to a new one, as an import would put it;
 * 4. the applications this touched are re-tiered, and the version is recorded.
 * One transaction under an advisory lock, with names and aliases locked against
 * writes (reads go on), so several processes starting at once re-key once; when the
 * stored version is the code's, it does nothing. Reads and writes go in chunks.
 */

const CHUNK = 5_000;
const TX = { maxWait: 60_000, timeout: 30 * 60_000 };
/** Keys are lower-case Latin letters and digits: '#' and ':' mark a key being moved. */
const placeholder = (id: string) => `#rekey:${id}`;

export type RekeyReport = {
  fromVersion: number | null;
  toVersion: number;
  companiesRekeyed: number;
  aliasesRekeyed: number;
  aliasesDropped: number;
  companiesMerged: number;
  companiesCreated: number;
  jobsRelinked: number;
  applicationsRetiered: number;
};

type CompanyRow = { id: string; name: string; normalizedName: string; createdAt: Date };
type AliasRow = { id: string; companyId: string; alias: string; normalized: string };
type JobRow = { id: string; candidateId: string; companyId: string | null; companyName: string; industry: string | null };

/** The key a name has now; a name that gives none (no letters or digits) keeps the one stored. */
const keyOf = (name: string, stored: string) => companyMatchKey(name) || stored;

/** Visits a table in pages of CHUNK rows by id. */
async function eachPage<T extends { id: string }>(page: (after: string | null) => Promise<T[]>, visit: (rows: T[]) => void): Promise<void> {
  for (let after: string | null = null; ; ) {
    const rows = await page(after);
    visit(rows);
    if (rows.length < CHUNK) return;
    after = rows.at(-1)!.id;
  }
}

async function readAll<T extends { id: string }>(page: (after: string | null) => Promise<T[]>): Promise<T[]> {
  const all: T[] = [];
  await eachPage(page, (rows) => all.push(...rows));
  return all;
}

const afterId = (after: string | null) => (after ? { id: { gt: after } } : {});
const catalog = async (tx: Tx) => ({
  companies: await readAll<CompanyRow>((after) =>
    tx.company.findMany({ where: afterId(after), orderBy: { id: "asc" }, take: CHUNK, select: { id: true, name: true, normalizedName: true, createdAt: true } }),
  ),
  aliases: await readAll<AliasRow>((after) =>
    tx.companyAlias.findMany({ where: afterId(after), orderBy: { id: "asc" }, take: CHUNK, select: { id: true, companyId: true, alias: true, normalized: true } }),
  ),
});

/** Companies that share a key under the new rule, each group as [survivor, ...duplicates]. */
function collisions({ companies, aliases }: { companies: CompanyRow[]; aliases: AliasRow[] }): string[][] {
  const parent = new Map(companies.map((c) => [c.id, c.id]));
  const find = (id: string): string => (parent.get(id) === id ? id : find(parent.get(id)!));
  const owner = new Map<string, string>();
  const claim = (key: string, companyId: string) => {
    const other = owner.get(key);
    if (other === undefined) owner.set(key, companyId);
    else if (find(other) !== find(companyId)) parent.set(find(companyId), find(other));
  };
  for (const c of companies) claim(keyOf(c.name, c.normalizedName), c.id);
  for (const a of aliases) claim(keyOf(a.alias, a.normalized), a.companyId);
  const groups = new Map<string, CompanyRow[]>();
  for (const c of companies) groups.set(find(c.id), [...(groups.get(find(c.id)) ?? []), c]);
  const unchanged = (c: CompanyRow) => (keyOf(c.name, c.normalizedName) === c.normalizedName ? 0 : 1);
  return [...groups.values()]
    .filter((g) => g.length > 1)
    .map((g) => g.sort((a, b) => unchanged(a) - unchanged(b) || a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id)).map((c) => c.id));
}

async function setKeys(tx: Tx, table: "Company" | "CompanyAlias", rows: ReadonlyArray<{ id: string; key: string }>) {
  const column = table === "Company" ? "normalizedName" : "normalized";
  for (const phase of ["placeholder", "key"] as const) {
    for (let at = 0; at < rows.length; at += CHUNK) {
      const part = rows.slice(at, at + CHUNK);
      const ids = part.map((r) => r.id);
      const keys = part.map((r) => (phase === "placeholder" ? placeholder(r.id) : r.key));
      await tx.$executeRawUnsafe(
        `UPDATE "${table}" AS t SET "${column}" = v.key FROM unnest($1::text[], $2::text[]) AS v(id, key) WHERE t.id = v.id`,
        ids,
        keys,
      );
    }
  }
}

/** Rewrites every stored key; returns how many changed and how many aliases went. */
async function rewriteKeys(tx: Tx) {
  const { companies, aliases } = await catalog(tx);
  const companyKey = new Map(companies.map((c) => [c.id, keyOf(c.name, c.normalizedName)]));
  const seen = new Set(companyKey.values());
  const dropped: string[] = [];
  const aliasKeys: Array<{ id: string; key: string; stored: string }> = [];
  for (const a of aliases) {
    const key = keyOf(a.alias, a.normalized);
    if (seen.has(key)) dropped.push(a.id);
    else {
      seen.add(key);
      aliasKeys.push({ id: a.id, key, stored: a.normalized });
    }
  }
  for (let at = 0; at < dropped.length; at += CHUNK) await tx.companyAlias.deleteMany({ where: { id: { in: dropped.slice(at, at + CHUNK) } } });
  const changedCompanies = companies.filter((c) => companyKey.get(c.id) !== c.normalizedName).map((c) => ({ id: c.id, key: companyKey.get(c.id)! }));
  const changedAliases = aliasKeys.filter((a) => a.key !== a.stored);
  await setKeys(tx, "Company", changedCompanies);
  await setKeys(tx, "CompanyAlias", changedAliases);
  const ownerOf = new Map<string, string>();
  for (const c of companies) ownerOf.set(companyKey.get(c.id)!, c.id);
  const aliasOwner = new Map(aliases.map((a) => [a.id, a.companyId]));
  for (const a of aliasKeys) ownerOf.set(a.key, aliasOwner.get(a.id)!);
  return { ownerOf, companies: changedCompanies.length, aliases: changedAliases.length, dropped: dropped.length };
}

/** Moves jobs to the company their employer's key names now; returns the people whose jobs moved. */
async function relinkJobs(tx: Tx, ownerOf: Map<string, string>) {
  const moves: Array<{ id: string; candidateId: string; companyName: string; industry: string | null; to: string | null }> = [];
  const page = (after: string | null): Promise<JobRow[]> =>
    tx.workExperience.findMany({
      where: afterId(after),
      orderBy: { id: "asc" },
      take: CHUNK,
      select: { id: true, candidateId: true, companyId: true, companyName: true, industry: true },
    });
  await eachPage(page, (jobs) => {
    for (const job of jobs) {
      const key = companyMatchKey(job.companyName);
      const owner = key ? (ownerOf.get(key) ?? null) : null;
      // No key, already where its key says, or unlinked with nothing to link to: left as it is.
      if (!key || owner === job.companyId || (job.companyId === null && owner === null)) continue;
      moves.push({ ...job, to: owner });
    }
  });
  const missing = moves.filter((m) => m.to === null);
  const hints = new Map(missing.map((m) => [m.companyName, { industry: m.industry }]));
  const created = missing.length ? await resolveCompanies(tx, [...hints.keys()], hints) : new Map<string, { id: string }>();
  for (const m of missing) m.to = created.get(m.companyName)?.id ?? null;
  const done = moves.filter((m): m is typeof m & { to: string } => m.to !== null);
  for (let at = 0; at < done.length; at += CHUNK) {
    const part = done.slice(at, at + CHUNK);
    await tx.$executeRaw`
      UPDATE "WorkExperience" AS w SET "companyId" = v.company
      FROM unnest(${part.map((m) => m.id)}::text[], ${part.map((m) => m.to)}::text[]) AS v(id, company)
      WHERE w.id = v.id`;
  }
  // Every name resolved here had no company (its key was nobody's): all of them are new.
  return { jobs: done.length, created: new Set([...created.values()].map((c) => c.id)).size, candidates: [...new Set(done.map((m) => m.candidateId))] };
}

async function storedVersion(tx: Tx): Promise<number | null> {
  const value = await readAppState(tx, APP_STATE_KEYS.companyMatchKeyVersion);
  return typeof value === "number" ? value : null;
}

/** Re-keys the catalog when its keys are older than the code's; null when there was nothing to do. */
export async function rekeyCompanies(): Promise<RekeyReport | null> {
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('company-rekey'))`;
    const fromVersion = await storedVersion(tx);
    // Up to date, or keyed by a newer release than this one: leave the keys alone.
    if (fromVersion !== null && fromVersion >= COMPANY_MATCH_KEY_VERSION) return null;
    // Nobody adds or renames a company or an alias while its key moves; reading goes on.
    await tx.$executeRaw`LOCK TABLE "Company", "CompanyAlias" IN SHARE ROW EXCLUSIVE MODE`;

    const groups = collisions(await catalog(tx));
    const survivors: string[] = [];
    for (const [survivorId, ...duplicates] of groups) {
      survivors.push(survivorId!);
      for (const duplicateId of duplicates) {
        await mergeCompanyInto(tx, { actorId: null, duplicateId, survivorId: survivorId!, reason: "re-key", retier: false });
      }
    }
    const keys = await rewriteKeys(tx);
    const jobs = await relinkJobs(tx, keys.ownerOf);
    const retiered =
      (await retierVacanciesListing(tx, survivors, null)) + (await retierCandidates(tx, jobs.candidates, { actorId: null }));

    const report: RekeyReport = {
      fromVersion,
      toVersion: COMPANY_MATCH_KEY_VERSION,
      companiesRekeyed: keys.companies,
      aliasesRekeyed: keys.aliases,
      aliasesDropped: keys.dropped,
      companiesMerged: groups.reduce((n, g) => n + g.length - 1, 0),
      companiesCreated: jobs.created,
      jobsRelinked: jobs.jobs,
      applicationsRetiered: retiered,
    };
    await writeAppState(tx, APP_STATE_KEYS.companyMatchKeyVersion, COMPANY_MATCH_KEY_VERSION);
    await audit(tx, { actorId: null, action: "company.rekey", entityType: "AppState", entityId: APP_STATE_KEYS.companyMatchKeyVersion, details: report });
    return report;
  }, TX);
}
