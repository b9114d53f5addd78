/**
 * The questionnaire under load: N candidates (500 by default) submit their personal
 * questionnaire links at the same moment, over loopback HTTP to the production server,
 * and then every one of them submits again at once (a double click, a second tab).
 * Checks that exactly N responses are stored, one per candidate, each with exactly one
 * stage move, and that every request got the thank-you redirect. Prints the figures.
 *
 * Alone: `npm run bench:questionnaire` (builds, then re-creates the database
 * kam_bench_questionnaire on the DATABASE_URL server or the embedded one, starts the
 * server on a free port, and drops the database afterwards). Inside `npm run bench`
 * (scripts/bench.ts): `--base=<the running server> --json` on the bench database.
 * Options: --submissions=N.
 */
import os from "node:os";
import { questionnaireConsent } from "../app/questionnaires/consent.server";
import { defaultKamQuestionnaire } from "../app/questionnaires/default-kam";
import { issueInvites } from "../app/questionnaires/invites.server";
import { knockouts } from "../app/questionnaires/knockouts";
import { type Answers } from "../app/questionnaires/questions";
import { createQuestionnaire } from "../app/questionnaires/store.server";
import { versionStamp } from "../app/questionnaires/submit.server";
import { FORM_FIELDS } from "../app/questionnaires/submission";
import { db, disconnectDb } from "../app/utils/db.server";
import { reloadEnv } from "../app/utils/env.server";
import { describeFigures, type QuestionnaireFigures } from "./bench-questionnaire-report";
import { freePort, freshDatabase, startServer, stopServer } from "./bench-server";

const SUBMISSIONS = Number(process.argv.find((a) => a.startsWith("--submissions="))?.split("=")[1] ?? 500);
const GIVEN_BASE = process.argv.find((a) => a.startsWith("--base="))?.slice("--base=".length) ?? null;
const JSON_OUTPUT = process.argv.includes("--json");
const DATABASE = "kam_bench_questionnaire";
const SALARY_MAX = 250_000;

/** Candidate i's answers: every seventh has no B2B experience, every eleventh asks too much. */
function answersOf(i: number): Answers {
  return {
    b2b_experience: i % 7 === 0 ? "no" : "yes",
    industries: i % 2 ? ["industrial", "logistics"] : ["construction"],
    largest_client_turnover: 5_000_000 + (i % 50) * 2_000_000,
    key_clients_count: 1 + (i % 12),
    years_key_accounts: 2 + (i % 9),
    achievements: `Рост оборота ключевых клиентов на ${10 + (i % 60)}% за год. <b>не разметка</b>`,
    salary_expectation: i % 11 === 0 ? 400_000 : 150_000 + (i % 10) * 10_000,
    english_level: ["basic", "intermediate", "upper", "fluent"][i % 4]!,
    city: "Москва",
    relocation: "yes",
    start_date: "2027-01-15",
    why_this_job: "Хочу отвечать за крупных клиентов целиком.",
  };
}

function body(answers: Answers, hidden: Record<string, string>): URLSearchParams {
  const form = new URLSearchParams(hidden);
  for (const [id, value] of Object.entries(answers)) {
    for (const v of Array.isArray(value) ? value : [value]) form.append(id, String(v));
  }
  return form;
}

async function prepare(count: number) {
  const tag = Date.now().toString(36);
  const vacancy = await db().vacancy.create({
    data: { title: `Key Account Manager (bench ${tag})`, city: "Москва", industry: "Промышленное оборудование", status: "OPEN", salaryMaxRub: SALARY_MAX },
  });
  const { questionnaire, version } = await db().$transaction((tx) =>
    createQuestionnaire(tx, { name: `Анкета (bench ${tag})`, definition: defaultKamQuestionnaire(), actorId: null }),
  );
  await db().vacancy.update({ where: { id: vacancy.id }, data: { questionnaireId: questionnaire.id } });
  const candidates = await db().candidate.createManyAndReturn({
    data: Array.from({ length: count }, (_, i) => ({ firstName: `Имя${i}`, lastName: `Анкетов${i}`, email: `q.${tag}.${i}@bench.test` })),
    select: { id: true },
  });
  const applications = await db().application.createManyAndReturn({
    data: candidates.map((c) => ({ candidateId: c.id, vacancyId: vacancy.id, stage: "QUESTIONNAIRE_SENT" as const, tier: "TARGET" as const })),
    select: { id: true },
  });
  const ids = applications.map((a) => a.id);
  const links = await db().$transaction((tx) => issueInvites(tx, { questionnaireId: questionnaire.id, applicationIds: ids, validDays: 14, actorId: null }));
  const consent = questionnaireConsent("ru");
  const hidden = {
    [FORM_FIELDS.versionId]: version.id,
    [FORM_FIELDS.versionStamp]: versionStamp(version.definition),
    [FORM_FIELDS.consentGiven]: "on",
    [FORM_FIELDS.consentVersion]: consent.textSha256,
  };
  const posts = ids.map((id, i) => ({ applicationId: id, token: links.get(id)!.token, form: body(answersOf(i), hidden) }));
  const expectedKnockedOut = posts.filter((_, i) => knockouts(version.definition, answersOf(i), { vacancy: { salaryMaxRub: SALARY_MAX } }).length > 0).length;
  return { questionnaireId: questionnaire.id, ids, posts, expectedKnockedOut };
}

async function round(base: string, posts: Awaited<ReturnType<typeof prepare>>["posts"]) {
  const started = performance.now();
  const results = await Promise.all(
    posts.map(async (post) => {
      const t0 = performance.now();
      const response = await fetch(`${base}/q/${post.token}`, {
        method: "POST",
        body: post.form,
        headers: { "Content-Type": "application/x-www-form-urlencoded", "Accept-Language": "ru" },
        redirect: "manual",
      });
      await response.arrayBuffer();
      const done = response.status === 302 && (response.headers.get("location") ?? "").includes("done=1");
      return { ms: performance.now() - t0, status: done ? "302 thank-you" : String(response.status) };
    }),
  );
  return { ms: performance.now() - started, results };
}

async function run(base: string): Promise<QuestionnaireFigures> {
  const setup = await prepare(SUBMISSIONS);
  const first = await round(base, setup.posts);
  const second = await round(base, setup.posts);
  const times = first.results.map((r) => r.ms).sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]!;
  const statuses: Record<string, number> = {};
  for (const r of [...first.results, ...second.results]) statuses[r.status] = (statuses[r.status] ?? 0) + 1;

  const responses = await db().questionnaireResponse.findMany({ where: { questionnaireId: setup.questionnaireId }, select: { applicationId: true, verdict: true } });
  const stageMoves = await db().stageChange.count({ where: { applicationId: { in: setup.ids }, fromStage: "QUESTIONNAIRE_SENT" } });
  return {
    submissions: SUBMISSIONS,
    firstRoundMs: first.ms,
    secondRoundMs: second.ms,
    p50: at(0.5),
    p95: at(0.95),
    max: times.at(-1)!,
    statuses,
    responses: responses.length,
    distinctApplications: new Set(responses.map((r) => r.applicationId)).size,
    stageMoves,
    knockedOut: responses.filter((r) => r.verdict === "KNOCKED_OUT").length,
    expectedKnockedOut: setup.expectedKnockedOut,
  };
}

async function main() {
  if (GIVEN_BASE) {
    const figures = await run(GIVEN_BASE);
    await disconnectDb();
    console.log(JSON.stringify(figures));
    return;
  }
  const database = await freshDatabase(DATABASE);
  const url = database.url;
  process.env.DATABASE_URL = url;
  reloadEnv();
  const port = await freePort();
  const { child, ready } = startServer(url, port);
  try {
    await ready;
    const figures = await run(`http://127.0.0.1:${port}`);
    if (JSON_OUTPUT) console.log(JSON.stringify(figures));
    else {
      const cpus = os.cpus();
      console.log(`Machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? "unknown CPU"}, Node ${process.version}`);
      for (const line of describeFigures(figures)) console.log(line);
    }
    if (figures.responses !== figures.submissions || figures.distinctApplications !== figures.submissions || figures.stageMoves !== figures.submissions) process.exitCode = 1;
  } finally {
    await disconnectDb();
    await stopServer(child);
    await database.drop();
  }
}

await main();
