import PgBoss from "pg-boss";
import { type z } from "zod";
import { type Tx } from "./db.server";
import { env } from "./env.server";
import { type JobDefinition } from "./jobs/define";
import { jobDefinitions } from "./jobs/definitions.server";

/**
 * Durable background jobs on pg-boss, in the product's own PostgreSQL (schema
 * `pgboss`, which pg-boss creates and migrates itself). Any number of web and worker
 * processes may share it: pg-boss hands each job to one worker at a time.
 * See docs/decisions/003-job-queue.md.
 */
type Definition = (typeof jobDefinitions)[number];
export type JobName = Definition["name"];
export type JobPayload<N extends JobName> = z.input<Extract<Definition, { name: N }>["schema"]>;

export const JOBS_SCHEMA = "pgboss";
// Polling is how a worker notices new jobs (pg-boss 10 has no LISTEN/NOTIFY): 1 s
// keeps "send" → "delivered" quick in the UI for one cheap query per queue per second.
const POLLING_SECONDS = 1;
const STOP_TIMEOUT_MS = 30_000;

type State = { boss: PgBoss; starting: Promise<void>; working: boolean };
// On globalThis so development reloads reuse the instance instead of opening pools.
const holder = globalThis as unknown as { __kamJobs?: State };

function createBoss(): PgBoss {
  const connectionString = env().DATABASE_URL;
  if (!connectionString) {
    throw new Error("DATABASE_URL is not set: call ensureDatabase() before starting jobs");
  }
  const boss = new PgBoss({
    connectionString,
    schema: JOBS_SCHEMA,
    application_name: "kam-hiring-jobs",
    max: 5,
  });
  // Without a listener an 'error' event (e.g. a dropped connection) would crash the process.
  boss.on("error", (error) => console.error("jobs:", error));
  return boss;
}

async function createQueues(boss: PgBoss) {
  for (const definition of jobDefinitions) {
    // createQueue leaves an existing queue alone, so updateQueue carries changed
    // retry settings over to databases made by an older release.
    await boss.createQueue(definition.name, { name: definition.name, ...definition.queue });
    await boss.updateQueue(definition.name, { name: definition.name, ...definition.queue });
  }
}

/** The started instance, starting it on first use (CLIs may enqueue without startJobs). */
async function ready(): Promise<PgBoss> {
  if (!holder.__kamJobs) {
    const boss = createBoss();
    const state: State = {
      boss,
      working: false,
      starting: boss.start().then(() => createQueues(boss)),
    };
    holder.__kamJobs = state;
    state.starting.catch(() => {
      if (holder.__kamJobs === state) holder.__kamJobs = undefined;
      void boss.stop({ graceful: false }).catch(() => {});
    });
  }
  await holder.__kamJobs.starting;
  return holder.__kamJobs.boss;
}

/**
 * Starts pg-boss and creates every queue; with `work`, this process also works the
 * jobs. Call once at start-up (web: `work: env().RUN_WORKER`; scripts/worker.ts: true).
 */
export async function startJobs({ work }: { work: boolean }): Promise<void> {
  const boss = await ready();
  const state = holder.__kamJobs;
  if (!work || !state || state.working) return;
  state.working = true;
  for (const definition of jobDefinitions) {
    // pg-boss keeps one schedule per queue name, so every worker may (re)register it.
    if (definition.schedule) await boss.schedule(definition.name, definition.schedule, {}, { tz: "UTC" });
    for (let i = 0; i < (definition.concurrency ?? 1); i++) {
      let workerId: string | undefined = undefined;
      workerId = await boss.work<unknown>(
        definition.name,
        { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: POLLING_SECONDS },
        async (jobs) => {
          try {
            await runJobs(definition, jobs);
          } finally {
            // A worker that found a job looks for the next one at once instead of
            // sleeping out the polling interval, so a backlog drains at full speed.
            if (workerId) boss.notifyWorker(workerId);
          }
        },
      );
    }
  }
}

/**
 * Queues the start-up work (definitions with `atStartup`): scripts/start.ts and
 * scripts/worker.ts call it once jobs are started. Processes starting within the same
 * minute queue one job between them; each handler guards itself anyway.
 */
export async function queueStartupJobs(): Promise<void> {
  for (const definition of jobDefinitions) {
    const { atStartup, everyStart } = definition as JobDefinition;
    if (!atStartup) continue;
    await enqueue(definition.name, {} as never, everyStart ? {} : { singletonKey: definition.name, singletonSeconds: 60 });
  }
}

/** Lets running jobs finish (up to 30 s), then closes the queue's connections. */
export async function stopJobs(): Promise<void> {
  const state = holder.__kamJobs;
  if (!state) return;
  holder.__kamJobs = undefined;
  const started = await state.starting.then(
    () => true,
    () => false,
  );
  if (started) await state.boss.stop({ graceful: true, wait: true, timeout: STOP_TIMEOUT_MS });
}

async function runJobs(definition: JobDefinition, jobs: PgBoss.JobWithMetadata<unknown>[]) {
  for (const job of jobs) {
    const attempt = job.retryCount + 1;
    const isLastAttempt = job.retryCount >= job.retryLimit;
    try {
      const payload = definition.schema.parse(job.data);
      await definition.handler(payload, { jobId: job.id, attempt, isLastAttempt });
    } catch (error) {
      const what = `job ${definition.name} ${job.id} failed (attempt ${attempt} of ${job.retryLimit + 1})`;
      const reason = error instanceof Error ? error.message : String(error);
      if (isLastAttempt) console.error(`${what}, giving up: ${reason}`);
      else console.warn(`${what}, will retry: ${reason}`);
      // Rethrown so pg-boss records the failure and schedules the retry.
      throw error;
    }
  }
}

export type EnqueueOptions = Omit<PgBoss.SendOptions, "db"> & {
  /** Commit the job with this transaction's domain write: no job if it rolls back. */
  tx?: Tx;
};

/**
 * Queues a job after checking its payload against the definition's schema (a
 * ZodError otherwise). Returns the job id (null when a singletonKey suppressed it).
 */
export async function enqueue<N extends JobName>(
  name: N,
  payload: JobPayload<N>,
  options: EnqueueOptions = {},
): Promise<string | null> {
  const definition: JobDefinition | undefined = jobDefinitions.find((d) => d.name === name);
  if (!definition) throw new Error(`Unknown job "${name}"`);
  const data: unknown = definition.schema.parse(payload);
  const { tx, ...sendOptions } = options;
  const boss = await ready();
  return boss.send(name, data as object, tx ? { ...sendOptions, db: viaTransaction(tx) } : sendOptions);
}

/** pg-boss runs its insert through the caller's Prisma transaction. */
function viaTransaction(tx: Tx): PgBoss.Db {
  return {
    async executeSql(text, values) {
      const rows = await tx.$queryRawUnsafe<unknown[]>(text, ...values.map(toSqlValue));
      return { rows };
    },
  };
}

// pg serialises objects to JSON and undefined to NULL by itself; Prisma's raw
// queries do neither, so pg-boss's values are converted the way pg would.
function toSqlValue(value: unknown): unknown {
  if (value === undefined) return null;
  if (value !== null && typeof value === "object" && !(value instanceof Date) && !Buffer.isBuffer(value)) {
    return JSON.stringify(value);
  }
  return value;
}
