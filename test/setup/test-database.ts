import pg from "pg";
import { startEmbeddedPostgres } from "../../app/utils/embedded-postgres.server";

/**
 * The PostgreSQL server tests run on: DATABASE_URL's server when set (CI: the
 * machine's PostgreSQL), else an embedded server of their own under .data/.
 * Tests create and drop their own databases on it.
 */
export const TEST_EMBEDDED_PORT = 54330;

export async function testServerUrl(): Promise<{ url: string; stop(): Promise<void> }> {
  const fromEnv = process.env.DATABASE_URL;
  if (fromEnv) return { url: fromEnv, stop: async () => {} };
  return startEmbeddedPostgres({ dataDir: ".data", name: "test-postgres", port: TEST_EMBEDDED_PORT });
}

export function withDatabase(url: string, database: string) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function admin<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function recreateDatabase(serverUrl: string, name: string, template?: string) {
  await admin(serverUrl, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`);
  });
  return withDatabase(serverUrl, name);
}

export async function dropDatabase(serverUrl: string, name: string) {
  await admin(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}
