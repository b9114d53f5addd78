/**
 * Group interviews under load, through the product's own functions on a database of
 * its own (kam_bench_interviews on the DATABASE_URL server, or the embedded one):
 *
 * 1. a shortlist of N candidates (1,000 by default) invited at once to S upcoming
 *    sessions (20 by default): each gets its plan's share, with its letter and calendar
 *    file, the rest the waitlist;
 * 2. every one of those invited confirms by their RSVP link, C at a time (20 by
 *    default), all sessions at once: no session may end with more confirmed than its
 *    room holds, and every refusal must be "full";
 * 3. the 24-hour reminders for all of them, then the same run again (it must send none).
 *
 * Prints the figures; exits 1 when a check fails. `npm run bench:interviews`; options
 * --candidates=N --sessions=S --concurrency=C.
 */
import os from "node:os";
import { rsvpToken } from "../app/interviews/invitation-letter.server";
import { inviteToSessions } from "../app/interviews/booking.server";
import { sendDueInterviewReminders } from "../app/interviews/reminders.server";
import { rsvpConfirm } from "../app/interviews/rsvp.server";
import { DEFAULT_RUBRIC } from "../app/interviews/rubric";
import { db, disconnectDb } from "../app/utils/db.server";
import { reloadEnv } from "../app/utils/env.server";
import { stopJobs } from "../app/utils/jobs.server";
import { freshDatabase } from "./bench-server";

const option = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback);
const CANDIDATES = option("candidates", 1000);
const SESSIONS = option("sessions", 20);
const CONCURRENCY = option("concurrency", 20);
const DATABASE = "kam_bench_interviews";
const HOUR = 3_600_000;

async function prepare(now: Date) {
  const vacancy = await db().vacancy.create({ data: { title: "Key Account Manager (bench)", city: "Москва", industry: "Промышленное оборудование", status: "OPEN" } });
  await db().messageTemplate.create({
    data: {
      kind: "INTERVIEW_INVITATION",
      name: "Приглашение (bench)",
      vacancyId: vacancy.id,
      subjectRu: "Приглашение на собеседование: {{interviewTime}}",
      bodyRu: "{{firstName}}, здравствуйте!\n\n**Когда:** {{interviewTime}}\n\n**Где:** {{interviewPlace}}\n\n[Ответить]({{rsvpLink}})",
    },
  });
  const candidates = await db().candidate.createManyAndReturn({
    data: Array.from({ length: CANDIDATES }, (_, i) => ({ firstName: `Имя${i}`, lastName: `Собеседов${i}`, email: `i.${i}@bench.test`, source: "HH" as const })),
    select: { id: true },
  });
  const applications = await db().application.createManyAndReturn({
    data: candidates.map((c) => ({ candidateId: c.id, vacancyId: vacancy.id, stage: "QUESTIONNAIRE_PASSED" as const, tier: "TARGET" as const })),
    select: { id: true },
  });
  // Hourly sessions from two days on: within one day of each other, so one moment has
  // every 24-hour reminder due and no 2-hour one.
  const sessions = await db().interviewSession.createManyAndReturn({
    data: Array.from({ length: SESSIONS }, (_, i) => ({
      vacancyId: vacancy.id,
      startsAt: new Date(now.getTime() + (48 + (i % 20)) * HOUR + Math.floor(i / 20) * 5 * 60_000),
      durationMinutes: 90,
      place: "Москва, переговорная",
      seats: 8,
      capacity: 12,
      rubric: DEFAULT_RUBRIC,
    })),
    select: { id: true, startsAt: true, capacity: true },
  });
  return { vacancyId: vacancy.id, applicationIds: applications.map((a) => a.id), sessions };
}

/** Runs `work` over `items`, `limit` at a time; returns each outcome. */
async function pool<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const k = next++;
        out[k] = await work(items[k]!);
      }
    }),
  );
  return out;
}

async function run() {
  const now = new Date();
  const setup = await prepare(now);
  const failures: string[] = [];

  let t0 = performance.now();
  const report = await db().$transaction((tx) => inviteToSessions(tx, { vacancyId: setup.vacancyId, applicationIds: setup.applicationIds, actorId: null, now }), {
    maxWait: 10_000,
    timeout: 600_000,
  });
  const inviteMs = performance.now() - t0;
  const planned = report.sessions.reduce((n, s) => n + s.recommended, 0);
  if (report.invited > planned) failures.push(`invited ${report.invited} > planned ${planned}`);
  if (report.invited + report.waitlisted !== CANDIDATES) failures.push(`invited + waitlisted = ${report.invited + report.waitlisted}, not ${CANDIDATES}`);

  const invited = await db().interviewInvitation.findMany({ where: { vacancyId: setup.vacancyId, status: "INVITED" }, select: { id: true } });
  t0 = performance.now();
  const outcomes = await pool(invited, CONCURRENCY, async ({ id }) => {
    const started = performance.now();
    const outcome = await rsvpConfirm(rsvpToken(id), { now });
    return { outcome, ms: performance.now() - started };
  });
  const confirmMs = performance.now() - t0;
  const byOutcome: Record<string, number> = {};
  for (const { outcome } of outcomes) byOutcome[outcome] = (byOutcome[outcome] ?? 0) + 1;
  const confirmed = await db().interviewInvitation.groupBy({ by: ["sessionId"], where: { vacancyId: setup.vacancyId, status: "CONFIRMED" }, _count: true });
  const over = confirmed.filter((c) => c._count > setup.sessions.find((s) => s.id === c.sessionId)!.capacity);
  if (over.length) failures.push(`${over.length} sessions confirmed past their capacity`);
  const unexpected = Object.keys(byOutcome).filter((o) => o !== "confirmed" && o !== "full");
  if (unexpected.length) failures.push(`unexpected RSVP outcomes: ${unexpected.join(", ")}`);
  const times = outcomes.map((o) => o.ms).sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)] ?? 0;

  // The 24-hour reminders, at a moment every session is less than 24 hours (and more than 2) away.
  const reminderNow = new Date(Math.max(...setup.sessions.map((s) => s.startsAt.getTime())) - 24 * HOUR + 60_000);
  t0 = performance.now();
  const first = await sendDueInterviewReminders({ now: reminderNow });
  const remindMs = performance.now() - t0;
  const second = await sendDueInterviewReminders({ now: reminderNow });
  if (second.sent !== 0) failures.push(`the second reminder run sent ${second.sent}`);
  const letters = await db().emailMessage.count({ where: { dedupeKey: { startsWith: "interview-reminder:" } } });
  if (letters !== first.sent) failures.push(`reminder letters ${letters} ≠ sent ${first.sent}`);

  const cpus = os.cpus();
  console.log(`Machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? "unknown CPU"}, Node ${process.version}`);
  console.log(`Bulk invitation: ${CANDIDATES} candidates over ${SESSIONS} sessions in ${(inviteMs / 1000).toFixed(1)} s (${Math.round(CANDIDATES / (inviteMs / 1000))}/s): ${report.invited} invited with letters and calendar files (plan ${planned}), ${report.waitlisted} waitlisted`);
  console.log(`RSVP: ${invited.length} confirmations, ${CONCURRENCY} at a time, in ${(confirmMs / 1000).toFixed(1)} s (${Math.round(invited.length / (confirmMs / 1000))}/s; p50 ${Math.round(at(0.5))} ms, p95 ${Math.round(at(0.95))} ms): ${Object.entries(byOutcome).map(([k, v]) => `${k} ${v}`).join(", ")}; most confirmed in one session ${Math.max(...confirmed.map((c) => c._count))} (capacity ${setup.sessions[0]!.capacity})`);
  console.log(`Reminders (24 h): ${first.sent} sent in ${(remindMs / 1000).toFixed(1)} s, ${first.skipped} marked without a letter; a second run sent ${second.sent}`);
  for (const failure of failures) console.log(`FAILED: ${failure}`);
  if (failures.length) process.exitCode = 1;
}

async function main() {
  const database = await freshDatabase(DATABASE);
  process.env.DATABASE_URL = database.url;
  reloadEnv();
  try {
    await run();
  } finally {
    await stopJobs();
    await disconnectDb();
    await database.drop();
  }
}

await main();
