/**
 * Writes prisma/migrations/<timestamp>_<name>/migration.sql: the SQL that takes the
 * database from the schema of the last committed migration to prisma/schema.prisma.
 *   npm run db:new-migration -- add_outreach_campaigns
 * Prisma's JS engine can only diff two schema files here, so the old schema is read
 * from git at the commit that last changed prisma/migrations.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { readMigrations, MIGRATIONS_DIR } from "../app/utils/migrate.server";
import { prismaCli } from "./prisma";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:new-migration -- <name in snake_case>");
  process.exit(2);
}

function git(args: string[]) {
  return execFileSync("git", args, { encoding: "utf8" }).trim();
}

const args = ["migrate", "diff", "--to-schema-datamodel", "prisma/schema.prisma", "--script"];
if (readMigrations().length === 0) {
  args.push("--from-empty");
} else {
  const commit = git(["log", "-1", "--format=%H", "--", "prisma/migrations"]);
  if (!commit) throw new Error("Commit the existing migrations first: the old schema is read from git.");
  const old = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "kam-")), "schema.prisma");
  fs.writeFileSync(old, git(["show", `${commit}:prisma/schema.prisma`]));
  args.push("--from-schema-datamodel", old);
}

const sql = prismaCli(args, {
  DATABASE_URL: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
});
if (!/^\s*(CREATE|ALTER|DROP)/im.test(sql)) {
  console.log("The schema has no changes since the last migration: nothing written.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, "migration.sql"), sql);
console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
