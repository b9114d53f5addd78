import { describe, expect, test } from "vitest";
import { addApplication } from "~/pipeline/pipeline.server";
import { action, loader } from "~/routes/applications.$id.contact-override";
import { companyMatchKey } from "~/sourcing/company-match";
import { assertMayContact, contactRefusals } from "~/sourcing/contact-policy.server";
import { retierCandidates } from "~/sourcing/tiering.server";
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

describe("an override holds for the excluded company it was given for", () => {
  const company = async (name: string) => {
    const normalizedName = companyMatchKey(name);
    return db().company.upsert({ where: { normalizedName }, create: { name, normalizedName }, update: {} });
  };
  async function struckOut() {
    const [alpha, beta] = [await company("ООО «Откат-Альфа»"), await company("ООО «Откат-Бета»")];
    const vacancy = await db().vacancy.create({
      data: {
        title: "KAM", city: "Москва", industry: "Оборудование", status: "OPEN",
        companyLists: { create: [{ companyId: alpha.id, kind: "EXCLUDED" }, { companyId: beta.id, kind: "EXCLUDED" }] },
      },
    });
    const candidate = await createCandidate({
      workHistory: { create: { companyId: alpha.id, companyName: "Откат-Альфа", title: "KAM", startedOn: new Date("2010-01-01"), endedOn: new Date("2012-01-01") } },
    });
    const application = await addApplication({ candidateId: candidate.id, vacancyId: vacancy.id, actorId: null });
    await db().$transaction((tx) => retierCandidates(tx, [candidate.id]));
    const addJob = async (companyId: string, companyName: string, startedOn: string, endedOn: string) => {
      await db().workExperience.create({ data: { candidateId: candidate.id, companyId, companyName, title: "KAM", startedOn: new Date(startedOn), endedOn: new Date(endedOn) } });
      await db().$transaction((tx) => retierCandidates(tx, [candidate.id]));
      return db().application.findUniqueOrThrow({ where: { id: application.id } });
    };
    return { alpha, beta, candidate, application, addJob };
  }
  const mayContact = (id: string) => db().$transaction((tx) => assertMayContact(tx, id)).then(() => null, (e: { problem?: string }) => e.problem ?? e);

  test("a re-tier that strikes the candidate out for another company takes it back, audited; the same company keeps it", async () => {
    const recruiter = await createUser({ roles: ["RECRUITER"] });
    const { alpha, beta, candidate, application, addJob } = await struckOut();
    expect(await mayContact(application.id)).toBe("excluded");
    expect((await post(application.id, { intent: "override", reason: REASON }, await sessionCookie(recruiter.id))).status).toBe(302);
    expect((await db().application.findUniqueOrThrow({ where: { id: application.id } })).contactOverrideMatch).toMatchObject({ list: "EXCLUDED", companyName: "Откат-Альфа" });
    expect(await mayContact(application.id)).toBeNull();

    // A later spell at the same company: the reason changes, the company does not.
    const same = await addJob(alpha.id, "ООО «Откат-Альфа»", "2013-01-01", "2014-01-01");
    expect(same).toMatchObject({ tier: "EXCLUDED", tierReason: { startedOn: "2013-01-01" }, contactOverrideReason: REASON });
    expect(await mayContact(application.id)).toBeNull();

    // A job at the other excluded company is now the reason: the override did not cover it.
    const other = await addJob(beta.id, "Откат-Бета", "2020-01-01", "2021-01-01");
    expect(other).toMatchObject({ tier: "EXCLUDED", tierReason: { companyName: "Откат-Бета" }, contactOverrideAt: null, contactOverrideReason: null, contactOverrideById: null, contactOverrideMatch: null });
    expect(await mayContact(application.id)).toBe("excluded");
    const actions = await db().auditEntry.findMany({ where: { entityId: candidate.id }, orderBy: { id: "asc" } });
    expect(actions.map((a) => a.action)).toEqual(["candidate.contact-override", "candidate.contact-override-clear"]);
    expect(actions[1]!.details).toEqual({ applicationId: application.id, vacancyId: application.vacancyId, cause: "excluded-company-changed" });
  });

  test("the rule itself refuses an override given for another company, whoever wrote the tier", async () => {
    const { application } = await struckOut();
    const reason = (await db().application.findUniqueOrThrow({ where: { id: application.id } })).tierReason!;
    await db().application.update({
      where: { id: application.id },
      data: { contactOverrideAt: new Date(), contactOverrideReason: REASON, contactOverrideMatch: reason, tierReason: { ...(reason as object), companyName: "Откат-Бета" } },
    });
    expect(await db().$transaction((tx) => contactRefusals(tx, [application.id, "no-such-application"]))).toEqual(new Map([[application.id, "excluded"]]));
    await expect(db().$transaction((tx) => assertMayContact(tx, "no-such-application"))).rejects.toMatchObject({ problem: "not-found" });
  });
});

describe("the override on the profile", () => {
  test("is offered for an open excluded application, not for a rejected one", async () => {
    const { default: CandidatePage, loader: profileLoader } = await import("~/routes/candidates.$id");
    const { renderRoute } = await import("../render-route");
    const { moveToStage } = await import("~/pipeline/pipeline.server");
    const recruiter = await createUser({ roles: ["RECRUITER"] });
    const cookie = await sessionCookie(recruiter.id);
    const excluded = await application("EXCLUDED");
    const page = () =>
      renderRoute(getRequest(`/candidates/${excluded.candidateId}`, cookie), {
        path: "/candidates/:id",
        loader: profileLoader as never,
        Component: CandidatePage,
      });
    const formAction = `action="/applications/${excluded.id}/contact-override"`;
    expect(await page()).toContain(formAction);

    await db().$transaction((tx) => moveToStage(tx, { applicationId: excluded.id, to: "REJECTED", actorId: recruiter.id, reason: "Исключённая компания" }));
    const rejected = await page();
    expect(rejected).not.toContain(formAction);
    expect(rejected).not.toContain("Связь с кандидатом из исключённой компании");
  });
});
