import { describe, expect, test } from "vitest";
import { addApplication } from "~/pipeline/pipeline.server";
import { action, loader } from "~/routes/applications.$id.contact-override";
import { db } from "~/utils/db.server";
import { createCandidate, createUser, formRequest, getRequest, respond, sessionCookie } from "../factories";

const context = { clientIp: "127.0.0.1" };
const post = (id: string, fields: Record<string, string>, cookie: string) =>
  respond(() =>
    action({ request: formRequest(`/applications/${id}/contact-override`, fields, cookie), context, params: { id } }),
  );

async function application(tier: "EXCLUDED" | "TARGET") {
  const candidate = await createCandidate();
  const vacancy = await db().vacancy.create({ data: { title: "KAM", city: "Москва", industry: "Оборудование", status: "OPEN" } });
  return addApplication({ candidateId: candidate.id, vacancyId: vacancy.id, actorId: null, tier });
}

const REASON = "Ушёл из компании до истории с откатами, проверено по звонку";

describe("overriding the excluded-company rule", () => {
  test("a recruiter allows contact with a reason: stored on the application, audited, and back to the profile", async () => {
    const recruiter = await createUser({ roles: ["RECRUITER"] });
    const excluded = await application("EXCLUDED");
    const profile = `/candidates/${excluded.candidateId}?tab=vacancies`;
    const response = await post(excluded.id, { intent: "override", reason: REASON, redirectTo: profile }, await sessionCookie(recruiter.id));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(profile);
    const after = await db().application.findUniqueOrThrow({ where: { id: excluded.id } });
    expect(after).toMatchObject({ contactOverrideReason: REASON, contactOverrideById: recruiter.id });
    expect(after.contactOverrideAt).toBeInstanceOf(Date);
    expect(await db().auditEntry.findFirstOrThrow({ where: { entityId: excluded.candidateId } })).toMatchObject({
      actorId: recruiter.id,
      action: "candidate.contact-override",
      entityType: "Candidate",
      details: { reason: REASON, applicationId: excluded.id },
    });
  });

  test("a hiring manager is refused, loader and action alike, and nothing changes", async () => {
    const manager = await createUser({ roles: ["HIRING_MANAGER"] });
    const cookie = await sessionCookie(manager.id);
    const excluded = await application("EXCLUDED");
    expect((await post(excluded.id, { intent: "override", reason: REASON }, cookie)).status).toBe(403);
    const page = await respond(() =>
      loader({ request: getRequest(`/applications/${excluded.id}/contact-override`, cookie), context, params: { id: excluded.id } }),
    );
    expect(page.status).toBe(403);
    expect((await db().application.findUniqueOrThrow({ where: { id: excluded.id } })).contactOverrideAt).toBeNull();
  });

  test("a reason is required and must say something; a department head may override", async () => {
    const head = await createUser({ roles: ["DEPARTMENT_HEAD"] });
    const cookie = await sessionCookie(head.id);
    const excluded = await application("EXCLUDED");
    const missing = await post(excluded.id, { intent: "override", reason: "   " }, cookie);
    expect(missing.status).toBe(400);
    expect((await missing.json()).error).toMatchObject({ reason: ["validation.required"] });
    const short = await post(excluded.id, { intent: "override", reason: "можно" }, cookie);
    expect(short.status).toBe(400);
    const body = await short.json();
    expect(body.error).toMatchObject({ reason: ["intake.override.errors.reasonTooShort|min=10"] });
    // The typed reason comes back so the page can show it again.
    expect(body.initialValue).toMatchObject({ reason: "можно" });
    expect(await db().auditEntry.count({ where: { entityId: excluded.candidateId } })).toBe(0);
    expect((await post(excluded.id, { intent: "override", reason: REASON }, cookie)).status).toBe(302);
  });

  test("only excluded applications can be overridden, and only once", async () => {
    const recruiter = await createUser({ roles: ["RECRUITER"] });
    const cookie = await sessionCookie(recruiter.id);
    const target = await application("TARGET");
    const refused = await post(target.id, { intent: "override", reason: REASON }, cookie);
    expect(refused.status).toBe(409);
    expect((await refused.json()).error).toMatchObject({ "": ["intake.override.problems.not-excluded"] });
    expect((await db().application.findUniqueOrThrow({ where: { id: target.id } })).contactOverrideAt).toBeNull();

    const excluded = await application("EXCLUDED");
    expect((await post(excluded.id, { intent: "override", reason: REASON }, cookie)).status).toBe(302);
    const twice = await post(excluded.id, { intent: "override", reason: REASON }, cookie);
    expect(twice.status).toBe(409);
    expect((await twice.json()).error).toMatchObject({ "": ["intake.override.problems.already-overridden"] });
    expect((await post("no-such-application", { intent: "override", reason: REASON }, cookie)).status).toBe(404);
  });

  test("revoking takes the permission back and is audited; a foreign redirect is not followed", async () => {
    const recruiter = await createUser({ roles: ["RECRUITER"] });
    const cookie = await sessionCookie(recruiter.id);
    const excluded = await application("EXCLUDED");
    expect((await post(excluded.id, { intent: "revoke", reason: "" }, cookie)).status).toBe(409);
    await post(excluded.id, { intent: "override", reason: REASON }, cookie);
    const revoked = await post(excluded.id, { intent: "revoke", reason: "Передумали", redirectTo: "//evil.example" }, cookie);
    expect(revoked.status).toBe(302);
    expect(revoked.headers.get("Location")).toBe(`/candidates/${excluded.candidateId}`);
    expect(await db().application.findUniqueOrThrow({ where: { id: excluded.id } })).toMatchObject({
      contactOverrideReason: null,
      contactOverrideById: null,
      contactOverrideAt: null,
    });
    const actions = await db().auditEntry.findMany({ where: { entityId: excluded.candidateId }, orderBy: { id: "asc" } });
    expect(actions.map((a) => a.action)).toEqual(["candidate.contact-override", "candidate.contact-override-revoke"]);
    expect(actions[1]!.details).toMatchObject({ reason: "Передумали" });
  });

  test("the page shows the application, without the name once the candidate's data is erased", async () => {
    const recruiter = await createUser({ roles: ["RECRUITER"] });
    const cookie = await sessionCookie(recruiter.id);
    const excluded = await application("EXCLUDED");
    const load = () =>
      respond(() =>
        loader({
          request: getRequest(`/applications/${excluded.id}/contact-override?redirectTo=/candidates`, cookie),
          context,
          params: { id: excluded.id },
        }),
      );
    const shown = await (await load()).json();
    expect(shown).toMatchObject({ redirectTo: "/candidates", subject: { tier: "EXCLUDED", candidate: { id: excluded.candidateId } } });
    expect(shown.subject.candidate.name.lastName).toMatch(/^Соколова/);
    await db().candidate.update({ where: { id: excluded.candidateId }, data: { erasedAt: new Date(), lastName: "" } });
    expect((await (await load()).json()).subject.candidate.name).toBeNull();
  });
});
