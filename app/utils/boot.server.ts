import { startEmbeddedPostgres } from "./embedded-postgres.server";
import { env, reloadEnv } from "./env.server";
import { migrate } from "./migrate.server";

/**
 * Settles which database this process uses and brings its schema up to date:
 * DATABASE_URL when set, else the embedded server under DATA_DIR (started here, or
 * reused when another process of ours already runs it). Every entry point (web
 * server, worker, seed, tests) calls this before it touches the database.
 */
export async function ensureDatabase(): Promise<{ url: string; stop(): Promise<void> }> {
  const { DATABASE_URL, DATA_DIR, EMBEDDED_PG_PORT } = env();
  let url = DATABASE_URL;
  let stop = async () => {};
  if (!url) {
    const embedded = await startEmbeddedPostgres({ dataDir: DATA_DIR, port: EMBEDDED_PG_PORT });
    url = embedded.url;
    stop = embedded.stop;
    process.env.DATABASE_URL = url;
    reloadEnv();
  }
  const applied = await migrate(url);
  if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
  return { url, stop };
}

export function describeDatabase(url: string) {
  const { hostname, port, pathname } = new URL(url);
  return `${hostname}:${port}${pathname}`;
}
