import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import { env } from "./env.server";

/**
 * The one database client. Created on first use, after start-up has settled
 * DATABASE_URL (the embedded server's URL when the variable is unset), and
 * remembered on globalThis so development reloads do not open new pools.
 */
function createClient() {
  const { DATABASE_URL: connectionString, SLOW_QUERY_MS } = env();
  if (!connectionString) {
    throw new Error("DATABASE_URL is not set: start the app through scripts/start.ts");
  }
  const client = new PrismaClient({
    adapter: new PrismaPg({ connectionString, max: 10 }),
    log: [{ level: "query", emit: "event" }],
  });
  client.$on("query", (e) => {
    if (SLOW_QUERY_MS > 0 && e.duration >= SLOW_QUERY_MS) {
      console.warn(`slow query (${e.duration} ms): ${e.query.slice(0, 300)}`);
    }
  });
  return client;
}

type Client = ReturnType<typeof createClient>;
const holder = globalThis as unknown as { __kamDb?: Client };

export function db(): Client {
  holder.__kamDb ??= createClient();
  return holder.__kamDb;
}

export async function disconnectDb() {
  await holder.__kamDb?.$disconnect();
  holder.__kamDb = undefined;
}

export type Db = Client;
export type Tx = Parameters<Parameters<Client["$transaction"]>[0]>[0];
