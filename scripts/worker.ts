/**
 * `npm run worker`: a process that only works background jobs (mail delivery, …).
 * Run any number beside the web processes (start those with RUN_WORKER=0 to keep
 * them off the jobs); pg-boss gives each job to one worker at a time. The database
 * is found the way the web process finds it: DATABASE_URL, else the embedded server
 * under DATA_DIR (reused when the web process already runs it).
 */
import { describeDatabase, ensureDatabase } from "../app/utils/boot.server";

const database = await ensureDatabase();
const jobs = await import("../app/utils/jobs.server");
await jobs.startJobs({ work: true });
await jobs.queueStartupJobs();
console.log(`worker ready (database ${describeDatabase(database.url)})`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: finishing running jobs, then stopping`);
  let code = 0;
  try {
    await jobs.stopJobs();
    const { disconnectDb } = await import("../app/utils/db.server");
    await disconnectDb();
    await database.stop();
  } catch (error) {
    console.error(error);
    code = 1;
  }
  process.exit(code);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
