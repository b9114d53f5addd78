/**
 * The app as end-to-end tests see it: the production build on a fresh database
 * (on DATABASE_URL's server, or the tests' embedded server), seeded with the demo.
 */
import { recreateDatabase, testServerUrl } from "../setup/test-database";

const server = await testServerUrl();
process.env.DATABASE_URL = await recreateDatabase(server.url, `kam_e2e_${process.env.PORT ?? "3210"}`);
process.env.SEED_DEMO = "true";
process.env.RUN_WORKER = "true";
process.env.SLOW_QUERY_MS = "0";
// The app stops its jobs and disconnects on SIGTERM; the test server goes with it.
process.on("exit", () => void server.stop());
await import("../../scripts/start");
