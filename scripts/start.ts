/**
 * Starts KAM Hiring: database (embedded when DATABASE_URL is unset), migrations,
 * demo data on an empty database, background jobs, then the web server over the
 * production build in build/ (run `npm run build` first; `npm run demo` does both).
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import { type ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { MAX_UPLOAD_BYTES } from "../app/sourcing/import-forms";
import { describeDatabase, ensureDatabase } from "../app/utils/boot.server";
import { env } from "../app/utils/env.server";

const buildPath = path.resolve("build/index.js");
if (!fs.existsSync(buildPath)) {
  console.error("No production build in build/: run `npm run build` first (or `npm run demo`).");
  process.exit(1);
}

const startedAt = performance.now();
const database = await ensureDatabase();
const config = env();

const { seedIfEmpty } = await import("../app/demo/seed.server");
if (config.SEED_DEMO) await seedIfEmpty();

const jobs = await import("../app/utils/jobs.server");
await jobs.startJobs({ work: config.RUN_WORKER });
// E.g. company keys stored by an older matcher are recomputed (app/sourcing/company-rekey.server.ts).
await jobs.queueStartupJobs();

const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;

const app = express();
app.disable("x-powered-by");
// X-Forwarded-For is believed only from a proxy on this machine (TRUST_PROXY widens it).
app.set("trust proxy", config.TRUST_PROXY);
app.use(compression());
// No body parser runs here (Remix reads the stream itself), so nothing else bounds a
// body: refuse one declared larger than the largest upload any form takes, before a
// byte of it is read. Chunked bodies (no length declared) are bounded by the routes
// that read them: the apply page counts bytes, the import upload caps its file part.
const MAX_REQUEST_BODY_BYTES = MAX_UPLOAD_BYTES + 1024 * 1024;
app.use((req, res, next) => {
  if (Number(req.headers["content-length"] ?? 0) > MAX_REQUEST_BODY_BYTES) {
    res.status(413).set("Connection", "close").type("text/plain; charset=utf-8").send("Request body too large / Слишком большой запрос\n");
    return;
  }
  next();
});
app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
app.use(express.static("public", { maxAge: "1h" }));
app.all(
  "*",
  createRequestHandler({
    build,
    mode: config.NODE_ENV,
    getLoadContext: (req) => ({ clientIp: req.ip ?? "unknown" }),
  }),
);

const server = app.listen(config.PORT, config.HOST, () => {
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  console.log(
    `KAM Hiring ready at http://${config.HOST === "0.0.0.0" ? "localhost" : config.HOST}:${config.PORT} ` +
      `(database ${describeDatabase(database.url)}, jobs ${config.RUN_WORKER ? "worked here" : "queued only"}, ${seconds} s)`,
  );
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: shutting down`);
  server.close();
  await jobs.stopJobs().catch((e) => console.error(e));
  const { disconnectDb } = await import("../app/utils/db.server");
  await disconnectDb();
  await database.stop();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
