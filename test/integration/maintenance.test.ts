import { expect, test } from "vitest";
import { db } from "~/utils/db.server";
import { startJobs, stopJobs } from "~/utils/jobs.server";
import { cleanUp } from "~/utils/jobs/maintenance-cleanup.server";
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
  expect(await cleanUp(now)).toEqual({ sessions: 1, signInAttempts: 1 });
  expect((await db().session.findMany()).map((s) => s.id)).toEqual(["live"]);
  expect((await db().signInAttempt.findMany()).map((a) => a.email)).toEqual(["b@x.ru"]);
  expect(await cleanUp(now)).toEqual({ sessions: 0, signInAttempts: 0 });
});

test("a worker registers the hourly schedule", async () => {
  await startJobs({ work: true });
  await stopJobs();
  const boss = new PgBoss({ connectionString: process.env.DATABASE_URL!, schema: "pgboss" });
  await boss.start();
  try {
    const schedules = await boss.getSchedules();
    expect(schedules.map((s) => [s.name, s.cron])).toEqual([["maintenance.cleanup", "0 * * * *"]]);
  } finally {
    await boss.stop({ graceful: false });
  }
});
