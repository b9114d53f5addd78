/**
 * `npm run seed`: wipes the database and writes the demo again (demo accounts in the
 * README). Uses DATABASE_URL when set, else the embedded server under DATA_DIR.
 */
import { resetDatabase, seedDemo } from "../app/demo/seed.server";
import { describeDatabase, ensureDatabase } from "../app/utils/boot.server";
import { disconnectDb } from "../app/utils/db.server";

const startedAt = performance.now();
const database = await ensureDatabase();
let failed = false;
try {
  console.log(`Re-creating the demo in ${describeDatabase(database.url)}…`);
  await resetDatabase();
  const counts = await seedDemo();
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  for (const [table, count] of Object.entries(counts)) console.log(`  ${table.padEnd(16)} ${count}`);
  console.log(`Demo ready in ${seconds} s. Sign in as admin@kam.demo / admin-demo-2026 (see README).`);
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  await disconnectDb();
  await database.stop();
}
process.exit(failed ? 1 : 0);
