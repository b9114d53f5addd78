import { Prisma } from "@prisma/client";
import { hashPassword } from "~/auth/password.server";
import { refreshSearchText } from "~/sourcing/search-text.server";
import { db, type Tx } from "~/utils/db.server";
import { DEMO_ACCOUNTS, generateDemo } from "./generate";
import { writeDemoCampaigns } from "./seed-campaigns.server";
import { writeDemoCalls } from "./seed-calls.server";
import { writeImports } from "./seed-imports.server";
import { writeDemoInterviewLetters, writeDemoInterviews } from "./seed-interviews.server";
import { writeDemoQuestionnaires } from "./seed-questionnaires.server";
import { demoTemplates } from "./templates";

/**
 * Writes the demo (app/demo/generate.ts) into the database in one transaction, so a
 * half-written demo is never seen. Rows, including weeks of stage history, go in
 * with createMany: this is the one place applications and StageChange rows are not
 * written through app/pipeline, because it recreates the past in bulk.
 */

// Any constant shared by every process of this app (web server and worker may both start on an empty database).
const SEED_LOCK = 72_707_370;
const TX_OPTIONS = { maxWait: 10_000, timeout: 60_000 };

export type DemoCounts = Record<
  | "users" | "companies" | "companyAliases" | "vacancies" | "candidates" | "workExperiences"
  | "applications" | "stageChanges" | "accountManagers" | "clients" | "sourceRecords" | "importBatches",
  number
>;

/** Counted after writing: the imports add companies, people and applications that ingest decides on. */
async function countsOf(tx: Tx): Promise<DemoCounts> {
  const [users, companies, companyAliases, vacancies, candidates, workExperiences, applications, stageChanges] = await Promise.all([
    tx.user.count(), tx.company.count(), tx.companyAlias.count(), tx.vacancy.count(), tx.candidate.count(),
    tx.workExperience.count(), tx.application.count(), tx.stageChange.count(),
  ]);
  const [accountManagers, clients, sourceRecords, importBatches] = await Promise.all([
    tx.accountManager.count(), tx.client.count(), tx.sourceRecord.count(), tx.importBatch.count(),
  ]);
  return {
    users, companies, companyAliases, vacancies, candidates, workExperiences, applications, stageChanges,
    accountManagers, clients, sourceRecords, importBatches,
  };
}

async function prepare(options: SeedOptions) {
  const now = options.now ?? new Date();
  const data = generateDemo({ now, seed: options.seed });
  // Hashed before the transaction opens: argon2 is the slow part, and needs no lock.
  const users = await Promise.all(
    data.users.map(async ({ password, ...user }) => ({ ...user, passwordHash: await hashPassword(password) })),
  );
  return { data, users, now };
}

async function write(tx: Tx, { data, users, now }: Awaited<ReturnType<typeof prepare>>) {
  await tx.organization.create({ data: data.organization });
  await tx.user.createMany({ data: users });
  await tx.company.createMany({ data: data.companies });
  await tx.companyAlias.createMany({ data: data.companyAliases });
  await tx.vacancy.createMany({ data: data.vacancies });
  await tx.vacancyCompanyList.createMany({ data: data.vacancyCompanies });
  await tx.candidate.createMany({ data: data.candidates });
  await tx.workExperience.createMany({ data: data.workExperiences });
  await tx.sourceRecord.createMany({
    data: data.sourceRecords.map((r) => ({ ...r, raw: r.raw as Prisma.InputJsonValue, parsed: r.parsed as Prisma.InputJsonValue })),
  });
  await refreshSearchText(tx, data.candidates.map((c) => c.id));
  await tx.application.createMany({
    data: data.applications.map((a) => ({ ...a, tierReason: a.tierReason ?? Prisma.DbNull })),
  });
  await tx.stageChange.createMany({ data: data.stageChanges });
  await writeDemoInterviews(tx, data.interviews);
  await writeDemoCalls(tx, data, now);
  await tx.accountManager.createMany({ data: data.accountManagers });
  await tx.client.createMany({ data: data.clients });
  const [main] = data.vacancies;
  const recruiter = data.users[DEMO_ACCOUNTS.findIndex((a) => a.key === "recruiter")]!;
  await tx.messageTemplate.createMany({ data: demoTemplates({ mainVacancyId: main!.id, createdById: recruiter.id }) });
  await writeImports(tx, data.imports.batches, { vacancyId: main!.id, actorId: recruiter.id });
  await writeDemoCampaigns(tx, { vacancyId: main!.id, recruiterId: recruiter.id });
  await writeDemoQuestionnaires(tx, { vacancyIds: data.vacancies.slice(0, 2).map((v) => v.id), recruiterId: recruiter.id, now });
  await writeDemoInterviewLetters(tx, data.interviews, { vacancyTitle: main!.title });
  return countsOf(tx);
}

export type SeedOptions = { now?: Date; seed?: number };

/** Writes the demo into an empty database (see resetDatabase). */
export async function seedDemo(options: SeedOptions = {}): Promise<DemoCounts> {
  const prepared = await prepare(options);
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK})`;
    return write(tx, prepared);
  }, TX_OPTIONS);
}

/** No users means nobody could sign in: a fresh installation. */
export async function isDatabaseEmpty(): Promise<boolean> {
  return (await db().user.count()) === 0;
}

/**
 * Seeds the demo when the database is empty (start-up with SEED_DEMO). Safe when
 * several processes start at once: the check is repeated under a lock.
 */
export async function seedIfEmpty(options: SeedOptions = {}): Promise<DemoCounts | null> {
  if (!(await isDatabaseEmpty())) return null;
  const prepared = await prepare(options);
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK})`;
    if ((await tx.user.count()) > 0) return null;
    return write(tx, prepared);
  }, TX_OPTIONS);
}

/**
 * Empties every table but the migrations ledger. TRUNCATE fires no row triggers, so
 * it also clears the append-only history: meant for a full demo reset only.
 */
export async function resetDatabase(): Promise<void> {
  const tables = await db().$queryRaw<Array<{ name: string }>>`
    SELECT tablename::text AS name FROM pg_tables
    WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
  if (!tables.length) return;
  const list = tables.map((t) => `"public"."${t.name.replaceAll('"', '""')}"`).join(", ");
  await db().$executeRawUnsafe(`TRUNCATE TABLE ${list} RESTART IDENTITY CASCADE`);
}
