/**
 * The app as end-to-end tests see it: the production build on a fresh database
 * (on DATABASE_URL's server, or the tests' embedded server), seeded with the demo,
 * sending its mail over the wire to a real SMTP server in this process (so the
 * Outbox shows messages SENT, as with a company's server).
 */
import { startSmtpServer } from "../setup/smtp";
import { recreateDatabase, testServerUrl } from "../setup/test-database";

const server = await testServerUrl();
const smtp = await startSmtpServer();
process.env.DATABASE_URL = await recreateDatabase(server.url, `kam_e2e_${process.env.PORT ?? "3210"}`);
process.env.SMTP_URL = smtp.url;
process.env.SEED_DEMO = "true";
process.env.RUN_WORKER = "true";
process.env.SLOW_QUERY_MS = "0";
// The app stops its jobs and disconnects on SIGTERM; the test server goes with it.
process.on("exit", () => void server.stop());
await import("../../scripts/start");
