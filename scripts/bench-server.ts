/**
 * What the bench scripts share: a database of their own on the server, and the
 * production server (scripts/start.ts, built by `npm run build`) on a free port.
 */
import { type ChildProcess, spawn } from "node:child_process";
import net from "node:net";
import pg from "pg";
import { startEmbeddedPostgres } from "../app/utils/embedded-postgres.server";
import { env } from "../app/utils/env.server";
import { migrate } from "../app/utils/migrate.server";

export function withDatabase(url: string, database: string) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function query(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

export function startServer(databaseUrl: string, port: number) {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: "127.0.0.1",
      SEED_DEMO: "false",
      RUN_WORKER: "false",
      SLOW_QUERY_MS: "0",
      SESSION_SECRET: `bench-${crypto.randomUUID()}-${crypto.randomUUID()}`,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("KAM Hiring ready")) resolve();
    });
    child.on("exit", (code) => reject(new Error(`the server stopped (exit code ${code}); did \`npm run build\` run?`)));
  });
  return { child, ready };
}

/** Stops a server started by startServer and waits for it to exit. */
export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

/**
 * A fresh, migrated database `name` on DATABASE_URL's server, or on the embedded one
 * (started here). `drop()` removes it (unless `keep`) and stops a server started here.
 */
export async function freshDatabase(name: string) {
  const config = env();
  const server = config.DATABASE_URL
    ? { url: config.DATABASE_URL, stop: async () => {} }
    : await startEmbeddedPostgres({ dataDir: config.DATA_DIR, port: config.EMBEDDED_PG_PORT });
  const adminUrl = withDatabase(server.url, "postgres");
  const url = withDatabase(server.url, name);
  await query(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await query(adminUrl, `CREATE DATABASE ${name}`);
  await migrate(url);
  return {
    url,
    host: new URL(server.url).host,
    async drop({ keep = false }: { keep?: boolean } = {}) {
      if (!keep) await query(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await server.stop();
    },
  };
}
