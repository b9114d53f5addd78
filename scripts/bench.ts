/**
 * npm run bench: how fast the candidate list answers with 100,000 candidates.
 *
 * On the DATABASE_URL server (or the embedded one, like the app) it re-creates the
 * database kam_bench, migrates it, fills it (scripts/bench-data.ts), starts the
 * production server (scripts/start.ts, built by `npm run build`) on a free port,
 * signs in, and times each page as a client on this machine sees it: the wall time
 * of one GET, from sending the request to reading the whole HTML, over localhost.
 * Then it times one import of 5,000 records (scripts/bench-import.ts): preview and commit,
 * and a 10,000-recipient campaign (scripts/bench-mail.ts): launch, delivery by the
 * dispatcher to a local SMTP server, and plain nodemailer sending the same messages,
 * and 500 questionnaires submitted at once, twice (scripts/bench-questionnaire.ts).
 * Options: --candidates=N (default 100000), --requests=N (default 30), --import=N
 * (records in the timed import, default 5000), --mail=N (campaign size, default 10000),
 * --submissions=N (questionnaires at once, default 500), --keep
 * (leave kam_bench for EXPLAIN ANALYZE afterwards).
 */
import { spawn } from "node:child_process";
import os from "node:os";
import pg from "pg";
import { hashPassword } from "../app/auth/password.server";
import { env } from "../app/utils/env.server";
import { fillBenchDatabase } from "./bench-data";
import { describeFigures, type QuestionnaireFigures } from "./bench-questionnaire-report";
import { freePort, freshDatabase, startServer, stopServer } from "./bench-server";

const arg = (name: string, fallback: number) => {
  const found = process.argv.find((a) => a.startsWith(`--${name}=`));
  return found ? Number(found.split("=")[1]) : fallback;
};
const CANDIDATES = arg("candidates", 100_000);
const REQUESTS = arg("requests", 30);
const WARM_UP = 3;
const DATABASE = "kam_bench";
const EMAIL = "bench@kam.bench";
const PASSWORD = "bench-password-2026";

async function signIn(base: string) {
  const response = await fetch(`${base}/login`, {
    method: "POST",
    body: new URLSearchParams({ email: EMAIL, password: PASSWORD, redirectTo: "/" }),
    redirect: "manual",
  });
  const cookie = response.headers.get("set-cookie")?.split(";")[0];
  if (response.status !== 302 || !cookie) throw new Error(`sign-in failed: ${response.status}`);
  return cookie;
}

async function timeRequests(url: string, cookie: string | null) {
  const get = async () => {
    const started = performance.now();
    const response = await fetch(url, { headers: cookie ? { Cookie: cookie } : {}, redirect: "manual" });
    const body = await response.text();
    const ms = performance.now() - started;
    if (response.status !== 200) throw new Error(`${url}: ${response.status} ${body.slice(0, 200)}`);
    return { ms, body };
  };
  let body = "";
  for (let i = 0; i < WARM_UP; i++) body = (await get()).body;
  const times: number[] = [];
  for (let i = 0; i < REQUESTS; i++) times.push((await get()).ms);
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]!;
  const found = /(?:Найдено|Found)[^:<]*:?\s*([\d\s\u00a0\u202f]+\+?|больше [\d\s\u00a0\u202f]+)/.exec(body)?.[0] ?? "";
  return { p50: at(0.5), p95: at(0.95), found: found.replace(/[\u00a0\u202f]/g, " ").trim() };
}

const IMPORT_RECORDS = arg("import", 5_000);

/** A bench script in its own process, on the bench database: its last stdout line is JSON. */
function runJsonScript<T>(script: string, args: string[], databaseUrl: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
      env: { ...process.env, NODE_ENV: "production", DATABASE_URL: databaseUrl, SLOW_QUERY_MS: "0" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("exit", (code) => {
      const line = out.trim().split("\n").at(-1) ?? "";
      if (code === 0 && line.startsWith("{")) resolve(JSON.parse(line) as T);
      else reject(new Error(`${script} failed (exit code ${code}): ${out.slice(-500)}`));
    });
  });
}

type ImportFigures = { records: number; knownShare: number; previewMs: number; commitMs: number; status: string; result: unknown };

/** scripts/bench-import.ts: preview and commit times. */
const timeImport = (databaseUrl: string) =>
  runJsonScript<ImportFigures>("scripts/bench-import.ts", [`--records=${IMPORT_RECORDS}`], databaseUrl);

const MAIL_MESSAGES = arg("mail", 10_000);

type MailFigures = { messages: number; queued: number; queueMs: number; deliverMs: number; delivered: number; sent: number; plainMs: number; plainDelivered: number; inFlight: number };

/** scripts/bench-mail.ts: launch, dispatcher and plain nodemailer times. */
const timeMail = (databaseUrl: string) => runJsonScript<MailFigures>("scripts/bench-mail.ts", [`--messages=${MAIL_MESSAGES}`], databaseUrl);

async function main() {
  const database = await freshDatabase(DATABASE);
  const benchUrl = database.url;
  console.log(`Database server ${database.host}; re-created ${DATABASE}.`);

  const filling = performance.now();
  const client = new pg.Client({ connectionString: benchUrl });
  await client.connect();
  const counts = await fillBenchDatabase(client, CANDIDATES);
  const { rows: [version] } = await client.query<{ v: string }>("SELECT current_setting('server_version') AS v");
  await client.query(
    `INSERT INTO "User" (id, email, name, "passwordHash", roles, "updatedAt") VALUES ('bench-user', $1, 'Bench Recruiter', $2, '{RECRUITER}', now())`,
    [EMAIL, await hashPassword(PASSWORD)],
  );
  await client.end();
  const fillSeconds = (performance.now() - filling) / 1000;

  const port = await freePort();
  const { child, ready } = startServer(benchUrl, port);
  try {
    await ready;
    const base = `http://127.0.0.1:${port}`;
    const cookie = await signIn(base);
    const cases: Array<[string, string, string | null]> = [
      ["list, no filter", "/candidates", cookie],
      ["vacancy + tier", "/candidates?vacancy=bench-v1&tier=TARGET", cookie],
      ["Cyrillic name search «иванова»", `/candidates?q=${encodeURIComponent("иванова")}`, cookie],
      ["Latin company search «gidromash»", "/candidates?q=gidromash", cookie],
      ["salary 100–150k + city Казань", `/candidates?salaryMin=100000&salaryMax=150000&city=${encodeURIComponent("Казань")}`, cookie],
      ["last page by name", `/candidates?page=${Math.ceil(CANDIDATES / 50)}`, cookie],
      ["a candidate's profile (2 sources, timeline)", "/candidates/bench-c17", cookie],
      ["trivial route: GET /login", "/login", null],
    ];
    const rows = [];
    for (const [name, path, as] of cases) rows.push({ name, ...(await timeRequests(`${base}${path}`, as)) });
    // After the pages, so their figures are of the data set as described.
    const imported = await timeImport(benchUrl);
    const mail = await timeMail(benchUrl);
    const questionnaire = await runJsonScript<QuestionnaireFigures>("scripts/bench-questionnaire.ts", [`--base=${base}`, `--submissions=${arg("submissions", 500)}`], benchUrl);

    const cpus = os.cpus();
    console.log("");
    console.log(
      `Machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? "unknown CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ` +
        `Node ${process.version}, PostgreSQL ${version?.v ?? "?"} (${env().DATABASE_URL ? "DATABASE_URL" : "embedded"}), ${os.platform()} ${os.release()}`,
    );
    console.log(`Data set: ${Object.entries(counts).map(([k, v]) => `${v.toLocaleString("en")} ${k}`).join(", ")} (written in ${fillSeconds.toFixed(1)} s)`);
    console.log(`Wall time per request measured at the client over localhost (full HTML page, signed in), ${REQUESTS} requests each after ${WARM_UP} warm-up, one at a time:`);
    console.log("");
    console.log("| Request | p50 ms | p95 ms | Result |");
    console.log("|---|---:|---:|---|");
    for (const r of rows) console.log(`| ${r.name} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.found || "—"} |`);
    console.log("");
    console.log(
      `Import of ${imported.records.toLocaleString("en")} records into that database (${Math.round(imported.knownShare * 100)}% already there, found by phone): ` +
        `preview ${(imported.previewMs / 1000).toFixed(1)} s, commit ${(imported.commitMs / 1000).toFixed(1)} s (${imported.status}: ${JSON.stringify(imported.result)})`,
    );
    const perSecond = (n: number, ms: number) => Math.round(n / (ms / 1000)).toLocaleString("en");
    console.log("");
    console.log(`A campaign of ${mail.messages.toLocaleString("en")} recipients to a local SMTP server (smtp-server on loopback), ${mail.inFlight} messages in flight:`);
    console.log("");
    console.log("| Step | Seconds | Messages/s | Arrived |");
    console.log("|---|---:|---:|---:|");
    console.log(`| Launch: audience, contact rule, render, queue (one transaction) | ${(mail.queueMs / 1000).toFixed(1)} | ${perSecond(mail.queued, mail.queueMs)} | — |`);
    console.log(`| Deliver: the dispatcher, at most once each | ${(mail.deliverMs / 1000).toFixed(1)} | ${perSecond(mail.delivered, mail.deliverMs)} | ${mail.delivered.toLocaleString("en")} |`);
    console.log(`| Plain nodemailer (pooled), the same messages | ${(mail.plainMs / 1000).toFixed(1)} | ${perSecond(mail.plainDelivered, mail.plainMs)} | ${mail.plainDelivered.toLocaleString("en")} |`);
    console.log("");
    for (const line of describeFigures(questionnaire)) console.log(line);
  } finally {
    await stopServer(child);
    await database.drop({ keep: process.argv.includes("--keep") });
  }
}

await main();
