import { afterAll, describe, expect, it } from "vitest";
import { verifyPassword } from "~/auth/password.server";
import { DEMO_ACCOUNTS, generateDemo } from "~/demo/generate";
import { DEMO_RSVP_TOKEN } from "~/demo/interviews";
import { rsvpToken } from "~/interviews/invitation-letter.server";
import { rsvpView } from "~/interviews/rsvp.server";
import { DEMO_QUESTIONNAIRE_TOKEN } from "~/demo/questionnaire-answers";
import { hashToken } from "~/outreach/links.server";
import { isDatabaseEmpty, resetDatabase, seedDemo, seedIfEmpty } from "~/demo/seed.server";
import { moveApplication, stageHistory } from "~/pipeline/pipeline.server";
import { firstBadStep } from "~/pipeline/stages";
import { lookupInvite } from "~/questionnaires/invites.server";
import { companyMatchKey } from "~/sourcing/company-match";
import { db } from "~/utils/db.server";
import { stopJobs } from "~/utils/jobs.server";

// One database for this file: the tests run in order and each states what it starts from.
const NOW = new Date("2026-03-10T09:30:00Z");
const expected = generateDemo({ now: NOW });
// The demo's letters are queued through the product, which starts the job queue.
afterAll(() => stopJobs());

async function tableCounts() {
  const d = db();
  return {
    users: await d.user.count(),
    companies: await d.company.count(),
    companyAliases: await d.companyAlias.count(),
    vacancies: await d.vacancy.count(),
    candidates: await d.candidate.count(),
    workExperiences: await d.workExperience.count(),
    applications: await d.application.count(),
    stageChanges: await d.stageChange.count(),
    accountManagers: await d.accountManager.count(),
    clients: await d.client.count(),
    sourceRecords: await d.sourceRecord.count(),
    importBatches: await d.importBatch.count(),
  };
}

describe("demo seed", () => {
  it("fills an empty database with the expected counts", async () => {
    expect(await isDatabaseEmpty()).toBe(true);
    const counts = await seedDemo({ now: NOW });
    expect(await tableCounts()).toEqual(counts);
    expect(counts).toMatchObject({ users: 5, candidates: 300 + expected.imports.newCandidates, clients: 40, vacancies: 3, importBatches: 2 });
    const imported = expected.imports.batches.reduce((n, b) => n + b.records.length, 0);
    expect(counts.sourceRecords).toBe(imported + expected.sourceRecords.length);
    // Every new person went on the main vacancy with one history row.
    expect(counts.applications - expected.applications.length).toBeGreaterThanOrEqual(expected.imports.newCandidates);
    expect(counts.stageChanges - expected.stageChanges.length).toBe(counts.applications - expected.applications.length);
    expect(await db().organization.count()).toBe(1);
    expect(await db().vacancyCompanyList.count()).toBe(expected.vacancyCompanies.length);
    expect(await isDatabaseEmpty()).toBe(false);
  });

  it("gives the sales vacancies the default questionnaire, with answers that match the histories", async () => {
    const main = await db().vacancy.findFirstOrThrow({ where: { title: { contains: "(KAM)" } }, select: { id: true, questionnaireId: true } });
    expect(main.questionnaireId).not.toBeNull();
    const responses = await db().questionnaireResponse.findMany({ include: { application: { select: { stage: true } } } });
    const knocked = responses.filter((r) => r.verdict === "KNOCKED_OUT");
    expect(responses.length).toBeGreaterThan(40);
    expect(knocked.length).toBeGreaterThan(5);
    // Knocked out means rejected by it; passed means at least QUESTIONNAIRE_PASSED (or out later).
    for (const r of knocked) expect(r.application.stage).toBe("REJECTED");
    for (const r of responses.filter((x) => x.verdict === "PASSED")) expect(r.application.stage).not.toMatch(/^(SOURCED|CONTACTED|QUESTIONNAIRE_SENT)$/);
    const scores = responses.filter((r) => r.verdict === "PASSED").map((r) => r.score);
    expect(Math.max(...scores) - Math.min(...scores)).toBeGreaterThan(30);
    // Everyone sent the questionnaire has a link; the documented one opens the form.
    const sent = await db().stageChange.findMany({ where: { toStage: "QUESTIONNAIRE_SENT" }, distinct: ["applicationId"], select: { applicationId: true } });
    expect(await db().questionnaireInvite.count()).toBe(sent.length);
    expect(await lookupInvite(db(), DEMO_QUESTIONNAIRE_TOKEN, NOW)).toMatchObject({ status: "open", vacancy: { id: main.id } });
  });

  it("writes the group interviews: past sessions with attendance and scorecards, upcoming ones with invitations", async () => {
    const { sessions, invitations, scorecards } = expected.interviews;
    expect(await db().interviewSession.count()).toBe(sessions.length);
    expect(await db().interviewInvitation.count()).toBe(invitations.length);
    expect(await db().scorecard.count({ where: { submittedAt: { not: null } } })).toBe(scorecards.filter((c) => c.submittedAt).length);
    // Only the token's hash is stored; the README's link finds its invitation.
    const demoLink = await db().interviewInvitation.findUniqueOrThrow({
      where: { tokenHash: hashToken(DEMO_RSVP_TOKEN) },
      include: { session: true },
    });
    expect(demoLink).toMatchObject({ status: "INVITED" });
    expect(demoLink.session!.startsAt.getTime()).toBeGreaterThan(NOW.getTime());
    expect(await db().interviewInvitation.count({ where: { tokenHash: DEMO_RSVP_TOKEN } })).toBe(0);
    // Every other invitation has the product's own link, so its reminders link back.
    const other = invitations.find((i) => !i.token && i.status === "CONFIRMED" && i.attendance === null)!;
    expect(await rsvpView(rsvpToken(other.id), { now: NOW })).toMatchObject({ status: "ok", invitation: { status: "CONFIRMED" } });
    // Each has its letter, kept in the Outbox: the demo link's carries that link and the calendar file.
    expect(await db().interviewInvitation.count({ where: { emailId: null } })).toBe(0);
    const letter = await db().emailMessage.findUniqueOrThrow({ where: { id: demoLink.emailId! } });
    expect(letter).toMatchObject({ status: "STORED", templateKind: "INTERVIEW_INVITATION" });
    expect(letter.text).toContain(`/rsvp/${DEMO_RSVP_TOKEN}`);
    expect(JSON.stringify(letter.attachments)).toContain("BEGIN:VCALENDAR");
    // What check-in marked is in the stage history.
    const noShows = await db().interviewInvitation.findMany({ where: { attendance: "NO_SHOW" }, select: { applicationId: true } });
    expect(noShows.length).toBeGreaterThan(5);
    expect(
      await db().stageChange.count({ where: { event: "INTERVIEW_NO_SHOW", applicationId: { in: noShows.map((n) => n.applicationId) } } }),
    ).toBe(noShows.length);
  });

  it("lets the four documented demo accounts sign in", async () => {
    for (const account of DEMO_ACCOUNTS.slice(0, 4)) {
      const user = await db().user.findUniqueOrThrow({ where: { email: account.email } });
      expect(user.roles).toEqual(account.roles);
      expect(user.locale).toBe("ru");
      expect(await verifyPassword(user.passwordHash, account.password)).toBe(true);
      expect(await verifyPassword(user.passwordHash, "wrong-password")).toBe(false);
    }
  });

  it("stores histories the pipeline can continue from", async () => {
    const main = await db().vacancy.findFirstOrThrow({ where: { title: { contains: "(KAM)" } } });
    expect(main).toMatchObject({ openings: 2, salaryMinRub: 150_000, salaryMaxRub: 250_000, status: "OPEN" });
    expect(await db().application.count({ where: { vacancyId: main.id, stage: "PROBATION" } })).toBe(3);

    const sample = await db().application.findMany({ take: 40, orderBy: { id: "asc" } });
    for (const application of sample) {
      const history = await stageHistory(db(), application.id);
      expect(firstBadStep(history)).toBe(-1);
      expect(history.at(-1)!.toStage).toBe(application.stage);
    }
    // A seeded application moves on through the one stage-change function.
    const contacted = await db().application.findFirstOrThrow({ where: { vacancyId: main.id, stage: "CONTACTED" } });
    const recruiter = await db().user.findUniqueOrThrow({ where: { email: "recruiter@kam.demo" } });
    const moved = await moveApplication({ applicationId: contacted.id, to: "QUESTIONNAIRE_SENT", actorId: recruiter.id });
    expect(moved.stageChangedAt.getTime()).toBeGreaterThan(contacted.stageChangedAt.getTime());
    expect(firstBadStep(await stageHistory(db(), contacted.id))).toBe(-1);
  });

  it("imports the board searches through ingest: merged people, tiers with reasons, search text", async () => {
    const main = await db().vacancy.findFirstOrThrow({ where: { title: { contains: "(KAM)" } } });
    expect(main.adjacentNiches.length).toBeGreaterThan(0);
    expect(main.sellingLetter).toMatch(/конкурс/);
    const batches = await db().importBatch.findMany({ orderBy: { createdAt: "asc" } });
    expect(batches.map((b) => [b.source, b.status, b.vacancyId])).toEqual([["HH", "COMMITTED", main.id], ["SUPERJOB", "COMMITTED", main.id]]);
    expect(batches[1]!.summary).toMatchObject({ new: 52, merged: 38 });
    // Written at seed time, but dated when each batch was committed, days ago: records, audit entries, new applications.
    for (const batch of batches) {
      const records = await db().sourceRecord.findMany({ where: { importBatchId: batch.id }, select: { importedAt: true, candidateId: true } });
      expect(records.length).toBeGreaterThan(0);
      for (const r of records) expect(r.importedAt).toEqual(batch.committedAt);
      const entries = await db().auditEntry.findMany({ where: { action: { startsWith: "candidate.import" }, details: { path: ["batchId"], equals: batch.id } } });
      expect(entries.length).toBeGreaterThan(0);
      for (const e of entries) expect(e.createdAt).toEqual(batch.committedAt);
      const created = await db().candidate.findMany({ where: { id: { in: entries.filter((e) => e.action === "candidate.import").map((e) => e.entityId) } } });
      for (const c of created) expect(c.createdAt).toEqual(batch.committedAt);
    }
    expect(batches[0]!.committedAt!.getTime()).toBeLessThan(NOW.getTime() - 24 * 3600 * 1000);

    // A person found on both boards (or found again) is one candidate with two sources and one application.
    const twice = await db().candidate.findMany({
      where: { AND: [{ sources: { some: { source: "HH" } } }, { sources: { some: { source: "SUPERJOB" } } }] },
      include: { sources: true, applications: true },
    });
    expect(twice).toHaveLength(38);
    for (const person of twice) {
      expect(person.email).toBe(person.email!.toLowerCase());
      expect(person.phone).toMatch(/^\+7\d{10}$/);
      expect(person.applications.filter((a) => a.vacancyId === main.id)).toHaveLength(1);
    }

    const applications = await db().application.findMany({ where: { vacancyId: main.id }, select: { tier: true, tierReason: true } });
    expect(new Set(applications.map((a) => a.tier))).toEqual(new Set(["TARGET", "ADJACENT", "OPEN_MARKET", "EXCLUDED"]));
    for (const a of applications) expect(a.tierReason === null).toBe(a.tier === "OPEN_MARKET");
    expect(applications.some((a) => (a.tierReason as { match?: string } | null)?.match === "niche")).toBe(true);

    expect(await db().candidate.count({ where: { searchText: "", erasedAt: null } })).toBe(0);
    // New employers were added to the catalog once, whatever their spelling.
    for (const name of ["Гидравлика Центр", "MegaOpt", "Армастрой"]) {
      expect(await db().company.count({ where: { normalizedName: companyMatchKey(name) } }), name).toBe(1);
    }
    const linked = await db().workExperience.count({ where: { companyId: { not: null } } });
    expect(linked / (await db().workExperience.count())).toBeGreaterThan(0.95);
  });

  it("keeps money as integers and turnover as BigInt", async () => {
    const key = await db().client.findMany({ where: { segment: "KEY" } });
    expect(key).toHaveLength(8);
    expect(key.every((c) => typeof c.annualTurnoverRub === "bigint" && c.annualTurnoverRub >= 10_000_000n)).toBe(true);
  });

  it("seedIfEmpty leaves a database with users alone", async () => {
    const before = await tableCounts();
    expect(await seedIfEmpty({ now: NOW })).toBeNull();
    expect(await tableCounts()).toEqual(before);
  });

  it("resetDatabase empties everything but the migrations, and the seed repeats", async () => {
    await resetDatabase();
    const empty = await tableCounts();
    expect(Object.values(empty).every((n) => n === 0)).toBe(true);
    expect(await db().organization.count()).toBe(0);
    const migrations = await db().$queryRaw<Array<{ n: bigint }>>`SELECT count(*) AS n FROM "_prisma_migrations"`;
    expect(Number(migrations[0]!.n)).toBeGreaterThan(0);

    const first = await seedDemo({ now: NOW });
    // RESTART IDENTITY: history ids start again from 1.
    const firstChange = await db().stageChange.findFirstOrThrow({ orderBy: { id: "asc" } });
    expect(firstChange.id).toBe(1n);
    await resetDatabase();
    expect(await seedDemo({ now: NOW })).toEqual(first);
    expect(await tableCounts()).toEqual(first);
  });

  it("seedIfEmpty seeds an empty database exactly once, even when called twice at once", async () => {
    await resetDatabase();
    const results = await Promise.all([seedIfEmpty({ now: NOW }), seedIfEmpty({ now: NOW })]);
    expect(results.filter((r) => r !== null)).toHaveLength(1);
    expect(await db().user.count()).toBe(5);
    expect(await db().candidate.count()).toBe(300 + expected.imports.newCandidates);
  });
});
