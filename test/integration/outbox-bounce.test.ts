import { type EmailStatus } from "@prisma/client";
import { afterAll, describe, expect, test } from "vitest";
import OutboxMessage, { action, loader } from "~/routes/outbox.$id";
import { candidateTimeline } from "~/sourcing/timeline.server";
import { db } from "~/utils/db.server";
import { stopJobs } from "~/utils/jobs.server";
import { sendMail } from "~/utils/mail.server";
import { createCandidate, createUser, formRequest, getRequest, respond, sessionCookie } from "../factories";
import { renderRoute } from "../render-route";

// sendMail queues its delivery job through pg-boss.
afterAll(() => stopJobs());

const context = {};
const post = (id: string, fields: Record<string, string>, cookie: string) =>
  respond(() => action({ request: formRequest(`/outbox/${id}`, fields, cookie), params: { id }, context }));

async function message(status: EmailStatus) {
  const candidate = await createCandidate();
  const { id } = await sendMail({ to: candidate.email!, subject: "Приглашение на конкурс", text: "Здравствуйте", candidateId: candidate.id });
  await db().emailMessage.update({ where: { id: id! }, data: { status, sentAt: status === "SENT" ? new Date() : null } });
  return { id: id!, candidate };
}

async function recruiter() {
  const user = await createUser({ roles: ["RECRUITER"] });
  return { user, cookie: await sessionCookie(user.id) };
}

const REASON = "Пришёл отказ: 550 5.1.1 такого ящика нет";

describe("marking a message as bounced", () => {
  test("a sent message becomes BOUNCED with the reason, audited without it, and the candidate's timeline shows it", async () => {
    const { user, cookie } = await recruiter();
    const { id, candidate } = await message("SENT");
    const response = await post(id, { intent: "bounce", reason: `  ${REASON} ` }, cookie);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/outbox/${id}?bounced=1`);
    expect(await db().emailMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "BOUNCED", error: REASON });
    const entry = await db().auditEntry.findFirstOrThrow({ where: { action: "email.bounce", entityId: id } });
    expect(entry).toMatchObject({ actorId: user.id, entityType: "EmailMessage", details: { previousStatus: "SENT", candidateId: candidate.id } });
    expect(JSON.stringify(entry.details)).not.toContain("550");
    expect((await candidateTimeline(candidate.id)).find((e) => e.kind === "email")).toMatchObject({ status: "BOUNCED", error: REASON });
  });

  test("a stored one too; the page offers the button only for those", async () => {
    const { cookie } = await recruiter();
    const stored = await message("STORED");
    const queued = await message("QUEUED");
    const page = (id: string, query = "") => renderRoute(getRequest(`/outbox/${id}${query}`, cookie), { path: "/outbox/:id", loader: loader as never, Component: OutboxMessage });
    expect(await page(stored.id)).toContain('name="intent" value="bounce"');
    expect(await page(queued.id)).not.toContain('name="intent" value="bounce"');
    expect((await post(stored.id, { intent: "bounce", reason: "Кандидат сказал, что письма не было" }, cookie)).status).toBe(302);
    expect(await db().emailMessage.findUniqueOrThrow({ where: { id: stored.id } })).toMatchObject({ status: "BOUNCED" });
    const after = await page(stored.id, "?bounced=1");
    expect(after).toContain("Письмо отмечено как вернувшееся.");
    expect(after).not.toContain('name="intent" value="bounce"');
  });

  test.each(["QUEUED", "FAILED", "CANCELLED", "BOUNCED"] as const)("a %s message is refused with a message, and nothing changes", async (status) => {
    const { cookie } = await recruiter();
    const { id } = await message(status);
    const before = await db().emailMessage.findUniqueOrThrow({ where: { id } });
    const response = await post(id, { intent: "bounce", reason: REASON }, cookie);
    expect(response.status).toBe(409);
    expect((await response.json()).error).toEqual({ "": ["contactLog.bounce.problems.status"] });
    expect(await db().emailMessage.findUniqueOrThrow({ where: { id } })).toEqual(before);
    expect(await db().auditEntry.count({ where: { action: "email.bounce", entityId: id } })).toBe(0);
  });

  test("a reason is required; an unknown message is not found; a hiring manager is refused", async () => {
    const { cookie } = await recruiter();
    const { id } = await message("SENT");
    const empty = await post(id, { intent: "bounce", reason: "   " }, cookie);
    expect(empty.status).toBe(400);
    expect((await empty.json()).error).toEqual({ reason: ["validation.required"] });
    const long = await post(id, { intent: "bounce", reason: "x".repeat(501) }, cookie);
    expect((await long.json()).error).toEqual({ reason: ["validation.tooLong|max=500"] });
    expect((await post("no-such-message", { intent: "bounce", reason: REASON }, cookie)).status).toBe(404);
    const manager = await createUser({ roles: ["HIRING_MANAGER"] });
    expect((await post(id, { intent: "bounce", reason: REASON }, await sessionCookie(manager.id))).status).toBe(403);
    expect(await db().emailMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SENT", error: null });
  });
});
