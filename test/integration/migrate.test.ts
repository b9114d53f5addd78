import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, test } from "vitest";
import { startEmbeddedPostgres } from "~/utils/embedded-postgres.server";
import { migrate, readMigrations, type Migration } from "~/utils/migrate.server";
import { dropDatabase, recreateDatabase } from "../setup/test-database";

const serverUrl = inject("testServerUrl");
const created: string[] = [];
async function emptyDatabase() {
  const name = `kam_migrate_${process.pid}_${created.length}`;
  created.push(name);
  return recreateDatabase(serverUrl, name);
}
afterAll(async () => {
  for (const name of created) await dropDatabase(serverUrl, name);
});

async function query(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("the migration runner", () => {
  test("applies every migration once, in Prisma's ledger with Prisma's checksum", async () => {
    const url = await emptyDatabase();
    const migrations = readMigrations();
    expect(await migrate(url)).toEqual(migrations.map((m) => m.name));
    expect(await migrate(url)).toEqual([]);
    const ledger = await query(url, `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY 1`);
    expect(ledger.map((r) => [r.migration_name, r.checksum])).toEqual(migrations.map((m) => [m.name, m.checksum]));
    expect(ledger.every((r) => r.finished_at instanceof Date)).toBe(true);
  });

  test("several processes starting at once apply each migration exactly once", async () => {
    const url = await emptyDatabase();
    const results = await Promise.all([migrate(url), migrate(url), migrate(url)]);
    expect(results.flat().sort()).toEqual(readMigrations().map((m) => m.name));
    expect(await query(url, `SELECT count(*)::int AS n FROM "_prisma_migrations"`)).toEqual([
      { n: readMigrations().length },
    ]);
  });

  test("a failing migration leaves nothing behind and stops start-up", async () => {
    const url = await emptyDatabase();
    const bad: Migration = { name: "99990101000000_broken", sql: `CREATE TABLE half (id int); SELECT 1/0;`, checksum: "x" };
    await expect(migrate(url, [bad])).rejects.toThrow(/99990101000000_broken failed: division by zero/);
    expect(await query(url, `SELECT to_regclass('public.half') AS t`)).toEqual([{ t: null }]);
    expect(await query(url, `SELECT count(*)::int AS n FROM "_prisma_migrations"`)).toEqual([{ n: 0 }]);
  });

  test("an applied migration that was edited afterwards is refused", async () => {
    const url = await emptyDatabase();
    const [first] = readMigrations();
    await migrate(url, [first!]);
    await expect(migrate(url, [{ ...first!, sql: `${first!.sql}\n-- edited`, checksum: "changed" }])).rejects.toThrow(
      /was changed after it was applied/,
    );
  });
});

describe("the embedded default database", () => {
  test("starts a real PostgreSQL in its data folder, takes migrations, and is reused by a second process", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kam-embedded-"));
    // PostgreSQL runs as a `postgres` user when we are root: it must reach the folder.
    fs.chmodSync(dir, 0o755);
    const port = 55_000 + (process.pid % 1000);
    const server = await startEmbeddedPostgres({ dataDir: dir, port });
    try {
      expect(fs.existsSync(path.join(dir, "postgres", "PG_VERSION"))).toBe(true);
      expect(await migrate(server.url)).toHaveLength(readMigrations().length);
      expect((await query(server.url, "SHOW server_version"))[0].server_version).toMatch(/^18\./);
      const again = await startEmbeddedPostgres({ dataDir: dir, port });
      expect(again.url).toBe(server.url);
      expect(await query(again.url, `SELECT count(*)::int AS n FROM "_prisma_migrations"`)).toEqual([
        { n: readMigrations().length },
      ]);
    } finally {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
