import { afterAll, inject } from "vitest";
import { disconnectDb } from "../../app/utils/db.server";
import { reloadEnv } from "../../app/utils/env.server";
import { dropDatabase, recreateDatabase } from "./test-database";

// Each test file gets its own copy of the migrated template, so files never see each
// other's rows and can run in parallel. DATABASE_URL is set before the file's own
// imports run, so db() connects to this copy.
const serverUrl = inject("testServerUrl");
const name = `kam_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
// Timing varies on a loaded test machine; slow-query warnings would fail tests at random.
process.env.SLOW_QUERY_MS = "0";
process.env.DATABASE_URL = await recreateDatabase(serverUrl, name, inject("templateDatabase"));
reloadEnv();

afterAll(async () => {
  await disconnectDb();
  await dropDatabase(serverUrl, name);
});
