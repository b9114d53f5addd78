import pg from "pg";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { dispatchCampaign, drainCampaign, sweepCampaigns } from "~/outreach/dispatch.server";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { JOBS_SCHEMA, stopJobs } from "~/utils/jobs.server";
import { resetSmtp, startSmtpServer, setSmtpUrl } from "../setup/smtp";
import { createAudience, launchedCampaign } from "../support/campaign-fixtures";


afterEach(resetSmtp);
afterAll(() => stopJobs());

const statuses = async (campaignId: string) =>
  Object.fromEntries(
    (await db().emailMessage.groupBy({ by: ["status"], where: { campaignId }, _count: true })).map((g) => [g.status, g._count]),
  );

describe("the campaign dispatcher", () => {
  it("sends each message once over SMTP, moves the candidates to CONTACTED with history, and finishes the campaign", async () => {
    const smtp = await startSmtpServer();
    try {
      setSmtpUrl(smtp.url);
      const { vacancy, people } = await createAudience(40);
      const campaign = await launchedCampaign(vacancy.id, people);
      expect(await drainCampaign(campaign.id)).toMatchObject({ state: "done" });
      expect(smtp.messages.map((m) => m.to[0]).sort()).toEqual(people.map((p) => p.email).sort());
      expect(await statuses(campaign.id)).toEqual({ SENT: 40 });
      expect(await db().campaign.findUniqueOrThrow({ where: { id: campaign.id } })).toMatchObject({ status: "DONE" });
      const moved = await db().stageChange.findMany({ where: { applicationId: { in: people.map((p) => p.applicationId) } } });
      expect(moved).toHaveLength(40);
      expect(new Set(moved.map((m) => `${m.fromStage}→${m.toStage}`))).toEqual(new Set(["SOURCED→CONTACTED"]));

      // Run again: nothing more goes out.
      expect(await drainCampaign(campaign.id)).toMatchObject({ state: "stopped" });
      expect(smtp.messages).toHaveLength(40);
    } finally {
      await smtp.close();
    }
  });

  it("asks the contact rule again at sending: people blocked after the launch get nothing", async () => {
    const smtp = await startSmtpServer();
    try {
      setSmtpUrl(smtp.url);
      const { vacancy, people } = await createAudience(6);
      const campaign = await launchedCampaign(vacancy.id, people);
      const [dnc, excluded, erased] = people;
      await db().candidate.update({ where: { id: dnc!.candidateId }, data: { doNotContact: true } });
      await db().application.update({ where: { id: excluded!.applicationId }, data: { tier: "EXCLUDED" } });
      await db().candidate.update({ where: { id: erased!.candidateId }, data: { erasedAt: new Date() } });
      await drainCampaign(campaign.id);
      expect(smtp.messages.map((m) => m.to[0]).sort()).toEqual(people.slice(3).map((p) => p.email).sort());
      const cancelled = await db().emailMessage.findMany({ where: { campaignId: campaign.id, status: "CANCELLED" } });
      expect(cancelled.map((m) => m.error).sort()).toEqual([
        "contact refused: do-not-contact",
        "contact refused: erased",
        "contact refused: excluded",
      ]);
      const stages = await db().application.findMany({ where: { id: { in: people.slice(0, 3).map((p) => p.applicationId) } } });
      expect(stages.map((a) => a.stage)).toEqual(["SOURCED", "SOURCED", "SOURCED"]);
    } finally {
      await smtp.close();
    }
  });

  it("keeps to the per-minute limit and says when the next slot frees", async () => {
    const smtp = await startSmtpServer();
    try {
      setSmtpUrl(smtp.url);
      const { vacancy, people } = await createAudience(12);
      const campaign = await launchedCampaign(vacancy.id, people, { ratePerMinute: 5, ratePerHour: 600 });
      const before = Date.now();
      const result = await dispatchCampaign(campaign.id);
      expect(result.state).toBe("rate-limited");
      expect(smtp.messages).toHaveLength(5);
      const resumeAt = "resumeAt" in result ? result.resumeAt.getTime() : 0;
      expect(resumeAt).toBeGreaterThan(before + 55_000);
      expect(resumeAt).toBeLessThan(Date.now() + 61_000);
      expect(await statuses(campaign.id)).toEqual({ SENT: 5, QUEUED: 7 });
    } finally {
      await smtp.close();
    }
  });

  it("keeps to the per-hour limit too", async () => {
    const { vacancy, people } = await createAudience(8);
    const campaign = await launchedCampaign(vacancy.id, people, { ratePerMinute: 100, ratePerHour: 3 });
    const result = await dispatchCampaign(campaign.id);
    expect(result.state).toBe("rate-limited");
    expect(await statuses(campaign.id)).toEqual({ STORED: 3, QUEUED: 5 });
  });

  it("waits outside the send window, for a schedule, and stops when paused", async () => {
    const { vacancy, people } = await createAudience(3);
    const closed = await launchedCampaign(vacancy.id, people, { windowEnabled: true });
    await db().campaign.update({ where: { id: closed.id }, data: { windowDays: [1], windowStart: 0, windowEnd: 1 } });
    const waiting = await dispatchCampaign(closed.id);
    // Unless the test runs on Monday 00:00 Moscow time, the window is closed.
    if (waiting.state !== "sent-slice" && waiting.state !== "done") {
      expect(waiting.state).toBe("outside-window");
      expect("resumeAt" in waiting && waiting.resumeAt.getTime()).toBeGreaterThan(Date.now());
    }

    const later = new Date(Date.now() + 3_600_000);
    const scheduled = await launchedCampaign(vacancy.id, people, { status: "SCHEDULED", scheduledAt: later });
    expect(await dispatchCampaign(scheduled.id)).toEqual({ state: "scheduled", resumeAt: later, delivered: 0 });

    const paused = await launchedCampaign(vacancy.id, people, { status: "PAUSED" });
    expect(await dispatchCampaign(paused.id)).toEqual({ state: "stopped", delivered: 0 });
    expect(await statuses(paused.id)).toEqual({ QUEUED: 3 });
  });

  it("starts a scheduled campaign once its time has come", async () => {
    const { vacancy, people } = await createAudience(2);
    const due = await launchedCampaign(vacancy.id, people, { status: "SCHEDULED", scheduledAt: new Date(Date.now() - 1000) });
    expect(await drainCampaign(due.id)).toMatchObject({ state: "done" });
    expect(await statuses(due.id)).toEqual({ STORED: 2 });
  });

  it("retries a temporary failure later, bounces a refused address, and finishes once nothing is queued", async () => {
    const smtp = await startSmtpServer({
      onRcptTo(address, _session, callback) {
        if (address.address.includes(".0@")) return callback(Object.assign(new Error("Try later"), { responseCode: 451 }));
        if (address.address.includes(".1@")) return callback(Object.assign(new Error("No such user"), { responseCode: 550 }));
        callback();
      },
    });
    try {
      setSmtpUrl(smtp.url);
      const { vacancy, people } = await createAudience(3);
      const campaign = await launchedCampaign(vacancy.id, people);
      const result = await drainCampaign(campaign.id);
      expect(result.state).toBe("waiting-retry");
      expect(await statuses(campaign.id)).toEqual({ QUEUED: 1, BOUNCED: 1, SENT: 1 });
      await db().emailMessage.updateMany({ where: { campaignId: campaign.id, status: "QUEUED" }, data: { status: "FAILED" } });
      expect(await drainCampaign(campaign.id)).toMatchObject({ state: "done" });
    } finally {
      await smtp.close();
    }
  });

  it("lets one runner work a campaign at a time", async () => {
    const { vacancy, people } = await createAudience(30);
    const campaign = await launchedCampaign(vacancy.id, people);
    const results = await Promise.all([dispatchCampaign(campaign.id), dispatchCampaign(campaign.id)]);
    expect(results.map((r) => r.state).sort()).toEqual(["busy", "done"]);
    expect(await statuses(campaign.id)).toEqual({ STORED: 30 });
  });

  it("sweeps: a sending campaign without a runner gets one, a worked one does not", async () => {
    const { vacancy, people } = await createAudience(2);
    const orphan = await launchedCampaign(vacancy.id, people);
    const worked = await launchedCampaign(vacancy.id, people);
    const holder = new pg.Client({ connectionString: env().DATABASE_URL });
    await holder.connect();
    try {
      await holder.query("SELECT pg_advisory_lock(4711, hashtext($1))", [worked.id]);
      await sweepCampaigns();
      const jobs = await db().$queryRawUnsafe<{ campaignId: string }[]>(
        `SELECT data->>'campaignId' AS "campaignId" FROM ${JOBS_SCHEMA}.job WHERE name = 'campaign.dispatch'`,
      );
      const kicked = jobs.map((j) => j.campaignId);
      expect(kicked).toContain(orphan.id);
      expect(kicked).not.toContain(worked.id);
    } finally {
      await holder.end();
    }
  });
});
