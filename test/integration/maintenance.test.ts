import { expect, test } from "vitest";
import { db } from "~/utils/db.server";
import { startJobs, stopJobs } from "~/utils/jobs.server";
import { cleanUp } from "~/utils/jobs/maintenance-cleanup.server";
import { createImportBatch } from "~/sourcing/imports.server";
import { CandidateRecordSchema } from "~/sourcing/record";
import PgBoss from "pg-boss";
import { createUser } from "../factories";

const DAY = 24 * 3600 * 1000;

test("clean-up deletes expired sessions and month-old sign-in attempts, nothing else", async () => {
  const user = await createUser({ roles: ["RECRUITER"] });
  const now = new Date();
  await db().session.createMany({
    data: [
      { id: "expired", userId: user.id, expiresAt: new Date(now.getTime() - 1000) },
      { id: "live", userId: user.id, expiresAt: new Date(now.getTime() + DAY) },
    ],
  });
  await db().signInAttempt.createMany({
    data: [
      { email: "a@x.ru", ip: "1.1.1.1", succeeded: false, createdAt: new Date(now.getTime() - 31 * DAY) },
      { email: "b@x.ru", ip: "1.1.1.1", succeeded: false, createdAt: new Date(now.getTime() - 29 * DAY) },
    ],
  });
  expect(await cleanUp(now)).toEqual({ sessions: 1, signInAttempts: 1, importBatches: 0 });
  expect((await db().session.findMany()).map((s) => s.id)).toEqual(["live"]);
  expect((await db().signInAttempt.findMany()).map((a) => a.email)).toEqual(["b@x.ru"]);
  expect(await cleanUp(now)).toEqual({ sessions: 0, signInAttempts: 0, importBatches: 0 });
});

test("imports left uncommitted for a week are discarded with their people and files; counts and the others stay", async () => {
  const user = await createUser({ roles: ["RECRUITER"] });
  const now = new Date();
  const person = CandidateRecordSchema.parse({
    source: "FILE", channel: "FILE", adapter: "csv", firstName: "Пётр", lastName: "Иванов", email: "petr@retention.test", raw: { row: 2 },
  });
  const batch = (label: string) =>
    createImportBatch({ source: "FILE", channel: "FILE", adapter: "csv", label, vacancyId: null, actorId: user.id, records: [person], rowErrors: [{ row: 3, message: "imports.errors.noName" }] });
  const ages: Array<[string, "PREVIEW" | "FAILED" | "QUEUED" | "COMMITTED", number]> = [
    ["old preview", "PREVIEW", 8],
    ["old failure", "FAILED", 8],
    ["fresh preview", "PREVIEW", 6],
    ["old queued", "QUEUED", 8],
    ["old committed", "COMMITTED", 8],
  ];
  const ids = new Map<string, string>();
  for (const [label, status, days] of ages) {
    const { id } = await batch(label);
    ids.set(label, id);
    // As the batch would be after `days` days in that state; a waiting upload keeps its file there.
    await db().importBatch.update({
      where: { id },
      data: { status, createdAt: new Date(now.getTime() - days * DAY), mapping: { file: { name: "x.csv", base64: "SXZhbm92" }, pending: { headers: ["Кто"] } } },
    });
  }
  expect(await cleanUp(now)).toMatchObject({ importBatches: 2 });

  for (const label of ["old preview", "old failure"]) {
    const stored = await db().importBatch.findUniqueOrThrow({ where: { id: ids.get(label)! } });
    expect(stored).toMatchObject({ status: "DISCARDED", records: [], rowErrors: [], mapping: null, label, total: 1 });
    expect(stored.summary).toMatchObject({ total: 1, new: 1 });
    expect(stored.summary).not.toHaveProperty("rows");
    expect(JSON.stringify(stored)).not.toContain("Иванов");
  }
  for (const label of ["fresh preview", "old queued", "old committed"]) {
    const stored = await db().importBatch.findUniqueOrThrow({ where: { id: ids.get(label)! } });
    expect(stored.status).not.toBe("DISCARDED");
    expect(stored.records).toHaveLength(1);
    expect(stored.mapping).toMatchObject({ file: { name: "x.csv" } });
  }
  expect(await cleanUp(now)).toMatchObject({ importBatches: 0 });
});

test("a batch being committed right now is left for the next run, not waited for", async () => {
  const user = await createUser({ roles: ["RECRUITER"] });
  const now = new Date();
  const { id } = await createImportBatch({ source: "FILE", channel: "FILE", adapter: "csv", label: "busy.csv", vacancyId: null, actorId: user.id, records: [], rowErrors: [] });
  await db().importBatch.update({ where: { id }, data: { createdAt: new Date(now.getTime() - 10 * DAY) } });
  await db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`import:${id}`}))`;
    expect(await cleanUp(now)).toMatchObject({ importBatches: 0 });
  });
  expect(await cleanUp(now)).toMatchObject({ importBatches: 1 });
});

test("a worker registers the schedules: the hourly clean-up, the campaign sweep every minute, the questionnaire and interview reminders every five", async () => {
  await startJobs({ work: true });
  await stopJobs();
  const boss = new PgBoss({ connectionString: process.env.DATABASE_URL!, schema: "pgboss" });
  await boss.start();
  try {
    const schedules = await boss.getSchedules();
    expect(schedules.map((s) => [s.name, s.cron]).sort()).toEqual([
      ["campaign.sweep", "* * * * *"],
      ["interview.remind", "*/5 * * * *"],
      ["maintenance.cleanup", "0 * * * *"],
      ["questionnaire.remind", "*/5 * * * *"],
    ]);
  } finally {
    await boss.stop({ graceful: false });
  }
});
