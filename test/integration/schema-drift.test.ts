import { expect, inject, test } from "vitest";
import pg from "pg";
import { prismaCli } from "../../scripts/prisma";
import { dropDatabase, recreateDatabase } from "../setup/test-database";

/**
 * schema.prisma is the source of truth; the migrations must build exactly the schema
 * it describes. Builds a second database straight from schema.prisma and compares the
 * two catalogs. Triggers and functions are hand-written in migrations (Prisma cannot
 * express them) and are checked separately below.
 */
const CATALOG = {
  columns: `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default
            FROM information_schema.columns WHERE table_schema = 'public'
            AND table_name <> '_prisma_migrations' ORDER BY 1, 2`,
  constraints: `SELECT c.relname AS tbl, k.conname, pg_get_constraintdef(k.oid) AS def
                FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
                WHERE k.connamespace = 'public'::regnamespace
                AND c.relname <> '_prisma_migrations' ORDER BY 1, 2`,
  indexes: `SELECT tablename, indexname, indexdef FROM pg_indexes
            WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1, 2`,
  enums: `SELECT t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS labels
          FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY 1 ORDER BY 1`,
};

async function catalog(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result: Record<string, unknown[]> = {};
    for (const [key, sql] of Object.entries(CATALOG)) result[key] = (await client.query(sql)).rows;
    return result;
  } finally {
    await client.end();
  }
}

test("the migrations build exactly the schema in schema.prisma", async () => {
  const serverUrl = inject("testServerUrl");
  const fromMigrations = process.env.DATABASE_URL!;
  const name = `kam_drift_${process.pid}`;
  const fromSchemaUrl = await recreateDatabase(serverUrl, name);
  try {
    const sql = prismaCli(
      ["migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
      { DATABASE_URL: fromSchemaUrl },
    );
    const client = new pg.Client({ connectionString: fromSchemaUrl });
    await client.connect();
    await client.query(sql);
    await client.end();

    const [expected, actual] = await Promise.all([catalog(fromSchemaUrl), catalog(fromMigrations)]);
    expect(actual.enums).toEqual(expected.enums);
    expect(actual.columns).toEqual(expected.columns);
    expect(actual.constraints).toEqual(expected.constraints);
    expect(actual.indexes).toEqual(expected.indexes);
    expect((expected.columns as unknown[]).length).toBeGreaterThan(50);
  } finally {
    await dropDatabase(serverUrl, name);
  }
});

test("stage history and the audit trail refuse updates and deletes", async () => {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT tgrelid::regclass::text AS tbl FROM pg_trigger WHERE tgname LIKE '%append_only' ORDER BY 1`,
    );
    expect(rows.map((r) => r.tbl)).toEqual(['"AuditEntry"', '"StageChange"']);
    await client.query(`INSERT INTO "AuditEntry" (action, "entityType", "entityId") VALUES ('x', 'y', 'z')`);
    await expect(client.query(`UPDATE "AuditEntry" SET action = 'changed'`)).rejects.toThrow(/append-only/);
    await expect(client.query(`DELETE FROM "AuditEntry"`)).rejects.toThrow(/append-only/);
  } finally {
    await client.end();
  }
});
