import { beforeAll, describe, expect, it } from "vitest";
import { addApplication, moveApplication } from "~/pipeline/pipeline.server";
import { action } from "~/routes/candidates._index";
import { db } from "~/utils/db.server";
import { createCandidate, createUser, formRequest, respond, sessionCookie } from "../factories";

let recruiterId: string;
let recruiterCookie: string;
let managerCookie: string;
let vacancyId: string;
const c: Record<string, string> = {};

const post = async (fields: Record<string, string | string[]>, cookie = recruiterCookie) => {
  const response = await respond(() =>
    action({ request: formRequest(`/candidates?index&vacancy=${vacancyId}`, fields, cookie), params: {}, context: {} }),
  );
  return { status: response.status, body: response.status < 500 && response.headers.get("Content-Type")?.includes("json") ? await response.json() : null };
};
const stageOf = async (key: string) =>
  (await db().application.findUniqueOrThrow({ where: { candidateId_vacancyId: { candidateId: c[key]!, vacancyId } } })).stage;
const skips = (report: { skipped: Array<{ candidateId: string; reason: string }> }) =>
  Object.fromEntries(report.skipped.map((s) => [Object.entries(c).find(([, id]) => id === s.candidateId)?.[0] ?? s.candidateId, s.reason]));

beforeAll(async () => {
  const recruiter = await createUser({ roles: ["RECRUITER"] });
  recruiterId = recruiter.id;
  recruiterCookie = await sessionCookie(recruiter.id);
  managerCookie = await sessionCookie((await createUser({ roles: ["HIRING_MANAGER"] })).id);
  vacancyId = (await db().vacancy.create({ data: { title: "KAM", city: "Москва", industry: "Оборудование", status: "OPEN" } })).id;
  for (const key of ["sourced", "contacted", "hired", "excluded", "overridden", "quiet", "elsewhere"]) {
    c[key] = (await createCandidate({ lastName: `Bulk-${key}`, doNotContact: key === "quiet" })).id;
  }
  c.erased = (await createCandidate({ firstName: "", lastName: "", erasedAt: new Date() })).id;
  c.merged = (await createCandidate({ mergedIntoId: c.sourced })).id;
  const add = async (key: string, tier: "OPEN_MARKET" | "EXCLUDED" = "OPEN_MARKET", path: Array<"CONTACTED" | "INTERVIEW_INVITED" | "PROBATION" | "HIRED"> = []) => {
    const application = await addApplication({ candidateId: c[key]!, vacancyId, actorId: recruiterId, tier });
    for (const to of path) await moveApplication({ applicationId: application.id, to, actorId: recruiterId });
    return application;
  };
  await add("sourced");
  await add("contacted", "OPEN_MARKET", ["CONTACTED"]);
  await add("hired", "OPEN_MARKET", ["INTERVIEW_INVITED", "PROBATION", "HIRED"]);
  await add("excluded", "EXCLUDED");
  const overridden = await add("overridden", "EXCLUDED");
  await db().application.update({ where: { id: overridden.id }, data: { contactOverrideAt: new Date(), contactOverrideReason: "Ушёл оттуда 5 лет назад" } });
  await add("quiet");
  await add("erased");
});

describe("bulk stage moves", () => {
  it("moves the candidates it may, through the pipeline, and says why it skipped the others", async () => {
    const { status, body } = await post({ intent: "move", to: "CONTACTED", vacancy: vacancyId, ids: [c.sourced!, c.contacted!, c.hired!, c.elsewhere!, c.merged!, "nosuchid"] });
    expect(status).toBe(200);
    expect(body.report).toMatchObject({ intent: "move", changed: 1 });
    expect(skips(body.report)).toEqual({
      contacted: "same-stage",
      hired: "not-allowed",
      elsewhere: "no-application",
      merged: "merged",
      nosuchid: "not-found",
    });
    expect(body.report.names[c.hired!]).toMatchObject({ lastName: "Bulk-hired" });
    expect(await stageOf("sourced")).toBe("CONTACTED");
    const history = await db().stageChange.findMany({ where: { application: { candidateId: c.sourced } }, orderBy: { id: "asc" } });
    expect(history.map((h) => [h.fromStage, h.toStage, h.actorId])).toEqual([[null, "SOURCED", recruiterId], ["SOURCED", "CONTACTED", recruiterId]]);
    expect(await db().auditEntry.count({ where: { entityId: c.sourced, action: "candidate.stage-move" } })).toBe(1);
    expect(await db().auditEntry.count({ where: { entityId: c.hired } })).toBe(0);
  });

  it("needs a reason to go a step back, and a vacancy at all", async () => {
    const back = await post({ intent: "move", to: "SOURCED", vacancy: vacancyId, ids: [c.contacted!] });
    expect(skips(back.body.report)).toEqual({ contacted: "reason-required" });
    const withReason = await post({ intent: "move", to: "SOURCED", vacancy: vacancyId, ids: [c.contacted!], moveReason: "Ошиблись кнопкой" });
    expect(withReason.body.report.changed).toBe(1);
    expect(await stageOf("contacted")).toBe("SOURCED");
    const noVacancy = await post({ intent: "move", to: "CONTACTED", ids: [c.contacted!] });
    expect(noVacancy.status).toBe(400);
    expect(noVacancy.body.lastResult.error).toMatchObject({ vacancy: ["candidateList.errors.vacancyRequired"] });
    const nobody = await post({ intent: "move", to: "CONTACTED", vacancy: vacancyId });
    expect(nobody.body.lastResult.error).toMatchObject({ ids: ["candidateList.errors.noneSelected"] });
  });
});

describe("moves into a contact stage obey the one contact rule", () => {
  it("skip the excluded without an override, the do-not-contact and the erased; a step back reaches nobody", async () => {
    const { body } = await post({ intent: "move", to: "CONTACTED", vacancy: vacancyId, ids: [c.excluded!, c.overridden!, c.quiet!, c.erased!] });
    expect(body.report.changed).toBe(1);
    expect(skips(body.report)).toEqual({ excluded: "excluded", quiet: "do-not-contact", erased: "erased" });
    expect(await stageOf("overridden")).toBe("CONTACTED");
    for (const key of ["excluded", "quiet", "erased"]) expect(await stageOf(key)).toBe("SOURCED");
    // Skipping a stage does not skip the rule: the questionnaire and the invitation reach the person too.
    for (const to of ["QUESTIONNAIRE_SENT", "INTERVIEW_INVITED"]) {
      const later = await post({ intent: "move", to, vacancy: vacancyId, ids: [c.excluded!, c.quiet!] });
      expect(skips(later.body.report)).toEqual({ excluded: "excluded", quiet: "do-not-contact" });
    }

    // The person asks to be left alone after the first contact: a step back with a reason is still possible, a step forward is not.
    await db().candidate.update({ where: { id: c.overridden }, data: { doNotContact: true, doNotContactAt: new Date() } });
    const forward = await post({ intent: "move", to: "QUESTIONNAIRE_SENT", vacancy: vacancyId, ids: [c.overridden!] });
    expect(skips(forward.body.report)).toEqual({ overridden: "do-not-contact" });
    const back = await post({ intent: "move", to: "SOURCED", vacancy: vacancyId, ids: [c.overridden!], moveReason: "Ошиблись кнопкой" });
    expect(back.body.report.changed).toBe(1);
    await db().candidate.update({ where: { id: c.overridden }, data: { doNotContact: false, doNotContactAt: null } });
    expect(await db().stageChange.count({ where: { application: { candidateId: { in: [c.excluded!, c.quiet!, c.erased!] } }, toStage: { not: "SOURCED" } } })).toBe(0);
  });
});

describe("bulk rejection", () => {
  it("needs a reason and records it in the history", async () => {
    const empty = await post({ intent: "reject", vacancy: vacancyId, ids: [c.contacted!], reason: "  " });
    expect(empty.status).toBe(400);
    expect(empty.body.lastResult.error).toMatchObject({ reason: ["validation.required"] });
    expect(await stageOf("contacted")).toBe("SOURCED");

    const { body } = await post({ intent: "reject", vacancy: vacancyId, ids: [c.contacted!, c.hired!], reason: "Нет опыта в B2B" });
    expect(body.report.changed).toBe(1);
    expect(skips(body.report)).toEqual({ hired: "not-allowed" });
    const last = await db().stageChange.findFirstOrThrow({ where: { application: { candidateId: c.contacted } }, orderBy: { id: "desc" } });
    expect(last).toMatchObject({ toStage: "REJECTED", reason: "Нет опыта в B2B" });
  });
});

describe("campaign lists", () => {
  it("creates a list by name and skips the excluded, the do-not-contact and the erased", async () => {
    const ids = [c.sourced!, c.excluded!, c.overridden!, c.quiet!, c.erased!, c.elsewhere!];
    const { body } = await post({ intent: "campaign", vacancy: vacancyId, campaignName: "Первая волна", ids });
    expect(body.report).toMatchObject({ changed: 2, campaign: { name: "Первая волна" } });
    expect(skips(body.report)).toEqual({ excluded: "excluded", quiet: "do-not-contact", erased: "erased", elsewhere: "no-application" });
    expect(body.report.names[c.erased!]).toBeNull();
    const members = await db().campaignMember.findMany({ where: { campaign: { name: "Первая волна" } }, select: { application: { select: { candidateId: true } } } });
    expect(members.map((m) => m.application.candidateId).sort()).toEqual([c.sourced, c.overridden].sort());
    expect(await db().auditEntry.count({ where: { action: "candidate.campaign-add" } })).toBe(2);

    const campaignId = body.report.campaign.id;
    const again = await post({ intent: "campaign", vacancy: vacancyId, campaignId, ids: [c.sourced!] });
    expect(again.body.report).toMatchObject({ changed: 0, skipped: [{ candidateId: c.sourced, reason: "already-in-list" }] });
    const sameName = await post({ intent: "campaign", vacancy: vacancyId, campaignName: "Первая волна", ids: [c.sourced!] });
    expect(sameName.body.report.campaign.id).toBe(campaignId);
    expect(await db().campaign.count()).toBe(1);
    const none = await post({ intent: "campaign", vacancy: vacancyId, ids: [c.sourced!] });
    expect(none.body.lastResult.error).toMatchObject({ campaignName: ["candidateList.errors.campaignRequired"] });
  });
});

describe("tags", () => {
  it("adds and removes a tag, skipping those who have it or not", async () => {
    await db().candidate.update({ where: { id: c.contacted }, data: { tags: ["сильный"] } });
    const added = await post({ intent: "tag-add", tag: "  сильный ", ids: [c.sourced!, c.contacted!, c.erased!] });
    expect(added.body.report.changed).toBe(1);
    expect(skips(added.body.report)).toEqual({ contacted: "already-tagged", erased: "erased" });
    expect((await db().candidate.findUniqueOrThrow({ where: { id: c.sourced } })).tags).toEqual(["сильный"]);
    const removed = await post({ intent: "tag-remove", tag: "сильный", ids: [c.sourced!, c.hired!] });
    expect(removed.body.report.changed).toBe(1);
    expect(skips(removed.body.report)).toEqual({ hired: "not-tagged" });
    expect((await db().candidate.findUniqueOrThrow({ where: { id: c.sourced } })).tags).toEqual([]);
    const audits = await db().auditEntry.findMany({ where: { entityId: c.sourced, action: { startsWith: "candidate.tag" } }, orderBy: { id: "asc" } });
    expect(audits.map((a) => [a.action, a.actorId, a.details])).toEqual([
      ["candidate.tag-add", recruiterId, { tag: "сильный", bulk: true }],
      ["candidate.tag-remove", recruiterId, { tag: "сильный", bulk: true }],
    ]);
  });
});

it("refuses a hiring manager and changes nothing", async () => {
  const before = await db().auditEntry.count();
  const { status } = await post({ intent: "tag-add", tag: "x", ids: [c.sourced!] }, managerCookie);
  expect(status).toBe(403);
  expect(await db().auditEntry.count()).toBe(before);
});
