/**
 * What the bench scripts share: a database of their own on the server, and the
 * production server (scripts/start.ts, built by `npm run build`) on a free port.
 */
import { type ChildProcess, spawn } from "node:child_process";
import net from "node:net";
import pg from "pg";

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
