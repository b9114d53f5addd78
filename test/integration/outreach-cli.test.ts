import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addApplication } from "~/pipeline/pipeline.server";
import { db } from "~/utils/db.server";
import { createCandidate, createUser } from "../factories";
import { startSmtpServer } from "../setup/smtp";

/**
 * `npm run outreach` as a user runs it: a separate process on this test's database,
 * and for a real run this test's SMTP server.
 */
function outreach(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("npx", ["tsx", "scripts/outreach.ts", ...args], {
      env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL!, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

let actorEmail: string;
let vacancyId: string;
let templateId: string;
const emails: Record<string, string> = {};

async function campaign(name: string, applicationIds: string[]) {
  const created = await db().campaign.create({
    data: { vacancyId, name, templateId, audience: { mode: "list" }, windowEnabled: false, ratePerMinute: 10_000, ratePerHour: 100_000 },
  });
  await db().campaignMember.createMany({ data: applicationIds.map((applicationId) => ({ campaignId: created.id, applicationId })) });
  return created;
}

const applications: Record<string, string> = {};

beforeAll(async () => {
  const recruiter = await createUser({ roles: ["RECRUITER"] });
  actorEmail = recruiter.email;
  vacancyId = (await db().vacancy.create({ data: { title: "Key Account Manager", city: "Самара", industry: "Оборудование", status: "OPEN" } })).id;
  templateId = (
    await db().messageTemplate.create({
      data: { kind: "SELLING_LETTER", name: `Письмо CLI ${Date.now()}`, subjectRu: "{{vacancyTitle}}: конкурс", bodyRu: "Здравствуйте, {{firstName}}!" },
    })
  ).id;
  const people = {
    maria: { firstName: "Мария", lastName: "Громова" },
    pavel: { firstName: "Павел", lastName: "Орлов" },
    quiet: { firstName: "Тихон", lastName: "Молчанов", doNotContact: true },
    nomail: { firstName: "Нина", lastName: "Безпочтова", email: null },
  };
  for (const [key, person] of Object.entries(people)) {
    const candidate = await createCandidate(person);
    emails[key] = candidate.email ?? "";
    applications[key] = (await addApplication({ candidateId: candidate.id, vacancyId, actorId: recruiter.id, tier: "OPEN_MARKET" })).id;
  }
});

const smtpServer = startSmtpServer();
afterAll(async () => (await smtpServer).close());

describe("npm run outreach", { timeout: 180_000 }, () => {
  it("--dry-run lists the recipients and who is left out and why, and sends nothing", async () => {
    const { id } = await campaign("Пробный прогон", Object.values(applications));
    const { code, stdout, stderr } = await outreach(["--campaign", id, "--dry-run"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain(`Campaign "Пробный прогон" (${id})`);
    expect(stdout).toContain("Recipients: 2");
    expect(stdout).toContain(`  Громова Мария Павловна <${emails.maria}>`);
    expect(stdout).toContain(`  Орлов Павел Павловна <${emails.pavel}>`);
    expect(stdout).toContain("Left out: 2");
    expect(stdout).toContain("  do-not-contact: 1 (Asked not to be contacted)");
    expect(stdout).toContain("  no-email: 1 (No e-mail address)");
    expect(stdout).toMatch(/ {2}Молчанов Тихон Павловна — do-not-contact\n/);
    expect(stdout).toMatch(/ {2}Безпочтова Нина Павловна — no-email\n/);
    expect(stdout).not.toContain(emails.quiet);
    expect(stdout).toContain("Dry run: nothing was sent.");
    expect(await db().emailMessage.count({ where: { campaignId: id } })).toBe(0);
    expect(await db().campaign.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "DRAFT" });
  });

  it("a real run launches the draft found by vacancy and name, sends it here and prints progress", async () => {
    const smtp = await smtpServer;
    const { id } = await campaign("Боевой прогон", [applications.maria!, applications.pavel!, applications.quiet!]);
    const { code, stdout, stderr } = await outreach(["--vacancy", vacancyId, "--name", "Боевой прогон", "--as", actorEmail], { SMTP_URL: smtp.url });
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain("Launched: 2 queued; left out: do-not-contact 1. SENDING.");
    expect(stdout).toContain("sent 2/2, failed 0, queued 0");
    expect(stdout).toContain("Campaign DONE: sent 2/2, failed 0, queued 0");
    expect(smtp.messages.map((m) => m.to[0]).sort()).toEqual([emails.maria, emails.pavel].sort());
    expect(smtp.messages.map((m) => m.subject)).toEqual(["Key Account Manager: конкурс", "Key Account Manager: конкурс"]);
    expect(smtp.messages.find((m) => m.to[0] === emails.maria)!.text).toContain("Здравствуйте, Мария!");
    const launched = await db().campaign.findUniqueOrThrow({ where: { id } });
    expect(launched).toMatchObject({ status: "DONE" });
    expect(await db().auditEntry.count({ where: { action: "campaign.launch", entityId: id } })).toBe(1);

    // Again: nothing is launched or sent twice.
    const again = await outreach(["--campaign", id, "--as", actorEmail], { SMTP_URL: smtp.url });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("Nothing to send: sent 2/2, failed 0, queued 0");
    expect(smtp.messages).toHaveLength(2);
  });

  it("refuses bad arguments, an unknown campaign or user, and an empty audience with exit code 2, writing nothing", async () => {
    const usage = await outreach(["--campaign", "x"]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("A real run needs --as <user e-mail>");
    // The other argument checks: test/unit/outreach-cli-args.test.ts.

    const unknown = await outreach(["--campaign", "no-such-campaign", "--dry-run"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("No campaign no-such-campaign.");

    const { id } = await campaign("Некому", [applications.quiet!, applications.nomail!]);
    const nobody = await outreach(["--campaign", id, "--as", "nobody@test.kam"]);
    expect(nobody.code).toBe(2);
    expect(nobody.stderr).toContain("No active user nobody@test.kam");
    const empty = await outreach(["--campaign", id, "--as", actorEmail]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain("Not launched: Nobody to send to");
    expect(await db().campaign.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "DRAFT", launchedAt: null });
    expect(await db().emailMessage.count({ where: { campaignId: id } })).toBe(0);
  });
});
